#include "model/geo.h"

#include <algorithm>
#include <cmath>

namespace jbt {

double distanceMetres(GeoPoint a, GeoPoint b) {
    constexpr double kR = 6371008.8, kDeg = M_PI / 180.0;
    double dLat = (b.lat - a.lat) * kDeg, dLon = (b.lon - a.lon) * kDeg;
    double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
               std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kR * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace jbt
