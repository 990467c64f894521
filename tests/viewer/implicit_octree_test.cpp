// An implicit octree streams: a tileset written here (no octree sample is in the shared data) —
// an 80 m cube over Jiangbeizui, two subtree levels, four levels in all, a sparse set of tiles
// across two child subtrees — loads exactly the tiles its subtrees say have content (any wrong
// address asks for a file that is not there and fails), each drawn where its octant lies.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "tests/support/subtree_file.h"
#include "tests/support/tileset_session.h"
#include "tiles/geodesy.h"
#include "tiles/glb_writer.h"
#include "tiles/subtree.h"
#include "tiles/tileset.h"
#include "viewer/picking_handler.h"

namespace jbt {
namespace {

namespace fs = std::filesystem;

struct Address {
    int level;
    long long x, y, z;
    std::string name() const { return std::to_string(level) + "/" + std::to_string(x) + "/" + std::to_string(y) + "/" + std::to_string(z); }
};

// A box filling the middle third of the tile's volume, in the tileset's frame (Z up), its one
// feature named by the tile's address.
std::string boxContent(const BoundingVolume& v, const Address& a) {
    TileMesh m;
    const auto& b = v.box;
    for (int face = 0; face < 6; ++face) {
        int axis = face / 2, u = (axis + 1) % 3, w = (axis + 2) % 3;
        double side = face % 2 ? 1 : -1;
        auto first = std::uint32_t(m.vertexCount());
        for (int c = 0; c < 4; ++c) {
            double f[3];
            f[axis] = side / 3, f[u] = (c == 1 || c == 2 ? 1.0 : -1.0) / 3, f[w] = (c >= 2 ? 1.0 : -1.0) / 3;
            for (int k = 0; k < 3; ++k)
                m.positions.push_back(float(b[k] + f[0] * b[3 + k] + f[1] * b[6 + k] + f[2] * b[9 + k]));
            float n[3] = {0, 0, 0};
            n[axis] = float(side);
            m.normals.insert(m.normals.end(), n, n + 3);
            m.colors.insert(m.colors.end(), {std::uint8_t(60 * a.level), 120, 200, 255});
            m.featureIds.push_back(0);
        }
        // u × w points along +axis: the −axis face turns the other way.
        if (face % 2 == 0) m.indices.insert(m.indices.end(), {first, first + 2, first + 1, first, first + 3, first + 2});
        else m.indices.insert(m.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
    }
    FeatureProperties p;
    p.count = 1;
    p.columns.push_back({"tile", false, {}, {a.name()}});
    return writeTileGlb(m, p);
}

TEST(Tilesets, ImplicitOctreeLoadsTheTilesItsSubtreesName) {
    auto dir = test::scratchDir() / "octree";
    fs::create_directories(dir / "subtrees");
    BoundingVolume root;
    root.kind = BoundingVolume::Kind::Box;
    root.box = {0, 0, 40, 40, 0, 0, 0, 40, 0, 0, 0, 40};
    Mat4 place = enuToEcef({106.5780, 29.5600, 240});  // Jiangbeizui's ground is ~240 m above the ellipsoid
    nlohmann::json ts = {
        {"asset", {{"version", "1.1"}}},
        {"geometricError", 400},
        {"root",
         {{"transform", place.m},
          {"boundingVolume", {{"box", root.box}}},
          {"geometricError", 200},
          {"refine", "ADD"},
          {"content", {{"uri", "content/{level}/{x}/{y}/{z}.glb"}}},
          {"implicitTiling",
           {{"subdivisionScheme", "OCTREE"}, {"subtreeLevels", 2}, {"availableLevels", 4},
            {"subtrees", {{"uri", "subtrees/{level}.{x}.{y}.{z}.subtree"}}}}}}}};
    test::writeFile(dir / "tileset.json", ts.dump());
    // Level 0–1: the root (no content), octants 0, 3, 5 and 6 (6 without content); child
    // subtrees at level 2 under octant 3: (3, 2, 1) and (2, 3, 0), each with one child at level 3.
    auto bit = [](int level, long long x, long long y, long long z) { return (((1ull << (3 * level)) - 1) / 7) + morton3(x, y, z); };
    test::writeFile(dir / "subtrees" / "0.0.0.0.subtree",
                    test::subtreeFile(9, {bit(0, 0, 0, 0), bit(1, 0, 0, 0), bit(1, 1, 1, 0), bit(1, 1, 0, 1), bit(1, 0, 1, 1)},
                                      {bit(1, 0, 0, 0), bit(1, 1, 1, 0), bit(1, 1, 0, 1)}, 64, {morton3(3, 2, 1), morton3(2, 3, 0)}));
    test::writeFile(dir / "subtrees" / "2.3.2.1.subtree", test::subtreeFile(9, {bit(0, 0, 0, 0), bit(1, 1, 0, 1)}, {bit(0, 0, 0, 0), bit(1, 1, 0, 1)}, 64, {}));
    test::writeFile(dir / "subtrees" / "2.2.3.0.subtree", test::subtreeFile(9, {bit(0, 0, 0, 0), bit(1, 1, 0, 1)}, {bit(0, 0, 0, 0), bit(1, 1, 0, 1)}, 64, {}));
    std::vector<Address> withContent = {{1, 0, 0, 0}, {1, 1, 1, 0}, {1, 1, 0, 1}, {2, 3, 2, 1}, {2, 2, 3, 0}, {3, 7, 4, 3}, {3, 5, 6, 1}};
    std::set<std::string> expected;
    for (const Address& a : withContent) {
        fs::create_directories(dir / "content" / std::to_string(a.level) / std::to_string(a.x) / std::to_string(a.y));
        test::writeFile(dir / "content" / (a.name() + ".glb"), boxContent(implicitTileVolume(root, a.level, a.x, a.y, a.z, true), a));
        expected.insert(a.name());
    }

    fs::create_directories(dir / "session");
    test::TilesetSession s((dir / "tileset.json").string(), "octree", dir / "session");
    ASSERT_EQ(s.openError, "");
    SceneModel& scene = s.twin.scene();
    TilesetLayer& layer = *scene.tilesets[0].node;
    layer.setMaxScreenSpaceError(0.01);  // every level
    test::settledImage(s.app, scene);
    TilesetStatus st = layer.status();
    EXPECT_EQ(st.failed, 0u) << (st.failures.empty() ? "" : st.failures[0]);
    EXPECT_EQ(st.features, withContent.size()) << st.tiles << " tiles, " << st.loaded << " loaded, " << st.queued << " queued, " << st.drawn << " drawn";
    // What clicks meet: tiles that have content, and nothing else; each drawn in its octant
    // (the first level's boxes are the largest: every one of them is met).
    std::set<std::string> picked;
    FeatureHit hit;
    for (int y = 10; y < 350; y += 3)
        for (int x = 10; x < 470; x += 3)
            if (pickAt(s.app.viewer(), x, y, hit) && hit.tilesetIndex == 0 && hit.tileFeature >= 0)
                if (const std::string* t = findAttribute(hit.tileAttributes, "tile")) picked.insert(*t);
    for (const std::string& t : picked) EXPECT_TRUE(expected.count(t)) << t;
    for (const char* t : {"1/0/0/0", "1/1/1/0", "1/1/0/1"}) EXPECT_TRUE(picked.count(t)) << t;
}

}  // namespace
}  // namespace jbt
