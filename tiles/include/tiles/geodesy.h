#pragma once
// Earth-centred, earth-fixed (ECEF) coordinates on the WGS84 ellipsoid (CGCS2000's GRS80 differs
// by 0.1 mm), local east-north-up frames, and the 4×4 column-major matrices 3D Tiles uses.
#include <array>

#include "model/geo.h"

namespace jbt {

// Column-major like glTF and 3D Tiles: m[12], m[13], m[14] are the translation.
struct Mat4 {
    std::array<double, 16> m{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
    Vec3 point(Vec3 p) const;      // M · (p, 1)
    Vec3 direction(Vec3 d) const;  // M · (d, 0)
};
Mat4 operator*(const Mat4& a, const Mat4& b);
// The inverse of a rotation plus translation (what ENU frames are); not for scaled matrices.
Mat4 inverseRigid(const Mat4& a);
// The general inverse; identity when the matrix is singular.
Mat4 inverse(const Mat4& a);

struct Geodetic {
    double lon = 0, lat = 0;  // degrees
    double height = 0;        // metres above the ellipsoid
};

Vec3 toEcef(const Geodetic& g);
Geodetic fromEcef(Vec3 ecef);
// Local east-north-up axes at g, placed at g: maps ENU metres to ECEF.
Mat4 enuToEcef(const Geodetic& g);

// glTF content is Y up; 3D Tiles turns it Z up with this rotation (x, y, z) → (x, −z, y).
Mat4 yUpToZUp();

constexpr double kEarthRadiusM = 6371008.8;

}  // namespace jbt
