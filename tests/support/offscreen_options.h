#pragma once
// The options of an offscreen session the viewer tests render: no demo, no panels, a small image.
#include <filesystem>

#include "model/local_time.h"
#include "twin/app_options.h"

namespace jbt::test {

inline AppOptions offscreenOptions(const std::filesystem::path& dir, int width = 320, int height = 240) {
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = width;
    o.height = height;
    o.graphics.msaaSamples = 0;  // pixel tests look at exact edges (snapshots would smooth them)
    return o;
}

// The same at noon in spring without sun shadows: what pixel tests of the ground look at.
inline AppOptions middayOptions(const std::filesystem::path& dir) {
    AppOptions o = offscreenOptions(dir);
    o.shadowMapSize = 0;
    o.time = *parseLocalTime("2026-04-15T12:00", o.time);
    return o;
}

}  // namespace jbt::test
