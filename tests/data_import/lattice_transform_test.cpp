// The import's lattice against PROJ itself: every point within 0.5 mm of PROJ's answer, over a
// scene's 500 km, from lon/lat and from a CGCS2000 Gauss–Krüger zone; what PROJ refuses stays
// refused.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "data_import/scene_frame.h"
#include "data_import/chinese_offsets.h"
#include "data_import/src/lattice_transform.h"
#include "data_import/src/ogr_conversion_pool.h"

namespace jbt {
namespace {

std::unique_ptr<OGRCoordinateTransformation> toScene(const char* source) {
    OGRSpatialReference s, t;
    EXPECT_EQ(s.SetFromUserInput(source), OGRERR_NONE);
    EXPECT_EQ(t.SetFromUserInput(SceneFrame(kJiangbeiCentre).projString().c_str()), OGRERR_NONE);
    s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    t.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&s, &t));
}

// The largest distance, in metres, between the lattice's and PROJ's answers over `n` points drawn
// around (x0, y0) within ±r, in batches of seven (a footprint's ring).
double worstError(const char* source, double x0, double y0, double r, int n = 50000) {
    auto lattice = LatticeTransform::over(toScene(source));
    auto exact = toScene(source);
    EXPECT_NE(dynamic_cast<LatticeTransform*>(lattice.get()), nullptr);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(-r, r);
    double worst = 0;
    for (int i = 0; i < n; i += 7) {
        double x[7], y[7], ex[7], ey[7];
        double cx = x0 + u(rng), cy = y0 + u(rng);
        for (int k = 0; k < 7; ++k) {
            ex[k] = x[k] = cx + u(rng) * 1e-4;
            ey[k] = y[k] = cy + u(rng) * 1e-4;
        }
        int ok[7];
        EXPECT_TRUE(lattice->Transform(7, x, y, nullptr, nullptr, ok));
        EXPECT_TRUE(exact->Transform(7, ex, ey, nullptr, nullptr, nullptr));
        for (int k = 0; k < 7; ++k) {
            EXPECT_TRUE(ok[k]);
            worst = std::max(worst, std::hypot(x[k] - ex[k], y[k] - ey[k]));
        }
    }
    return worst;
}

TEST(LatticeTransform, LonLatWithinHalfAMillimetreOfProjOverAScene) {
    // ±2.3° around Jiangbei: the 250 km a scene holds on every side.
    EXPECT_LT(worstError("EPSG:4326", kJiangbeiCentre.lon, kJiangbeiCentre.lat, 2.3), 5e-4);
    EXPECT_LT(worstError("EPSG:4490", kJiangbeiCentre.lon, kJiangbeiCentre.lat, 0.1), 5e-4);  // CGCS2000 lon/lat
}

TEST(LatticeTransform, GaussKruegerZoneWithinHalfAMillimetreOfProj) {
    // CGCS2000 / 3-degree Gauss-Kruger CM 105E (EPSG:4544), whose eastings carry no zone prefix:
    // Jiangbei lies about 155 km east of the central meridian.
    EXPECT_LT(worstError("EPSG:4544", 655000, 3275000, 200000), 5e-4);
}

// The import's whole chain for a source in GCJ-02 or BD-09 lon/lat: offsets removed, then the
// scene: within 5 mm of doing it point by point for GCJ-02, 2 cm for BD-09 (whose inverse
// oscillates faster; both offsets' own error is metres), and the same at the edge of China,
// where the offsets stop at once.
double worstOffsetError(ChineseDatum datum, GeoPoint origin, double r) {
    OGRSpatialReference wgs;
    wgs.SetFromUserInput("EPSG:4326");
    char* wkt = nullptr;
    wgs.exportToWkt(&wkt);
    SceneFrame frame(origin);
    auto ct = makeTransformation({wkt, frame.projString(), datum, origin});
    CPLFree(wkt);
    EXPECT_NE(dynamic_cast<LatticeTransform*>(ct.get()), nullptr);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-r, r);
    double worst = 0;
    for (int i = 0; i < 20000; ++i) {
        double x = origin.lon + u(rng), y = origin.lat + u(rng);
        Vec2 w = toWgs84(datum, x, y);
        Vec2 exact = frame.toScene({w.x, w.y});
        int ok = 0;
        EXPECT_TRUE(ct->Transform(1, &x, &y, nullptr, nullptr, &ok));
        worst = std::max(worst, std::hypot(x - exact.x, y - exact.y));
    }
    return worst;
}

TEST(LatticeTransform, ChineseOffsetsThroughTheLatticeWithinMillimetres) {
    EXPECT_LT(worstOffsetError(ChineseDatum::Gcj02, kJiangbeiCentre, 0.5), 5e-3);
    EXPECT_LT(worstOffsetError(ChineseDatum::Bd09, kJiangbeiCentre, 0.5), 2e-2);
    // Straddling China's western edge (lon 72.004°): the cells across it are not interpolated.
    EXPECT_LT(worstOffsetError(ChineseDatum::Gcj02, {72.004, 40.0}, 0.003), 5e-3);
}

TEST(LatticeTransform, WhatProjRefusesStaysRefusedAndTheRestIsTransformed) {
    auto lattice = LatticeTransform::over(toScene("EPSG:4326"));
    double x[3] = {106.6, 106.6, std::nan("")}, y[3] = {29.6, 95.0, 29.6};
    int ok[3] = {1, 1, 1};
    EXPECT_TRUE(lattice->Transform(3, x, y, nullptr, nullptr, ok));
    EXPECT_TRUE(ok[0]);
    EXPECT_FALSE(ok[1]) << "a latitude of 95°";
    EXPECT_FALSE(ok[2]) << "NaN";
    EXPECT_EQ(x[1], HUGE_VAL);
    EXPECT_TRUE(std::isfinite(x[0]) && std::isfinite(y[0]));
}

TEST(LatticeTransform, OverGeographicAndProjectedSources) {
    EXPECT_NE(dynamic_cast<LatticeTransform*>(LatticeTransform::over(toScene("EPSG:4326")).get()), nullptr);
    EXPECT_NE(dynamic_cast<LatticeTransform*>(LatticeTransform::over(toScene("EPSG:4544")).get()), nullptr);
    EXPECT_EQ(LatticeTransform::over(nullptr), nullptr);
}

}  // namespace
}  // namespace jbt
