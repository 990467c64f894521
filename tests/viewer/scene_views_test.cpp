// The demo district from its bookmarks, and by day and by night, rendered under Xvfb.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

struct Stats {
    double mean = 0, stddev = 0;
};

Stats luminance(const osg::Image& img) {
    double sum = 0, sum2 = 0;
    int n = 0;
    for (int y = 80; y < img.t(); y += 2)  // above the demo-data banner
        for (int x = 0; x < img.s(); x += 2) {
            osg::Vec4 c = img.getColor(x, y);
            double l = 0.2126 * c.r() + 0.7152 * c.g() + 0.0722 * c.b();
            sum += l;
            sum2 += l * l;
            ++n;
        }
    double mean = sum / n;
    return {mean, std::sqrt(std::max(0.0, sum2 / n - mean * mean))};
}

class DemoViews : public ::testing::Test {
protected:
    void SetUp() override {
        options_.snapshotPath = (test::scratchDir() / "x.png").string();
        options_.width = 480;
        options_.height = 320;
        options_.hideUi = true;
        twin_ = std::make_unique<Twin>(options_);
        ASSERT_TRUE(twin_->scene().errors.empty()) << twin_->scene().errors[0];
        app_ = std::make_unique<ViewerApp>(*twin_);
        ASSERT_EQ(test::errorOf([&] { app_->open(); }), "");
    }
    osg::ref_ptr<osg::Image> view(const std::string& name) {
        EXPECT_EQ(test::errorOf([&] { app_->setView(name); }), "");
        osg::ref_ptr<osg::Image> img = app_->renderImage(2);
        return img ? new osg::Image(*img, osg::CopyOp::DEEP_COPY_ALL) : nullptr;
    }
    AppOptions options_;
    std::unique_ptr<Twin> twin_;
    std::unique_ptr<ViewerApp> app_;
};

TEST_F(DemoViews, EveryOverviewBookmarkShowsSomethingDifferent) {
    std::vector<std::string> names = {"overview", "jiangbeizui_across_river", "tieshanping", "mingyueshan", "guanyinqiao"};
    std::vector<osg::ref_ptr<osg::Image>> shots;
    for (const auto& n : names) {
        shots.push_back(view(n));
        ASSERT_TRUE(shots.back()) << n;
        EXPECT_GT(luminance(*shots.back()).stddev, 0.03) << n << " is not blank";
    }
    for (std::size_t a = 0; a < shots.size(); ++a)
        for (std::size_t b = a + 1; b < shots.size(); ++b) {
            double diff = 0;
            int n = 0;
            for (int y = 0; y < shots[a]->t(); y += 4)
                for (int x = 0; x < shots[a]->s(); x += 4, ++n) {
                    osg::Vec4 p = shots[a]->getColor(x, y), q = shots[b]->getColor(x, y);
                    diff += std::fabs(p.r() - q.r()) + std::fabs(p.g() - q.g()) + std::fabs(p.b() - q.b());
                }
            EXPECT_GT(diff / n, 0.03) << names[a] << " vs " << names[b];
        }
}

TEST_F(DemoViews, NightIsDarkerThanDayButTheWindowsGlow) {
    setTimeOfDay(app_->state(), LocalTime{2026, 4, 15, 11.0});
    Stats day = luminance(*view("jiangbeizui_across_river"));
    setTimeOfDay(app_->state(), LocalTime{2026, 4, 15, 22.0});
    osg::ref_ptr<osg::Image> nightShot = view("jiangbeizui_across_river");
    Stats night = luminance(*nightShot);
    EXPECT_LT(night.mean, day.mean * 0.5) << "day " << day.mean << ", night " << night.mean;
    int glowing = 0;  // warm, bright window pixels
    for (int y = 0; y < nightShot->t(); ++y)
        for (int x = 0; x < nightShot->s(); ++x) {
            osg::Vec4 c = nightShot->getColor(x, y);
            glowing += c.r() > 0.45f && c.g() > 0.35f && c.r() > c.b() + 0.1f;
        }
    EXPECT_GT(glowing, 200);
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

TEST(Shadows, ATowerShadowsTheGroundAwayFromTheSun) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "x.png").string();
    o.width = 640;
    o.height = 480;
    o.time = LocalTime{2026, 4, 15, 16.5};  // afternoon: the sun in the west-south-west
    ImportOptions layer;
    layer.path = test::writeFile(dir / "tower.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"height":200},"geometry":{"type":"Polygon","coordinates":[[[106.6700,29.6150],[106.6704,29.6150],[106.6704,29.6154],[106.6700,29.6154],[106.6700,29.6150]]]}}]})");
    o.layers.push_back(layer);
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_TRUE(scene.errors.empty()) << scene.errors[0];
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    SunState sun = sunAt(106.67, 29.615, app.state().time);
    ASSERT_GT(sun.elevationDeg, 15);
    // Ground points 150 m from the tower's foot, towards and away from the sun, seen from above.
    const Feature& f = scene.layers[0].data.features[0];
    osg::Vec3d foot(f.polygons[0].outer[0].x + 20, f.polygons[0].outer[0].y + 20, 0);
    CameraPose pose;
    pose.center = foot;
    pose.eye = foot + osg::Vec3d(0, -900, 1300);
    app.state().camera->jumpTo(pose);
    osg::ref_ptr<osg::Image> img = app.renderImage(3);
    ASSERT_TRUE(img);
    osg::Vec3d toSun(sun.direction.x(), sun.direction.y(), 0);
    toSun.normalize();
    osg::Camera* c = app.viewer().getCamera();
    osg::Matrixd vpw = c->getViewMatrix() * c->getProjectionMatrix() * c->getViewport()->computeWindowMatrix();
    auto lum = [&](osg::Vec3d world) {
        osg::Vec3d w = world * vpw;
        bool onScreen = w.x() > 0 && w.x() < 640 && w.y() > 0 && w.y() < 480;
        EXPECT_TRUE(onScreen) << "point off screen";
        if (!onScreen) return 0.0;
        osg::Vec4 p = img->getColor(int(w.x()), int(w.y()));
        return 0.2126 * p.r() + 0.7152 * p.g() + 0.0722 * p.b();
    };
    double shadowed = lum(foot - toSun * 150), sunny = lum(foot + toSun * 150);
    EXPECT_LT(shadowed, sunny * 0.85) << "shadowed " << shadowed << ", sunlit " << sunny;
}

}  // namespace
}  // namespace jbt
