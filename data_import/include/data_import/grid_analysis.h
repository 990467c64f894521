#pragma once
// Grid management (网格化) analytics: a regular grid of cells over the district clipped to its
// boundary, events counted per cell, and the share of each cell (and of the district) that is
// green space. Geometry work is GEOS through OGR.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "model/feature.h"
#include "data_import/governance_events.h"

namespace jbt {

struct GridCell {
    std::string id;      // "R03C12": row from the south, column from the west
    Polygon shape;       // scene metres, clipped to the boundary
    double area = 0;     // m²
};

constexpr double kMaxGridCells = 40000;

// Square cells of `cellM` metres covering `boundary`, each clipped to it (empty ones dropped);
// larger cells where `cellM` would give more than kMaxGridCells over the boundary's envelope.
std::vector<GridCell> makeGrid(const std::vector<Polygon>& boundary, double cellM);

// Events inside each cell whose time is in [from, to).
std::vector<int> countEventsPerCell(const std::vector<GridCell>& cells, const EventSet& events,
                                    std::int64_t from = std::numeric_limits<std::int64_t>::min(),
                                    std::int64_t to = std::numeric_limits<std::int64_t>::max());

struct GreenCoverage {
    std::vector<double> perCell;  // 0…1
    double district = 0;          // 0…1 over all cells
};

// Overlapping green polygons count once (they are merged first).
GreenCoverage greenCoverage(const std::vector<GridCell>& cells, const std::vector<Polygon>& green);

// The cells as an areas layer (attributes: grid_id, events, green_ratio) for draping and styling.
LayerData gridLayer(const std::vector<GridCell>& cells, const std::vector<int>& events, const GreenCoverage& green);

}  // namespace jbt
