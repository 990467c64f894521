#pragma once
// Where tileset files come from: local paths, or http:// URLs kept in a disk cache (a tileset's
// files do not change under a URL; a cached file is not asked for again). Relative URIs in a
// tileset resolve against the folder or URL of the file that names them.
#include <string>

namespace jbt {

class TileFetcher {
public:
    explicit TileFetcher(std::string cacheDir = "") : cacheDir_(std::move(cacheDir)) {}
    // The file's bytes; throws Error "URI: REASON" (no such file, HTTP 404, unreachable…).
    // Safe to call from several threads at once.
    std::string fetch(const std::string& uri) const;

private:
    std::string cacheDir_;
};

bool isHttpUri(const std::string& uri);
// The folder (or URL "directory") a file lies in, without the trailing slash.
std::string parentOf(const std::string& uri);
// `relative` as named inside a file that lies in `base` (a folder or URL directory); absolute
// paths and URLs stay as they are; "." and ".." segments are folded; query and fragment dropped.
std::string resolveUri(const std::string& base, const std::string& relative);

// ~/.cache/jiangbei-twin/tiles (or under $XDG_CACHE_HOME).
std::string defaultTileCacheDir();

}  // namespace jbt
