#include "data_import/scene_frame.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

TEST(SceneFrame, OriginIsZero) {
    SceneFrame f;
    Vec2 s = f.toScene(kJiangbeiCentre);
    EXPECT_NEAR(s.x, 0, 1e-6);
    EXPECT_NEAR(s.y, 0, 1e-6);
}

TEST(SceneFrame, RoundTripsWgs84ThroughSceneMetres) {
    SceneFrame f;
    for (GeoPoint p : {GeoPoint{106.5745, 29.5745}, GeoPoint{106.85, 29.68}, GeoPoint{106.45, 29.55}}) {
        GeoPoint back = f.toWgs84(f.toScene(p));
        EXPECT_NEAR(back.lon, p.lon, 1e-9);
        EXPECT_NEAR(back.lat, p.lat, 1e-9);
    }
}

TEST(SceneFrame, AxesAreEastAndNorthInMetres) {
    SceneFrame f;
    Vec2 east = f.toScene({kJiangbeiCentre.lon + 0.01, kJiangbeiCentre.lat});
    Vec2 north = f.toScene({kJiangbeiCentre.lon, kJiangbeiCentre.lat + 0.01});
    // 0.01° of longitude at 29.6° N is about 968 m; of latitude about 1108 m.
    EXPECT_NEAR(east.x, 968.5, 2.0);
    EXPECT_NEAR(east.y, 0, 1.0);
    EXPECT_NEAR(north.y, 1108.6, 2.0);
}

}  // namespace
}  // namespace jbt
