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

}  // namespace jbt
