#pragma once
// How low the camera may fly anywhere: above the terrain and the tallest building nearby, with a
// margin. Flights and tours keep to it, so they never pass through a ridge or a tower.
#include <vector>

#include "model/feature.h"
#include "model/height_grid.h"

namespace jbt {

class ClearanceMap {
public:
    ClearanceMap() = default;
    // `neighbours`: a point must clear the cells around it too (flights); else only its own
    // cell (the camera's guard, so it can stand in a street beside a tower).
    ClearanceMap(const HeightGrid& terrain, const std::vector<const LayerData*>& buildings, double cellM = 150,
                 double marginM = 40, bool neighbours = true);
    // The lowest safe eye height at a point (metres); -inf where nothing is known.
    double minimumEyeHeight(double x, double y) const;

    static constexpr double kMaxCellsPerSide = 2048;

private:
    double originX_ = 0, originY_ = 0, cell_ = 150, margin_ = 40;
    int cols_ = 0, rows_ = 0;
    bool neighbours_ = true;
    std::vector<float> top_;  // highest surface per cell
};

}  // namespace jbt
