#pragma once
// The scene's metric CRS: a transverse Mercator on the CGCS2000/GRS80 ellipsoid centred on an
// origin (by default the middle of Jiangbei District). Scene metres: x east, y north, z up.
#include <memory>
#include <string>
#include <vector>

#include "model/geo.h"

namespace jbt {

class SceneFrame {
public:
    explicit SceneFrame(GeoPoint origin = kJiangbeiCentre);
    ~SceneFrame();
    SceneFrame(const SceneFrame&) = delete;
    SceneFrame& operator=(const SceneFrame&) = delete;

    GeoPoint origin() const { return origin_; }
    // PROJ string of the scene CRS; sources are transformed to it by PROJ.
    const std::string& projString() const { return proj_; }

    Vec2 toScene(GeoPoint wgs84) const;
    GeoPoint toWgs84(Vec2 scene) const;
    // Many points at once (one PROJ call): x, y pairs in scene metres become lon, lat in degrees.
    void toWgs84(std::vector<double>& xyPairs) const;

private:
    GeoPoint origin_;
    std::string proj_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jbt
