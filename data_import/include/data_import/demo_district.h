#pragma once
// The generated demo district: deterministic buildings around the named places, heights by
// zone. It stands in for real Jiangbei buildings, which are not available to ship.
#include <cstdint>
#include <vector>

#include "model/drape.h"
#include "model/feature.h"
#include "data_import/places.h"
#include "data_import/scene_frame.h"

namespace jbt {

class RiverMask;

struct DemoDistrictOptions {
    std::uint64_t seed = 20261124;
    const RiverMask* rivers = nullptr;  // no buildings in the rivers or on their banks
    // The built-up area (scene coordinates): blocks fill it between the named quarters, on the
    // nearest quarter's street grid, so the city is continuous rather than islands in fields.
    std::vector<Vec2> urbanArea;
};

LayerData generateDemoDistrict(const std::vector<Place>& places, const SceneFrame& frame,
                               const DemoDistrictOptions& options = {});

// The buildings and the road network that goes with them, made in one pass: streets round every
// block a quarter filled and trunk roads joining every place to its nearest neighbours (line
// features with an OSM `highway` class), and the blocks' ground inside the streets (areas with
// a `landuse` of their quarter's kind).
struct DemoCity {
    LayerData buildings, roads, blocks;
};
// How the blocks are drawn: muted ground tones by quarter, no outlines (the streets are those).
DrapeStyle demoBlockStyle();
DemoCity generateDemoCity(const std::vector<Place>& places, const SceneFrame& frame,
                          const DemoDistrictOptions& options = {});

}  // namespace jbt
