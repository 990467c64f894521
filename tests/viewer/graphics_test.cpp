// The look on screen: a sky that is not a flat colour (deep overhead, pale at the horizon), stars
// after dark, the quality preset and the Graphics panel's switches taking effect at once.
#include <gtest/gtest.h>
#include <osg/Image>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <thread>
#include <vector>

#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

// Looking level over flat ground: the top half of the picture is sky.
AppOptions levelView(const std::filesystem::path& dir, const char* time) {
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 320;
    o.height = 240;
    o.shadowMapSize = 0;
    o.time = *parseLocalTime(time, o.time);
    o.startCamera = {0, 0, 60, 0, 1000, 60};
    return o;
}

float blueness(const osg::Vec4& c) { return c.b() - c.r(); }

TEST(Graphics, TheSkyDeepensOverheadAndPalesToTheHorizon) {
    auto dir = test::scratchDir();
    Twin twin(levelView(dir, "2026-04-15T10:30"));
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    osg::Vec4 top = img->getColor(160, 235), horizon = img->getColor(160, 125);
    EXPECT_GT(blueness(top), blueness(horizon) + 0.15f) << "top " << top.r() << " " << top.g() << " " << top.b()
                                                        << ", horizon " << horizon.r() << " " << horizon.g() << " " << horizon.b();
    // Off (the Graphics panel, or --quality low): one flat haze colour behind the scene.
    GraphicsSettings g = twin.graphics();
    g.sky = false;
    twin.setGraphics(g);
    img = app.renderImage();
    top = img->getColor(160, 235), horizon = img->getColor(160, 125);
    EXPECT_NEAR(top.r(), horizon.r(), 0.01f);
    EXPECT_NEAR(top.b(), horizon.b(), 0.01f);
}

TEST(Graphics, StarsAfterDarkAndFogHidesThem) {
    auto dir = test::scratchDir();
    AppOptions o = levelView(dir, "2026-04-15T23:30");
    o.startCamera = {0, 0, 60, 0, 300, 400};  // looking up
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    auto stars = [&] {
        osg::ref_ptr<osg::Image> img = app.renderImage();
        int n = 0;
        for (int y = 140; y < 240; ++y)
            for (int x = 0; x < 320; ++x) n += img->getColor(x, y).g() > 0.35f;
        return n;
    };
    EXPECT_GE(stars(), 5);
    GraphicsSettings g = twin.graphics();
    g.fog = 1.0f;
    twin.setGraphics(g);
    EXPECT_EQ(stars(), 0);
}

// One 90 m tower seen straight on from 80 m at night: about a third of its windows lit (a share
// of the facade's pixels bright), warm and cool; by day none glow.
TEST(Graphics, WindowsLightUpAfterDark) {
    auto dir = test::scratchDir();
    AppOptions o = levelView(dir, "2026-04-15T22:00");
    ImportOptions tower;
    tower.path = test::writeFile(dir / "tower.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"height":90},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.58],[106.5706,29.58],
      [106.5706,29.5802],[106.57,29.5802],[106.57,29.58]]]}}]})");
    o.layers.push_back(tower);
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const Feature& f = twin.scene().layers[0].data.features.at(0);
    double minY = 1e9, sumX = 0;
    for (const Vec2& v : f.polygons.at(0).outer) minY = std::min(minY, v.y), sumX += v.x;
    double cx = sumX / f.polygons[0].outer.size(), z = f.groundZ + 45;
    twin.options().startCamera = {cx, minY - 80, z, cx, minY, z};
    auto litShare = [&](int& warm, int& cool) {
        ViewerApp app(twin);
        EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
        osg::ref_ptr<osg::Image> img = app.renderImage();
        // Lit: well above the facade's own median brightness (by day the sunlit wall is bright
        // all over, and nothing stands out).
        std::vector<float> sums;
        for (int y = 70; y < 170; ++y)
            for (int x = 110; x < 210; ++x) {
                osg::Vec4 c = img->getColor(x, y);
                sums.push_back(c.r() + c.g() + c.b());
            }
        std::vector<float> sorted = sums;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        float median = sorted[sorted.size() / 2];
        int lit = 0;
        warm = cool = 0;
        for (int y = 70, i = 0; y < 170; ++y)
            for (int x = 110; x < 210; ++x, ++i) {
                if (sums[std::size_t(i)] < median + 0.6f) continue;
                ++lit;
                osg::Vec4 c = img->getColor(x, y);
                (c.r() > c.b() + 0.1f ? warm : cool)++;
            }
        return double(lit) / double(sums.size());
    };
    int warm = 0, cool = 0;
    double night = litShare(warm, cool);
    EXPECT_GT(night, 0.06);
    EXPECT_LT(night, 0.5);
    EXPECT_GT(warm + cool, 0);
    twin.setTimeOfDay(*parseLocalTime("2026-04-15T11:00", twin.timeOfDay()));
    EXPECT_EQ(litShare(warm, cool), 0.0);
}

// A 260 m landmark after dark wears a lit crown: the band just under its top glows bright, a tower
// of 90 m beside the same view does not.
TEST(Graphics, LandmarkTowersWearALitCrownAtNight) {
    auto dir = test::scratchDir();
    AppOptions o = levelView(dir, "2026-04-15T22:00");
    ImportOptions towers;
    towers.path = test::writeFile(dir / "towers.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"height":260},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.58],
      [106.5704,29.58],[106.5704,29.5803],[106.57,29.5803],[106.57,29.58]]]}}]})");
    o.layers.push_back(towers);
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const Feature& f = twin.scene().layers[0].data.features.at(0);
    double minY = 1e9, sumX = 0;
    for (const Vec2& v : f.polygons.at(0).outer) minY = std::min(minY, v.y), sumX += v.x;
    double cx = sumX / f.polygons[0].outer.size(), crown = f.groundZ + f.height - 5;
    twin.options().startCamera = {cx, minY - 120, crown, cx, minY, crown};
    auto brightness = [&] {
        ViewerApp app(twin);
        EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
        osg::ref_ptr<osg::Image> img = app.renderImage();
        double sum = 0;
        for (int x = 140; x < 180; ++x) {
            osg::Vec4 c = img->getColor(x, 120);
            sum += (c.r() + c.g() + c.b()) / 40;
        }
        return sum;
    };
    double night = brightness();
    EXPECT_GT(night, 1.2) << "the crown is lit";
    // Below 200 m nothing of the kind: the same view of a 90 m tower's top stays dark.
    ImportOptions low = towers;
    low.path = test::writeFile(dir / "low.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"height":90},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.58],
      [106.5704,29.58],[106.5704,29.5803],[106.57,29.5803],[106.57,29.58]]]}}]})");
    o.layers = {low};
    Twin lowTwin(o);
    const Feature& g = lowTwin.scene().layers.at(0).data.features.at(0);
    double lowCrown = g.groundZ + g.height - 5;
    lowTwin.options().startCamera = {cx, minY - 120, lowCrown, cx, minY, lowCrown};
    ViewerApp app(lowTwin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    double sum = 0;
    for (int x = 140; x < 180; ++x) {
        osg::Vec4 c = img->getColor(x, 120);
        sum += (c.r() + c.g() + c.b()) / 40;
    }
    EXPECT_LT(sum, night * 0.6);
}

// Close over the river: the water is not one flat colour (waves bend its reflection) and it moves.
TEST(Graphics, WaterRipplesAndMoves) {
    auto dir = test::scratchDir();
    AppOptions o;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 320;
    o.height = 240;
    o.shadowMapSize = 0;
    Twin twin(o);
    ASSERT_FALSE(twin.scene().water.empty());
    const WaterBody& river = twin.scene().water[0];
    // A point well inside the river (40 m of water on every side), the nearest to the scene's
    // middle (the terrain's edges fade into the haze).
    osg::BoundingBox box;
    for (const Vec2& v : river.polygons.at(0).outer) box.expandBy(v.x, v.y, 0);
    std::optional<Vec2> in;
    for (double x = box.xMin(); x < box.xMax(); x += 97)
        for (double y = box.yMin(); y < box.yMax(); y += 97) {
            bool all = true;
            for (auto [dx, dy] : {std::pair{0.0, 0.0}, {40.0, 0.0}, {-40.0, 0.0}, {0.0, 40.0}, {0.0, -40.0}, {0.0, -160.0}})
                all = all && contains(river.polygons[0], {x + dx, y + dy});
            if (all && (!in || std::hypot(x, y) < std::hypot(in->x, in->y))) in = Vec2{x, y};
        }
    ASSERT_TRUE(in);
    twin.options().startCamera = {in->x, in->y - 120, river.level + 50, in->x, in->y, river.level};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    auto region = [&] {
        osg::ref_ptr<osg::Image> img = app.renderImage();
        std::vector<float> v;
        for (int y = 100; y < 140; ++y)
            for (int x = 130; x < 190; ++x) {
                osg::Vec4 c = img->getColor(x, y);
                v.push_back(c.r() + c.g() + c.b());
            }
        return v;
    };
    std::vector<float> a = region();
    double mean = 0, var = 0;
    for (float x : a) mean += x / a.size();
    for (float x : a) var += (x - mean) * (x - mean) / a.size();
    EXPECT_GT(std::sqrt(var), 0.01) << "flat water";
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    std::vector<float> b = region();
    double moved = 0;
    for (std::size_t i = 0; i < a.size(); ++i) moved += std::fabs(a[i] - b[i]) / a.size();
    EXPECT_GT(moved, 0.005) << "still water";
}

}  // namespace
}  // namespace jbt
