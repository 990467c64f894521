#include "model/url.h"

#include <algorithm>
#include <cctype>

namespace jbt {
namespace {

int defaultPort(const std::string& scheme) {
    if (scheme == "http") return 80;
    if (scheme == "https") return 443;
    if (scheme == "mqtt") return 1883;
    return 0;
}

}  // namespace

std::optional<Url> parseUrl(const std::string& text) {
    auto sep = text.find("://");
    if (sep == std::string::npos || sep == 0) return std::nullopt;
    Url u;
    u.scheme = text.substr(0, sep);
    std::transform(u.scheme.begin(), u.scheme.end(), u.scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string rest = text.substr(sep + 3);
    auto slash = rest.find('/');
    std::string hostPort = rest.substr(0, slash);
    u.path = slash == std::string::npos ? "/" : rest.substr(slash);
    auto colon = hostPort.rfind(':');
    bool bracketed = !hostPort.empty() && hostPort.front() == '[';  // [::1]:8080
    if (colon != std::string::npos && (!bracketed || hostPort.find(']') < colon)) {
        std::string port = hostPort.substr(colon + 1);
        if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        u.port = std::stoi(port);
        if (u.port < 1 || u.port > 65535) return std::nullopt;
        u.host = hostPort.substr(0, colon);
    } else {
        u.host = hostPort;
        u.port = defaultPort(u.scheme);
    }
    if (bracketed && u.host.size() >= 2 && u.host.back() == ']') u.host = u.host.substr(1, u.host.size() - 2);
    if (u.host.empty() || u.port == 0) return std::nullopt;
    return u;
}

std::string withoutPasswords(const std::string& text) {
    std::string out = text;
    for (std::size_t at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
        std::size_t start = at + 9, end = start;
        if (end < out.size() && out[end] == '\'') {
            end = out.find('\'', end + 1);
            end = end == std::string::npos ? out.size() : end + 1;
        } else {
            while (end < out.size() && out[end] != ' ' && out[end] != '\t') ++end;
        }
        out.replace(start, end - start, "***");
    }
    // scheme://user:password@host
    for (std::size_t s = out.find("://"); s != std::string::npos; s = out.find("://", s + 3)) {
        std::size_t hostEnd = out.find_first_of("/ ", s + 3);
        std::size_t atSign = out.find('@', s + 3);
        if (atSign == std::string::npos || (hostEnd != std::string::npos && atSign > hostEnd)) continue;
        std::size_t colon = out.find(':', s + 3);
        if (colon != std::string::npos && colon < atSign) out.replace(colon + 1, atSign - colon - 1, "***");
    }
    return out;
}

}  // namespace jbt
