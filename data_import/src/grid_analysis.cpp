#include "data_import/grid_analysis.h"

#include <algorithm>
#include <cmath>

#include "data_import/ogr_polygons.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace jbt {
namespace {

// Overlaps merged, so every square metre counts once.
std::unique_ptr<OGRGeometry> unionOf(const std::vector<Polygon>& polys) {
    std::unique_ptr<OGRGeometry> acc;
    for (const Polygon& p : polys) {
        std::unique_ptr<OGRGeometry> g(toOgrPolygon(p)->MakeValid());
        if (!g || g->IsEmpty()) continue;
        acc = acc ? std::unique_ptr<OGRGeometry>(acc->Union(g.get())) : std::move(g);
    }
    return acc;
}


}  // namespace

std::vector<GridCell> makeGrid(const std::vector<Polygon>& boundary, double cellM) {
    std::vector<GridCell> cells;
    std::unique_ptr<OGRGeometry> area = unionOf(boundary);
    if (!area || area->IsEmpty() || cellM <= 0) return cells;
    OGREnvelope env;
    area->getEnvelope(&env);
    // A grid over a whole region at street-block size would be millions of cells: cells grow
    // until there are at most kMaxGridCells over the boundary's envelope.
    cellM = std::max(cellM, std::sqrt((env.MaxX - env.MinX) * (env.MaxY - env.MinY) / kMaxGridCells));
    int cols = int(std::ceil((env.MaxX - env.MinX) / cellM)), rows = int(std::ceil((env.MaxY - env.MinY) / cellM));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            double x0 = env.MinX + c * cellM, y0 = env.MinY + r * cellM;
            Polygon square{{{x0, y0}, {x0 + cellM, y0}, {x0 + cellM, y0 + cellM}, {x0, y0 + cellM}}, {}};
            std::unique_ptr<OGRPolygon> sq = toOgrPolygon(square);
            if (!sq->Intersects(area.get())) continue;
            std::unique_ptr<OGRGeometry> clipped(sq->Intersection(area.get()));
            if (!clipped || clipped->IsEmpty()) continue;
            std::vector<Polygon> parts;
            appendPolygons(*clipped, parts);
            double a = 0;
            for (const Polygon& p : parts) a += toOgrPolygon(p)->get_Area();
            if (a < 1.0) continue;
            char id[32];
            std::snprintf(id, sizeof id, "R%02dC%02d", r, c);
            for (std::size_t i = 0; i < parts.size(); ++i)
                cells.push_back({parts.size() == 1 ? id : std::string(id) + "-" + std::to_string(i), parts[i],
                                 toOgrPolygon(parts[i])->get_Area()});
        }
    return cells;
}

CellIndex::CellIndex(const std::vector<GridCell>& cells) : cells_(&cells) {
    double x1 = -INFINITY, y1 = -INFINITY, area = 0;
    x0_ = y0_ = INFINITY;
    for (const GridCell& c : cells)
        for (const Vec2& v : c.shape.outer) {
            x0_ = std::min(x0_, v.x), y0_ = std::min(y0_, v.y);
            x1 = std::max(x1, v.x), y1 = std::max(y1, v.y);
        }
    if (cells.empty() || !std::isfinite(x0_)) return;
    for (const GridCell& c : cells) area += std::fabs(signedArea(c.shape.outer));
    size_ = std::max(1.0, std::sqrt(area / double(cells.size())));  // about one cell per bucket
    cols_ = std::min(4096, int((x1 - x0_) / size_) + 1);
    rows_ = std::min(4096, int((y1 - y0_) / size_) + 1);
    size_ = std::max((x1 - x0_) / cols_, (y1 - y0_) / rows_) * (1 + 1e-9);
    buckets_.resize(std::size_t(cols_) * rows_);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
        for (const Vec2& v : cells[i].shape.outer) {
            bx0 = std::min(bx0, v.x), by0 = std::min(by0, v.y);
            bx1 = std::max(bx1, v.x), by1 = std::max(by1, v.y);
        }
        int c0 = std::clamp(int((bx0 - x0_) / size_), 0, cols_ - 1), c1 = std::clamp(int((bx1 - x0_) / size_), 0, cols_ - 1);
        int r0 = std::clamp(int((by0 - y0_) / size_), 0, rows_ - 1), r1 = std::clamp(int((by1 - y0_) / size_), 0, rows_ - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) buckets_[std::size_t(r) * cols_ + c].push_back(int(i));
    }
}

int CellIndex::cellOf(Vec2 p) const {
    if (buckets_.empty() || !std::isfinite(p.x) || !std::isfinite(p.y)) return -1;
    double fx = (p.x - x0_) / size_, fy = (p.y - y0_) / size_;
    if (fx < 0 || fy < 0 || fx >= cols_ || fy >= rows_) return -1;
    for (int i : buckets_[std::size_t(fy) * cols_ + std::size_t(fx)])
        if (contains((*cells_)[i].shape, p)) return i;  // cells do not overlap
    return -1;
}

std::vector<int> countEventsPerCell(const std::vector<GridCell>& cells, const EventSet& events, std::int64_t from,
                                    std::int64_t to) {
    std::vector<int> counts(cells.size(), 0);
    CellIndex index(cells);
    for (const auto& [id, e] : events.byId) {
        if (e.time < from || e.time >= to) continue;
        if (int cell = index.cellOf(e.scene); cell >= 0) ++counts[cell];
    }
    return counts;
}

GreenCoverage greenCoverage(const std::vector<GridCell>& cells, const std::vector<Polygon>& green) {
    GreenCoverage out;
    out.perCell.assign(cells.size(), 0.0);
    std::unique_ptr<OGRGeometry> greenArea = green.empty() ? nullptr : unionOf(green);
    double greenTotal = 0, cellTotal = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        cellTotal += cells[i].area;
        if (!greenArea || cells[i].area <= 0) continue;
        std::unique_ptr<OGRPolygon> cell = toOgrPolygon(cells[i].shape);
        std::unique_ptr<OGRGeometry> g(cell->Intersection(greenArea.get()));
        double a = 0;
        if (g && !g->IsEmpty()) {
            std::vector<Polygon> parts;
            appendPolygons(*g, parts);
            for (const Polygon& p : parts) a += toOgrPolygon(p)->get_Area();
        }
        out.perCell[i] = a / cells[i].area;
        greenTotal += a;
    }
    out.district = cellTotal > 0 ? greenTotal / cellTotal : 0;
    return out;
}

LayerData gridLayer(const std::vector<GridCell>& cells, const std::vector<int>& events, const GreenCoverage& green) {
    LayerData l;
    l.name = "网格 grid";
    l.kind = LayerKind::Areas;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        Feature f;
        f.sourceFid = std::int64_t(i);
        f.polygons = {cells[i].shape};
        char ratio[16];
        std::snprintf(ratio, sizeof ratio, "%.3f", i < green.perCell.size() ? green.perCell[i] : 0.0);
        f.attributes = {{"grid_id", cells[i].id}, {"events", std::to_string(i < events.size() ? events[i] : 0)}, {"green_ratio", ratio}};
        l.features.push_back(std::move(f));
    }
    l.report.featuresRead = l.report.featuresImported = l.features.size();
    return l;
}

}  // namespace jbt
