#include <gtest/gtest.h>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/ValueObject>
#include <osgUtil/LineSegmentIntersector>

#include "scene/building_layer_builder.h"
#include "scene/building_mesh.h"
#include "scene/feature_picking.h"

namespace jbt {
namespace {

LayerData gridOfBuildings(int n, double spacing) {
    LayerData l;
    l.name = "grid";
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            Feature f;
            f.height = 10 + i + j;
            double x = 20000 + i * spacing, y = -15000 + j * spacing;
            f.polygons.push_back({{{x, y}, {x + 10, y}, {x + 10, y + 10}, {x, y + 10}}, {}});
            l.features.push_back(f);
        }
    return l;
}

TEST(LayerBuilder, MergesBuildingsPerTileWithLocalOrigins) {
    LayerData l = gridOfBuildings(10, 100);  // 1 km square → 2 × 2 tiles of 500 m (plus edges)
    SceneBuildStats stats;
    BuildingLayerOptions o;
    o.layerIndex = 3;
    osg::ref_ptr<osg::Group> g = buildBuildingLayer(l, o, stats);
    EXPECT_EQ(stats.features, 100u);
    EXPECT_EQ(stats.tiles, g->getNumChildren());
    EXPECT_LE(stats.tiles, 9u);
    EXPECT_GE(stats.tiles, 4u);
    EXPECT_EQ(stats.triangles, 100u * (8 + 2));
    int index = -1;
    ASSERT_TRUE(g->getUserValue(kLayerIndexKey, index));
    EXPECT_EQ(index, 3);
    // Vertices stay small (relative to the tile), the tile offset carries the big numbers.
    auto* xf = dynamic_cast<osg::MatrixTransform*>(g->getChild(0));
    ASSERT_NE(xf, nullptr);
    EXPECT_GT(xf->getMatrix().getTrans().length(), 10000.0);
    auto* geom = xf->getChild(0)->asGeode()->getDrawable(0)->asGeometry();
    for (const osg::Vec3& v : *static_cast<osg::Vec3Array*>(geom->getVertexArray())) EXPECT_LT(v.length(), 800.f);
}

TEST(LayerBuilder, BaselineIsOneNodePerBuilding) {
    LayerData l = gridOfBuildings(5, 50);
    SceneBuildStats stats;
    osg::ref_ptr<osg::Group> g = buildBuildingLayerOneNodePerBuilding(l, {}, stats);
    EXPECT_EQ(g->getNumChildren(), 25u);
}

TEST(LayerBuilder, RayDownOnABuildingFindsItsFeatureIndex) {
    LayerData l = gridOfBuildings(4, 100);
    SceneBuildStats stats;
    BuildingLayerOptions o;
    o.layerIndex = 1;
    osg::ref_ptr<osg::Group> g = buildBuildingLayer(l, o, stats);
    // Feature 6 is i = 1, j = 2: x 20100..20110, y -14800..-14790.
    osg::ref_ptr<osgUtil::LineSegmentIntersector> ray =
        new osgUtil::LineSegmentIntersector(osg::Vec3d(20105, -14795, 500), osg::Vec3d(20105, -14795, -1));
    osgUtil::IntersectionVisitor iv(ray.get());
    g->accept(iv);
    FeatureHit hit;
    ASSERT_TRUE(firstFeatureHit(ray->getIntersections(), hit));
    EXPECT_EQ(hit.layerIndex, 1);
    EXPECT_EQ(hit.featureIndex, 6);
    EXPECT_NEAR(hit.worldPoint.z(), l.features[6].height, 1e-3);
}

}  // namespace
}  // namespace jbt
