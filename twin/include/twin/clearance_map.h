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
    ClearanceMap(const HeightGrid& terrain, const std::vector<const LayerData*>& buildings, double cellM = 150,
                 double marginM = 40);
    // The lowest safe eye height at a point (metres); -inf where nothing is known.
    double minimumEyeHeight(double x, double y) const;

private:
    double originX_ = 0, originY_ = 0, cell_ = 150, margin_ = 40;
    int cols_ = 0, rows_ = 0;
    std::vector<float> top_;  // highest surface per cell
};

}  // namespace jbt
