#pragma once
// Positions: scene metres (x east, y north) and WGS84 longitude/latitude in degrees.
namespace jbt {

struct Vec2 {
    double x = 0, y = 0;
};

struct GeoPoint {
    double lon = 0, lat = 0;
};

// Middle of Jiangbei District (WGS84), rounded: the default scene origin.
constexpr GeoPoint kJiangbeiCentre{106.67, 29.615};

// Great-circle distance in metres (spherical), for "is this data anywhere near the scene".
double distanceMetres(GeoPoint a, GeoPoint b);

}  // namespace jbt
