#pragma once
// How draped layers (areas, roads, boundaries) are coloured, and the image they are burnt into
// for the terrain shader to lay over the ground.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

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

}  // namespace jbt
