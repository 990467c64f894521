// Implicit octrees: a tile's volume is its root's halved along all three axes (a box's third
// half-axis, a region's heights), and a subtree's bits are found in 3D Morton order.
#include <gtest/gtest.h>

#include "tests/support/subtree_file.h"
#include "tests/test_support.h"
#include "tiles/subtree.h"
#include "tiles/tileset.h"

namespace jbt {
namespace {

TEST(ImplicitOctree, ChildVolumesSplitTheRootInEight) {
    BoundingVolume box;
    box.kind = BoundingVolume::Kind::Box;
    box.box = {10, 20, 30, 8, 0, 0, 0, 4, 0, 0, 0, 2};
    // (x, y, z) = (1, 0, 1) at level 1: +x, −y, +z of the centre by half of each half-axis.
    BoundingVolume c = implicitTileVolume(box, 1, 1, 0, 1, true);
    EXPECT_EQ(c.box, (std::array<double, 12>{14, 18, 31, 4, 0, 0, 0, 2, 0, 0, 0, 1}));
    // Level 2, (3, 0, 2): x's last quarter, y's first, z's third.
    c = implicitTileVolume(box, 2, 3, 0, 2, true);
    EXPECT_EQ(c.box, (std::array<double, 12>{16, 17, 30.5, 2, 0, 0, 0, 1, 0, 0, 0, 0.5}));
    // A quadtree keeps the whole height.
    c = implicitTileVolume(box, 1, 1, 0, 0, false);
    EXPECT_EQ(c.box, (std::array<double, 12>{14, 18, 30, 4, 0, 0, 0, 2, 0, 0, 0, 2}));

    BoundingVolume region;
    region.kind = BoundingVolume::Kind::Region;
    region.region = {0, 0, 0.4, 0.2, 0, 100};
    c = implicitTileVolume(region, 1, 1, 0, 1, true);
    EXPECT_EQ(c.region, (std::array<double, 6>{0.2, 0, 0.4, 0.1, 50, 100}));
    c = implicitTileVolume(region, 1, 1, 0, 0, false);
    EXPECT_EQ(c.region, (std::array<double, 6>{0.2, 0, 0.4, 0.1, 0, 100}));
}

TEST(ImplicitOctree, SubtreeBitsFollowMortonOrder) {
    EXPECT_EQ(morton3(1, 0, 1), 5u);
    EXPECT_EQ(morton3(3, 2, 1), 29u);  // x 11, y 10, z 01 interleaved zyx: 011 101
    EXPECT_EQ(morton3(0, 0, 7), 4u + 32u + 256u);
    // Two levels: the root (bit 0), level 1 at 1 + morton; 64 child subtrees below.
    std::string bytes = test::subtreeFile(9, {0, 1 + 3, 1 + 5}, {1 + 5}, 64, {29});
    Subtree s = parseSubtree(bytes, "0.0.0.0.subtree", ".", 2, true);
    EXPECT_TRUE(s.tile(0, 0, 0, 0));
    EXPECT_TRUE(s.tile(1, 1, 1, 0));
    EXPECT_TRUE(s.tile(1, 1, 0, 1));
    EXPECT_FALSE(s.tile(1, 0, 1, 1));
    EXPECT_TRUE(s.hasContent(1, 1, 0, 1));
    EXPECT_FALSE(s.hasContent(1, 1, 1, 0));
    EXPECT_TRUE(s.child(3, 2, 1));
    EXPECT_FALSE(s.child(2, 3, 1));
    // Read as a quadtree the same bits mean other tiles (and the file is too short for it).
    EXPECT_EQ(test::errorOf([&] { parseSubtree(bytes, "q.subtree", ".", 3, false); }),
              "q.subtree: an availability bitstream is shorter than the subtree");
    EXPECT_EQ(test::errorOf([&] { parseSubtree(bytes, "d.subtree", ".", 9, true); }),
              "d.subtree: subtreeLevels must be 1 to 8 in an octree");
}

}  // namespace
}  // namespace jbt
