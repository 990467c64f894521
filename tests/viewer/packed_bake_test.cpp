// A bake packed with EXT_meshopt_compression (`bake --compress meshopt`): smaller tiles that,
// decoded, are valid glTF to the Khronos validator, and that stream back drawing the image the
// plain bake draws and picking the same buildings with the same attributes; the command itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "model/error.h"
#include "tests/support/gltf_validation.h"
#include "tests/support/tileset_session.h"
#include "tiles/meshopt_glb.h"
#include "twin/tileset_bake.h"
#include "viewer/picking_handler.h"

namespace jbt {
namespace {

namespace fs = std::filesystem;

std::size_t folderBytes(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += fs::file_size(e.path());
    return n;
}

// What a click at each point of a grid shows: the building's OSM id, or "" where none is met.
std::vector<std::string> pickedIds(ViewerApp& app) {
    std::vector<std::string> ids;
    FeatureHit hit;
    for (int y = 40; y < 320; y += 6)
        for (int x = 40; x < 440; x += 6) {
            std::string id;
            if (pickAt(app.viewer(), x, y, hit) && hit.tileFeature >= 0) {
                const std::string* way = findAttribute(hit.tileAttributes, "osm_way_id");
                const std::string* node = findAttribute(hit.tileAttributes, "osm_id");
                id = way && !way->empty() ? *way : node ? *node : "?";
            }
            ids.push_back(id);
        }
    return ids;
}

TEST(Tilesets, PackedBakeDrawsAndPicksAsThePlainOne) {
    auto dir = test::scratchDir();
    ImportOptions layer;
    layer.path = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    BakeOptions b;
    b.layers = {layer};
    b.maxFeaturesPerTile = 200;
    b.outDir = (dir / "plain").string();
    BakeReport plain = bakeTileset(b);
    b.outDir = (dir / "packed").string();
    b.compression = GlbCompression::Meshopt;
    BakeReport packed = bakeTileset(b);
    EXPECT_EQ(packed.tiles, plain.tiles);
    EXPECT_EQ(packed.triangles, plain.triangles);
    std::size_t plainBytes = folderBytes(dir / "plain" / "tiles"), packedBytes = folderBytes(dir / "packed" / "tiles");
    EXPECT_LT(packedBytes, plainBytes * 6 / 10) << packedBytes << " of " << plainBytes;

    // Each packed tile, decoded, is valid glTF: no errors, no warnings.
    fs::create_directories(dir / "decoded");
    std::vector<std::string> files;
    auto none = [](const std::string& uri) -> std::string { throw Error(uri + ": no external buffers here"); };
    for (const auto& e : fs::directory_iterator(dir / "packed" / "tiles")) {
        std::string bytes = test::readFile(e.path());
        ASSERT_NE(bytes.find("EXT_meshopt_compression"), std::string::npos) << e.path();
        fs::path out = dir / "decoded" / e.path().filename();
        test::writeFile(out, decodeMeshoptViews(bytes, e.path().string(), none));
        files.push_back(out.string());
    }
    ASSERT_NO_FATAL_FAILURE(test::expectValidGltf(files));
    EXPECT_EQ(files.size(), packed.tiles);

    // Streamed from the leaves, the two draw the same city and pick the same buildings.
    auto stream = [&](const char* name, osg::ref_ptr<osg::Image>& image, std::vector<std::string>& ids) {
        fs::create_directories(dir / "session");
        test::TilesetSession s((dir / name / "tileset.json").string(), name, dir / "session");
        ASSERT_EQ(s.openError, "");
        SceneModel& scene = s.twin.scene();
        ASSERT_EQ(scene.errors, std::vector<std::string>{});
        scene.tilesets[0].node->setMaxScreenSpaceError(1);
        image = test::settledImage(s.app, scene);
        EXPECT_EQ(scene.tilesets[0].node->status().failed, 0u) << name;
        ids = pickedIds(s.app);
    };
    osg::ref_ptr<osg::Image> a, c;
    std::vector<std::string> idsA, idsC;
    stream("plain", a, idsA);
    stream("packed", c, idsC);
    ASSERT_TRUE(a && c);
    int differ = 0;
    for (int y = 0; y < a->t(); ++y)
        for (int x = 0; x < a->s(); ++x) {
            osg::Vec4 p = a->getColor(x, y), q = c->getColor(x, y);
            if (std::fabs(p.r() - q.r()) + std::fabs(p.g() - q.g()) + std::fabs(p.b() - q.b()) > 0.1f) ++differ;
        }
    EXPECT_LT(differ, a->s() * a->t() / 200) << "pixels that differ";
    std::size_t hits = 0, same = 0;
    for (std::size_t i = 0; i < idsA.size(); ++i)
        if (!idsA[i].empty()) ++hits, same += idsA[i] == idsC[i];
    EXPECT_GT(hits, 200u);
    EXPECT_GE(same, hits * 98 / 100) << same << " of " << hits << " clicks name the same building";
}

// The command as a data team runs it: `bake --compress meshopt` on a city model prints its one
// line of JSON and nothing else (GEOS's repairs of faces seen from above stay off the terminal),
// a building per CityJSON Building; an unknown compression is refused by name.
TEST(Tilesets, BakeCommandPrintsItsLineAndNothingElse) {
    auto dir = test::scratchDir();
    std::string city = test::sharedData("reference/3d/cityjson/zurich_lod2_v1.1/zurich_subset_lod2.city.json");
    std::size_t buildings = 0;
    nlohmann::json doc = nlohmann::json::parse(test::readFile(city));
    for (const nlohmann::json& o : doc["CityObjects"]) buildings += o.value("type", "") == "Building";
    std::string exe = JBT_VIEWER_EXE, out = (dir / "zurich").string(), err = (dir / "stderr.txt").string();
    test::CommandResult r = test::run(exe + " bake --layer '" + city + "' --out '" + out + "' --compress meshopt 2>'" + err + "'");
    ASSERT_EQ(r.exitCode, 0) << r.out << test::readFile(err);
    EXPECT_EQ(test::readFile(err), "");
    nlohmann::json line = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(line.is_discarded()) << r.out;
    EXPECT_EQ(line["features"], buildings);
    EXPECT_NE(test::readFile(fs::path(out) / "tiles" / "0_0_0.glb").find("EXT_meshopt_compression"), std::string::npos);
    test::CommandResult bad = test::run(exe + " bake --layer '" + city + "' --out '" + out + "' --compress draco 2>&1");
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_NE(bad.out.find("--compress: draco not in {none,meshopt}"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace jbt
