#include "scene/sun_lighting.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

constexpr double kLon = 106.67, kLat = 29.615;

TEST(Sun, HighAtMiddayInSummerAndBelowTheHorizonAtMidnight) {
    // Solar noon in Chongqing is about 12:53 China time (106.67° E vs the 120° E zone meridian).
    SunState noon = sunAt(kLon, kLat, LocalTime{2026, 6, 21, 12 + 53 / 60.0});
    EXPECT_NEAR(noon.elevationDeg, 90 - kLat + 23.44, 1.0);
    EXPECT_GT(noon.daylight, 0.99f);
    SunState midnight = sunAt(kLon, kLat, LocalTime{2026, 6, 21, 0.5});
    EXPECT_LT(midnight.elevationDeg, -30);
    EXPECT_LT(midnight.daylight, 0.01f);
    EXPECT_GT(midnight.night, 0.99f);
    EXPECT_GT(midnight.direction.z(), 0.f) << "night light comes from above, never from below";
}

TEST(Sun, RisesInTheEastSetsInTheWest) {
    SunState morning = sunAt(kLon, kLat, LocalTime{2026, 3, 20, 8.0});
    SunState evening = sunAt(kLon, kLat, LocalTime{2026, 3, 20, 18.0});
    EXPECT_GT(morning.azimuthDeg, 60);
    EXPECT_LT(morning.azimuthDeg, 120);
    EXPECT_GT(evening.azimuthDeg, 240);
    EXPECT_LT(evening.azimuthDeg, 300);
}

}  // namespace
}  // namespace jbt
