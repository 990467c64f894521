// "Go there" on a far layer: the session ends asking to reopen centred on that layer, with the
// same layers (the one that was near becomes the far one), and the view on the moved layer.
#include <gtest/gtest.h>

#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

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
