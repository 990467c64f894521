#pragma once
// The generated demo district: deterministic buildings around the named places, heights by
// zone. It stands in for real Jiangbei buildings, which are not available to ship.
#include <cstdint>
#include <vector>

#include "model/feature.h"
#include "data_import/places.h"
#include "data_import/scene_frame.h"

namespace jbt {

class RiverMask;

struct DemoDistrictOptions {
    std::uint64_t seed = 20261124;
    const RiverMask* rivers = nullptr;  // no buildings in the rivers or on their banks
};

LayerData generateDemoDistrict(const std::vector<Place>& places, const SceneFrame& frame,
                               const DemoDistrictOptions& options = {});

// The demo road network: each quarter's street grid (between its building blocks) and trunk
// roads joining every place to its nearest neighbours. Line features with an OSM `highway` class.
LayerData generateDemoRoads(const std::vector<Place>& places, const SceneFrame& frame,
                            const DemoDistrictOptions& options = {});

}  // namespace jbt
