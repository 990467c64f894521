// Picking features of streamed 3D Tiles (batch tables, instances) and placing a tileset that has
// no place on the Earth of its own.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
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

// A point cloud: a click near a point names it (a line never meets a point) with its colour as
// the file gives it, read here from the feature table's own bytes.
TEST(Tilesets, PointsArePickedOneByOne) {
    std::string dir = test::sharedData("reference/3d/3dtiles/1.0/PointCloudRGB");
    std::string pnts = test::readFile(dir + "/pointCloudRGB.pnts");
    std::uint32_t header[7];
    std::memcpy(header, pnts.data(), sizeof header);
    nlohmann::json ft = nlohmann::json::parse(pnts.substr(28, header[3]));
    std::size_t n = ft["POINTS_LENGTH"], rgb = 28 + header[3] + ft["RGB"]["byteOffset"].get<std::size_t>();
    test::TilesetSession s(dir + "/tileset.json", "PointCloudRGB");
    ASSERT_EQ(s.openError, "");
    std::set<int> points;
    FeatureHit hit;
    for (int y = 20; y < 340; y += 5)
        for (int x = 20; x < 460; x += 5)
            if (pickAt(s.app.viewer(), x, y, hit) && hit.tilesetIndex == 0) {
                ASSERT_GE(hit.tileFeature, 0);
                ASSERT_LT(std::size_t(hit.tileFeature), n);
                auto i = std::size_t(hit.tileFeature);
                char colour[8];
                std::snprintf(colour, sizeof colour, "#%02X%02X%02X", static_cast<unsigned char>(pnts[rgb + 3 * i]),
                              static_cast<unsigned char>(pnts[rgb + 3 * i + 1]), static_cast<unsigned char>(pnts[rgb + 3 * i + 2]));
                ASSERT_EQ(hit.tileAttributes, (Attributes{{"point", std::to_string(i)}, {"colour", colour}}));
                points.insert(hit.tileFeature);
            }
    EXPECT_GT(points.size(), 50u) << "different points, not the first one every time";
}

// What a click picked lights up orange there, and only there: a batched feature by its id (the
// model program), an instance on its own transform (the model is shared).
void expectPickedFeatureLightsUp(test::TilesetSession& s) {
    ViewerApp& app = s.app;
    osg::ref_ptr<osg::Image> before = app.renderImage(2);
    FeatureHit hit, other;
    int hx = -1, hy = -1, ox = -1, oy = -1;
    for (int y = 40; y < 320; y += 5)
        for (int x = 40; x < 440; x += 5) {
            FeatureHit h;
            if (!pickAt(app.viewer(), x, y, h) || h.tileFeature < 0) continue;
            if (hx < 0) hit = h, hx = x, hy = y;
            else if (ox < 0 && h.tileFeature != hit.tileFeature) other = h, ox = x, oy = y;
        }
    ASSERT_GE(ox, 0) << "two different features in view";
    select(app.state(), selectionOf(hit));
    osg::ref_ptr<osg::Image> after = app.renderImage(2);
    auto warmth = [](const osg::Image& img, int x, int y) { osg::Vec4 c = img.getColor(x, y); return c.r() - c.b(); };
    EXPECT_GT(warmth(*after, hx, hy), warmth(*before, hx, hy) + 0.15f) << "the picked feature is tinted";
    EXPECT_NEAR(warmth(*after, ox, oy), warmth(*before, ox, oy), 0.02f) << "another feature is not";
    select(app.state(), {});
    osg::ref_ptr<osg::Image> cleared = app.renderImage(2);
    EXPECT_NEAR(warmth(*cleared, hx, hy), warmth(*before, hx, hy), 0.02f) << "cleared with the selection";
}

TEST(Tilesets, PickedFeaturesAndInstancesLightUp) {
    for (const char* name : {"BatchedWithBatchTable", "InstancedWithBatchTable"}) {  // one session at a time
        SCOPED_TRACE(name);
        test::TilesetSession s(test::sharedData(std::string("reference/3d/3dtiles/1.0/") + name + "/tileset.json"), name);
        ASSERT_EQ(s.openError, "");
        expectPickedFeatureLightsUp(s);
    }
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
