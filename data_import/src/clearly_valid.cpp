#include "data_import/ogr_polygons.h"

#include <algorithm>
#include <cmath>

namespace jbt {
namespace {

constexpr int kMaxEdges = 32;

struct Pt {
    double x, y;
};

double cross(Pt a, Pt b, Pt c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

}  // namespace

bool clearlyValid(const OGRPolygon& polygon) {
    if (polygon.getNumInteriorRings() != 0) return false;
    const OGRLinearRing* ring = polygon.getExteriorRing();
    if (!ring) return false;
    int n = ring->getNumPoints();
    if (n < 4 || n - 1 > kMaxEdges) return false;
    Pt p[kMaxEdges + 1];
    for (int i = 0; i < n; ++i) p[i] = {ring->getX(i), ring->getY(i)};
    if (p[0].x != p[n - 1].x || p[0].y != p[n - 1].y) return false;
    const int m = n - 1;  // edges: p[i] → p[i + 1]
    double x0 = p[0].x, x1 = p[0].x, y0 = p[0].y, y1 = p[0].y;
    for (int i = 1; i < m; ++i) x0 = std::min(x0, p[i].x), x1 = std::max(x1, p[i].x), y0 = std::min(y0, p[i].y), y1 = std::max(y1, p[i].y);
    double extent = (x1 - x0) + (y1 - y0);
    if (!(extent > 0) || !std::isfinite(extent)) return false;
    // Rounding in a cross product of these coordinates is ~1e-16 of extent²: a margin of 1e-9
    // leaves every near-touch, near-collinear corner or repeated point to GEOS.
    const double margin = 1e-9 * extent * extent;
    auto clear = [&](double v) { return std::fabs(v) > margin; };
    for (int i = 0; i < m; ++i) {
        // Neighbours meet at p[i + 1]: a turn there, not a fold back along the edge.
        if (!clear(cross(p[i], p[i + 1], p[(i + 2) % m]))) return false;
        for (int j = i + 2; j < m; ++j) {
            if (i == 0 && j == m - 1) continue;  // neighbours across the closing corner
            Pt a = p[i], b = p[i + 1], c = p[j], d = p[j + 1];
            // Boxes apart (with the margin's worth of room): cannot meet.
            if (std::max(a.x, b.x) < std::min(c.x, d.x) - 1e-9 * extent || std::max(c.x, d.x) < std::min(a.x, b.x) - 1e-9 * extent ||
                std::max(a.y, b.y) < std::min(c.y, d.y) - 1e-9 * extent || std::max(c.y, d.y) < std::min(a.y, b.y) - 1e-9 * extent)
                continue;
            double o1 = cross(a, b, c), o2 = cross(a, b, d), o3 = cross(c, d, a), o4 = cross(c, d, b);
            if (!clear(o1) || !clear(o2) || !clear(o3) || !clear(o4)) return false;
            if ((o1 > 0) != (o2 > 0) && (o3 > 0) != (o4 > 0)) return false;  // they cross
        }
    }
    return true;
}

}  // namespace jbt
