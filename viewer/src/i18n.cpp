#include "viewer/i18n.h"

#include <unordered_set>

namespace jbt {
namespace {

UiLanguage current = UiLanguage::Both;

// Characters beyond ASCII seen in UI text (the UI runs on one thread).
struct GlyphRegistry {
    std::unordered_set<char32_t> seen;
    std::string text;
    int version = 0;

    void note(const char* s) {
        for (const unsigned char* p = reinterpret_cast<const unsigned char*>(s); *p;) {
            if (*p < 0x80) {
                ++p;
                continue;
            }
            int len = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
            char32_t c = *p & (0x7F >> len);
            int i = 1;
            for (; i < len && (p[i] & 0xC0) == 0x80; ++i) c = (c << 6) | (p[i] & 0x3F);
            if (i == len && len > 1 && seen.insert(c).second) {
                text.append(reinterpret_cast<const char*>(p), std::size_t(len));
                ++version;
            }
            p += i;
        }
    }
};

GlyphRegistry& glyphs() {
    static GlyphRegistry registry;
    return registry;
}

}  // namespace

const char* uiText(const char* utf8) {
    glyphs().note(utf8);
    return utf8;
}

const std::string& uiText(const std::string& utf8) {
    glyphs().note(utf8.c_str());
    return utf8;
}

const std::string& uiGlyphText() { return glyphs().text; }
int uiGlyphVersion() { return glyphs().version; }

UiLanguage uiLanguage() { return current; }
void setUiLanguage(UiLanguage language) { current = language; }

std::string tr(const char* zh, const char* en) {
    uiText(zh);
    switch (current) {
        case UiLanguage::Chinese: return zh;
        case UiLanguage::English: return en;
        default: return std::string(zh) + " " + en;
    }
}

std::string windowTitle(const char* zh, const char* en, const char* id) { return tr(zh, en) + "###" + id; }

}  // namespace jbt
