// 3D Tiles end to end: a baked city streams back with every building and the attributes an
// import gives; every 3D Tiles sample in the shared data opens with no failure and draws where
// its bounding volume says; a truncated tile is named with its reason while the rest draws.
#include <gtest/gtest.h>
#include <osg/Image>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "tests/test_support.h"
#include "tiles/feature_tables.h"
#include "twin/tileset_bake.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream os;
    os << f.rdbuf();
    return os.str();
}

// Renders until the tilesets have loaded what the view asks for.
osg::ref_ptr<osg::Image> settledImage(ViewerApp& app, SceneModel& scene) {
    osg::ref_ptr<osg::Image> img;
    for (int i = 0; i < 400; ++i) {
        img = app.renderImage(1);
        if (i > 3 && tilesetsSettled(scene)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return app.renderImage(2);
}

// Pixels that differ from the empty view's background (the ground) in the middle of the image.
int changedPixels(const osg::Image& img, const osg::Image& empty) {
    int n = 0;
    for (int y = img.t() / 4; y < img.t() * 3 / 4; ++y)
        for (int x = img.s() / 4; x < img.s() * 3 / 4; ++x) {
            osg::Vec4 a = img.getColor(x, y), b = empty.getColor(x, y);
            if (std::fabs(a.r() - b.r()) + std::fabs(a.g() - b.g()) + std::fabs(a.b() - b.b()) > 0.1f) ++n;
        }
    return n;
}

TEST(Tilesets, BakedCityStreamsBackWithEveryBuildingAndItsAttributes) {
    auto dir = test::scratchDir();
    BakeOptions b;
    ImportOptions layer;
    layer.path = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    b.layers = {layer};
    b.outDir = (dir / "baked").string();
    b.maxFeaturesPerTile = 200;
    BakeReport r = bakeTileset(b);
    SceneFrame frame(*probeCentre(layer));
    LayerData direct = importLayer(layer, frame);
    ASSERT_EQ(r.features, direct.features.size());
    EXPECT_GT(r.leaves, direct.features.size() / 200);
    EXPECT_GT(r.depth, 2u);
    // Every building is in exactly one leaf's property table, with the attributes an import reads.
    nlohmann::json ts = nlohmann::json::parse(readAll(dir / "baked" / "tileset.json"));
    EXPECT_EQ(ts["asset"]["version"], "1.1");
    std::multiset<std::string> bakedIds, importedIds;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& t) {
        bool leaf = !t.contains("children");
        if (t.contains("content")) {
            std::string uri = t["content"]["uri"];
            EXPECT_TRUE(fs::exists(dir / "baked" / uri)) << uri;
            if (leaf) {
                EXPECT_EQ(t["geometricError"].get<double>(), 0.0);
                for (const Attributes& row : readPropertyTable(readAll(dir / "baked" / uri)))
                    for (const auto& [k, v] : row) {
                        if ((k == "osm_id" || k == "osm_way_id") && !v.empty()) bakedIds.insert(k + "=" + v);
                    }
            }
        }
        if (!leaf) {
            EXPECT_GT(t["geometricError"].get<double>(), 0.0);
        }
        for (const auto& c : t.value("children", nlohmann::json::array())) walk(c);
    };
    walk(ts["root"]);
    for (const Feature& f : direct.features)
        for (const auto& [k, v] : f.attributes)
            if ((k == "osm_id" || k == "osm_way_id") && !v.empty()) importedIds.insert(k + "=" + v);
    EXPECT_FALSE(importedIds.empty());
    EXPECT_EQ(bakedIds, importedIds);
    // A second bake replaces the first; a folder of other files is refused.
    EXPECT_NO_THROW(bakeTileset(b));
    fs::create_directories(dir / "other");
    test::writeFile(dir / "other" / "notes.txt", "keep");
    b.outDir = (dir / "other").string();
    EXPECT_EQ(test::errorOf([&] { bakeTileset(b); }),
              b.outDir + ": the folder holds other files; bake into an empty folder or an earlier bake's");

    // Streamed back, it draws where the direct import draws.
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 480;
    o.height = 360;
    o.tilesets = {(dir / "baked" / "tileset.json").string()};
    o.view = "layer:baked";
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_EQ(scene.errors, std::vector<std::string>{});
    ASSERT_EQ(scene.tilesets.size(), 1u);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> with = settledImage(app, scene);
    TilesetStatus st = scene.tilesets[0].node->status();
    EXPECT_EQ(st.failed, 0u);
    EXPECT_GT(st.loaded, 0u);
    scene.tilesets[0].node->setNodeMask(0);
    osg::ref_ptr<osg::Image> without = app.renderImage();
    EXPECT_GT(changedPixels(*with, *without), 2000);
}

struct Sample {
    const char* folder;
    bool geo;  // placed on the Earth (else a local frame at the scene's origin)
};

class TilesetSamples : public ::testing::TestWithParam<Sample> {};

TEST_P(TilesetSamples, OpenWithoutFailureAndDrawWhereTheirVolumeSays) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 480;
    o.height = 360;
    std::string path = test::sharedData(std::string("reference/3d/3dtiles/") + GetParam().folder + "/tileset.json");
    o.tilesets = {path};
    o.view = "layer:" + fs::path(GetParam().folder).filename().string();
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_EQ(scene.errors, std::vector<std::string>{});
    ASSERT_EQ(scene.tilesets.size(), 1u);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> with = settledImage(app, scene);
    TilesetStatus st = scene.tilesets[0].node->status();
    EXPECT_EQ(st.failed, 0u) << (st.failures.empty() ? "" : st.failures.front());
    if (GetParam().geo) {
        EXPECT_GT(st.loaded, 0u);
        scene.tilesets[0].node->setNodeMask(0);
        osg::ref_ptr<osg::Image> without = app.renderImage();
        EXPECT_GT(changedPixels(*with, *without), 100) << "nothing drawn in the middle of the view";
    }
}

INSTANTIATE_TEST_SUITE_P(Shared, TilesetSamples,
                         ::testing::Values(Sample{"1.0/Tileset", true}, Sample{"1.0/TilesetOfTilesets", true},
                                           Sample{"1.0/BatchedTextured", true}, Sample{"1.0/BatchedWithRtcCenter", true},
                                           Sample{"1.0/BatchedWithBatchTableBinary", true},
                                           Sample{"1.0/InstancedOrientation", true}, Sample{"1.0/InstancedWithBatchTable", true},
                                           Sample{"1.0/PointCloudRGB", true}, Sample{"1.0/TilesetWithExternalResources", true},
                                           Sample{"1.1/SparseImplicitQuadtree", false},
                                           Sample{"1.1/MetadataGranularities", false}));

TEST(Tilesets, TruncatedTileIsNamedAndTheRestDraws) {
    auto dir = test::scratchDir();
    fs::path src = test::sharedData("reference/3d/3dtiles/1.0/Tileset");
    for (const auto& e : fs::directory_iterator(src)) fs::copy(e.path(), dir / e.path().filename());
    std::string ll = readAll(dir / "ll.b3dm");
    test::writeFile(dir / "ll.b3dm", ll.substr(0, 300));
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 480;
    o.height = 360;
    o.tilesets = {(dir / "tileset.json").string()};
    o.view = "layer:" + dir.filename().string();
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    settledImage(app, scene);
    TilesetStatus st = scene.tilesets[0].node->status();
    ASSERT_EQ(st.failed, 1u);
    EXPECT_EQ(st.failures[0], (dir / "ll.b3dm").string() + ": the header says " + std::to_string(ll.size()) +
                                  " bytes, the file has 300 (truncated?)");
    EXPECT_GE(st.loaded, 3u);
}

}  // namespace
}  // namespace jbt
