#pragma once
// The one URL parser: live sources, the feed simulator and tile services read addresses of the
// form scheme://host[:port][/path]. Anything without "://" is not a URL (a file path).
#include <optional>
#include <string>

namespace jbt {

struct Url {
    std::string scheme;  // lower case: http, https, mqtt …
    std::string host;
    int port = 0;        // the scheme's default when the URL has none
    std::string path;    // starts with '/'; "/" when the URL has none
    // "scheme://host:port", what an HTTP client is given.
    std::string origin() const { return scheme + "://" + host + ":" + std::to_string(port); }
};

// nullopt for text that is not scheme://host[:port][/path] with a known default port or an
// explicit one in 1…65535.
std::optional<Url> parseUrl(const std::string& text);

// A source as it may be shown or logged: "password=…" of a PG: connection (quoted or not) and
// the password of scheme://user:password@host replaced by ***.
std::string withoutPasswords(const std::string& text);

}  // namespace jbt
