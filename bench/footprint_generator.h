#pragma once
// Generated building footprints of realistic shape for benchmarks: rectangles, L-shapes,
// courtyards (with holes) and irregular outlines, laid out on a jittered street grid.
#include <cstdint>
#include <string>
#include <vector>

#include "model/feature.h"

namespace jbt::bench {

// Footprints in scene metres around the origin, with heights (for the render benchmark).
LayerData generateFootprints(std::size_t count, std::uint64_t seed = 7);

// The same footprints as a GeoJSON FeatureCollection in WGS84 lon/lat around (lon0, lat0),
// heights in a `height` or `building:levels` property (for the import benchmark).
void writeFootprintsGeoJson(std::size_t count, const std::string& path, double lon0 = 106.60, double lat0 = 29.60);

// "10000,100000" → {10000, 100000}.
std::vector<std::size_t> parseSizes(const std::string& list);

}  // namespace jbt::bench
