#include <gtest/gtest.h>

#include "viewer/scene_assembly.h"
#include "viewer/tour_player.h"

namespace jbt {
namespace {

CameraPose at(double x) {
    CameraPose p;
    p.center = osg::Vec3d(x, 0, 0);
    p.eye = osg::Vec3d(x, -100, 100);
    return p;
}

TEST(TourPlayer, ReachesEachStopInOrderAtTheStatedTimes) {
    Tour t{"t", "", "", false, {{"a", 2, 3, "", ""}, {"b", 4, 1, "", ""}, {"c", 1, 2, "", ""}}};
    TourPlayer p(t, {at(1000), at(2000), at(3000)}, at(0));
    EXPECT_DOUBLE_EQ(p.arrivalTime(0), 2);
    EXPECT_DOUBLE_EQ(p.arrivalTime(1), 2 + 3 + 4);
    EXPECT_DOUBLE_EQ(p.arrivalTime(2), 9 + 1 + 1);
    EXPECT_DOUBLE_EQ(p.duration(), 13);
    int lastStop = 0;
    for (double s = 0; s < 13; s += 0.05) {
        TourPlayer::State st = p.at(s);
        EXPECT_GE(st.stop, lastStop) << "stops only move forward";
        lastStop = st.stop;
        EXPECT_FALSE(st.finished);
    }
    for (int i = 0; i < 3; ++i) {
        TourPlayer::State st = p.at(p.arrivalTime(i) + 1e-9);
        EXPECT_EQ(st.stop, i);
        EXPECT_FALSE(st.flying);
        EXPECT_NEAR(st.pose.center.x(), 1000.0 * (i + 1), 1e-3);
    }
    // Half-way through the first flight the eased camera is half-way, and lifted.
    TourPlayer::State mid = p.at(1.0);
    EXPECT_TRUE(mid.flying);
    EXPECT_NEAR(mid.pose.center.x(), 500, 1e-6);
    EXPECT_GT(mid.pose.eye.z(), 100);
    EXPECT_TRUE(p.at(13.5).finished);
}

TEST(TourPlayer, EasedFlightsNeverJump) {
    CameraPose a = at(0), b = at(5000);
    double worst = 0;
    CameraPose prev = interpolateFlight(a, b, 0);
    for (int i = 1; i <= 1000; ++i) {
        CameraPose p = interpolateFlight(a, b, i / 1000.0);
        worst = std::max(worst, (p.eye - prev.eye).length());
        prev = p;
    }
    EXPECT_LT(worst, 5000 * 1.6 / 1000 + 1) << "no step much larger than the average";
    EXPECT_NEAR((interpolateFlight(a, b, 0.001).center - a.center).length(), 0, 0.05) << "eases out of the start";
}

TEST(TourPlayer, LoopingTourStartsOver) {
    Tour t{"t", "", "", true, {{"a", 1, 1, "", ""}, {"b", 1, 1, "", ""}}};
    TourPlayer p(t, {at(10), at(20)}, at(0));
    EXPECT_EQ(p.at(4.5).stop, 0);
    EXPECT_FALSE(p.at(100).finished);
}

TEST(PearlChainTour, EveryStopResolvesToAHeritagePlace) {
    AppOptions o;
    SceneModel scene = assembleScene(o);
    auto it = std::find_if(scene.tours.begin(), scene.tours.end(), [](const Tour& t) { return t.id == "pearl_chain"; });
    ASSERT_NE(it, scene.tours.end());
    std::vector<std::string> order;
    for (const TourStop& s : it->stops) order.push_back(s.bookmark);
    EXPECT_EQ(order, (std::vector<std::string>{"panxi_hanque", "xubeihong", "hongensi", "baodingmen", "yinghuadu"}));
    std::string error;
    auto player = makeTourPlayer(scene, *it, CameraPose{}, error);
    ASSERT_TRUE(player) << error;
    for (const TourStop& s : it->stops) EXPECT_FALSE(s.captionZh.empty());
    Tour broken = *it;
    broken.stops[1].bookmark = "atlantis";
    EXPECT_FALSE(makeTourPlayer(scene, broken, CameraPose{}, error));
    EXPECT_EQ(error, "tour 'pearl_chain': no bookmark named 'atlantis'");
}

}  // namespace
}  // namespace jbt
