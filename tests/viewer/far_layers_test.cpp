// "Go there" on a far layer: the session ends asking to reopen centred on that layer, with the
// same layers (the one that was near becomes the far one), and the view on the moved layer.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "tests/support/square_shapefile.h"
#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

// One 20 m square building at lon/lat, as a shapefile in the given CRS (Web Mercator metres are
// longer by 1/cos(lat)).
std::string squareIn(const std::filesystem::path& dir, const std::string& name, int epsg, double lon, double lat) {
    return test::writeSquareShapefile(dir, name, epsg, lon, lat, epsg == 3857 ? 10 / std::cos(lat * M_PI / 180) : 10);
}

// EPSG:3857 (web maps) beside CGCS2000 Gauss–Krüger (EPSG:4545): near each other they share the
// scene and land where they are; far apart, the second is a far layer, and nothing crashes.
TEST(FarLayers, WebMercatorBesideCgcs2000) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.snapshotPath = (dir / "x.png").string();
    o.demo = false;
    ImportOptions gk, web, webFar;
    gk.path = squareIn(dir, "gk", 4545, 106.58, 29.57);
    web.path = squareIn(dir, "web", 3857, 106.59, 29.57);
    webFar.path = squareIn(dir, "monaco", 3857, 7.42, 43.73);
    o.layers = {gk, web, webFar};
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 2u);
    ASSERT_EQ(twin.scene().farLayers.size(), 1u);
    EXPECT_EQ(twin.scene().farLayers[0].name(), "monaco.shp");
    const SceneFrame& frame = *twin.scene().frame;
    for (const auto& [layer, lon] : {std::pair{0, 106.58}, {1, 106.59}}) {
        const auto& ring = twin.scene().layers[std::size_t(layer)].data.features.at(0).polygons.at(0).outer;
        double cx = 0, cy = 0;
        ASSERT_EQ(ring.size(), 4u);  // rings are kept open
        for (const Vec2& p : ring) cx += p.x / 4, cy += p.y / 4;
        Vec2 expected = frame.toScene({lon, 29.57});
        EXPECT_LT(std::hypot(cx - expected.x, cy - expected.y), 0.5) << "layer " << layer;
        // Side lengths, not the x extent: the Gauss–Krüger square is turned by the meridian
        // convergence between its zone (108°E) and the scene (0.7° here).
        for (std::size_t i = 0; i < 4; ++i) {
            const Vec2 &a = ring[i], &b = ring[(i + 1) % 4];
            // Web Mercator is conformal on the sphere only: its 20 "metres" north–south are
            // 19.91 m of the ellipsoid at this latitude.
            EXPECT_NEAR(std::hypot(b.x - a.x, b.y - a.y), 20, layer == 1 ? 0.1 : 0.02) << "layer " << layer << " side " << i;
        }
    }
}

TEST(FarLayers, GoThereReopensTheSceneCentredOnTheLayer) {
    std::string monaco = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    std::string jiangbei = test::sharedData("jiangbei/jiangbei_boundary_wgs84.geojson");
    AppOptions o;
    o.snapshotPath = (test::scratchDir() / "x.png").string();
    o.width = 320;
    o.height = 240;
    o.demo = false;
    ImportOptions area, buildings;
    area.path = jiangbei;
    area.kind = LayerKind::Areas;
    buildings.path = monaco;
    o.layers = {area, buildings};
    Twin twin(o);
    ASSERT_EQ(twin.scene().farLayers.size(), 1u);
    const FarLayer far = twin.scene().farLayers[0];
    EXPECT_EQ(far.name(), "monaco-2021-04-21.osm.pbf");
    EXPECT_NEAR(far.distanceM / 1000, 8458, 2);
    ASSERT_EQ(twin.scene().layers.size(), 1u);  // Jiangbei's boundary only
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    app.state().goThere(far);
    SessionEnd end = app.runInteractive();
    ASSERT_TRUE(end.reopen);
    EXPECT_TRUE(end.startsDirty);
    ASSERT_TRUE(end.next.centre);
    EXPECT_NEAR(end.next.centre->lon, 7.4289, 1e-3);
    EXPECT_EQ(end.next.view, "layer:monaco-2021-04-21.osm.pbf");
    ASSERT_EQ(end.next.layers.size(), 2u);

    end.next.snapshotPath = o.snapshotPath;
    Twin moved(end.next);
    ASSERT_EQ(moved.scene().layers.size(), 1u);
    EXPECT_EQ(moved.scene().layers[0].data.features.size(), 1207u);
    ASSERT_EQ(moved.scene().farLayers.size(), 1u);
    EXPECT_EQ(moved.scene().farLayers[0].name(), "jiangbei_boundary_wgs84.geojson");
    EXPECT_NE(findBookmark(moved.scene(), end.next.view), nullptr);
}

}  // namespace
}  // namespace jbt
