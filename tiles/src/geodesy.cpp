#include "tiles/geodesy.h"

#include <cmath>

namespace jbt {
namespace {
constexpr double kA = 6378137.0;               // WGS84 semi-major axis
constexpr double kF = 1.0 / 298.257223563;
constexpr double kE2 = kF * (2 - kF);          // first eccentricity squared
constexpr double kB = kA * (1 - kF);
constexpr double kEp2 = (kA * kA - kB * kB) / (kB * kB);
constexpr double kDeg = M_PI / 180.0;
}  // namespace

Vec3 Mat4::point(Vec3 p) const {
    return {m[0] * p.x + m[4] * p.y + m[8] * p.z + m[12], m[1] * p.x + m[5] * p.y + m[9] * p.z + m[13],
            m[2] * p.x + m[6] * p.y + m[10] * p.z + m[14]};
}

Vec3 Mat4::direction(Vec3 d) const {
    return {m[0] * d.x + m[4] * d.y + m[8] * d.z, m[1] * d.x + m[5] * d.y + m[9] * d.z, m[2] * d.x + m[6] * d.y + m[10] * d.z};
}

Mat4 operator*(const Mat4& a, const Mat4& b) {
    Mat4 r;
    for (int c = 0; c < 4; ++c)
        for (int row = 0; row < 4; ++row) {
            double s = 0;
            for (int k = 0; k < 4; ++k) s += a.m[k * 4 + row] * b.m[c * 4 + k];
            r.m[c * 4 + row] = s;
        }
    return r;
}

Mat4 inverseRigid(const Mat4& a) {
    Mat4 r;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) r.m[j * 4 + i] = a.m[i * 4 + j];  // transpose the rotation
    Vec3 t = r.direction({a.m[12], a.m[13], a.m[14]});
    r.m[12] = -t.x, r.m[13] = -t.y, r.m[14] = -t.z;
    r.m[3] = r.m[7] = r.m[11] = 0, r.m[15] = 1;
    return r;
}

Mat4 inverse(const Mat4& a) {
    // Cofactor expansion of the 4×4 (the matrices are few and small; clarity over speed).
    const auto& m = a.m;
    std::array<double, 16> inv;
    inv[0] = m[5] * m[10] * m[15] - m[5] * m[11] * m[14] - m[9] * m[6] * m[15] + m[9] * m[7] * m[14] + m[13] * m[6] * m[11] - m[13] * m[7] * m[10];
    inv[4] = -m[4] * m[10] * m[15] + m[4] * m[11] * m[14] + m[8] * m[6] * m[15] - m[8] * m[7] * m[14] - m[12] * m[6] * m[11] + m[12] * m[7] * m[10];
    inv[8] = m[4] * m[9] * m[15] - m[4] * m[11] * m[13] - m[8] * m[5] * m[15] + m[8] * m[7] * m[13] + m[12] * m[5] * m[11] - m[12] * m[7] * m[9];
    inv[12] = -m[4] * m[9] * m[14] + m[4] * m[10] * m[13] + m[8] * m[5] * m[14] - m[8] * m[6] * m[13] - m[12] * m[5] * m[10] + m[12] * m[6] * m[9];
    inv[1] = -m[1] * m[10] * m[15] + m[1] * m[11] * m[14] + m[9] * m[2] * m[15] - m[9] * m[3] * m[14] - m[13] * m[2] * m[11] + m[13] * m[3] * m[10];
    inv[5] = m[0] * m[10] * m[15] - m[0] * m[11] * m[14] - m[8] * m[2] * m[15] + m[8] * m[3] * m[14] + m[12] * m[2] * m[11] - m[12] * m[3] * m[10];
    inv[9] = -m[0] * m[9] * m[15] + m[0] * m[11] * m[13] + m[8] * m[1] * m[15] - m[8] * m[3] * m[13] - m[12] * m[1] * m[11] + m[12] * m[3] * m[9];
    inv[13] = m[0] * m[9] * m[14] - m[0] * m[10] * m[13] - m[8] * m[1] * m[14] + m[8] * m[2] * m[13] + m[12] * m[1] * m[10] - m[12] * m[2] * m[9];
    inv[2] = m[1] * m[6] * m[15] - m[1] * m[7] * m[14] - m[5] * m[2] * m[15] + m[5] * m[3] * m[14] + m[13] * m[2] * m[7] - m[13] * m[3] * m[6];
    inv[6] = -m[0] * m[6] * m[15] + m[0] * m[7] * m[14] + m[4] * m[2] * m[15] - m[4] * m[3] * m[14] - m[12] * m[2] * m[7] + m[12] * m[3] * m[6];
    inv[10] = m[0] * m[5] * m[15] - m[0] * m[7] * m[13] - m[4] * m[1] * m[15] + m[4] * m[3] * m[13] + m[12] * m[1] * m[7] - m[12] * m[3] * m[5];
    inv[14] = -m[0] * m[5] * m[14] + m[0] * m[6] * m[13] + m[4] * m[1] * m[14] - m[4] * m[2] * m[13] - m[12] * m[1] * m[6] + m[12] * m[2] * m[5];
    inv[3] = -m[1] * m[6] * m[11] + m[1] * m[7] * m[10] + m[5] * m[2] * m[11] - m[5] * m[3] * m[10] - m[9] * m[2] * m[7] + m[9] * m[3] * m[6];
    inv[7] = m[0] * m[6] * m[11] - m[0] * m[7] * m[10] - m[4] * m[2] * m[11] + m[4] * m[3] * m[10] + m[8] * m[2] * m[7] - m[8] * m[3] * m[6];
    inv[11] = -m[0] * m[5] * m[11] + m[0] * m[7] * m[9] + m[4] * m[1] * m[11] - m[4] * m[3] * m[9] - m[8] * m[1] * m[7] + m[8] * m[3] * m[5];
    inv[15] = m[0] * m[5] * m[10] - m[0] * m[6] * m[9] - m[4] * m[1] * m[10] + m[4] * m[2] * m[9] + m[8] * m[1] * m[6] - m[8] * m[2] * m[5];
    double det = m[0] * inv[0] + m[1] * inv[4] + m[2] * inv[8] + m[3] * inv[12];
    if (std::abs(det) < 1e-300 || !std::isfinite(det)) return Mat4{};
    Mat4 r;
    for (int i = 0; i < 16; ++i) r.m[i] = inv[i] / det;
    return r;
}

Vec3 toEcef(const Geodetic& g) {
    double lon = g.lon * kDeg, lat = g.lat * kDeg;
    double s = std::sin(lat), c = std::cos(lat);
    double n = kA / std::sqrt(1 - kE2 * s * s);
    return {(n + g.height) * c * std::cos(lon), (n + g.height) * c * std::sin(lon), (n * (1 - kE2) + g.height) * s};
}

Geodetic fromEcef(Vec3 e) {
    // Bowring's method: one step is millimetre-exact for points near the surface.
    double p = std::hypot(e.x, e.y);
    double theta = std::atan2(e.z * kA, p * kB);
    double st = std::sin(theta), ct = std::cos(theta);
    double lat = std::atan2(e.z + kEp2 * kB * st * st * st, p - kE2 * kA * ct * ct * ct);
    double s = std::sin(lat);
    double n = kA / std::sqrt(1 - kE2 * s * s);
    double h = std::abs(std::cos(lat)) > 1e-9 ? p / std::cos(lat) - n : std::abs(e.z) - kB;
    return {std::atan2(e.y, e.x) / kDeg, lat / kDeg, h};
}

Mat4 enuToEcef(const Geodetic& g) {
    double lon = g.lon * kDeg, lat = g.lat * kDeg;
    double so = std::sin(lon), co = std::cos(lon), sa = std::sin(lat), ca = std::cos(lat);
    Vec3 o = toEcef(g);
    Mat4 r;
    r.m = {-so, co, 0, 0,                 // east
           -sa * co, -sa * so, ca, 0,     // north
           ca * co, ca * so, sa, 0,       // up
           o.x, o.y, o.z, 1};
    return r;
}

Mat4 yUpToZUp() {
    Mat4 r;
    r.m = {1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1};
    return r;
}

}  // namespace jbt
