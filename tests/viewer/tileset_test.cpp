// 3D Tiles end to end: a baked city streams back with every building and the attributes an
// import gives; every 3D Tiles sample in the shared data opens with no failure and draws where
// its bounding volume says; a truncated tile is named with its reason while the rest draws.
#include <gtest/gtest.h>
#include <httplib.h>
#include <osg/Image>

#include <algorithm>
#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "tests/support/gltf_validation.h"
#include "tests/support/offscreen_options.h"
#include "tests/support/tileset_session.h"
#include "tests/test_support.h"
#include "tiles/feature_tables.h"
#include "twin/project_file.h"
#include "twin/tileset_bake.h"
#include "twin/twin.h"
#include "viewer/picking_handler.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

namespace fs = std::filesystem;
using test::settledImage;

std::string readAll(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream os;
    os << f.rdbuf();
    return os.str();
}

// A session without the demo or panels that renders offscreen at this size.
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
    std::size_t contents = 0;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& t) {
        bool leaf = !t.contains("children");
        if (t.contains("content")) {
            std::string uri = t["content"]["uri"];
            ++contents;
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
    // Every tile is valid glTF to the Khronos validator: no errors, no warnings.
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir / "baked" / "tiles")) files.push_back(e.path().string());
    ASSERT_NO_FATAL_FAILURE(test::expectValidGltf(files));
    EXPECT_EQ(files.size(), contents);  // no file the tileset does not name
    // A second bake replaces the first; a folder of other files is refused.
    EXPECT_NO_THROW(bakeTileset(b));
    fs::create_directories(dir / "other");
    test::writeFile(dir / "other" / "notes.txt", "keep");
    b.outDir = (dir / "other").string();
    EXPECT_EQ(test::errorOf([&] { bakeTileset(b); }),
              b.outDir + ": the folder holds other files; bake into an empty folder or an earlier bake's");

    // Streamed back, it draws where the direct import draws.
    AppOptions o = test::offscreenOptions(dir, 480, 360);
    o.tilesets = {(dir / "baked" / "tileset.json").string()};
    o.view = "layer:baked";
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_EQ(scene.errors, std::vector<std::string>{});
    ASSERT_EQ(scene.tilesets.size(), 1u);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    scene.tilesets[0].node->setMaxScreenSpaceError(1);  // every building, from the leaves
    osg::ref_ptr<osg::Image> with = settledImage(app, scene);
    TilesetStatus st = scene.tilesets[0].node->status();
    EXPECT_EQ(st.failed, 0u);
    EXPECT_GT(st.loaded, 0u);
    // A click on a baked building shows what a direct import shows of it (and its height).
    FeatureHit hit;
    bool found = false;
    for (int y = 60; y < 300 && !found; y += 7)
        for (int x = 60; x < 420 && !found; x += 7)
            found = pickAt(app.viewer(), x, y, hit) && hit.tilesetIndex == 0 && hit.tileFeature >= 0;
    ASSERT_TRUE(found);
    const std::string* id = findAttribute(hit.tileAttributes, "osm_way_id");
    if (!id || id->empty()) id = findAttribute(hit.tileAttributes, "osm_id");
    ASSERT_TRUE(id);
    const Feature* same = nullptr;
    for (const Feature& f : direct.features)
        for (const auto& [k, v] : f.attributes)
            if ((k == "osm_way_id" || k == "osm_id") && v == *id) same = &f;
    ASSERT_TRUE(same) << *id;
    Attributes picked, imported;
    for (const auto& [k, v] : hit.tileAttributes)
        if (!v.empty() && k != "height") picked.emplace_back(k, v);
    for (const auto& [k, v] : same->attributes)
        if (!v.empty()) imported.emplace_back(k, v);
    std::sort(picked.begin(), picked.end());
    std::sort(imported.begin(), imported.end());
    EXPECT_EQ(picked, imported);
    EXPECT_NEAR(std::stod(*findAttribute(hit.tileAttributes, "height")), same->height, 1e-6);

    scene.tilesets[0].node->setNodeMask(0);
    osg::ref_ptr<osg::Image> without = app.renderImage();
    EXPECT_GT(changedPixels(*with, *without), 2000);
}

// A city model bakes like footprints: every Building is a feature with its gml:id.
// A bake split over three processes (`--partition i/3`, then `join/3`) writes the same tiles,
// byte for byte, and the same tree as one process; a join names a missing or stale part.
TEST(Tilesets, PartitionedBakeEqualsOneBake) {
    auto dir = test::scratchDir();
    ImportOptions layer;
    layer.path = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    auto bake = [&](const std::string& out, int part, int parts, bool join, std::size_t maxFeatures = 200) {
        BakeOptions b;
        b.layers = {layer};
        b.outDir = (dir / out).string();
        b.maxFeaturesPerTile = maxFeatures;
        b.partIndex = part, b.partCount = parts, b.joinParts = join;
        return bakeTileset(b);
    };
    BakeReport whole = bake("whole", 0, 0, false);
    std::size_t tiles = 0;
    for (int part = 1; part <= 3; ++part) {
        tiles += bake("parts", part, 3, false).tiles;
        EXPECT_FALSE(fs::exists(dir / "parts" / "tileset.json")) << "not complete before the join";
    }
    BakeReport joined = bake("parts", 0, 3, true);
    EXPECT_EQ(tiles + joined.tiles, whole.tiles);
    EXPECT_EQ(joined.rootGeometricError, whole.rootGeometricError);
    std::size_t compared = 0;
    for (const auto& e : fs::directory_iterator(dir / "whole" / "tiles")) {
        fs::path other = dir / "parts" / "tiles" / e.path().filename();
        ASSERT_TRUE(fs::exists(other)) << other;
        EXPECT_EQ(readAll(e.path()), readAll(other)) << e.path().filename();
        ++compared;
    }
    EXPECT_EQ(compared, whole.tiles);
    // The trees agree tile for tile: content, geometric error, bounding box.
    std::function<void(const nlohmann::json&, std::map<std::string, std::string>&)> index =
        [&](const nlohmann::json& t, std::map<std::string, std::string>& out) {
            if (t.contains("content"))
                out[t["content"]["uri"]] = nlohmann::json{t["geometricError"], t["boundingVolume"]}.dump();
            for (const auto& c : t.value("children", nlohmann::json::array())) index(c, out);
        };
    std::map<std::string, std::string> a, b;
    index(nlohmann::json::parse(readAll(dir / "whole" / "tileset.json"))["root"], a);
    index(nlohmann::json::parse(readAll(dir / "parts" / "tileset.json"))["root"], b);
    EXPECT_EQ(a, b);

    // A join before every part is baked, or over parts of another bake, says which and how.
    bake("missing", 1, 3, false);
    std::string missing = test::errorOf([&] { bake("missing", 0, 3, true); });
    EXPECT_NE(missing.find((dir / "missing").string() + ": part 2 of 3 is not baked: parts/"), std::string::npos) << missing;
    EXPECT_NE(missing.find("(run `jiangbei-twin bake --partition 2/3` with the same sources)"), std::string::npos) << missing;
    std::string stale = test::errorOf([&] { bake("parts", 0, 3, true, 300); });
    EXPECT_NE(stale.find(".json was baked from other input"), std::string::npos) << stale;
}

TEST(Tilesets, CityModelBakesWithEveryBuilding) {
    auto dir = test::scratchDir();
    BakeOptions b;
    ImportOptions layer;
    layer.path = test::sharedData("reference/3d/citygml/berlin_open_data_sample_lod2/berlin_open_data_sample_data.citygml");
    b.layers = {layer};
    b.outDir = (dir / "berlin").string();
    BakeReport r = bakeTileset(b);
    std::string gml = readAll(layer.path);
    std::size_t buildings = 0;
    for (std::size_t at = 0; (at = gml.find("<bldg:Building ", at)) != std::string::npos; ++at) ++buildings;
    EXPECT_EQ(buildings, 61u);
    EXPECT_EQ(r.features, buildings);
    std::size_t rows = 0;
    for (const auto& e : fs::directory_iterator(dir / "berlin" / "tiles")) rows += readPropertyTable(readAll(e.path())).size();
    EXPECT_EQ(rows, buildings);  // one leaf: each building once
}

// Less memory than the view needs: what is out of view goes, what the view uses stays.
TEST(Tilesets, ContentBeyondTheBudgetIsLetGo) {
    auto dir = test::scratchDir();
    BakeOptions b;
    ImportOptions layer;
    layer.path = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    b.layers = {layer};
    b.outDir = (dir / "baked").string();
    b.maxFeaturesPerTile = 100;
    bakeTileset(b);
    AppOptions o = test::offscreenOptions(dir, 480, 360);
    o.tilesets = {(dir / "baked" / "tileset.json").string()};
    o.view = "layer:baked";
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    TilesetLayer& t = *scene.tilesets[0].node;
    scene.pagedMemory->setBudget(1);  // the one budget streamed data shares
    t.setMaxScreenSpaceError(2);  // fine: many leaves
    settledImage(app, scene);
    TilesetStatus fine = t.status();
    EXPECT_GT(fine.drawn, 1u);
    EXPECT_GE(fine.loaded, fine.drawn);  // and the tiles above them in view, stand-ins when the view moves
    // Coloured by height: the tall ones turn red, the legend says how; and back.
    auto reddish = [](const osg::Image& img) {
        int n = 0;
        for (int y = 0; y < img.t(); ++y)
            for (int x = 0; x < img.s(); ++x) {
                osg::Vec4 c = img.getColor(x, y);
                if (c.r() > 0.3f && c.r() > 2.5f * c.g()) ++n;
            }
        return n;
    };
    osg::ref_ptr<osg::Image> own = app.renderImage(2);
    t.setStyle("height");
    EXPECT_TRUE(t.style().numeric);
    EXPECT_GE(t.style().legend().size(), 2u);
    osg::ref_ptr<osg::Image> styled = app.renderImage(2);
    EXPECT_EQ(reddish(*own), 0);
    EXPECT_GT(reddish(*styled), 50);
    t.setStyle("");
    EXPECT_EQ(reddish(*app.renderImage(2)), 0);

    t.setMaxScreenSpaceError(1e6);  // coarse: the root alone
    settledImage(app, scene);
    TilesetStatus coarse = t.status();
    EXPECT_EQ(coarse.drawn, 1u);
    EXPECT_EQ(coarse.loaded, 1u);
    EXPECT_LT(coarse.residentBytes, fine.residentBytes);
    EXPECT_EQ(coarse.failed, 0u);
}

// Over HTTP from a server the test starts, then from the disk cache once the server is gone.
TEST(Tilesets, StreamOverHttpThenFromTheCache) {
    auto dir = test::scratchDir();
    setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
    httplib::Server server;
    ASSERT_TRUE(server.set_mount_point("/city", test::sharedData("reference/3d/3dtiles/1.0/Tileset")));
    int port = server.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { server.listen_after_bind(); });
    std::string base = "http://127.0.0.1:" + std::to_string(port);
    auto open = [&](const std::string& url, TilesetStatus& st, std::vector<std::string>& errors) {
        AppOptions o = test::offscreenOptions(dir, 320, 240);
        o.tilesets = {url};
        o.view = "layer:city";
        Twin twin(o);
        errors = twin.scene().errors;
        if (twin.scene().tilesets.empty()) return;
        ViewerApp app(twin);
        app.open();
        settledImage(app, twin.scene());
        st = twin.scene().tilesets[0].node->status();
    };
    TilesetStatus first, again;
    std::vector<std::string> errors;
    open(base + "/city/tileset.json", first, errors);
    EXPECT_EQ(errors, std::vector<std::string>{});
    EXPECT_GT(first.loaded, 0u);
    EXPECT_EQ(first.failed, 0u);
    open(base + "/city/missing.json", again, errors);
    EXPECT_EQ(errors, std::vector<std::string>{base + "/city/missing.json: HTTP 404"});
    server.stop();
    serving.join();
    open(base + "/city/tileset.json", again, errors);
    EXPECT_EQ(errors, std::vector<std::string>{});
    EXPECT_EQ(again.loaded, first.loaded);
    EXPECT_EQ(again.failed, 0u);
    unsetenv("XDG_CACHE_HOME");
}

// A tileset that includes itself through an external tileset, and a child whose file is
// missing: both named, the tile beside them still drawn.
TEST(Tilesets, CyclesAndMissingChildrenAreNamed) {
    auto dir = test::scratchDir();
    fs::copy(test::sharedData("reference/3d/3dtiles/1.0/Tileset/ll.b3dm"), dir / "ll.b3dm");
    std::string region = "[-1.3197209591796106,0.6988424218,-1.31968,0.698874,0,20]";
    auto tile = [&](const std::string& uri) {
        return "{\"boundingVolume\":{\"region\":" + region + "},\"geometricError\":0,\"content\":{\"uri\":\"" + uri + "\"}}";
    };
    test::writeFile(dir / "tileset.json", "{\"asset\":{\"version\":\"1.0\"},\"geometricError\":500,\"root\":{\"boundingVolume\":{\"region\":" +
                                              region + "},\"geometricError\":500,\"refine\":\"ADD\",\"children\":[" + tile("ll.b3dm") +
                                              "," + tile("nothere.b3dm") + "," + tile("ext.json") + "]}}");
    test::writeFile(dir / "ext.json", "{\"asset\":{\"version\":\"1.0\"},\"geometricError\":500,\"root\":" + tile("tileset.json") + "}");
    AppOptions o = test::offscreenOptions(dir, 320, 240);
    o.tilesets = {(dir / "tileset.json").string()};
    o.view = "layer:" + dir.filename().string();
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    twin.scene().tilesets[0].node->setMaxScreenSpaceError(0.5);
    settledImage(app, twin.scene());
    TilesetStatus st = twin.scene().tilesets[0].node->status();
    std::set<std::string> failures(st.failures.begin(), st.failures.end());
    EXPECT_EQ(failures, (std::set<std::string>{(dir / "nothere.b3dm").string() + ": no such file",
                                               (dir / "tileset.json").string() + ": external tileset cycle (it includes itself); left out"}));
    EXPECT_EQ(st.features, 10u);  // ll.b3dm's ten buildings
}

// From the import dialog into the scene, then saved in a project and opened again.
TEST(Tilesets, OpenFromTheDialogAndSurviveAProject) {
    auto dir = test::scratchDir();
    std::string sample = test::sharedData("reference/3d/3dtiles/1.0/Tileset/tileset.json");
    AppOptions o = test::offscreenOptions(dir, 320, 240);
    o.centre = GeoPoint{-75.612, 40.042};
    std::string project = (dir / "p.json").string();
    {  // one viewer at a time (ImGui is one context)
        Twin twin(o);
        ViewerApp app(twin);
        ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
        EXPECT_EQ(app.state().openTileset((dir / "none.json").string()), (dir / "none.json").string() + ": no such file");
        ASSERT_EQ(app.state().openTileset(sample), "");
        ASSERT_EQ(twin.scene().tilesets.size(), 1u);
        settledImage(app, twin.scene());
        EXPECT_GT(twin.scene().tilesets[0].node->status().loaded, 0u);
        // How it is shown is kept too: coloured by height, finer, hidden.
        TilesetScene& shown = twin.scene().tilesets[0];
        shown.node->setStyle("Height");
        shown.node->setMaxScreenSpaceError(8);
        shown.visible = false;
        saveProject(project, app.currentProject());
    }
    ProjectState back = loadProject(project);
    ASSERT_EQ(back.options.tilesets.size(), 1u);
    EXPECT_EQ(fs::weakly_canonical(back.options.tilesets[0]), fs::weakly_canonical(sample));
    back.options.snapshotPath = o.snapshotPath;
    Twin reopened(back.options);
    ASSERT_EQ(reopened.scene().tilesets.size(), 1u);
    const TilesetScene& again = reopened.scene().tilesets[0];
    EXPECT_EQ(again.name, "Tileset");
    EXPECT_EQ(again.node->style().property, "Height");
    EXPECT_EQ(again.node->maxScreenSpaceError(), 8);
    EXPECT_FALSE(again.visible);
    EXPECT_EQ(again.node->getNodeMask(), 0u);
    // The style's classes come with the first features in.
    ViewerApp app2(reopened);
    ASSERT_EQ(test::errorOf([&] { app2.open(); }), "");
    reopened.scene().tilesets[0].node->setNodeMask(~0u);
    settledImage(app2, reopened.scene());
    EXPECT_TRUE(again.node->style().numeric);
    EXPECT_FALSE(again.node->style().breaks.empty());
}

// Features and points in a tileset's content, counted from the files' own feature tables by
// following tileset.json (and external tilesets) here, apart from the viewer's reader.
struct ContentCount {
    std::size_t features = 0, points = 0;
};

void countContent(const std::string& bytes, ContentCount& c) {
    auto u32 = [&](std::size_t at) { std::uint32_t v; std::memcpy(&v, bytes.data() + at, 4); return v; };
    std::string magic = bytes.substr(0, 4);
    if (magic == "cmpt") {
        for (std::size_t at = 16, i = 0; i < u32(12); ++i, at += u32(at + 8)) countContent(bytes.substr(at, u32(at + 8)), c);
        return;
    }
    std::size_t header = magic == "i3dm" ? 32 : 28;
    if (magic != "b3dm" && magic != "i3dm" && magic != "pnts") return;
    nlohmann::json ft = nlohmann::json::parse(bytes.substr(header, u32(12)));
    c.features += ft.value("BATCH_LENGTH", 0) + ft.value("INSTANCES_LENGTH", 0);
    c.points += ft.value("POINTS_LENGTH", 0);
}

void countTileset(const fs::path& file, ContentCount& c) {
    nlohmann::json ts = nlohmann::json::parse(readAll(file));
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& t) {
        for (const char* key : {"content"})
            if (t.contains(key)) {
                std::string uri = t[key].contains("uri") ? t[key]["uri"] : t[key]["url"];
                fs::path p = file.parent_path() / uri;
                if (p.extension() == ".json") countTileset(p, c);
                else countContent(readAll(p), c);
            }
        for (const auto& child : t.value("children", nlohmann::json::array())) walk(child);
    };
    walk(ts["root"]);
}

struct Sample {
    const char* folder;
    bool geo;  // placed on the Earth (else a local frame at the scene's origin)
    const char* contentFolder = nullptr;  // every file here is a tile the view draws
};

class TilesetSamples : public ::testing::TestWithParam<Sample> {};

TEST_P(TilesetSamples, OpenWithoutFailureAndDrawWhereTheirVolumeSays) {
    auto dir = test::scratchDir();
    AppOptions o = test::offscreenOptions(dir, 480, 360);
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
    EXPECT_GT(st.loaded, 0u);
    if (GetParam().contentFolder) {
        std::size_t files = 0;
        for (const auto& e : fs::directory_iterator(fs::path(path).parent_path() / GetParam().contentFolder)) files += e.is_regular_file();
        EXPECT_EQ(st.loaded, files);
        EXPECT_EQ(st.drawn, files);
    }
    if (GetParam().geo) {
        // Everything in view at the finest: every feature and point of the files is in.
        scene.tilesets[0].node->setMaxScreenSpaceError(0.5);
        settledImage(app, scene);
        ContentCount expected;
        countTileset(path, expected);
        TilesetStatus all = scene.tilesets[0].node->status();
        EXPECT_EQ(all.features, expected.features);
        EXPECT_EQ(all.points, expected.points);
        EXPECT_GT(expected.features + expected.points, 0u);
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
                                           Sample{"1.1/SparseImplicitQuadtree", false, "content"},
                                           Sample{"1.1/MetadataGranularities", false}));

TEST(Tilesets, TruncatedTileIsNamedAndTheRestDraws) {
    auto dir = test::scratchDir();
    fs::path src = test::sharedData("reference/3d/3dtiles/1.0/Tileset");
    for (const auto& e : fs::directory_iterator(src)) fs::copy(e.path(), dir / e.path().filename());
    std::string ll = readAll(dir / "ll.b3dm");
    test::writeFile(dir / "ll.b3dm", ll.substr(0, 300));
    AppOptions o = test::offscreenOptions(dir, 480, 360);
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
