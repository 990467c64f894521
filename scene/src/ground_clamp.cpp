#include "scene/ground_clamp.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jbt {
namespace {

// Keeps the part of a convex polygon where a·x + b·y + c ≥ 0 (Sutherland–Hodgman, one plane).
void clip(std::vector<Vec2>& poly, double a, double b, double c) {
    std::vector<Vec2> out;
    out.reserve(poly.size() + 2);
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const Vec2 &p = poly[i], &q = poly[(i + 1) % poly.size()];
        double dp = a * p.x + b * p.y + c, dq = a * q.x + b * q.y + c;
        if (dp >= 0) out.push_back(p);
        if ((dp >= 0) != (dq >= 0)) {
            double t = dp / (dp - dq);
            out.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
        }
    }
    poly.swap(out);
}

double twiceArea(const Vec2& a, const Vec2& b, const Vec2& c) {
    return (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
}

}  // namespace

GroundClamp::GroundClamp(const HeightGrid& grid, const std::vector<WaterBody>* water) : grid_(grid) {
    if (water)
        for (const WaterBody& w : *water)
            for (const Polygon& p : w.polygons) {
                Water box{1e300, 1e300, -1e300, -1e300, &p, w.level};
                for (const Vec2& v : p.outer)
                    box.x0 = std::min(box.x0, v.x), box.y0 = std::min(box.y0, v.y), box.x1 = std::max(box.x1, v.x), box.y1 = std::max(box.y1, v.y);
                water_.push_back(box);
            }
}

double GroundClamp::height(double x, double y) const {
    const HeightGrid& g = grid_;
    if (g.empty()) return 0.0;
    double u = std::clamp((x - g.originX) / g.spacing, 0.0, double(g.cols - 1));
    double v = std::clamp((y - g.originY) / g.spacing, 0.0, double(g.rows - 1));
    int c = std::min(int(u), g.cols - 2), r = std::min(int(v), g.rows - 2);
    double fu = u - c, fv = v - r;
    double ha = g.at(c, r), hb = g.at(c + 1, r), hc = g.at(c, r + 1), hd = g.at(c + 1, r + 1);
    // The two triangles of terrain_builder's cell: (a, b, d) below the diagonal, (a, d, c) above.
    return fu >= fv ? ha + fu * (hb - ha) + fv * (hd - hb) : ha + fv * (hc - ha) + fu * (hd - hc);
}

double GroundClamp::heightForLine(double x, double y) const {
    double h = height(x, y);
    for (const Water& w : water_)
        if (w.level > h && x >= w.x0 && x <= w.x1 && y >= w.y0 && y <= w.y1 && contains(*w.polygon, {x, y})) return w.level;
    return h;
}

Vec3 GroundClamp::normal(double x, double y) const {
    if (grid_.empty()) return {0, 0, 1};
    double d = grid_.spacing * 0.5;
    double dx = (height(x + d, y) - height(x - d, y)) / (2 * d), dy = (height(x, y + d) - height(x, y - d)) / (2 * d);
    double len = std::sqrt(dx * dx + dy * dy + 1);
    return {-dx / len, -dy / len, 1 / len};
}

std::vector<Vec2> GroundClamp::densify(const std::vector<Vec2>& line, double step) {
    std::vector<Vec2> out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0 && step > 0) {
            const Vec2 &a = line[i - 1], &b = line[i];
            int n = int(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / step));
            for (int k = 1; k < n; ++k) out.push_back({a.x + (b.x - a.x) * k / n, a.y + (b.y - a.y) * k / n});
        }
        out.push_back(line[i]);
    }
    return out;
}

void GroundClamp::cutTriangle(const Vec2& a, const Vec2& b, const Vec2& c, std::vector<Vec2>& out) const {
    const HeightGrid& g = grid_;
    if (g.empty()) {
        out.insert(out.end(), {a, b, c});
        return;
    }
    // Cells -1 and cols-1 (rows-1) stand for everything beyond the grid's edges: flat there.
    auto cellOf = [&](double p, double origin, int cells) {
        return std::clamp(int(std::floor((p - origin) / g.spacing)), -1, cells - 1);
    };
    int c0 = cellOf(std::min({a.x, b.x, c.x}), g.originX, g.cols), c1 = cellOf(std::max({a.x, b.x, c.x}), g.originX, g.cols);
    int r0 = cellOf(std::min({a.y, b.y, c.y}), g.originY, g.rows), r1 = cellOf(std::max({a.y, b.y, c.y}), g.originY, g.rows);
    double minPiece = 1e-6 * g.spacing * g.spacing;
    std::vector<Vec2> poly, half;
    for (int r = r0; r <= r1; ++r)
        for (int col = c0; col <= c1; ++col) {
            poly = {a, b, c};
            double x0 = g.originX + col * g.spacing, y0 = g.originY + r * g.spacing;
            if (col >= 0) clip(poly, 1, 0, -x0);
            if (col < g.cols - 1) clip(poly, -1, 0, x0 + g.spacing);
            if (r >= 0) clip(poly, 0, 1, -y0);
            if (r < g.rows - 1) clip(poly, 0, -1, y0 + g.spacing);
            if (poly.size() < 3) continue;
            bool inside = col >= 0 && col < g.cols - 1 && r >= 0 && r < g.rows - 1;
            for (int side = 0; side < (inside ? 2 : 1); ++side) {
                half = poly;
                // The cell's diagonal from (x0, y0) to (x0 + s, y0 + s): x − y ≥ x0 − y0 below it.
                if (inside) clip(half, side == 0 ? 1 : -1, side == 0 ? -1 : 1, side == 0 ? -(x0 - y0) : x0 - y0);
                for (std::size_t k = 1; k + 1 < half.size(); ++k)
                    if (std::abs(twiceArea(half[0], half[k], half[k + 1])) > minPiece)
                        out.insert(out.end(), {half[0], half[k], half[k + 1]});
            }
        }
}

}  // namespace jbt
