#include "lattice_transform.h"

#include <cpl_error.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace jbt {

namespace {

constexpr double kGeographicStepDeg = 0.001;
constexpr double kProjectedStepM = 100;
// Cells kept per transformation (about 80 bytes each); past it the cache starts again.
constexpr std::size_t kMaxCells = 1 << 18;
// How far the cell's centre may lie from the mean of its corners (the bilinear guess there):
// tenfold what the scene CRS's curvature gives over 0.001°, far below anything a discontinuity does.
constexpr double kMaxCentreGap = 0.01;
// Cell indices beyond this are not keyed (and such coordinates are nonsense for a scene anyway).
constexpr double kMaxIndex = 1 << 30;

std::uint64_t keyOf(std::int64_t i, std::int64_t j) {
    return (std::uint64_t(std::uint32_t(std::int32_t(i))) << 32) | std::uint32_t(std::int32_t(j));
}

}  // namespace

LatticeTransform::LatticeTransform(std::unique_ptr<OGRCoordinateTransformation> exact, double step)
    : exact_(std::move(exact)), step_(step) {}

std::unique_ptr<OGRCoordinateTransformation> LatticeTransform::over(std::unique_ptr<OGRCoordinateTransformation> exact) {
    if (!exact) return exact;
    const OGRSpatialReference* src = exact->GetSourceCS();
    if (!src) return exact;
    double step = 0;
    if (src->IsGeographic()) {
        double radiansPerUnit = src->GetAngularUnits();
        if (radiansPerUnit > 0) step = kGeographicStepDeg * M_PI / 180 / radiansPerUnit;
    } else if (src->IsProjected()) {
        double metresPerUnit = src->GetLinearUnits();
        if (metresPerUnit > 0) step = kProjectedStepM / metresPerUnit;
    }
    if (!(step > 0) || !std::isfinite(step)) return exact;
    return std::make_unique<LatticeTransform>(std::move(exact), step);
}

const LatticeTransform::Cell& LatticeTransform::cellAt(std::int64_t i, std::int64_t j) {
    std::uint64_t key = keyOf(i, j);
    if (key == lastKey_ && last_) return *last_;
    auto it = cells_.find(key);
    if (it == cells_.end()) {
        if (cells_.size() >= kMaxCells) cells_.clear();
        // The four corners and the centre: a cell whose centre PROJ does not put where the
        // corners say (a discontinuity such as the edge of the Chinese offsets' domain, or the
        // edge of a projection's) is not interpolated.
        double x[5], y[5];
        int ok[5] = {0, 0, 0, 0, 0};
        for (int k = 0; k < 4; ++k) {
            x[k] = double(i + (k & 1)) * step_;
            y[k] = double(j + (k >> 1)) * step_;
        }
        x[4] = (double(i) + 0.5) * step_;
        y[4] = (double(j) + 0.5) * step_;
        CPLPushErrorHandler(CPLQuietErrorHandler);  // a point of a broken cell asks PROJ itself, which says why
        bool all = exact_->Transform(5, x, y, nullptr, nullptr, ok);
        CPLPopErrorHandler();
        Cell c;
        c.whole = all;
        for (int k = 0; k < 5 && c.whole; ++k) c.whole = ok[k] && std::isfinite(x[k]) && std::isfinite(y[k]);
        if (c.whole) {
            double cx = (x[0] + x[1] + x[2] + x[3]) / 4, cy = (y[0] + y[1] + y[2] + y[3]) / 4;
            c.whole = std::hypot(cx - x[4], cy - y[4]) < kMaxCentreGap;
        }
        for (int k = 0; k < 4; ++k) c.x[k] = x[k], c.y[k] = y[k];
        it = cells_.emplace(key, c).first;
    }
    lastKey_ = key;
    last_ = &it->second;  // unordered_map keeps its elements where they are until cleared
    return *last_;
}

bool LatticeTransform::one(double& x, double& y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    double fx = x / step_, fy = y / step_;
    if (std::fabs(fx) < kMaxIndex && std::fabs(fy) < kMaxIndex) {
        double i = std::floor(fx), j = std::floor(fy);
        const Cell& c = cellAt(std::int64_t(i), std::int64_t(j));
        if (c.whole) {
            double a = fx - i, b = fy - j;
            double w[4] = {(1 - a) * (1 - b), a * (1 - b), (1 - a) * b, a * b};
            x = w[0] * c.x[0] + w[1] * c.x[1] + w[2] * c.x[2] + w[3] * c.x[3];
            y = w[0] * c.y[0] + w[1] * c.y[1] + w[2] * c.y[2] + w[3] * c.y[3];
            return true;
        }
    }
    int ok = 0;
    return exact_->Transform(1, &x, &y, nullptr, nullptr, &ok) && ok;
}

int LatticeTransform::Transform(int count, double* x, double* y, double*, double*, int* success) {
    int good = 0;
    for (int k = 0; k < count; ++k) {
        bool ok = one(x[k], y[k]);
        if (ok) ++good;
        else x[k] = y[k] = HUGE_VAL;  // as GDAL marks a point it cannot transform
        if (success) success[k] = ok;
    }
    return good > 0;
}

int LatticeTransform::TransformWithErrorCodes(int count, double* x, double* y, double* z, double* t, int* errorCodes) {
    std::vector<int> ok(std::size_t(std::max(count, 0)));
    int any = Transform(count, x, y, z, t, ok.data());
    if (errorCodes)
        for (int k = 0; k < count; ++k) errorCodes[k] = ok[std::size_t(k)] ? 0 : -1;
    return any;
}

OGRCoordinateTransformation* LatticeTransform::Clone() const {
    return new LatticeTransform(std::unique_ptr<OGRCoordinateTransformation>(exact_->Clone()), step_);
}

}  // namespace jbt
