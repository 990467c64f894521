#include "twin/far_layer.h"

#include <filesystem>

#include "model/error.h"

namespace jbt {

std::string FarLayer::name() const { return defaultLayerName(options); }

std::string FarLayer::message() const {
    return options.path + " lies " + std::to_string(int(distanceM / 1000)) +
           " km from the scene centre: not drawn here (a scene holds the " + std::to_string(int(kRegionRadiusM / 1000)) +
           " km around its centre): \"Go there\" in Layers opens it";
}

std::optional<FarLayer> farFromCentre(GeoPoint sceneCentre, const ImportOptions& options) {
    std::optional<GeoPoint> c;
    try {
        c = probeCentre(options);
    } catch (const Error&) {
        return std::nullopt;
    }
    if (!c) return std::nullopt;
    double d = distanceMetres(*c, sceneCentre);
    if (d <= kRegionRadiusM) return std::nullopt;
    return FarLayer{options, *c, d};
}

}  // namespace jbt
