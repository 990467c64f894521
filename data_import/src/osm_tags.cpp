#include "data_import/osm_tags.h"

namespace jbt {
namespace {

// Reads a double-quoted token starting at s[i] == '"'; handles \" and \\ escapes.
bool readQuoted(const std::string& s, std::size_t& i, std::string& out) {
    if (i >= s.size() || s[i] != '"') return false;
    out.clear();
    for (++i; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            out += s[++i];
        } else if (c == '"') {
            ++i;
            return true;
        } else {
            out += c;
        }
    }
    return false;
}

}  // namespace

void appendHstoreTags(const std::string& s, Attributes& out) {
    std::size_t i = 0;
    std::string key, value;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
        if (!readQuoted(s, i, key)) return;
        while (i < s.size() && s[i] == ' ') ++i;
        if (s.compare(i, 2, "=>") != 0) return;
        i += 2;
        while (i < s.size() && s[i] == ' ') ++i;
        if (!readQuoted(s, i, value)) return;
        out.emplace_back(key, value);
    }
}

}  // namespace jbt
