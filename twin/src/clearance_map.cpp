#include "twin/clearance_map.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jbt {

ClearanceMap::ClearanceMap(const HeightGrid& t, const std::vector<const LayerData*>& buildings, double cellM, double marginM)
    : cell_(cellM), margin_(marginM) {
    if (t.empty()) return;
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
    for (int r = 0; r < t.rows; ++r)
        for (int c = 0; c < t.cols; ++c) raise(t.originX + c * t.spacing, t.originY + r * t.spacing, t.at(c, r));
    for (const LayerData* l : buildings)
        for (const Feature& f : l->features)
            for (const Polygon& p : f.polygons)
                for (const Vec2& v : p.outer) raise(v.x, v.y, f.groundZ + f.height);
}

double ClearanceMap::minimumEyeHeight(double x, double y) const {
    int c = int(std::floor((x - originX_) / cell_)), r = int(std::floor((y - originY_) / cell_));
    double top = -std::numeric_limits<double>::infinity();
    // The neighbours too: the eye must clear what is beside it, not only what is below.
    for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
            int cc = std::clamp(c + dc, 0, std::max(0, cols_ - 1)), rr = std::clamp(r + dr, 0, std::max(0, rows_ - 1));
            if (!top_.empty()) top = std::max(top, double(top_[std::size_t(rr) * cols_ + cc]));
        }
    return top + margin_;
}

}  // namespace jbt
