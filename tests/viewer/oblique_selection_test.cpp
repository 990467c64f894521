// 单体化 on the real oblique sample: a footprint layer generated over the mesh (hidden, as it is
// used), a click at a footprint's screen position selects that footprint, and the tint lands on
// the photographed surface inside it only.
#include <gtest/gtest.h>
#include <osg/Image>

#include <cmath>
#include <fstream>

#include "tests/test_support.h"
#include "twin/oblique_selection.h"
#include "twin/twin.h"
#include "viewer/picking_handler.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

const std::string kSample = "reference/3d/oblique/ContextCapture_Production_5";

// 5 × 5 squares of 16 m, 22 m apart, around `centre` (lon/lat): ids B00 … B44.
std::string writeFootprints(const std::filesystem::path& dir, GeoPoint c) {
    double mlat = 110760.0, mlon = 111320.0 * std::cos(c.lat * M_PI / 180);
    std::string features;
    for (int i = -2; i <= 2; ++i)
        for (int j = -2; j <= 2; ++j) {
            std::string ring;
            for (auto [dx, dy] : {std::pair{-8, -8}, {8, -8}, {8, 8}, {-8, 8}, {-8, -8}}) {
                char p[64];
                std::snprintf(p, sizeof p, "%s[%.8f,%.8f]", ring.empty() ? "" : ",", c.lon + (i * 22 + dx) / mlon,
                              c.lat + (j * 22 + dy) / mlat);
                ring += p;
            }
            features += std::string(features.empty() ? "" : ",") + R"({"type":"Feature","properties":{"id":"B)" +
                        std::to_string(i + 2) + std::to_string(j + 2) + R"("},"geometry":{"type":"Polygon","coordinates":[[)" +
                        ring + "]]}}";
        }
    return test::writeFile(dir / "footprints.geojson", R"({"type":"FeatureCollection","features":[)" + features + "]}");
}

float reddening(const osg::Vec4& after, const osg::Vec4& before) { return (after.r() - after.b()) - (before.r() - before.b()); }

// A 480 × 360 offscreen session over the sample with the footprint grid around the mesh's
// middle, hidden as it is used; where the mesh's middle and top are, read from a first scene.
struct MeshWithFootprints {
    AppOptions options;
    GeoPoint centre;
    double meshTop = 0;
};

MeshWithFootprints meshWithFootprints(const std::filesystem::path& dir) {
    MeshWithFootprints m;
    AppOptions& o = m.options;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 480;
    o.height = 360;
    o.obliqueDirs = {test::sharedData(kSample)};
    {
        Twin probe(o);
        if (probe.scene().oblique.size() != 1) return m;
        osg::BoundingSphere b = probe.scene().oblique[0].node->getBound();
        m.centre = probe.scene().frame->toWgs84({b.center().x(), b.center().y()});
        m.meshTop = b.center().z() + b.radius();
    }
    ImportOptions footprints;
    footprints.path = writeFootprints(dir, m.centre);
    o.layers.push_back(footprints);
    o.layerDisplay.push_back({"footprints.geojson", false, 1.0f});  // hidden: the photographs show the city
    return m;
}

TEST(ObliqueSelection, ClickingAFootprintOnTheMeshSelectsAndTintsItOnly) {
    auto dir = test::scratchDir();
    MeshWithFootprints m = meshWithFootprints(dir);
    ASSERT_GT(m.meshTop, 0);
    const AppOptions& o = m.options;
    const double meshTop = m.meshTop;
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ASSERT_TRUE(scene.errors.empty()) << scene.errors[0];
    ASSERT_EQ(scene.layers.size(), 1u);
    ASSERT_FALSE(scene.layers[0].visible);
    // Straight down over the middle footprint (B22, feature 12).
    const Feature& middle = scene.layers[0].data.features[12];
    ASSERT_EQ(*findAttribute(middle.attributes, "id"), "B22");
    double cx = 0, cy = 0;
    for (const Vec2& v : middle.polygons[0].outer) cx += v.x / 4, cy += v.y / 4;  // four corners, stored open
    twin.options().startCamera = {cx, cy - 0.01, meshTop + 40, cx, cy, meshTop - 40};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> before = app.renderImage(10);  // the pager brings the levels in
    before = app.renderImage(10);

    FeatureHit hit;
    ASSERT_TRUE(pickAt(app.viewer(), 240, 180, hit));
    EXPECT_TRUE(hit.onOblique);
    resolveOnOblique(scene, hit);
    EXPECT_EQ(hit.layerIndex, 0);
    EXPECT_EQ(hit.featureIndex, 12);
    select(app.state(), {hit.layerIndex, hit.featureIndex});
    osg::ref_ptr<osg::Image> after = app.renderImage(3);

    osg::Camera* c = app.viewer().getCamera();
    osg::Matrixd vpw = c->getViewMatrix() * c->getProjectionMatrix() * c->getViewport()->computeWindowMatrix();
    // Inside the footprint (its middle half) the surface turns orange; between footprints nothing changes.
    int inside = 0, tinted = 0;
    for (double fx : {-4.0, 0.0, 4.0})
        for (double fy : {-4.0, 0.0, 4.0}) {
            osg::Vec3d w = osg::Vec3d(cx + fx, cy + fy, meshTop - 40) * vpw;
            ++inside;
            tinted += reddening(after->getColor(int(w.x()), int(w.y())), before->getColor(int(w.x()), int(w.y()))) > 0.15f;
        }
    EXPECT_EQ(tinted, inside);
    for (auto [gx, gy] : {std::pair{11.0, 0.0}, {-11.0, 0.0}, {0.0, 11.0}, {0.0, -11.0}, {11.0, 11.0}}) {
        osg::Vec3d w = osg::Vec3d(cx + gx, cy + gy, meshTop - 40) * vpw;
        osg::Vec4 a = after->getColor(int(w.x()), int(w.y())), b = before->getColor(int(w.x()), int(w.y()));
        EXPECT_LT(std::fabs(a.r() - b.r()) + std::fabs(a.g() - b.g()) + std::fabs(a.b() - b.b()), 0.03f) << gx << "," << gy;
    }
    // Clearing takes the tint away.
    select(app.state(), {});
    EXPECT_FALSE(scene.selectedTint->shown());
}

// The Replay tints the buildings whose footprints hold the events it shows, on the mesh.
TEST(ObliqueSelection, TheReplayTintsTheBuildingsOfTheEventsItShows) {
    auto dir = test::scratchDir();
    MeshWithFootprints m = meshWithFootprints(dir);
    ASSERT_GT(m.meshTop, 0);
    AppOptions& o = m.options;
    const GeoPoint c = m.centre;
    const double meshTop = m.meshTop;
    // One event in B22 (the middle) at t = 1000 s, one in B12 (22 m west) at t = 5000 s.
    double mlon = 111320.0 * std::cos(c.lat * M_PI / 180);
    char events[800];
    std::snprintf(events, sizeof events, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"a","time":"1000","category":"城市管理","status":"上报"},"geometry":{"type":"Point","coordinates":[%.8f,%.8f]}},
      {"type":"Feature","properties":{"id":"b","time":"5000","category":"城市管理","status":"上报"},"geometry":{"type":"Point","coordinates":[%.8f,%.8f]}}]})",
                  c.lon, c.lat, c.lon - 22 / mlon, c.lat);
    o.eventSources = {test::writeFile(dir / "events.geojson", events)};
    Twin twin(o);
    SceneModel& scene = twin.scene();
    const Feature& middle = scene.layers.at(0).data.features.at(12);
    double cx = 0, cy = 0;
    for (const Vec2& v : middle.polygons[0].outer) cx += v.x / 4, cy += v.y / 4;
    twin.options().startCamera = {cx - 11, cy - 0.01, meshTop + 50, cx - 11, cy, meshTop - 40};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    waitForFirstData(app.liveLayers(), 5);
    app.renderImage(10);
    osg::ref_ptr<osg::Image> before = app.renderImage(10);
    EventTimeline& t = app.state().timeline;
    EventFootprints footprintsOfEvents;
    t.active = true;
    t.cursor = 1500;
    t.windowSeconds = 1000;  // 500 < time <= 1500: the event in B22 only
    classifyEventBuildings(scene, *scene.eventTint, app.liveLayers(), t, footprintsOfEvents);
    ASSERT_TRUE(scene.eventTint->shown());
    osg::ref_ptr<osg::Image> first = app.renderImage(3);
    t.cursor = 5500;  // 4500 < time <= 5500: B12 only
    classifyEventBuildings(scene, *scene.eventTint, app.liveLayers(), t, footprintsOfEvents);
    osg::ref_ptr<osg::Image> second = app.renderImage(3);
    osg::Camera* cam = app.viewer().getCamera();
    osg::Matrixd vpw = cam->getViewMatrix() * cam->getProjectionMatrix() * cam->getViewport()->computeWindowMatrix();
    osg::Vec3d b22 = osg::Vec3d(cx, cy, meshTop - 40) * vpw, b12 = osg::Vec3d(cx - 22, cy, meshTop - 40) * vpw;
    auto red = [&](const osg::ref_ptr<osg::Image>& img, const osg::Vec3d& w) {
        return reddening(img->getColor(int(w.x()), int(w.y())), before->getColor(int(w.x()), int(w.y())));
    };
    EXPECT_GT(red(first, b22), 0.15f);
    EXPECT_LT(std::fabs(red(first, b12)), 0.03f);
    EXPECT_GT(red(second, b12), 0.15f);
    EXPECT_LT(std::fabs(red(second, b22)), 0.03f);
    t.active = false;
    classifyEventBuildings(scene, *scene.eventTint, app.liveLayers(), t, footprintsOfEvents);
    EXPECT_FALSE(scene.eventTint->shown());
}

}  // namespace
}  // namespace jbt
