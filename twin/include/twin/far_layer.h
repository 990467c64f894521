#pragma once
// Layers too far from the scene's centre to be drawn in it. A scene holds the kRegionRadiusM
// around its centre (model/geo.h); a layer centred beyond is listed, and opening it moves the
// scene's centre there.
#include <optional>
#include <string>

#include "data_import/ogr_layer_reader.h"

namespace jbt {

struct FarLayer {
    ImportOptions options;
    GeoPoint centre;
    double distanceM = 0;
    std::string name() const;     // as the layer would be named in the scene
    std::string message() const;  // "FILE lies N km from the scene centre: …"
};

// The layer as a FarLayer if its centre lies beyond the region around `sceneCentre`; nullopt
// when it lies within, or its centre cannot be probed (the import then says why).
std::optional<FarLayer> farFromCentre(GeoPoint sceneCentre, const ImportOptions& options);

}  // namespace jbt
