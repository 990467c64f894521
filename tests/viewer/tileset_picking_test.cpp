// Picking features of streamed 3D Tiles (batch tables, instances) and placing a tileset that has
// no place on the Earth of its own.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "tests/support/tileset_session.h"
#include "viewer/picking_handler.h"

namespace jbt {
namespace {

// A 1.0 batched model: a click shows the feature's row of the binary batch table.
TEST(Tilesets, BatchTableRowsArePicked) {
    test::TilesetSession s(test::sharedData("reference/3d/3dtiles/1.0/BatchedWithBatchTableBinary/tileset.json"),
                           "BatchedWithBatchTableBinary");
    ASSERT_EQ(s.openError, "");
    ViewerApp& app = s.app;
    FeatureHit hit;
    bool found = false;
    for (int y = 40; y < 320 && !found; y += 5)
        for (int x = 40; x < 440 && !found; x += 5) found = pickAt(app.viewer(), x, y, hit) && hit.tileFeature >= 0;
    ASSERT_TRUE(found);
    EXPECT_LT(hit.tileFeature, 10);
    // The batch table's "id" column holds the batch id itself; its binary columns are read too.
    const std::string* id = findAttribute(hit.tileAttributes, "id");
    ASSERT_TRUE(id);
    EXPECT_EQ(*id, std::to_string(hit.tileFeature));
    EXPECT_TRUE(findAttribute(hit.tileAttributes, "Height"));
    EXPECT_TRUE(findAttribute(hit.tileAttributes, "cartographic"));
}

// A 1.0 instanced tile: a click names the instance it met and shows its batch-table row (the
// 25 instances share one model, which has no feature ids of its own).
TEST(Tilesets, InstancesArePickedOneByOne) {
    test::TilesetSession s(test::sharedData("reference/3d/3dtiles/1.0/InstancedWithBatchTable/tileset.json"),
                           "InstancedWithBatchTable");
    ASSERT_EQ(s.openError, "");
    ViewerApp& app = s.app;
    std::set<int> instances;
    FeatureHit hit;
    for (int y = 20; y < 340; y += 4)
        for (int x = 20; x < 460; x += 4)
            if (pickAt(app.viewer(), x, y, hit) && hit.tilesetIndex == 0) {
                ASSERT_GE(hit.tileFeature, 0);
                ASSERT_LT(hit.tileFeature, 25);
                const std::string* height = findAttribute(hit.tileAttributes, "Height");
                ASSERT_TRUE(height);
                EXPECT_EQ(*height, "20");
                instances.insert(hit.tileFeature);
            }
    EXPECT_GT(instances.size(), 5u) << "different instances, not the first one every time";
}

// A tileset in a local frame placed by the user: its origin where it was put, turned and scaled,
// its geometric error scaled with it (the sparse sample draws the same 32 tiles as at the origin).
TEST(Tilesets, LocalFrameStandsWhereItWasPlaced) {
    std::string path = test::sharedData("reference/3d/3dtiles/1.1/SparseImplicitQuadtree/tileset.json");
    auto open = [&](const std::string& spec, osg::BoundingSphere& bound, TilesetStatus& st, Vec2& placeInScene) {
        test::TilesetSession s(spec, "SparseImplicitQuadtree");
        ASSERT_EQ(s.twin.scene().errors, std::vector<std::string>{});
        ASSERT_EQ(s.openError, "");
        bound = s.twin.scene().tilesets.at(0).node->getBound();
        st = s.twin.scene().tilesets.at(0).node->status();
        placeInScene = s.twin.scene().frame->toScene({106.60, 29.60});
    };
    osg::BoundingSphere atOrigin, placed;
    TilesetStatus st0, st1;
    Vec2 unused, at;
    open(path, atOrigin, st0, unused);
    open(path + "@106.60,29.60,0,90,100", placed, st1, at);
    // The root box's centre (0.5, 0.5) a hundred times larger, turned 90° clockwise: (50, −50)
    // from the place (within the few centimetres the grid's convergence turns 70 m by).
    EXPECT_NEAR(atOrigin.center().x(), 0.5, 1e-3);
    EXPECT_NEAR(placed.center().x() - at.x, 50, 0.1);
    EXPECT_NEAR(placed.center().y() - at.y, -50, 0.1);
    EXPECT_NEAR(placed.radius(), 100 * atOrigin.radius(), 0.05);
    EXPECT_EQ(st1.loaded, st0.loaded);
    EXPECT_EQ(st1.drawn, st0.drawn);
    EXPECT_GT(st1.drawn, 0u);
}

}  // namespace
}  // namespace jbt
