// City models on screen: seen from straight above, each sample's largest roof shows roof pixels
// (terracotta, where the extruded footprints have no such colour), a pick there selects that
// building, and a project keeps the chosen level of detail.
#include <gtest/gtest.h>
#include <osg/Image>
#include <osgDB/WriteFile>
#include <osgUtil/UpdateVisitor>

#include <chrono>
#include <thread>

#include "tests/support/offscreen_options.h"
#include "tests/support/textured_city_model.h"
#include "tests/test_support.h"
#include "twin/project_file.h"
#include "twin/twin.h"
#include "viewer/picking_handler.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

struct Sample {
    const char* path;
    const char* crs;
};

// The building whose roof faces cover the most ground, and the middle of its largest roof face.
struct Roof {
    int feature = -1;
    osg::Vec3d centre;
};

Roof largestRoof(const LayerData& layer) {
    Roof best;
    double bestArea = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const Feature& f = layer.features[i];
        for (const Surface& s : f.surfaces) {
            if (s.kind != SurfaceKind::Roof) continue;
            Ring flat;
            osg::Vec3d sum;
            for (const Vec3& v : s.rings[0]) {
                flat.push_back({v.x, v.y});
                sum += osg::Vec3d(v.x, v.y, v.z + f.groundZ);
            }
            double area = std::fabs(signedArea(flat));
            if (area <= bestArea) continue;
            bestArea = area;
            best.feature = static_cast<int>(i);
            best.centre = sum / double(flat.size());
        }
    }
    return best;
}

class CityModelRender : public ::testing::TestWithParam<Sample> {};

TEST_P(CityModelRender, RoofPixelsFromAboveAndPickingThere) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 320;
    o.height = 240;
    ImportOptions layer;
    layer.path = test::sharedData(GetParam().path);
    layer.sourceCrs = GetParam().crs;
    o.layers.push_back(layer);
    Twin twin(o);
    ASSERT_TRUE(twin.scene().errors.empty()) << twin.scene().errors[0];
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    Roof roof = largestRoof(twin.scene().layers[0].data);
    ASSERT_GE(roof.feature, 0);
    // Straight down from 40 m above the roof's middle.
    const osg::Vec3d& c = roof.centre;
    twin.options().startCamera = {c.x(), c.y() - 0.01, c.z() + 40, c.x(), c.y(), c.z()};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    ASSERT_TRUE(img);
    osg::Vec4 p = img->getColor(160, 120);
    EXPECT_GT(p.r(), 1.3f * p.g()) << p.r() << " " << p.g() << " " << p.b();
    EXPECT_GT(p.r(), 1.3f * p.b()) << p.r() << " " << p.g() << " " << p.b();
    FeatureHit hit;
    ASSERT_TRUE(pickAt(app.viewer(), 160, 120, hit));
    EXPECT_EQ(hit.layerIndex, 0);
    EXPECT_EQ(hit.featureIndex, roof.feature);
}

INSTANTIATE_TEST_SUITE_P(
    Samples, CityModelRender,
    ::testing::Values(Sample{"reference/3d/citygml/berlin_open_data_sample_lod2/berlin_open_data_sample_data.citygml", ""},
                      Sample{"reference/3d/citygml/ogc_citygml3_fzk_examples/Building_and_garage_LOD2-EPSG25832.citygml3.gml", ""},
                      Sample{"reference/3d/citygml/libcitygml_small/b1_lod2_cs_w_sem.gml", "EPSG:25832"},
                      Sample{"reference/3d/cityjson/zurich_lod2_v1.1/zurich_subset_lod2.city.json", ""},
                      Sample{"reference/3d/cityjson/multi_lod_v2.0/multi_lod.city.json", "EPSG:28992"}),
    [](const auto& info) {
        std::string path = info.param.path;
        std::string folder = path.substr(0, path.rfind('/'));
        std::string name = folder.substr(folder.rfind('/') + 1);
        for (char& ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        return name;
    });

// A city model's own look: the south wall's image (red on its left half, green on its right) seen
// from the south the right way round, and the roof in its material's blue from above.
TEST(CityModelAppearance, FacadeImageAndRoofMaterialOnScreen) {
    auto dir = test::scratchDir();
    osg::ref_ptr<osg::Image> facade = new osg::Image;
    facade->allocateImage(64, 32, 1, GL_RGB, GL_UNSIGNED_BYTE);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) {
            unsigned char* px = facade->data(x, y);
            px[0] = x < 32 ? 220 : 40, px[1] = x < 32 ? 40 : 200, px[2] = 40;
        }
    ASSERT_TRUE(osgDB::writeImageFile(*facade, (dir / "facade.png").string()));
    AppOptions o = test::offscreenOptions(dir);
    ImportOptions layer;
    layer.path = test::writeTexturedCityGml(dir, "2.0");
    o.layers.push_back(layer);
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const Feature& f = twin.scene().layers[0].data.features.at(0);
    osg::Vec3d south, top;
    for (const Surface& s : f.surfaces) {
        osg::Vec3d c;
        for (const Vec3& v : s.rings[0]) c += osg::Vec3d(v.x, v.y, v.z + f.groundZ);
        c /= double(s.rings[0].size());
        if (ringNormal(s.rings[0]).y < -0.99) south = c;
        if (s.kind == SurfaceKind::Roof) top = c;
    }
    {
        twin.options().startCamera = {south.x(), south.y() - 25, south.z(), south.x(), south.y(), south.z()};
        ViewerApp app(twin);
        ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
        osg::ref_ptr<osg::Image> img = app.renderImage();
        ASSERT_TRUE(img);
        osg::Vec4 left = img->getColor(160 - 30, 120), right = img->getColor(160 + 30, 120);
        EXPECT_GT(left.r(), 2 * left.g()) << left.r() << " " << left.g() << " " << left.b();
        EXPECT_GT(right.g(), 2 * right.r()) << right.r() << " " << right.g() << " " << right.b();
        FeatureHit hit;
        ASSERT_TRUE(pickAt(app.viewer(), 160 - 30, 120, hit));  // the textured face picks its building
        EXPECT_EQ(hit.featureIndex, 0);
    }
    twin.options().startCamera = {top.x(), top.y() - 0.01, top.z() + 40, top.x(), top.y(), top.z()};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    osg::Vec4 roof = img->getColor(160, 120);
    EXPECT_GT(roof.b(), 1.5f * roof.r()) << roof.r() << " " << roof.g() << " " << roof.b();
    EXPECT_GT(roof.b(), roof.g()) << roof.r() << " " << roof.g() << " " << roof.b();
}

TEST(CityModelImportDialog, InspectsAndImportsACityGml3File) {
    std::string file = test::sharedData("reference/3d/citygml/ogc_citygml3_fzk_examples/Building_LOD2-EPSG25832.citygml3.gml");
    DatasetInfo info = inspectDataset(file);
    EXPECT_EQ(info.driver, "CityGML 3.0");
    ASSERT_EQ(info.layers.size(), 1u);
    EXPECT_EQ(info.layers[0].features, 1);
    EXPECT_EQ(info.layers[0].geometry, "3D surfaces, LOD 2");
    EXPECT_EQ(info.layers[0].crs, "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783");

    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "x.png").string();
    o.width = 320;
    o.height = 240;
    ImportOptions seed;  // a scene near Karlsruhe, where the file lies
    seed.path = test::writeFile(dir / "seed.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"height":20},"geometry":{"type":"Polygon","coordinates":[[[8.43,49.1],[8.4305,49.1],[8.4305,49.1005],[8.43,49.1]]]}}]})");
    o.layers.push_back(seed);
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    ImportOptions add;
    add.path = file;
    app.state().import(add);
    for (int frames = 0; app.state().importStatus.running && frames < 3000; ++frames) app.renderImage(1);
    ASSERT_EQ(twin.scene().layers.size(), 2u) << app.state().importStatus.message;
    EXPECT_EQ(twin.scene().layers[1].data.format, "CityGML 3.0");
    EXPECT_EQ(twin.scene().layers[1].data.features.at(0).surfaces.size(), 7u);
    EXPECT_EQ(twin.options().layers.back().path, file);
}

TEST(CityModelProject, TheChosenLevelOfDetailIsSavedAndReopened) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    ImportOptions layer;
    layer.path = test::sharedData("reference/3d/cityjson/multi_lod_v2.0/multi_lod.city.json");
    layer.sourceCrs = "EPSG:28992";
    o.layers.push_back(layer);
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.at(0).data.levelOfDetail, "2.2");
    ASSERT_TRUE(twin.changeLevelOfDetail(0, "1.2"));
    for (int i = 0; i < 500 && twin.importStatus().running; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        osgUtil::UpdateVisitor update;  // what a frame's update traversal does: the import lands
        twin.scene().root->accept(update);
    }
    EXPECT_EQ(twin.scene().layers.size(), 1u);
    EXPECT_EQ(twin.scene().layers[0].data.levelOfDetail, "1.2");
    EXPECT_EQ(twin.scene().layers[0].data.features.size(), 10u);
    std::string path = (dir / "p.jbt.json").string();
    ProjectState p;
    p.options = twin.options();
    saveProject(path, p);
    ProjectState back = loadProject(path);
    ASSERT_EQ(back.options.layers.size(), 1u);
    EXPECT_EQ(back.options.layers[0].levelOfDetail, "1.2");
    Twin reopened(back.options);
    EXPECT_EQ(reopened.scene().layers.at(0).data.levelOfDetail, "1.2");
}

}  // namespace
}  // namespace jbt
