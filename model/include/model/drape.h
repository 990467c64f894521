#pragma once
// How draped layers (areas, roads, boundaries) are coloured and how wide their lines are: the
// scene lays them on the terrain as geometry in these colours.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace jbt {

using Rgba = std::array<std::uint8_t, 4>;

// What one feature of a draped layer looks like once its style is applied.
struct FeatureLook {
    enum class CentreLine : std::uint8_t { None, Solid, Dashed };
    Rgba color;
    double widthM = 6;                   // lines
    CentreLine centre = CentreLine::None;  // roads of a class that has one
};

struct DrapeStyle {
    enum class Mode { Single, Categorical, Graduated };
    Mode mode = Mode::Single;
    std::string field;                 // attribute the colour (and line width) follows
    Rgba color{200, 80, 60, 200};      // Single
    double lineWidthM = 6;             // lines, metres on the ground
    bool outlineOnly = false;          // areas drawn as their boundary (districts, grids)
    float outlinePx = 1.5f;            // areas' outlines (and outline-only boundaries), pixels
    bool roads = false;                // lines are roads: a darker casing, centre lines by class
    std::map<std::string, Rgba> categories;         // Categorical: value → colour (others: palette)
    std::map<std::string, double> widthByCategory;  // Categorical lines: value → width
    std::map<std::string, FeatureLook::CentreLine> centreByCategory;  // roads: value → centre line
    int classes = 5;                                // Graduated: quantile classes
};

struct LegendEntry {
    std::string label;
    Rgba color;
};

}  // namespace jbt
