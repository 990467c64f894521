#include "tiles/tile_fetch.h"

#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>
#include <vector>

#include "model/error.h"
#include "model/url.h"

namespace jbt {
namespace fs = std::filesystem;

namespace {

std::string readFile(const std::string& path, const std::string& name) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw Error(name + ": no such file");
    std::ostringstream os;
    os << f.rdbuf();
    return os.str();
}

std::string cacheName(const std::string& uri) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016zx", std::hash<std::string>{}(uri));
    return buf;
}

// "a/b/../c/./d" → "a/c/d" (the part after the URL's origin, or a path).
std::string foldDots(const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream is(path);
    bool absolute = !path.empty() && path[0] == '/';
    while (std::getline(is, part, '/')) {
        if (part.empty() || part == ".") continue;
        if (part == ".." && !parts.empty() && parts.back() != "..") parts.pop_back();
        else parts.push_back(part);
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
    return out;
}

}  // namespace

bool isHttpUri(const std::string& uri) { return uri.rfind("http://", 0) == 0 || uri.rfind("https://", 0) == 0; }

std::string parentOf(const std::string& uri) {
    if (isHttpUri(uri)) {
        std::size_t slash = uri.find_last_of('/');
        return slash > uri.find("://") + 2 ? uri.substr(0, slash) : uri;
    }
    return fs::path(uri).parent_path().string();
}

std::string resolveUri(const std::string& base, const std::string& relative) {
    std::string clean = relative.substr(0, relative.find_first_of("?#"));
    if (isHttpUri(clean)) return clean;
    if (isHttpUri(base)) {
        std::size_t hostEnd = base.find('/', base.find("://") + 3);
        std::string origin = hostEnd == std::string::npos ? base : base.substr(0, hostEnd);
        std::string path = hostEnd == std::string::npos ? "" : base.substr(hostEnd);
        return origin + foldDots(!clean.empty() && clean[0] == '/' ? clean : path + "/" + clean);
    }
    if (!clean.empty() && clean[0] == '/') return clean;
    return (fs::path(base) / clean).lexically_normal().string();
}

std::string defaultTileCacheDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    std::string root = xdg && *xdg ? xdg : std::string(home ? home : "/tmp") + "/.cache";
    return root + "/jiangbei-twin/tiles";
}

std::string TileFetcher::fetch(const std::string& uri) const {
    if (!isHttpUri(uri)) return readFile(uri, uri);
    std::string cached = cacheDir_.empty() ? "" : cacheDir_ + "/" + cacheName(uri);
    if (!cached.empty() && fs::exists(cached)) return readFile(cached, uri);
    std::optional<Url> url = parseUrl(uri);
    if (!url) throw Error(uri + ": not a URL this viewer reads");
    if (url->scheme == "https") throw Error(uri + ": HTTPS is not built in here; use http:// or a local copy");
    httplib::Client client(url->origin());
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    httplib::Result res = client.Get(url->path);
    if (!res) throw Error(uri + ": unreachable (" + httplib::to_string(res.error()) + ")");
    if (res->status != 200) throw Error(uri + ": HTTP " + std::to_string(res->status));
    if (!cached.empty()) {
        std::error_code ec;
        fs::create_directories(cacheDir_, ec);
        // Written aside and renamed: a reader never sees half a file.
        std::string part = cached + ".part" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
        std::ofstream(part, std::ios::binary) << res->body;
        fs::rename(part, cached, ec);
    }
    return res->body;
}

}  // namespace jbt
