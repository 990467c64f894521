#pragma once
// How much the renderer does: one preset per kind of machine (--quality), each effect also
// switchable on its own in the Graphics panel. Weak machines and video walls take "low".
#include <optional>
#include <string>

namespace jbt {

enum class Quality { Low, Medium, High };

struct GraphicsSettings {
    Quality quality = Quality::Medium;
    // Anti-aliasing samples per pixel (0: off; -1: auto, 4 where the GPU does it cheaply and none
    // on a software renderer, where 4 samples double the frame time); needs a new window to change.
    int msaaSamples = -1;
    bool sky = true;         // the atmosphere pass; off: a flat haze colour behind the scene
    bool edgeFade = true;    // the terrain's edges fade into the haze instead of ending in a cliff
    float fog = 0.25f;       // 0 clear air … 1 Chongqing's thickest fog (雾都)
};

GraphicsSettings graphicsFor(Quality quality);
int shadowMapSizeFor(Quality quality);  // sun shadows' texels per side (0: off), for --shadows' default
const char* qualityName(Quality quality);  // "low", "medium", "high"
std::optional<Quality> parseQuality(const std::string& name);

// Haze per metre of view distance for a fog setting (what the scene's shaders read).
float hazeDensityFor(float fog);

}  // namespace jbt
