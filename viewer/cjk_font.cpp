#include "viewer/cjk_font.h"

#include <cstdio>
#include <filesystem>

namespace jbt {

namespace {

std::string searchCjkFont(std::string& hint) {
    // Packages fonts-wqy-microhei, fonts-noto-cjk and fonts-wqy-zenhei, in order of preference.
    for (const char* p : {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"})
        if (std::filesystem::exists(p)) return p;
    // Anything else fontconfig knows that covers Chinese.
    if (FILE* f = popen("fc-match -f '%{file}' ':lang=zh-cn' 2>/dev/null", "r")) {
        char buf[1024] = {};
        std::size_t n = fread(buf, 1, sizeof buf - 1, f);
        pclose(f);
        std::string path(buf, n);
        auto ext = std::filesystem::path(path).extension().string();
        if (!path.empty() && std::filesystem::exists(path) && (ext == ".ttc" || ext == ".ttf" || ext == ".otf"))
            return path;
    }
    hint = "no Chinese font found: install one with 'apt-get install fonts-wqy-microhei' (Chinese text shows as '?' until then)";
    return {};
}

}  // namespace

std::string findCjkFont(std::string& hint) {
    // Looked up once: the UI, labels and notices all ask, and fc-match is a process start.
    static std::string cachedHint;
    static const std::string font = searchCjkFont(cachedHint);
    hint = cachedHint;
    return font;
}

}  // namespace jbt
