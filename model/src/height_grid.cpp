#include "model/height_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jbt {

double HeightGrid::sample(double x, double y) const {
    if (empty()) return 0;
    double u = std::clamp((x - originX) / spacing, 0.0, double(cols - 1));
    double v = std::clamp((y - originY) / spacing, 0.0, double(rows - 1));
    int c = std::min(int(u), cols - 2), r = std::min(int(v), rows - 2);
    double fu = u - c, fv = v - r;
    double h00 = at(c, r), h10 = at(c + 1, r), h01 = at(c, r + 1), h11 = at(c + 1, r + 1);
    return (h00 * (1 - fu) + h10 * fu) * (1 - fv) + (h01 * (1 - fu) + h11 * fu) * fv;
}

double HeightGrid::lowestUnder(const Feature& f) const {
    double lowest = std::numeric_limits<double>::max();
    for (const Polygon& p : f.polygons)
        for (std::size_t i = 0; i < p.outer.size(); ++i) {
            const Vec2& a = p.outer[i];
            const Vec2& b = p.outer[(i + 1) % p.outer.size()];
            // Long walls can cross a gully between their corners: sample along them too.
            int steps = std::max(1, int(std::hypot(b.x - a.x, b.y - a.y) / spacing));
            for (int s = 0; s < steps; ++s) {
                double t = double(s) / steps;
                lowest = std::min(lowest, sample(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t));
            }
        }
    return lowest == std::numeric_limits<double>::max() ? 0 : lowest;
}

void HeightGrid::range(float& lo, float& hi) const {
    lo = hi = heights.empty() ? 0.f : heights[0];
    for (float h : heights) {
        lo = std::min(lo, h);
        hi = std::max(hi, h);
    }
}

void placeOnTerrain(LayerData& layer, const HeightGrid& grid) {
    for (Feature& f : layer.features) f.groundZ = grid.lowestUnder(f);
}

}  // namespace jbt
