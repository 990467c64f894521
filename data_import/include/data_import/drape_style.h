#pragma once
// Styles of draped layers (areas, roads, boundaries): which colour and width each feature gets,
// and the legend that says so. The scene lays the features on the terrain as geometry.
#include <string>
#include <vector>

#include "model/drape.h"
#include "model/feature.h"

namespace jbt {

// Sensible styles for common data: OSM roads by `highway` class (width, casing and centre line
// by class), OSM and Chinese land use by `landuse`/`leisure`/`natural`, boundaries without land
// use as outlines, everything else by a single colour.
DrapeStyle defaultDrapeStyle(const LayerData& layer, const std::string& styleField);

struct StyledLayer {
    std::vector<FeatureLook> looks;  // one per feature, in order
    std::vector<LegendEntry> legend;
};

// Applies the style to every feature (categories met for the first time take the next palette
// colour; graduated classes are quantiles of the layer's own values).
StyledLayer applyDrapeStyle(const LayerData& layer, const DrapeStyle& style);

}  // namespace jbt
