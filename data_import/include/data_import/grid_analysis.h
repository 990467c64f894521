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

// Which cell holds a point: a bucket grid over the cells' bounding boxes, so a point is tested
// against the few cells near it instead of all of them.
class CellIndex {
public:
    explicit CellIndex(const std::vector<GridCell>& cells);
    int cellOf(Vec2 p) const;  // -1 when no cell holds it

private:
    const std::vector<GridCell>* cells_;
    double x0_ = 0, y0_ = 0, size_ = 1;
    int cols_ = 0, rows_ = 0;
    std::vector<std::vector<int>> buckets_;
};

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
