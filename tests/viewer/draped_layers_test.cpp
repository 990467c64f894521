// Roads and boundaries on screen, as geometry on the ground: a road's edge is sharp at street
// level (the colour changes within two pixels, where an 8 m raster smeared it over dozens), a
// boundary keeps its width in pixels from near and far, and a road over a hill is neither
// buried in it nor lost from view.
#include <gtest/gtest.h>
#include <osg/Image>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "tests/support/offscreen_options.h"
#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

ImportOptions geojson(const std::filesystem::path& dir, const std::string& name, LayerKind kind,
                      const std::string& properties, const std::string& geometry) {
    ImportOptions layer;
    layer.kind = kind;
    layer.path = test::writeFile(dir / name, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)" +
                                                 properties + R"(,"geometry":)" + geometry + "}]}");
    return layer;
}

float sum(const osg::Vec4& c) { return c.r() + c.g() + c.b(); }

TEST(DrapedLayers, RoadEdgesAreSharpAtStreetLevel) {
    auto dir = test::scratchDir();
    AppOptions o = test::middayOptions(dir);
    o.layers.push_back(geojson(dir, "road.geojson", LayerKind::Lines, R"({"highway":"primary"})",
                               R"({"type":"LineString","coordinates":[[106.56,29.58],[106.58,29.58]]})"));
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const std::vector<Vec2>& line = twin.scene().layers[0].data.features.at(0).lines.at(0);
    double x = (line.front().x + line.back().x) / 2, y = line.front().y;
    // 60 m south of the road and 40 m up, looking at it: about 0.3 m a pixel there.
    twin.options().startCamera = {x, y - 60, 40, x, y, 0};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    // The middle column from the bottom (near side) up: ground, pavement, asphalt, pavement,
    // ground. Every pixel is one of those three surfaces or on an edge between them, and with
    // sharp edges only a pixel or two per edge is neither (an 8 m raster smeared each edge over
    // some 25 pixels here). The centre line is a pixel of its own.
    std::vector<float> column;
    for (int row = 0; row < img->t(); ++row) column.push_back(sum(img->getColor(160, row)));
    osg::Vec4 centre = img->getColor(160, 115);
    EXPECT_NEAR(centre.r(), centre.g(), 0.04f) << "grey asphalt in the middle, not the green ground";
    float ground = column[5], asphalt = sum(centre), pavement = *std::max_element(column.begin(), column.end());
    int road = 0, between = 0;
    for (float v : column) {
        bool known = std::abs(v - ground) < 0.08f || std::abs(v - asphalt) < 0.08f || std::abs(v - pavement) < 0.08f;
        between += !known;
        road += std::abs(v - asphalt) < 0.08f;
    }
    EXPECT_GT(road, 30) << "the road 18 m wide, about 0.3 m a pixel";
    EXPECT_GT(pavement, asphalt + 0.5f);
    EXPECT_LE(between, 9) << "four edges and the centre line";
}

// The width in pixels of the red line crossing the middle column.
int redWidth(const osg::Image& img) {
    int n = 0;
    for (int row = 0; row < img.t(); ++row) {
        osg::Vec4 c = img.getColor(160, row);
        n += c.r() > c.g() + 0.25f;
    }
    return n;
}

TEST(DrapedLayers, BoundariesKeepTheirScreenWidthNearAndFar) {
    auto dir = test::scratchDir();
    AppOptions o = test::middayOptions(dir);
    o.layers.push_back(geojson(dir, "district.geojson", LayerKind::Areas, "{}",
                               R"({"type":"Polygon","coordinates":[[[106.50,29.58],[106.64,29.58],[106.64,29.66],[106.50,29.66],[106.50,29.58]]]})"));
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const Ring& ring = twin.scene().layers[0].data.features.at(0).polygons.at(0).outer;
    double x = 0, y = 1e9;
    for (const Vec2& v : ring) x += v.x / ring.size(), y = std::min(y, v.y);
    std::vector<int> widths;
    for (double range : {150.0, 4000.0}) {
        // Looking down at the south edge from the south, 45° steep.
        twin.options().startCamera = {x, y - range * 0.7, range * 0.7, x, y, 0};
        ViewerApp app(twin);
        EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
        widths.push_back(redWidth(*app.renderImage()));
    }
    for (int w : widths) {
        EXPECT_GE(w, 2) << "3 px wide, seen at 45°";
        EXPECT_LE(w, 5);
    }
}

// A 120 m hill across a road, as a DEM (an ASCII grid with its .prj), seen from the side.
TEST(DrapedLayers, RoadsClimbHillsNeitherBuriedNorHidden) {
    auto dir = test::scratchDir();
    std::string grid = "ncols 41\nnrows 21\nxllcorner 106.55\nyllcorner 29.57\ncellsize 0.001\n";
    for (int r = 0; r < 21; ++r) {
        for (int c = 0; c < 41; ++c) {
            double d = (c - 20) / 6.0;
            char cell[32];
            std::snprintf(cell, sizeof cell, "%.1f ", 200 + 120 * std::exp(-d * d));
            grid += cell;
        }
        grid += "\n";
    }
    test::writeFile(dir / "hill.prj", R"(GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]])");
    AppOptions o = test::middayOptions(dir);
    o.demPath = test::writeFile(dir / "hill.asc", grid);
    o.layers.push_back(geojson(dir, "road.geojson", LayerKind::Lines, R"({"highway":"trunk"})",
                               R"({"type":"LineString","coordinates":[[106.555,29.58],[106.585,29.58]]})"));
    Twin twin(o);
    ASSERT_TRUE(twin.scene().errors.empty()) << twin.scene().errors.front();
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const std::vector<Vec2>& line = twin.scene().layers[0].data.features.at(0).lines.at(0);
    double x = (line.front().x + line.back().x) / 2, y = line.front().y;
    double top = twin.scene().terrain.sample(x, y);
    EXPECT_GT(top, 300);
    // From the south, 1.2 km off and well above: the road runs up the hill's flanks and over it.
    twin.options().startCamera = {x, y - 1200, top + 900, x, y, top - 60};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    // Grey road pixels in each of five columns across the hill's flanks and top.
    for (int col : {60, 110, 160, 210, 260}) {
        int road = 0;
        for (int row = 0; row < img->t(); ++row) {
            osg::Vec4 c = img->getColor(col, row);
            road += std::abs(c.r() - c.g()) < 0.03f && std::abs(c.g() - c.b()) < 0.05f && c.g() < 0.6f;
        }
        EXPECT_GE(road, 1) << "column " << col;
    }
}

// A layer a project saved hidden is laid on the ground only when first shown; the Layers panel's
// opacity reaches its shader; the legend is there before it is shown.
TEST(DrapedLayers, HiddenLayersAreLaidWhenFirstShown) {
    auto dir = test::scratchDir();
    AppOptions o = test::middayOptions(dir);
    o.layers.push_back(geojson(dir, "parks.geojson", LayerKind::Areas, R"({"leisure":"park"})",
                               R"({"type":"Polygon","coordinates":[[[106.56,29.58],[106.57,29.58],[106.57,29.59],[106.56,29.58]]]})"));
    o.layerDisplay = {{"parks.geojson", false, 1.0f}};
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    SceneLayer& l = twin.scene().layers[0];
    EXPECT_FALSE(l.visible);
    EXPECT_EQ(l.node, nullptr) << "nothing built while hidden";
    ASSERT_EQ(l.legend.size(), 1u);
    EXPECT_EQ(l.legend[0].label, "park");
    setLayerVisible(twin.scene(), 0, true);
    ASSERT_NE(l.node, nullptr);
    EXPECT_TRUE(twin.scene().draped->containsNode(l.node.get()));
    EXPECT_GT(l.drapedStats.triangles, 0u);
    applyLayerDisplay(twin.scene(), {{"parks.geojson", true, 0.4f}});
    float opacity = 0;
    l.node->getStateSet()->getUniform("u_opacity")->get(opacity);
    EXPECT_FLOAT_EQ(opacity, 0.4f);
    setLayerVisible(twin.scene(), 0, false);
    EXPECT_EQ(l.node->getNodeMask(), 0u);
}

}  // namespace
}  // namespace jbt
