// Rendered frames under Xvfb: building pixels where the footprint projects, background
// elsewhere; picking at a building's screen position returns that building.
#include <gtest/gtest.h>
#include <osg/Image>

#include "tests/test_support.h"
#include "viewer/picking_handler.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

// Two buildings 300 m apart near IFS: a tall one (feature 0) and a low wide one (feature 1).
std::string writeLayer(const std::filesystem::path& dir) {
    return test::writeFile(dir / "two.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"height":120,"name":"tower"},"geometry":{"type":"Polygon","coordinates":[[[106.5800,29.5780],[106.5808,29.5780],[106.5808,29.5787],[106.5800,29.5787],[106.5800,29.5780]]]}},
 {"type":"Feature","properties":{"height":15,"name":"shed"},"geometry":{"type":"Polygon","coordinates":[[[106.5830,29.5780],[106.5840,29.5780],[106.5840,29.5790],[106.5830,29.5790],[106.5830,29.5780]]]}}]})");
}

struct Rendered {
    osg::ref_ptr<osg::Image> image;
    osg::Vec3d windowOf(const osg::Vec3d& world, osgViewer::Viewer& v) const {
        osg::Camera* c = v.getCamera();
        osg::Matrixd vpw = c->getViewMatrix() * c->getProjectionMatrix() * c->getViewport()->computeWindowMatrix();
        return world * vpw;
    }
};

osg::Vec4 pixel(const osg::Image& img, double x, double y) { return img.getColor(int(x), int(y)); }
float difference(const osg::Vec4& a, const osg::Vec4& b) {
    return std::fabs(a.r() - b.r()) + std::fabs(a.g() - b.g()) + std::fabs(a.b() - b.b());
}

class RenderTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = test::scratchDir();
        options_.demo = false;
        options_.hideUi = true;
        options_.snapshotPath = (dir_ / "unused.png").string();
        options_.width = 640;
        options_.height = 480;
        ImportOptions layer;
        layer.path = writeLayer(dir_);
        options_.layers.push_back(layer);
        twin_ = std::make_unique<Twin>(options_);
        ASSERT_TRUE(twin_->scene().errors.empty()) << twin_->scene().errors[0];
        app_ = std::make_unique<ViewerApp>(*twin_);
        ASSERT_EQ(test::errorOf([&] { app_->open(); }), "");
    }

    osg::Vec3d featureTop(int index) {
        const Feature& f = twin_->scene().layers[0].data.features[index];
        double x = 0, y = 0;
        for (const Vec2& v : f.polygons[0].outer) { x += v.x; y += v.y; }
        return {x / f.polygons[0].outer.size(), y / f.polygons[0].outer.size(), f.height};
    }

    std::filesystem::path dir_;
    AppOptions options_;
    std::unique_ptr<Twin> twin_;
    std::unique_ptr<ViewerApp> app_;
};

TEST_F(RenderTest, BuildingPixelsWhereTheFootprintProjects) {
    osg::ref_ptr<osg::Image> with = app_->renderImage();
    ASSERT_TRUE(with && with->data());
    ASSERT_EQ(with->s(), 640);
    ASSERT_EQ(with->t(), 480);
    twin_->scene().layers[0].node->setNodeMask(0);
    osg::ref_ptr<osg::Image> without = app_->renderImage();
    Rendered r;
    osg::Vec3d tower = r.windowOf(featureTop(0) - osg::Vec3d(0, 0, 30), app_->viewer());
    ASSERT_GT(tower.x(), 0);
    ASSERT_LT(tower.x(), 640);
    ASSERT_GT(tower.y(), 0);
    ASSERT_LT(tower.y(), 480);
    EXPECT_GT(difference(pixel(*with, tower.x(), tower.y()), pixel(*without, tower.x(), tower.y())), 0.1f)
        << "the tower is drawn where it projects";
    // Far from both buildings the picture is the same with or without the layer.
    for (auto [x, y] : {std::pair{5, 5}, {634, 5}, {5, 474}, {634, 474}})
        EXPECT_LT(difference(pixel(*with, x, y), pixel(*without, x, y)), 0.02f) << x << "," << y;
}

TEST_F(RenderTest, PickingAtABuildingReturnsIt) {
    app_->renderImage();
    Rendered r;
    for (int feature : {0, 1}) {
        osg::Vec3d w = r.windowOf(featureTop(feature) - osg::Vec3d(0, 0, 5), app_->viewer());
        FeatureHit hit;
        ASSERT_TRUE(pickAt(app_->viewer(), w.x(), w.y(), hit)) << "feature " << feature;
        EXPECT_EQ(hit.layerIndex, 0);
        EXPECT_EQ(hit.featureIndex, feature);
    }
    FeatureHit none;
    EXPECT_FALSE(pickAt(app_->viewer(), 2, 2, none)) << "the ground is not a building";
}

TEST_F(RenderTest, SelectionIsHighlightedOnScreen) {
    Rendered r;
    osg::ref_ptr<osg::Image> before = app_->renderImage();
    osg::Vec3d w = r.windowOf(featureTop(0) - osg::Vec3d(0, 0, 30), app_->viewer());
    select(app_->state(), {0, 0});
    osg::ref_ptr<osg::Image> after = app_->renderImage();
    osg::Vec4 b = pixel(*before, w.x(), w.y()), a = pixel(*after, w.x(), w.y());
    EXPECT_GT(a.r() - a.b(), b.r() - b.b() + 0.2f) << "highlight turns the building orange";
}

TEST(RenderDemo, DemoDistrictAndItsBannerAreOnScreen) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.snapshotPath = (dir / "demo.png").string();
    o.width = 800;
    o.height = 600;
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_TRUE(scene.errors.empty()) << scene.errors[0];
    ASSERT_TRUE(scene.showsDemoData);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    ASSERT_EQ(test::errorOf([&] { app.setView("jiangbeizui_across_river"); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    ASSERT_TRUE(img);
    // The banner sits at the top of the 3D view, under the menu bar (image rows start at the
    // bottom): dark box with yellow text.
    int yellow = 0;
    for (int y = img->t() - 100; y < img->t() - 20; ++y)
        for (int x = 300; x < 800; ++x) {
            osg::Vec4 c = img->getColor(x, y);
            if (c.r() > 0.8f && c.g() > 0.6f && c.b() < 0.45f) ++yellow;
        }
    EXPECT_GT(yellow, 100) << "the 演示数据 / demo data banner is drawn";
    // Towers in the middle of the view: many pixels differ from the clear colour.
    int nonSky = 0;
    for (int y = 150; y < 450; y += 4)
        for (int x = 200; x < 600; x += 4)
            nonSky += difference(img->getColor(x, y), osg::Vec4(0.74f, 0.79f, 0.84f, 1)) > 0.1f;
    EXPECT_GT(nonSky, 1000);
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// Drags with the mouse through OSG's event queue, one frame per step, like a user would.
void drag(osgViewer::Viewer& v, float x0, float y0, float x1, float y1) {
    osgGA::EventQueue* q = v.getEventQueue();
    q->mouseMotion(x0, y0);
    v.frame();
    q->mouseButtonPress(x0, y0, 1);
    v.frame();
    for (int i = 1; i <= 5; ++i) {
        q->mouseMotion(x0 + (x1 - x0) * i / 5, y0 + (y1 - y0) * i / 5);
        v.frame();
    }
    q->mouseButtonRelease(x1, y1, 1);
    v.frame();
}

TEST(Interaction, DragsOnImGuiPanelsNeverReachTheCamera) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.snapshotPath = (dir / "x.png").string();
    o.width = 800;
    o.height = 600;
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osgViewer::Viewer& v = app.viewer();
    osgGA::EventQueue* q = v.getEventQueue();
    q->setMouseInputRange(0, 0, 800, 600);
    q->getCurrentEventState()->setMouseYOrientation(osgGA::GUIEventAdapter::Y_INCREASING_DOWNWARDS);
    app.renderImage(3);
    osg::Matrixd start = v.getCamera()->getViewMatrix();
    drag(v, 60, 20, 300, 250);  // the Layers panel's title bar, top left
    EXPECT_EQ(v.getCamera()->getViewMatrix(), start) << "a drag on a panel must not turn the camera";
    app.imgui().setPanelsVisible(false);
    v.frame();
    drag(v, 60, 20, 300, 250);  // the same drag with the panels hidden reaches the scene
    EXPECT_NE(v.getCamera()->getViewMatrix(), start) << "a drag on the scene turns the camera";
}

}  // namespace
}  // namespace jbt
