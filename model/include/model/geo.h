#pragma once
// Positions: scene metres (x east, y north) and WGS84 longitude/latitude in degrees.
namespace jbt {

struct Vec2 {
    double x = 0, y = 0;
};

struct Vec3 {
    double x = 0, y = 0, z = 0;
};

struct GeoPoint {
    double lon = 0, lat = 0;
};

// Middle of Jiangbei District (WGS84), rounded: the default scene origin.
constexpr GeoPoint kJiangbeiCentre{106.67, 29.615};

// A scene holds one region: data within this distance of its centre. The scene's map
// projection is true to a few parts in a thousand there; beyond it shapes bend and, past a
// quarter of the globe, cannot be drawn at all. Layers centred farther away are listed as far
// away and opened by moving the scene's centre to them (twin/scene_assembly.h).
constexpr double kRegionRadiusM = 500000.0;

// Great-circle distance in metres (spherical), for "is this data anywhere near the scene".
double distanceMetres(GeoPoint a, GeoPoint b);

}  // namespace jbt
