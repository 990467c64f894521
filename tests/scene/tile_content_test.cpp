// i3dm instances with EAST_NORTH_UP stand upright where they are: each instance's up is the
// ellipsoid's normal at its position (the 1.0 sample's 25 boxes, given in ECEF).
#include <gtest/gtest.h>

#include <osg/MatrixTransform>
#include <osg/NodeVisitor>
#include <osg/ValueObject>

#include <fstream>
#include <iterator>

#include "scene/tile_content.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

struct Instances : osg::NodeVisitor {
    Instances() : NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::MatrixTransform& t) override {
        int row = -1;
        if (t.getUserValue(kTileInstanceKey, row)) found.push_back(t.getMatrix());
        traverse(t);
    }
    std::vector<osg::Matrixd> found;
};

TEST(TileContent, EastNorthUpInstancesStandOnTheEllipsoid) {
    std::string dir = test::sharedData("reference/3d/3dtiles/1.0/InstancedWithBatchTable");
    std::ifstream f(dir + "/instancedWithBatchTable.i3dm", std::ios::binary);
    ASSERT_TRUE(f) << dir;
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    Mat4 ecef;  // the sample's content is in ECEF: no tile transform
    TileContentNode c = buildTileContent(bytes, "instancedWithBatchTable.i3dm", dir, &ecef);
    ASSERT_TRUE(c.node);
    Instances v;
    c.node->accept(v);
    ASSERT_EQ(v.found.size(), 25u);
    for (const osg::Matrixd& m : v.found) {
        osg::Vec3d p = m.getTrans();
        Mat4 enu = enuToEcef(fromEcef({p.x(), p.y(), p.z()}));
        Vec3 up = enu.direction({0, 0, 1}), east = enu.direction({1, 0, 0});
        osg::Vec3d modelUp = osg::Matrixd::transform3x3(osg::Vec3d(0, 0, 1), m), modelRight = osg::Matrixd::transform3x3(osg::Vec3d(1, 0, 0), m);
        modelUp.normalize(), modelRight.normalize();
        EXPECT_GT(modelUp * osg::Vec3d(up.x, up.y, up.z), 0.99999) << "up is the ellipsoid's normal";
        EXPECT_GT(modelRight * osg::Vec3d(east.x, east.y, east.z), 0.99999) << "right is east";
        EXPECT_NEAR(m.getRotate().length(), 1.0, 1e-6);
        osg::Vec3d x = osg::Matrixd::transform3x3(osg::Vec3d(1, 0, 0), m), y = osg::Matrixd::transform3x3(osg::Vec3d(0, 1, 0), m),
                   z = osg::Matrixd::transform3x3(osg::Vec3d(0, 0, 1), m);
        EXPECT_GT((x ^ y) * z, 0) << "a rotation, not a mirror (a mirror turns every face inside out)";
    }
    // Without the tile's frame (or in a local one) the instances keep the tile's axes.
    TileContentNode plain = buildTileContent(bytes, "instancedWithBatchTable.i3dm", dir);
    Instances w;
    plain.node->accept(w);
    ASSERT_EQ(w.found.size(), 25u);
    EXPECT_NEAR(osg::Matrixd::transform3x3(osg::Vec3d(0, 0, 1), w.found[0]).z(), 1.0, 1e-9);
}

}  // namespace
}  // namespace jbt
