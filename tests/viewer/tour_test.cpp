#include <gtest/gtest.h>
#include <osgViewer/Viewer>

#include <cmath>

#include "twin/clearance_map.h"
#include "twin/scene_assembly.h"
#include "twin/tour_player.h"
#include "viewer/camera_control.h"

#include "tests/test_support.h"

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
    std::shared_ptr<TourPlayer> player;
    error = test::errorOf([&] { player = makeTourPlayer(scene, *it, CameraPose{}); });
    ASSERT_TRUE(player) << error;
    for (const TourStop& s : it->stops) EXPECT_FALSE(s.captionZh.empty());
    Tour broken = *it;
    broken.stops[1].bookmark = "atlantis";
    error = test::errorOf([&] { makeTourPlayer(scene, broken, CameraPose{}); });
    EXPECT_EQ(error, "tour 'pearl_chain': no bookmark named 'atlantis'");
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// A low flight from Guanyinqiao over to the far side of the Tieshanping ridge: every frame's
// eye stays above the terrain and the towers under it.
TEST(Flights, NeverPassThroughTerrainOrBuildings) {
    AppOptions o;
    SceneModel scene = assembleScene(o);
    ASSERT_FALSE(scene.terrain.empty());
    std::vector<const LayerData*> buildings;
    for (const SceneLayer& l : scene.layers)
        if (l.buildings()) buildings.push_back(&l.data);
    ClearanceMap clearance(scene.terrain, buildings);
    osg::ref_ptr<GuardedCameraManipulator> camRef = new GuardedCameraManipulator(nullptr);
    GuardedCameraManipulator& cam = *camRef;
    cam.setNode(scene.root);  // the terrain manipulator finds its centre on the scene
    cam.setClearance([&](double x, double y) { return clearance.minimumEyeHeight(x, y); });
    Vec2 a = scene.frame->toScene({106.530, 29.580}), b = scene.frame->toScene({106.740, 29.615});
    CameraPose from, to;
    from.center = osg::Vec3d(a.x, a.y, scene.terrain.sample(a.x, a.y));
    from.eye = from.center + osg::Vec3d(0, -300, 60);  // low, among the towers
    to.center = osg::Vec3d(b.x, b.y, scene.terrain.sample(b.x, b.y));
    to.eye = to.center + osg::Vec3d(0, -300, 60);
    cam.jumpTo(from);
    cam.flyTo(to, 4.0);
    osg::ref_ptr<osgGA::GUIEventAdapter> frame = new osgGA::GUIEventAdapter;
    frame->setEventType(osgGA::GUIEventAdapter::FRAME);
    osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
    double lowest = 1e9;
    for (int i = 0; i <= 200; ++i) {
        frame->setTime(i * 0.02);
        cam.handle(*frame, *viewer);
        CameraPose p;
        ASSERT_TRUE(cam.currentPose(p));
        double ground = scene.terrain.sample(p.eye.x(), p.eye.y());
        double towers = 0;
        for (const LayerData* l : buildings)
            for (const Feature& f : l->features) {
                const Vec2& v = f.polygons[0].outer[0];
                if (std::hypot(v.x - p.eye.x(), v.y - p.eye.y()) < 60) towers = std::max(towers, f.groundZ + f.height);
            }
        lowest = std::min(lowest, p.eye.z() - std::max(ground, towers));
    }
    EXPECT_GT(lowest, 20.0) << "closest approach to the ground or a roof, metres";
    EXPECT_FALSE(cam.flying());
}

}  // namespace
}  // namespace jbt
