// Presentation: recordings are deterministic, the UI scales for big screens, kiosk tours resume.
#include <gtest/gtest.h>
#include <osgDB/ReadFile>
#include <osgGA/EventQueue>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"
#include "twin/tour_player.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

TEST(Recording, TwoSecondsAtTenFpsGiveTwentyIdenticalFramesEachTime) {
    auto dir = test::scratchDir();
    std::vector<std::string> runs = {(dir / "a").string(), (dir / "b").string()};
    for (const std::string& out : runs) {
        auto r = test::run(std::string(JBT_VIEWER_EXE) + " --tour pearl_chain --record '" + out +
                           "' --fps 10 --record-seconds 2 --size 320x240 2>/dev/null");
        ASSERT_EQ(r.exitCode, 0) << r.out;
        auto j = nlohmann::json::parse(r.out);
        EXPECT_EQ(j["frames"], 20);
    }
    for (int i = 1; i <= 21; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "/frame_%05d.png", i);
        bool exists = std::filesystem::exists(runs[0] + name);
        if (i == 21) {
            EXPECT_FALSE(exists) << "exactly 20 frames";
            break;
        }
        ASSERT_TRUE(exists) << name;
        osg::ref_ptr<osg::Image> a = osgDB::readImageFile(runs[0] + name), b = osgDB::readImageFile(runs[1] + name);
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->s(), 320);
        EXPECT_EQ(a->t(), 240);
        EXPECT_EQ(0, std::memcmp(a->data(), b->data(), a->getTotalSizeInBytes())) << name << " differs between runs";
    }
    // The camera moves along the tour: first and last frames differ.
    osg::ref_ptr<osg::Image> first = osgDB::readImageFile(runs[0] + "/frame_00001.png"),
                             last = osgDB::readImageFile(runs[0] + "/frame_00020.png");
    EXPECT_NE(0, std::memcmp(first->data(), last->data(), first->getTotalSizeInBytes()));
}

TEST(Recording, NeedsATour) {
    auto r = test::run(std::string(JBT_VIEWER_EXE) + " --record /tmp/x 2>&1");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.out.find("--record needs a --tour"), std::string::npos) << r.out;
}

// Rows of the demo banner that hold its yellow text: the rendered text height.
int bannerTextRows(float uiScale) {
    AppOptions o;
    o.snapshotPath = (test::scratchDir() / "x.png").string();
    o.width = 2400;  // the banner's line fits at 2× too (it wraps in narrower views)
    o.height = 400;
    o.hideUi = true;
    o.uiScale = uiScale;
    Twin twin(o);
    ViewerApp app(twin);
    EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage(3);
    // From the top of the picture (row 0 is its bottom) down through the banner's rows, to the
    // first row without its yellow: the scene's labels below may be yellow too.
    auto yellowRow = [&](int y) {
        for (int x = 0; x < o.width; ++x) {
            osg::Vec4 c = img->getColor(x, y);
            if (c.r() > 0.8f && c.g() > 0.6f && c.b() < 0.45f) return true;
        }
        return false;
    };
    int top = -1, bottom = -1;
    for (int y = img->t() - 1; y >= 0; --y) {
        if (yellowRow(y)) {
            if (top < 0) top = y;
            bottom = y;
        } else if (top >= 0) {
            break;
        }
    }
    return top - bottom + 1;
}

TEST(UiScale, ScaleTwoDoublesTheTextHeight) {
    int one = bannerTextRows(1.0f), two = bannerTextRows(2.0f);
    ASSERT_GT(one, 8);
    EXPECT_NEAR(double(two) / one, 2.0, 0.25) << one << " rows at 1×, " << two << " at 2×";
}

TEST(Kiosk, APausedTourResumesAfterTheIdleTimeWithoutAJump) {
    AppOptions o;
    o.snapshotPath = (test::scratchDir() / "x.png").string();
    o.width = 320;
    o.height = 240;
    o.present = true;
    o.tour = "pearl_chain";
    o.kioskIdleSeconds = 5;
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    GuardedCameraManipulator& cam = *app.state().camera;
    ASSERT_TRUE(cam.tour());
    EXPECT_TRUE(cam.tour()->tour().loop) << "a kiosk loops";
    osg::ref_ptr<osgGA::GUIEventAdapter> ev = new osgGA::GUIEventAdapter;
    auto send = [&](osgGA::GUIEventAdapter::EventType type, double t) {
        ev->setEventType(type);
        ev->setTime(t);
        ev->setButton(osgGA::GUIEventAdapter::LEFT_MOUSE_BUTTON);
        cam.handle(*ev, app.viewer());
    };
    send(osgGA::GUIEventAdapter::FRAME, 0.0);
    send(osgGA::GUIEventAdapter::FRAME, 2.0);
    double before = cam.tourTime();
    EXPECT_GT(before, 1.9);
    send(osgGA::GUIEventAdapter::PUSH, 2.1);
    EXPECT_TRUE(cam.tourPaused()) << "any input pauses the tour";
    CameraPose held;
    cam.currentPose(held);
    send(osgGA::GUIEventAdapter::FRAME, 4.0);
    EXPECT_TRUE(cam.tourPaused()) << "still within the idle time";
    send(osgGA::GUIEventAdapter::FRAME, 8.0);
    EXPECT_FALSE(cam.tourPaused()) << "resumed after 5 s without input";
    CameraPose now;
    cam.currentPose(now);
    EXPECT_LT((now.eye - held.eye).length(), 1.0) << "it carries on from where the camera was, no jump";
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

osg::ref_ptr<osg::Image> renderScene(AppOptions o, const std::string& view) {
    Twin twin(o);
    SceneModel& scene = twin.scene();
    EXPECT_TRUE(scene.errors.empty()) << (scene.errors.empty() ? "" : scene.errors[0]);
    ViewerApp app(twin);
    EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
    EXPECT_EQ(test::errorOf([&] { app.setView(view); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage(3);
    return img ? new osg::Image(*img, osg::CopyOp::DEEP_COPY_ALL) : nullptr;
}

TEST(Wall, TwoByTwoTilesContinueAcrossTheSeamsWithBezelsHidden) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.shadowMapSize = 0;
    o.snapshotPath = (dir / "x.png").string();
    ImportOptions layer;
    layer.path = test::writeFile(dir / "b.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"height":150},"geometry":{"type":"Polygon","coordinates":[[[106.6695,29.6145],[106.6705,29.6145],[106.6705,29.6155],[106.6695,29.6155],[106.6695,29.6145]]]}},
 {"type":"Feature","properties":{"height":60},"geometry":{"type":"Polygon","coordinates":[[[106.6660,29.6120],[106.6672,29.6120],[106.6672,29.6130],[106.6660,29.6130],[106.6660,29.6120]]]}}]})");
    o.layers.push_back(layer);
    WallLayout w;
    w.columns = w.rows = 2;
    w.tileWidth = 320;
    w.tileHeight = 180;
    w.bezelX = 30;
    w.bezelY = 20;
    o.wallPath = test::writeFile(dir / "wall.json", R"({"columns": 2, "rows": 2, "tile": [320, 180], "bezel": [30, 20]})");
    osg::ref_ptr<osg::Image> wall = renderScene(o, "all");
    o.wallPath.clear();
    o.width = w.canvasWidth();
    o.height = w.canvasHeight();
    osg::ref_ptr<osg::Image> whole = renderScene(o, "all");
    ASSERT_TRUE(wall && whole);
    ASSERT_EQ(wall->s(), whole->s());
    ASSERT_EQ(wall->t(), whole->t());
    // Every tile shows exactly its part of the one big picture; the bezel strips are black.
    double diff = 0;
    int n = 0, content = 0;
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 2; ++col)
            for (int y = 2; y < w.tileHeight - 2; y += 2)
                for (int x = 2; x < w.tileWidth - 2; x += 2) {
                    int cx = w.tileX(col) + x, cy = w.canvasHeight() - (w.tileY(row) + y) - 1;
                    osg::Vec4 a = wall->getColor(cx, cy), b = whole->getColor(cx, cy);
                    diff += std::fabs(a.r() - b.r()) + std::fabs(a.g() - b.g()) + std::fabs(a.b() - b.b());
                    content += std::fabs(b.r() - whole->getColor(0, 0).r()) > 0.05f;
                    ++n;
                }
    EXPECT_LT(diff / n, 0.01) << "tiles differ from the single picture";
    EXPECT_GT(content, 50) << "the buildings are in the picture";
    osg::Vec4 bezel = wall->getColor(w.tileWidth + w.bezelX / 2, w.canvasHeight() / 2);
    EXPECT_LT(bezel.r() + bezel.g() + bezel.b(), 0.01f);
}

TEST(Wall, LayoutErrorsNameTheFile) {
    auto dir = test::scratchDir();
    std::string bad = test::writeFile(dir / "w.json", R"({"columns": 2, "rows": 2, "tile": [320, 180], "screens": [1, 2]})");
    try {
        loadWallLayout(bad);
        FAIL();
    } catch (const std::exception& e) {
        EXPECT_EQ(std::string(e.what()), bad + ": 'screens' lists 2 screens for 4 tiles");
    }
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

TEST(Recording, Mp4WhenFfmpegIsInstalled) {
    if (test::run("command -v ffprobe >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1").exitCode != 0)
        GTEST_SKIP() << "ffmpeg is not installed: recordings are PNG frames only";
    auto dir = test::scratchDir();
    auto r = test::run(std::string(JBT_VIEWER_EXE) + " --tour pearl_chain --record '" + dir.string() +
                       "' --fps 10 --record-seconds 2 --size 320x240 2>/dev/null");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j["mp4"].is_string());
    auto probe = test::run("ffprobe -v error -show_entries stream=width,height,nb_frames -of csv=p=0 '" +
                           j["mp4"].get<std::string>() + "'");
    EXPECT_EQ(probe.out, "320,240,20\n");
}

}  // namespace
}  // namespace jbt
