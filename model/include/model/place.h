#pragma once
// Named places (the gazetteer) and camera bookmarks.
#include <limits>
#include <string>

#include "model/geo.h"

namespace jbt {

struct DemoZone {
    std::string kind;  // cbd, commercial, residential, renewal, heritage, industrial, forest
    double radiusM = 0;
    int count = 0;
};

struct Place {
    std::string id, nameZh, nameEn, pinyin, category, description;
    GeoPoint position;
    DemoZone zone;  // count 0: no generated buildings
};

struct Bookmark {
    std::string id, nameZh, nameEn;
    GeoPoint target;
    double rangeM = 1000, headingDeg = 0, pitchDeg = 45;
    // Height of the point looked at (a roof, a bridge); NaN: the ground there.
    double targetHeightM = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace jbt
