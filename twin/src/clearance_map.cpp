#include "twin/clearance_map.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jbt {

ClearanceMap::ClearanceMap(const HeightGrid& t, const std::vector<const LayerData*>& buildings, double cellM, double marginM,
                           bool neighbours)
    : cell_(cellM), margin_(marginM), neighbours_(neighbours) {
    if (t.empty()) return;
    // Bounded by the area, not the cell size: at most kMaxCellsPerSide² cells (16 MB).
    cell_ = std::max(cell_, std::max(t.maxX() - t.originX, t.maxY() - t.originY) / kMaxCellsPerSide);
    originX_ = t.originX;
    originY_ = t.originY;
    cols_ = int(std::ceil((t.maxX() - t.originX) / cell_)) + 1;
    rows_ = int(std::ceil((t.maxY() - t.originY) / cell_)) + 1;
    top_.assign(std::size_t(cols_) * rows_, -std::numeric_limits<float>::infinity());
    auto raise = [&](double x, double y, double h) {
        int c = int((x - originX_) / cell_), r = int((y - originY_) / cell_);
        if (c < 0 || r < 0 || c >= cols_ || r >= rows_) return;
        float& v = top_[std::size_t(r) * cols_ + c];
        v = std::max(v, float(h));
    };
    // The terrain in every cell (corners and centre), whatever the grid's own spacing.
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < cols_; ++c) {
            double x0 = originX_ + c * cell_, y0 = originY_ + r * cell_;
            float& v = top_[std::size_t(r) * cols_ + c];
            for (auto [dx, dy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}, {0.5, 0.5}}) {
                double x = std::min(x0 + dx * cell_, t.maxX()), y = std::min(y0 + dy * cell_, t.maxY());
                v = std::max(v, float(t.sample(x, y)));
            }
        }
    // A footprint raises every cell of its bounding box (a little more than the footprint for
    // L-shapes, never less).
    for (const LayerData* l : buildings)
        for (const Feature& f : l->features)
            for (const Polygon& p : f.polygons) {
                if (p.outer.empty()) continue;
                double x0 = p.outer[0].x, x1 = x0, y0 = p.outer[0].y, y1 = y0;
                for (const Vec2& v : p.outer) {
                    x0 = std::min(x0, v.x), x1 = std::max(x1, v.x);
                    y0 = std::min(y0, v.y), y1 = std::max(y1, v.y);
                }
                double step = cell_ * 0.5, top = f.groundZ + f.height;
                if ((x1 - x0) / step > 400 || (y1 - y0) / step > 400) continue;  // not a building: a mistake in the data
                for (double y = y0; y <= y1 + step; y += step)
                    for (double x = x0; x <= x1 + step; x += step) raise(std::min(x, x1), std::min(y, y1), top);
            }
}

double ClearanceMap::minimumEyeHeight(double x, double y) const {
    int c = int(std::floor((x - originX_) / cell_)), r = int(std::floor((y - originY_) / cell_));
    double top = -std::numeric_limits<double>::infinity();
    // The neighbours too: the eye must clear what is beside it, not only what is below.
    int reach = neighbours_ ? 1 : 0;
    for (int dr = -reach; dr <= reach; ++dr)
        for (int dc = -reach; dc <= reach; ++dc) {
            int cc = std::clamp(c + dc, 0, std::max(0, cols_ - 1)), rr = std::clamp(r + dr, 0, std::max(0, rows_ - 1));
            if (!top_.empty()) top = std::max(top, double(top_[std::size_t(rr) * cols_ + cc]));
        }
    return top + margin_;
}

}  // namespace jbt
