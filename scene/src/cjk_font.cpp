#include "scene/cjk_font.h"

#include <fontconfig/fontconfig.h>

#include <filesystem>

namespace jbt {

namespace {

// The file fontconfig matches for Simplified Chinese, if it really covers Chinese.
std::string fontconfigMatch() {
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return {};
    std::string path;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(":lang=zh-cn"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(config, pattern, &result)) {
        FcChar8* file = nullptr;
        FcLangSet* langs = nullptr;
        // fontconfig answers with its best font even when none covers Chinese: check it does.
        bool chinese = FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
                       FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) != FcLangDifferentLang;
        if (chinese && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) path = reinterpret_cast<const char*>(file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    FcConfigDestroy(config);
    return path;
}

std::string searchCjkFont(std::string& hint) {
    // Packages fonts-wqy-microhei, fonts-noto-cjk and fonts-wqy-zenhei, in order of preference.
    for (const char* p : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"})
        if (std::filesystem::exists(p)) return p;
    // Anything else fontconfig knows that covers Chinese.
    std::string path = fontconfigMatch();
    auto ext = std::filesystem::path(path).extension().string();
    if (!path.empty() && std::filesystem::exists(path) && (ext == ".ttc" || ext == ".ttf" || ext == ".otf")) return path;
    hint = "no Chinese font found: install one with 'apt-get install fonts-wqy-microhei' (Chinese text shows as '?' until then)";
    return {};
}

}  // namespace

std::string findCjkFont(std::string& hint) {
    // Looked up once: the UI, labels and notices all ask.
    static std::string cachedHint;
    static const std::string font = searchCjkFont(cachedHint);
    hint = cachedHint;
    return font;
}

}  // namespace jbt
