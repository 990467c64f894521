// 3D Tiles as plain data: geodesy, the bake's quadtree, GLB content whose property table reads
// back, the tile containers' checks (with their exact messages), tileset.json checks, and the
// real implicit sample's subtrees against the content files that lie beside them.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/error.h"
#include "tests/test_support.h"
#include "tiles/feature_tables.h"
#include "tiles/geodesy.h"
#include "tiles/glb_writer.h"
#include "tiles/quadtree.h"
#include "tiles/subtree.h"
#include "tiles/tile_format.h"
#include "tiles/tileset.h"

namespace jbt {
namespace {

std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream os;
    os << f.rdbuf();
    return os.str();
}

TEST(Geodesy, EcefRoundTripAndEnuAxes) {
    Geodetic ifs{106.5787, 29.5683, 355.0};  // Chongqing IFS, on its roof
    Geodetic back = fromEcef(toEcef(ifs));
    EXPECT_NEAR(back.lon, ifs.lon, 1e-9);
    EXPECT_NEAR(back.lat, ifs.lat, 1e-9);
    EXPECT_NEAR(back.height, ifs.height, 1e-3);
    // The equator on the prime meridian lies on the x axis at the semi-major axis.
    Vec3 e = toEcef({0, 0, 0});
    EXPECT_NEAR(e.x, 6378137.0, 1e-6);
    Mat4 enu = enuToEcef(ifs);
    Vec3 up = enu.direction({0, 0, 1}), north = enu.direction({0, 1, 0});
    EXPECT_NEAR(up.x * north.x + up.y * north.y + up.z * north.z, 0, 1e-12);
    Vec3 p = enu.point({0, 0, 100});  // 100 m up is 100 m higher
    EXPECT_NEAR(fromEcef(p).height, 455.0, 1e-3);
    Vec3 q = inverseRigid(enu).point(p);
    EXPECT_NEAR(q.z, 100, 1e-6);
    Mat4 i = inverse(enu) * enu;
    for (int k = 0; k < 16; ++k) EXPECT_NEAR(i.m[k], (k % 5 == 0) ? 1.0 : 0.0, 1e-9);
}

TEST(Quadtree, SplitsByCountAndKeepsEveryItemOnce) {
    std::vector<Vec2> centres;
    for (int i = 0; i < 1000; ++i) centres.push_back({std::fmod(i * 37.0, 500.0), std::fmod(i * 91.0, 300.0)});
    for (int i = 0; i < 50; ++i) centres.push_back({7, 7});  // a crowd at one point stays in one leaf
    auto root = buildQuadtree(centres, 64);
    std::set<std::uint32_t> seen;
    std::size_t leaves = 0, crowded = 0;
    std::function<void(const QuadNode&)> walk = [&](const QuadNode& n) {
        if (n.leaf()) {
            ++leaves;
            if (n.items.size() > 64) ++crowded;
            for (auto i : n.items) EXPECT_TRUE(seen.insert(i).second);
        }
        for (const auto& c : n.children)
            if (c) walk(*c);
    };
    walk(*root);
    EXPECT_EQ(seen.size(), centres.size());
    EXPECT_EQ(root->count(), centres.size());
    EXPECT_GT(leaves, 1000u / 64);
    EXPECT_LE(crowded, 1u);  // only the crowd, at the depth limit
}

TEST(GlbWriter, PropertyTableReadsBack) {
    TileMesh m;
    m.positions = {0, 0, 0, 10, 0, 0, 0, 10, 5};
    m.normals = {0, 0, 1, 0, 0, 1, 0, 0, 1};
    m.colors = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255};
    m.featureIds = {0, 1, 1};
    m.indices = {0, 1, 2};
    FeatureProperties p;
    p.count = 2;
    p.columns.push_back({"height", true, {12.5, 30}, {}});
    p.columns.push_back({"name:zh", false, {}, {"国金中心", ""}});
    std::string glb = writeTileGlb(m, p);
    ASSERT_EQ(glb.compare(0, 4, "glTF"), 0);
    std::uint32_t length;
    std::memcpy(&length, glb.data() + 8, 4);
    EXPECT_EQ(length, glb.size());
    std::vector<Attributes> rows = readPropertyTable(glb);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (Attributes{{"height", "12.5"}, {"name:zh", "国金中心"}}));
    EXPECT_EQ(rows[1], (Attributes{{"height", "30"}, {"name:zh", ""}}));
    EXPECT_EQ(propertyIdentifier("building:levels"), "building_levels");
    EXPECT_EQ(propertyIdentifier("3d"), "_3d");
    TileContentParts parts = splitTileContent(glb, "t.glb");
    EXPECT_EQ(parts.kind, "glb");
}

TEST(TileFormat, BadContainersAreNamedWithTheReason) {
    std::string b3dm = readAll(test::sharedData("reference/3d/3dtiles/1.0/BatchedWithBatchTableBinary/batchedWithBatchTableBinary.b3dm"));
    TileContentParts p = splitTileContent(b3dm, "a.b3dm");
    EXPECT_EQ(p.kind, "b3dm");
    EXPECT_EQ(p.feature("BATCH_LENGTH")->get<int>(), 10);
    EXPECT_EQ(readBatchTable(p.batchTable, p.batchBinary, 10).size(), 10u);
    EXPECT_EQ(test::errorOf([&] { splitTileContent(b3dm.substr(0, 100), "a.b3dm"); }),
              "a.b3dm: the header says " + std::to_string(b3dm.size()) + " bytes, the file has 100 (truncated?)");
    EXPECT_EQ(test::errorOf([&] { splitTileContent("abcd1234", "x.bin"); }), "x.bin: unknown tile format (magic 'abcd')");
    EXPECT_EQ(test::errorOf([&] { splitTileContent("b3", "y.b3dm"); }), "y.b3dm: empty or shorter than a tile header");
    std::string cmpt = readAll(test::sharedData("reference/3d/3dtiles/1.0/Tileset/ll.b3dm"));
    EXPECT_EQ(test::errorOf([&] { splitTileContent(cmpt.substr(0, 20), "ll.b3dm"); }), "ll.b3dm: shorter than its 28-byte header");
}

TEST(Tileset, UnusableTilesAreLeftOutWithAWarning) {
    std::string text = R"({"asset":{"version":"1.1"},"geometricError":100,"root":{"boundingVolume":{"box":[0,0,0,1,0,0,0,1,0,0,0,1]},
      "geometricError":50,"refine":"REPLACE","children":[
        {"boundingVolume":{"sphere":[0,0,0,1]},"geometricError":1e12,"content":{"uri":"a.glb"}},
        {"boundingVolume":{"region":[0,0,"x",1,0,1]},"geometricError":1}]}})";
    TilesetDesc d = parseTileset(text, "t.json");
    ASSERT_EQ(d.root.children.size(), 1u);
    EXPECT_EQ(d.root.children[0].geometricError, 1e8);
    ASSERT_EQ(d.warnings.size(), 2u);
    EXPECT_EQ(d.warnings[1], "t.json: tile root/children/1: no usable bounding volume (box, region or sphere of finite "
                             "numbers); left out with its children");
    EXPECT_EQ(test::errorOf([] { parseTileset("[1,2]", "u.json"); }), "u.json: not a JSON object (not a tileset.json?)");
    EXPECT_EQ(test::errorOf([] { parseTileset("{\"root\":{}}", "v.json"); }), "v.json: no asset.version (not a 3D Tiles tileset)");
    EXPECT_EQ(fillTemplate("content/{level}/{x}_{y}.glb", 3, 5, 6), "content/3/5_6.glb");
}

// The sample's subtrees say which tiles have content; the content folder holds exactly those.
TEST(Subtree, ImplicitSampleAvailabilityMatchesItsFiles) {
    std::string dir = test::sharedData("reference/3d/3dtiles/1.1/SparseImplicitQuadtree");
    TilesetDesc d = parseTileset(readAll(dir + "/tileset.json"), "tileset.json");
    ASSERT_TRUE(d.root.implicit);
    const ImplicitTiling& im = *d.root.implicit;
    std::set<std::string> available;
    std::function<void(int, long long, long long)> walk = [&](int level, long long x, long long y) {
        std::string file = dir + "/" + fillTemplate(im.subtreeUri, level, x, y);
        Subtree s = parseSubtree(readAll(file), file, dir, im.subtreeLevels);
        for (int l = 0; l < im.subtreeLevels && level + l < im.availableLevels; ++l)
            for (long long i = 0; i < (1ll << l); ++i)
                for (long long j = 0; j < (1ll << l); ++j)
                    if (s.hasContent(l, i, j))
                        available.insert(fillTemplate(d.root.contents[0], level + l, (x << l) + i, (y << l) + j));
        if (level + im.subtreeLevels < im.availableLevels)
            for (long long i = 0; i < (1ll << im.subtreeLevels); ++i)
                for (long long j = 0; j < (1ll << im.subtreeLevels); ++j)
                    if (s.child(i, j)) walk(level + im.subtreeLevels, (x << im.subtreeLevels) + i, (y << im.subtreeLevels) + j);
    };
    walk(0, 0, 0);
    std::set<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/content")) files.insert("content/" + e.path().filename().string());
    EXPECT_EQ(available, files);
    EXPECT_EQ(files.size(), 32u);
    EXPECT_EQ(test::errorOf([] { parseSubtree(std::string("subt\1\0\0\0\xff\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 24), "s.subtree", ".", 3); }),
              "s.subtree: its chunks run past the end of the file (truncated?)");
}

}  // namespace
}  // namespace jbt
