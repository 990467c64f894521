// Placed models on screen: a glTF and an OSGB model stand where their lon/lat puts them (pixels
// change there, and only there), a click there picks the model, a model that cannot be read is
// named while the rest load, and a project brings the models back.
#include <gtest/gtest.h>
#include <osg/Image>

#include "tests/test_support.h"
#include "twin/project_file.h"
#include "twin/twin.h"
#include "viewer/picking_handler.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

float difference(const osg::Vec4& a, const osg::Vec4& b) {
    return std::fabs(a.r() - b.r()) + std::fabs(a.g() - b.g()) + std::fabs(a.b() - b.b());
}

ModelPlacement placed(const std::string& relative, double lon, double lat, double scale) {
    ModelPlacement p;
    p.path = test::sharedData(relative);
    p.lon = lon;
    p.lat = lat;
    p.scale = scale;
    p.headingDeg = 30;
    return p;
}

TEST(PlacedModels, StandWhereTheyArePlacedAndArePicked) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 480;
    o.height = 360;
    o.models = {placed("reference/3d/gltf/Duck_glb/Duck.glb", 106.5853, 29.5743, 20),
                placed("reference/3d/oblique/osgearth_models/cessna.osgb", 106.5858, 29.5743, 1),
                placed("reference/3d/gltf/Duck_glb/missing.glb", 106.5855, 29.5743, 1)};
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_EQ(scene.models.size(), 2u);
    ASSERT_EQ(scene.errors.size(), 1u);
    EXPECT_EQ(scene.errors[0], o.models[2].path + ": no such file");
    // The two stand 48 m apart east–west, as their longitudes say at this latitude.
    osg::Vec3d a = scene.models[0].base, b = scene.models[1].base;
    EXPECT_NEAR((b - a).length(), 0.0005 * 111320 * std::cos(29.5743 * M_PI / 180), 0.5);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> with = app.renderImage();
    scene.models[0].node->setNodeMask(0);
    osg::ref_ptr<osg::Image> without = app.renderImage();
    scene.models[0].node->setNodeMask(~0u);
    app.renderImage();
    osg::Camera* c = app.viewer().getCamera();
    osg::Matrixd vpw = c->getViewMatrix() * c->getProjectionMatrix() * c->getViewport()->computeWindowMatrix();
    osg::Vec3d duck = scene.models[0].node->getBound().center() * vpw;
    ASSERT_GT(duck.x(), 0);
    ASSERT_LT(duck.x(), 480);
    EXPECT_GT(difference(with->getColor(int(duck.x()), int(duck.y())), without->getColor(int(duck.x()), int(duck.y()))), 0.1f);
    EXPECT_LT(difference(with->getColor(3, 3), without->getColor(3, 3)), 0.02f);
    FeatureHit hit;
    ASSERT_TRUE(pickAt(app.viewer(), duck.x(), duck.y(), hit));
    EXPECT_EQ(hit.modelIndex, 0);
    EXPECT_EQ(hit.layerIndex, -1);
    osg::Vec3d plane = scene.models[1].node->getBound().center() * vpw;
    ASSERT_TRUE(pickAt(app.viewer(), plane.x(), plane.y(), hit));
    EXPECT_EQ(hit.modelIndex, 1);
    select(app.state(), {-1, -1, 1});
    EXPECT_TRUE(app.state().selection.isModel());
}

TEST(PlacedModels, ProjectsKeepThemAndFarOnesAreRefused) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.models = {placed("reference/3d/gltf/BoxTextured_glb/BoxTextured.glb", 106.58, 29.57, 5)};
    Twin twin(o);
    ASSERT_EQ(twin.scene().models.size(), 1u);
    // Placed from the dialog: kept in the options, so in the project.
    ModelPlacement more = placed("reference/3d/gltf/Duck_glb/Duck.glb", 106.581, 29.571, 2);
    EXPECT_EQ(twin.placeModel(more), "");
    ModelPlacement far = placed("reference/3d/gltf/Duck_glb/Duck.glb", 116.4, 39.9, 1);  // Beijing
    std::string why = twin.placeModel(far);
    EXPECT_EQ(why, far.path + ": placed 1446 km from the scene centre; not shown (open it first or alone to centre the scene on it)");
    std::string path = (dir / "p.json").string();
    ProjectState p;
    p.options = twin.options();
    saveProject(path, p);
    ProjectState back = loadProject(path);
    ASSERT_EQ(back.options.models.size(), 2u);
    EXPECT_EQ(back.options.models[1].path, more.path);
    EXPECT_DOUBLE_EQ(back.options.models[1].scale, 2);
    EXPECT_DOUBLE_EQ(back.options.models[1].headingDeg, 30);
    Twin reopened(back.options);
    EXPECT_EQ(reopened.scene().models.size(), 2u);
    EXPECT_TRUE(reopened.scene().errors.empty());
}

}  // namespace
}  // namespace jbt
