#include "model/feature.h"

namespace jbt {

namespace {
constexpr const char* kKindNames[] = {"buildings", "areas", "lines", "points"};
}

const char* layerKindName(LayerKind kind) { return kKindNames[int(kind)]; }

std::optional<LayerKind> parseLayerKind(const std::string& name) {
    for (int i = 0; i < 4; ++i)
        if (name == kKindNames[i]) return LayerKind(i);
    return std::nullopt;
}

const char* surfaceKindName(SurfaceKind kind) {
    constexpr const char* names[] = {"wall", "roof", "ground", "closure"};
    return names[int(kind)];
}

}  // namespace jbt
