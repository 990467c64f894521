// Draped vector layers as geometry: every piece of an area lies within one triangle of the
// terrain mesh (so it is flush with the ground, not floating over a valley or buried under a
// ridge), the pieces add up to the area, lines over water lie on its surface, and a road becomes
// a casing, a fill and a centre line.
#include <gtest/gtest.h>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LOD>
#include <osg/MatrixTransform>

#include <cmath>
#include <set>

#include "data_import/drape_style.h"
#include "scene/draped_layer_builder.h"
#include "scene/ground_clamp.h"

namespace jbt {
namespace {

// 6 × 5 samples 30 m apart with a ridge: bilinear and the mesh's triangles disagree inside cells.
HeightGrid ridge() {
    HeightGrid g;
    g.originX = 100;
    g.originY = -50;
    g.spacing = 30;
    g.cols = 6;
    g.rows = 5;
    for (int r = 0; r < g.rows; ++r)
        for (int c = 0; c < g.cols; ++c) g.heights.push_back(float(10 + 40 * ((c + r) % 2) + 3 * r));
    return g;
}

double twiceArea(const Vec2& a, const Vec2& b, const Vec2& c) {
    return (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
}

TEST(GroundClamp, HeightsFollowTheTerrainMeshTriangles) {
    HeightGrid g = ridge();
    GroundClamp ground(g);
    // On samples: the samples.
    EXPECT_DOUBLE_EQ(ground.height(130, -20), g.at(1, 1));
    // In cell (1, 1), below its south-west → north-east diagonal: triangle (a, b, d).
    double ha = g.at(1, 1), hb = g.at(2, 1), hd = g.at(2, 2), hc = g.at(1, 2);
    EXPECT_NEAR(ground.height(130 + 20, -20 + 5), ha + (20.0 / 30) * (hb - ha) + (5.0 / 30) * (hd - hb), 1e-9);
    // Above it: triangle (a, d, c).
    EXPECT_NEAR(ground.height(130 + 5, -20 + 20), ha + (20.0 / 30) * (hc - ha) + (5.0 / 30) * (hd - hc), 1e-9);
    EXPECT_NE(ground.height(130 + 5, -20 + 20), g.sample(130 + 5, -20 + 20)) << "not bilinear";
    // Beyond the grid: its edge.
    EXPECT_DOUBLE_EQ(ground.height(0, -20), g.at(0, 1));
    HeightGrid none;
    GroundClamp flat(none);
    EXPECT_EQ(flat.height(1234, -99), 0.0);
}

TEST(GroundClamp, CutsAreasIntoPiecesFlushWithTheTerrain) {
    HeightGrid g = ridge();
    GroundClamp ground(g);
    // A triangle over most of the grid, its corners off the sample lines, one beyond the edge.
    Vec2 a{108, -41}, b{290, -30}, c{150, 160};
    std::vector<Vec2> pieces;
    ground.cutTriangle(a, b, c, pieces);
    ASSERT_EQ(pieces.size() % 3, 0u);
    EXPECT_GT(pieces.size() / 3, 20u);
    double sum = 0;
    for (std::size_t i = 0; i < pieces.size(); i += 3) {
        double area = twiceArea(pieces[i], pieces[i + 1], pieces[i + 2]);
        EXPECT_GT(area, 0) << "the triangle's own winding";
        sum += area;
        // Linear within the piece = flush: the terrain at points inside equals the plane through
        // the corners' terrain heights.
        for (auto [wa, wb] : {std::pair{0.2, 0.3}, {0.6, 0.1}, {0.33, 0.33}}) {
            const Vec2 &p0 = pieces[i], &p1 = pieces[i + 1], &p2 = pieces[i + 2];
            Vec2 q{p0.x + wa * (p1.x - p0.x) + wb * (p2.x - p0.x), p0.y + wa * (p1.y - p0.y) + wb * (p2.y - p0.y)};
            double plane = ground.height(p0.x, p0.y) + wa * (ground.height(p1.x, p1.y) - ground.height(p0.x, p0.y)) +
                           wb * (ground.height(p2.x, p2.y) - ground.height(p0.x, p0.y));
            EXPECT_NEAR(ground.height(q.x, q.y), plane, 1e-6) << "piece " << i / 3;
        }
    }
    EXPECT_NEAR(sum, twiceArea(a, b, c), 1e-6 * twiceArea(a, b, c)) << "the pieces cover the triangle once";
}

TEST(GroundClamp, LinesOverWaterLieOnItsSurface) {
    HeightGrid g = ridge();
    std::vector<WaterBody> water(1);
    water[0].level = 70;
    water[0].polygons.push_back({{{100, -50}, {160, -50}, {160, 70}, {100, 70}}, {}});
    GroundClamp ground(g, &water);
    EXPECT_EQ(ground.heightForLine(130, -20), 70.0);
    EXPECT_EQ(ground.heightForLine(200, -20), ground.height(200, -20)) << "off the water";
    EXPECT_LT(ground.height(130, -20), 70.0) << "areas stay on the bed";
}

TEST(GroundClamp, DensifiesLinesToTheTerrainsSpacing) {
    std::vector<Vec2> line = GroundClamp::densify({{0, 0}, {100, 0}, {100, 7}}, 15);
    ASSERT_EQ(line.size(), 9u);  // 100 m in 7 steps, then 7 m in one
    for (std::size_t i = 1; i < line.size(); ++i)
        EXPECT_LE(std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y), 15.0);
    EXPECT_EQ(line.back().y, 7);
}

// Render bins of the passes a layer's node holds (nested in the layer's bin), over its tiles.
// A tile's geode as drawn near (`near`) or far: a tile with streets too narrow to see from
// afar is an LOD of two (far, then near), else the geode alone.
osg::Geode* tileGeode(osg::Node* tile, bool near) {
    auto* xf = dynamic_cast<osg::MatrixTransform*>(tile);
    if (!xf || xf->getNumChildren() != 1) return nullptr;
    if (auto* lod = dynamic_cast<osg::LOD*>(xf->getChild(0)))
        return lod->getNumChildren() == 2 ? dynamic_cast<osg::Geode*>(lod->getChild(near ? 1 : 0)) : nullptr;
    return dynamic_cast<osg::Geode*>(xf->getChild(0));
}

std::vector<int> passBins(osg::Group& layer, bool near = true) {
    std::set<int> bins;
    for (unsigned t = 0; t < layer.getNumChildren(); ++t) {
        osg::Geode* geode = tileGeode(layer.getChild(t), near);
        for (unsigned i = 0; geode && i < geode->getNumDrawables(); ++i)
            bins.insert(geode->getDrawable(i)->getStateSet()->getBinNumber());
    }
    return {bins.begin(), bins.end()};
}

TEST(DrapedLayer, RoadsGetCasingFillAndCentreLine) {
    LayerData roads;
    roads.kind = LayerKind::Lines;
    Feature primary, lane;
    primary.lines = {{{0, 0}, {300, 0}, {300, 200}}};
    primary.attributes = {{"highway", "primary"}};
    lane.lines = {{{50, -100}, {50, 100}}};
    lane.attributes = {{"highway", "service"}};
    roads.features = {primary, lane};
    DrapeStyle style = defaultDrapeStyle(roads, "");
    HeightGrid flat;
    GroundClamp ground(flat);
    DrapedLayerStats stats;
    osg::ref_ptr<osg::Group> node = buildDrapedLayer(roads, style, applyDrapeStyle(roads, style).looks, ground, 1001, stats);
    EXPECT_EQ(stats.features, 2u);
    // Casing (primary only), fills, the primary's solid centre line: bins 2, 3, 4.
    EXPECT_EQ(passBins(*node), (std::vector<int>{2, 3, 4}));
    EXPECT_EQ(node->getStateSet()->getBinNumber(), 1001);
    // Flat ground, no densifying: a band of n points is 2(n − 1) triangles; primary 3 points,
    // service 2, in three passes of the primary and one of the service.
    EXPECT_EQ(stats.triangles, 3u * 4u + 2u);
    EXPECT_EQ(node->getNumChildren(), 2u) << "2 km tiles: the lane starts south of y = 0";
}

TEST(DrapedLayer, FarTilesDrawOnlyWhatShowsFromAfar) {
    LayerData roads;
    roads.kind = LayerKind::Lines;
    Feature primary, secondary, street;
    primary.lines = {{{0, 0}, {300, 0}}};
    primary.attributes = {{"highway", "primary"}};
    secondary.lines = {{{0, 100}, {300, 100}}};
    secondary.attributes = {{"highway", "secondary"}};
    street.lines = {{{0, 200}, {300, 200}}};
    street.attributes = {{"highway", "residential"}};
    roads.features = {primary, secondary, street};
    DrapeStyle style = defaultDrapeStyle(roads, "");
    HeightGrid flat;
    GroundClamp ground(flat);
    DrapedLayerStats stats;
    osg::ref_ptr<osg::Group> node = buildDrapedLayer(roads, style, applyDrapeStyle(roads, style).looks, ground, 1, stats);
    ASSERT_EQ(node->getNumChildren(), 1u);
    auto* xf = dynamic_cast<osg::MatrixTransform*>(node->getChild(0));
    ASSERT_NE(xf, nullptr);
    auto* lod = dynamic_cast<osg::LOD*>(xf->getChild(0));
    ASSERT_NE(lod, nullptr);
    EXPECT_EQ(lod->getRangeMode(), osg::LOD::PIXEL_SIZE_ON_SCREEN) << "by size on screen: a 4K wall keeps more";
    EXPECT_EQ(lod->getMaxRange(0), lod->getMinRange(1));
    // Near: casings, fills, solid and dashed centre lines. Far: the 14 m-and-wider roads'
    // casings and fills (one band of 2 triangles each), the same geometries as near.
    EXPECT_EQ(passBins(*node, true), (std::vector<int>{2, 3, 4, 5}));
    EXPECT_EQ(passBins(*node, false), (std::vector<int>{2, 3}));
    osg::Geode *far = tileGeode(xf, false), *near = tileGeode(xf, true);
    std::size_t farTriangles = 0;
    for (unsigned i = 0; i < far->getNumDrawables(); ++i) {
        farTriangles += far->getDrawable(i)->asGeometry()->getPrimitiveSet(0)->getNumIndices() / 3;
        EXPECT_TRUE(near->containsDrawable(far->getDrawable(i)));
    }
    EXPECT_EQ(farTriangles, 2u * 2u * 2u) << "primary and secondary, casing and fill";
}

TEST(DrapedLayer, TilesOfTwoKilometresCulledOnTheirOwn) {
    LayerData roads;
    roads.kind = LayerKind::Lines;
    for (double x : {100.0, 2100.0, 2500.0, -1900.0}) {
        Feature f;
        f.lines = {{{x, 50}, {x + 3000, 50}}};  // longer than a tile: stays whole in its first point's
        f.attributes = {{"highway", "residential"}};
        roads.features.push_back(f);
    }
    DrapeStyle style = defaultDrapeStyle(roads, "");
    HeightGrid flat;
    GroundClamp ground(flat);
    DrapedLayerStats stats;
    osg::ref_ptr<osg::Group> node = buildDrapedLayer(roads, style, applyDrapeStyle(roads, style).looks, ground, 1, stats);
    ASSERT_EQ(node->getNumChildren(), 3u) << "tiles at x 0, 2000 and -2000";
    auto* west = dynamic_cast<osg::MatrixTransform*>(node->getChild(0));
    ASSERT_NE(west, nullptr);
    EXPECT_EQ(west->getMatrix().getTrans(), osg::Vec3d(-2000, 0, 0)) << "each tile's own origin";
}

TEST(DrapedLayer, BoundariesAreOutlinesOnly) {
    LayerData l;
    l.kind = LayerKind::Areas;
    Feature f;
    f.polygons.push_back({{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, {{{40, 40}, {60, 40}, {60, 60}, {40, 60}}}});
    l.features = {f};
    DrapeStyle style = defaultDrapeStyle(l, "");
    HeightGrid flat;
    GroundClamp ground(flat);
    DrapedLayerStats stats;
    osg::ref_ptr<osg::Group> node = buildDrapedLayer(l, style, applyDrapeStyle(l, style).looks, ground, 1, stats);
    EXPECT_EQ(passBins(*node), (std::vector<int>{6})) << "no fill";
    EXPECT_EQ(stats.triangles, 2u * 4u + 2u * 4u) << "outer ring and hole, closed: four segments each";
}

}  // namespace
}  // namespace jbt
