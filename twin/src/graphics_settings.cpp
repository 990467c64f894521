#include "twin/graphics_settings.h"

#include <algorithm>
#include <cmath>

namespace jbt {

GraphicsSettings graphicsFor(Quality q) {
    GraphicsSettings g;
    g.quality = q;
    switch (q) {
        case Quality::Low:  // software GL, video walls: the cheapest look that still reads
            g.msaaSamples = 0;
            g.sky = false;
            g.edgeFade = true;
            break;
        case Quality::Medium: break;
        case Quality::High:
            g.msaaSamples = 8;  // asked for: on a software renderer too
            break;
    }
    return g;
}

int shadowMapSizeFor(Quality q) { return q == Quality::Low ? 0 : q == Quality::High ? 4096 : 2048; }

const char* qualityName(Quality q) {
    switch (q) {
        case Quality::Low: return "low";
        case Quality::Medium: return "medium";
        case Quality::High: return "high";
    }
    return "medium";
}

std::optional<Quality> parseQuality(const std::string& name) {
    for (Quality q : {Quality::Low, Quality::Medium, Quality::High})
        if (name == qualityName(q)) return q;
    return std::nullopt;
}

float hazeDensityFor(float fog) {
    float f = std::clamp(fog, 0.0f, 1.0f);
    return 5e-6f + 1.6e-4f * f * f;  // clear: 5 % at 10 km; the default 0.25: 14 %; thick: 80 % at 10 km
}

}  // namespace jbt
