#include "data_import/chinese_offsets.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data_import/scene_frame.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

// Reference pairs published with the widely used coordtransform library (Tiananmen, 116.404, 39.915).
TEST(ChineseOffsets, MatchesPublishedReferencePairs) {
    Vec2 g = wgs84ToGcj02(116.404, 39.915);
    EXPECT_NEAR(g.x, 116.41024449916938, 1e-9);
    EXPECT_NEAR(g.y, 39.91640428150164, 1e-9);
    Vec2 b = gcj02ToBd09(116.404, 39.915);
    EXPECT_NEAR(b.x, 116.41036949371029, 1e-9);
    EXPECT_NEAR(b.y, 39.92133699351021, 1e-9);
    Vec2 g2 = bd09ToGcj02(116.404, 39.915);
    EXPECT_NEAR(g2.x, 116.39762729119315, 1e-9);
    EXPECT_NEAR(g2.y, 39.90865673957631, 1e-9);
}

double metresBetween(Vec2 a, Vec2 b) { return distanceMetres({a.x, a.y}, {b.x, b.y}); }

TEST(ChineseOffsets, RoundTripsStayUnderHalfAMetreAcrossJiangbei) {
    double worstGcj = 0, worstBd = 0;
    for (double lon = 106.44; lon <= 106.90; lon += 0.02)
        for (double lat = 29.54; lat <= 29.70; lat += 0.02) {
            Vec2 w{lon, lat};
            Vec2 g = wgs84ToGcj02(lon, lat);
            worstGcj = std::max(worstGcj, metresBetween(w, gcj02ToWgs84(g.x, g.y)));
            Vec2 b = wgs84ToBd09(lon, lat);
            worstBd = std::max(worstBd, metresBetween(w, bd09ToWgs84(b.x, b.y)));
        }
    EXPECT_LT(worstGcj, 0.5);
    EXPECT_LT(worstBd, 0.5);
    EXPECT_LT(worstGcj, 0.01) << "the iterative inverse should be far better than required";
}

TEST(ChineseOffsets, ShiftInChongqingIsAFewHundredMetres) {
    Vec2 g = wgs84ToGcj02(106.57, 29.57);
    double m = metresBetween({106.57, 29.57}, g);
    EXPECT_GT(m, 300);
    EXPECT_LT(m, 700);
}

TEST(ChineseOffsets, NoOffsetOutsideChina) {
    Vec2 g = wgs84ToGcj02(7.42, 43.73);  // Monaco
    EXPECT_DOUBLE_EQ(g.x, 7.42);
    EXPECT_DOUBLE_EQ(g.y, 43.73);
}

TEST(ChineseOffsets, ParsesDatumNames) {
    ChineseDatum d;
    EXPECT_TRUE(parseChineseDatum("GCJ-02", d));
    EXPECT_EQ(d, ChineseDatum::Gcj02);
    EXPECT_TRUE(parseChineseDatum("bd09", d));
    EXPECT_EQ(d, ChineseDatum::Bd09);
    EXPECT_FALSE(parseChineseDatum("mars", d));
}

// The district boundary exists in GCJ-02 and as an independent WGS84 conversion: every vertex
// converted here must land on its WGS84 twin.
TEST(ChineseOffsets, JiangbeiBoundaryGcj02MatchesItsWgs84Conversion) {
    std::ifstream gin(test::sharedData("jiangbei/jiangbei_boundary_gcj02.geojson"));
    std::ifstream win(test::sharedData("jiangbei/jiangbei_boundary_wgs84.geojson"));
    if (!gin || !win) GTEST_SKIP() << "shared/data/jiangbei is not beside this checkout";
    auto gj = nlohmann::json::parse(gin), wj = nlohmann::json::parse(win);
    const auto& gRing = gj["features"][0]["geometry"]["coordinates"][0][0];
    const auto& wRing = wj["features"][0]["geometry"]["coordinates"][0][0];
    ASSERT_EQ(gRing.size(), wRing.size());
    ASSERT_GT(gRing.size(), 800u);
    double worst = 0;
    for (std::size_t i = 0; i < gRing.size(); ++i) {
        Vec2 w = gcj02ToWgs84(gRing[i][0].get<double>(), gRing[i][1].get<double>());
        worst = std::max(worst, metresBetween(w, {wRing[i][0].get<double>(), wRing[i][1].get<double>()}));
    }
    EXPECT_LT(worst, 0.05) << "worst vertex differs by " << worst << " m";
}

}  // namespace
}  // namespace jbt
