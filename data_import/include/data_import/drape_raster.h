#pragma once
// Draped vector layers (areas, roads, boundaries) burnt into one RGBA image that the terrain
// shader lays over the ground: it follows the terrain exactly and can never z-fight with it.
// GDAL rasterizes; GEOS buffers lines to their width.
#include <string>
#include <vector>

#include "model/drape.h"
#include "model/feature.h"

namespace jbt {

// Sensible styles for common data: OSM roads by `highway` class (width by class), OSM and
// Chinese land use by `landuse`/`leisure`/`natural`, everything else by a single colour.
DrapeStyle defaultDrapeStyle(const LayerData& layer, const std::string& styleField);

// Burns the layers, in order, into one image covering `bounds` at about `pixelSize` metres
// (coarser if the image would pass maxPixels per side). Fills `legends` per layer.
DrapeImage rasterizeDrapes(const std::vector<const LayerData*>& layers, const std::vector<DrapeStyle>& styles,
                           DrapeBounds bounds, double pixelSize, std::vector<std::vector<LegendEntry>>& legends,
                           int maxPixels = 8192);

}  // namespace jbt
