#pragma once
// A river or lake as a water surface at one level.
#include <string>
#include <vector>

#include "model/feature.h"

namespace jbt {

struct WaterBody {
    std::string id, nameZh, nameEn;
    std::vector<Polygon> polygons;  // scene metres
    double level = 0;               // water surface height, metres
};

}  // namespace jbt
