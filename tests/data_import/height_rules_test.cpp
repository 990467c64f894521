#include "data_import/height_rules.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

HeightResult resolve(const Attributes& a, HeightOptions o = {}) { return resolveHeight(a, o); }

TEST(HeightRules, ParsesLengthsWithUnits) {
    double m = 0;
    ASSERT_TRUE(parseLengthMetres("12.5 m", m));
    EXPECT_DOUBLE_EQ(m, 12.5);
    ASSERT_TRUE(parseLengthMetres("12,5", m));
    EXPECT_DOUBLE_EQ(m, 12.5);
    ASSERT_TRUE(parseLengthMetres("100 ft", m));
    EXPECT_NEAR(m, 30.48, 1e-9);
    ASSERT_TRUE(parseLengthMetres("45米", m));
    EXPECT_DOUBLE_EQ(m, 45);
    EXPECT_FALSE(parseLengthMetres("tall", m));
}

TEST(HeightRules, HeightWinsOverLevels) {
    HeightResult r = resolve({{"building:levels", "10"}, {"height", "42"}});
    ASSERT_TRUE(r.ok);
    EXPECT_DOUBLE_EQ(r.height, 42);
    EXPECT_EQ(r.source, HeightSource::Field);
}

TEST(HeightRules, LevelsTimesFloorHeight) {
    HeightOptions o;
    o.floorHeight = 3.5;
    HeightResult r = resolve({{"building:levels", "6"}}, o);
    EXPECT_DOUBLE_EQ(r.height, 21);
    EXPECT_EQ(r.source, HeightSource::Levels);
}

TEST(HeightRules, ChineseFields) {
    EXPECT_DOUBLE_EQ(resolve({{"高度", "88"}}).height, 88);
    EXPECT_DOUBLE_EQ(resolve({{"层数", "5"}}).height, 15);
    EXPECT_DOUBLE_EQ(resolve({{"Floor", "4"}}).height, 12);
}

TEST(HeightRules, HeightFieldOptionWins) {
    HeightOptions o;
    o.heightField = "roof_m";
    EXPECT_DOUBLE_EQ(resolve({{"height", "10"}, {"ROOF_M", "33"}}, o).height, 33);
    // Where the chosen field is empty, the usual rules still apply.
    EXPECT_DOUBLE_EQ(resolve({{"height", "10"}}, o).height, 10);
}

TEST(HeightRules, DefaultWhenNothingUsable) {
    HeightResult r = resolve({{"name", "x"}, {"height", "unknown"}});
    ASSERT_TRUE(r.ok);
    EXPECT_DOUBLE_EQ(r.height, 10);
    EXPECT_EQ(r.source, HeightSource::Default);
}

TEST(HeightRules, MinHeightAndMinLevel) {
    EXPECT_DOUBLE_EQ(resolve({{"height", "30"}, {"min_height", "12"}}).minHeight, 12);
    EXPECT_DOUBLE_EQ(resolve({{"height", "30"}, {"building:min_level", "2"}}).minHeight, 6);
    EXPECT_DOUBLE_EQ(resolve({{"height", "30"}, {"min_height", "40"}}).minHeight, 0);
}

TEST(HeightRules, AbsurdHeightIsRejectedWithAReason) {
    HeightResult r = resolve({{"height", "5000"}});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.reason, "absurd_height");
    EXPECT_NE(r.detail.find("5000"), std::string::npos);
    EXPECT_FALSE(resolve({{"height", "-3"}}).ok);
}

}  // namespace
}  // namespace jbt
