#include "data_import/grid_analysis.h"

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

bool inside(const Polygon& p, Vec2 q) {
    auto inRing = [&](const Ring& r) {
        bool in = false;
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            if ((r[i].y > q.y) != (r[j].y > q.y) && q.x < (r[j].x - r[i].x) * (q.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
                in = !in;
        return in;
    };
    if (!inRing(p.outer)) return false;
    for (const Ring& h : p.holes)
        if (inRing(h)) return false;
    return true;
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

std::vector<int> countEventsPerCell(const std::vector<GridCell>& cells, const EventSet& events, std::int64_t from,
                                    std::int64_t to) {
    std::vector<int> counts(cells.size(), 0);
    for (const auto& [id, e] : events.byId) {
        if (e.time < from || e.time >= to) continue;
        for (std::size_t i = 0; i < cells.size(); ++i)
            if (inside(cells[i].shape, e.scene)) {
                ++counts[i];
                break;  // cells do not overlap
            }
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
