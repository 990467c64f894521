#pragma once
// Draped vector layers (areas, roads, boundaries) burnt into one RGBA image that the terrain
// shader lays over the ground: it follows the terrain exactly and can never z-fight with it.
// GDAL rasterizes; GEOS buffers lines to their width.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data_import/feature.h"

namespace jbt {

using Rgba = std::array<std::uint8_t, 4>;

struct DrapeStyle {
    enum class Mode { Single, Categorical, Graduated };
    Mode mode = Mode::Single;
    std::string field;                 // attribute the colour (and line width) follows
    Rgba color{200, 80, 60, 200};      // Single
    double lineWidthM = 6;             // lines and outlines, metres
    bool outlineOnly = false;          // areas drawn as their boundary (districts, grids)
    std::map<std::string, Rgba> categories;         // Categorical: value → colour (others: palette)
    std::map<std::string, double> widthByCategory;  // Categorical lines: value → width
    int classes = 5;                                // Graduated: quantile classes
};

// Sensible styles for common data: OSM roads by `highway` class (width by class), OSM and
// Chinese land use by `landuse`/`leisure`/`natural`, everything else by a single colour.
DrapeStyle defaultDrapeStyle(const LayerData& layer, const std::string& styleField);

struct LegendEntry {
    std::string label;
    Rgba color;
};

struct DrapeImage {
    double originX = 0, originY = 0;  // scene metres of the south-west corner
    double pixelSize = 10;            // metres
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;   // row 0 is the south edge
    bool empty() const { return width == 0 || height == 0; }
};

struct DrapeBounds {
    double minX, minY, maxX, maxY;
};

// Burns the layers, in order, into one image covering `bounds` at about `pixelSize` metres
// (coarser if the image would pass maxPixels per side). Fills `legends` per layer.
DrapeImage rasterizeDrapes(const std::vector<const LayerData*>& layers, const std::vector<DrapeStyle>& styles,
                           DrapeBounds bounds, double pixelSize, std::vector<std::vector<LegendEntry>>& legends,
                           int maxPixels = 8192);

}  // namespace jbt
