#pragma once
// The options of an offscreen session the viewer tests render: no demo, no panels, a small image.
#include <filesystem>

#include "twin/app_options.h"

namespace jbt::test {

inline AppOptions offscreenOptions(const std::filesystem::path& dir, int width = 320, int height = 240) {
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = width;
    o.height = height;
    return o;
}

}  // namespace jbt::test
