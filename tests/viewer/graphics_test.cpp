// The look on screen: a sky that is not a flat colour (deep overhead, pale at the horizon), stars
// after dark, the quality preset and the Graphics panel's switches taking effect at once.
#include <gtest/gtest.h>
#include <osg/Image>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/offscreen_options.h"
#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

// Looking level over flat ground: the top half of the picture is sky.
AppOptions levelView(const std::filesystem::path& dir, const char* time) {
    AppOptions o = test::offscreenOptions(dir);
    o.shadowMapSize = 0;
    o.time = *parseLocalTime(time, o.time);
    o.startCamera = {0, 0, 60, 0, 1000, 60};
    return o;
}

float blueness(const osg::Vec4& c) { return c.b() - c.r(); }

// r + g + b of each pixel in [x0, x1) × [y0, y1), row by row.
std::vector<float> brightness(const osg::Image& img, int x0, int x1, int y0, int y1) {
    std::vector<float> v;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            osg::Vec4 c = img.getColor(x, y);
            v.push_back(c.r() + c.g() + c.b());
        }
    return v;
}

double mean(const std::vector<float>& v) {
    double m = 0;
    for (float x : v) m += x / v.size();
    return m;
}

// A square-ish tower at Jiangbei of `heightM`, as a GeoJSON layer.
ImportOptions towerLayer(const std::filesystem::path& dir, const std::string& name, int heightM, double lonSpan,
                         double latSpan) {
    char json[512];
    std::snprintf(json, sizeof json,
                  R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"height":%d},)"
                  R"("geometry":{"type":"Polygon","coordinates":[[[106.57,29.58],[%.4f,29.58],[%.4f,%.4f],)"
                  R"([106.57,%.4f],[106.57,29.58]]]}}]})",
                  heightM, 106.57 + lonSpan, 106.57 + lonSpan, 29.58 + latSpan, 29.58 + latSpan);
    ImportOptions layer;
    layer.path = test::writeFile(dir / name, json);
    return layer;
}

// The middle of a footprint's south side, at ground level (x, y).
Vec2 southSide(const Feature& f) {
    double minY = 1e9, sumX = 0;
    for (const Vec2& v : f.polygons.at(0).outer) minY = std::min(minY, v.y), sumX += v.x;
    return {sumX / f.polygons[0].outer.size(), minY};
}

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
    o.layers.push_back(towerLayer(dir, "tower.geojson", 90, 0.0006, 0.0002));
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const Feature& f = twin.scene().layers[0].data.features.at(0);
    Vec2 side = southSide(f);
    double z = f.groundZ + 45;
    twin.options().startCamera = {side.x, side.y - 80, z, side.x, side.y, z};
    auto litShare = [&](int& warm, int& cool) {
        ViewerApp app(twin);
        EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
        osg::ref_ptr<osg::Image> img = app.renderImage();
        // Lit: well above the facade's own median brightness (by day the sunlit wall is bright
        // all over, and nothing stands out).
        std::vector<float> sums = brightness(*img, 110, 210, 70, 170);
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
    o.layers.push_back(towerLayer(dir, "towers.geojson", 260, 0.0004, 0.0003));
    Twin twin(o);
    ASSERT_EQ(twin.scene().layers.size(), 1u);
    const Feature& f = twin.scene().layers[0].data.features.at(0);
    Vec2 side = southSide(f);
    // A row of pixels across the face 5 m under the top, from 120 m.
    auto crownRow = [&](Twin& t, const Feature& tower) {
        double crown = tower.groundZ + tower.height - 5;
        t.options().startCamera = {side.x, side.y - 120, crown, side.x, side.y, crown};
        ViewerApp app(t);
        EXPECT_EQ(test::errorOf([&] { app.open(); }), "");
        osg::ref_ptr<osg::Image> img = app.renderImage();
        return mean(brightness(*img, 140, 180, 120, 121));
    };
    double night = crownRow(twin, f);
    EXPECT_GT(night, 1.2) << "the crown is lit";
    // Below 200 m nothing of the kind: the same view of a 90 m tower's top stays dark.
    o.layers = {towerLayer(dir, "low.geojson", 90, 0.0004, 0.0003)};
    Twin lowTwin(o);
    EXPECT_LT(crownRow(lowTwin, lowTwin.scene().layers.at(0).data.features.at(0)), night * 0.6);
}

// Close over the river: the water is not one flat colour (waves bend its reflection) and it moves.
TEST(Graphics, WaterRipplesAndMoves) {
    auto dir = test::scratchDir();
    AppOptions o = test::offscreenOptions(dir);
    o.demo = true;  // its rivers
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
    auto region = [&] { return brightness(*app.renderImage(), 130, 190, 100, 140); };
    std::vector<float> a = region();
    double m = mean(a), var = 0;
    for (float x : a) var += (x - m) * (x - m) / a.size();
    EXPECT_GT(std::sqrt(var), 0.01) << "flat water";
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    std::vector<float> b = region();
    double moved = 0;
    for (std::size_t i = 0; i < a.size(); ++i) moved += std::fabs(a[i] - b[i]) / a.size();
    EXPECT_GT(moved, 0.005) << "still water";
}

// Shallow water by the banks is lighter and siltier than the deep channel: the demo's river
// beds rise from 10 m under the surface in the middle to 4 m at the edge.
TEST(Graphics, ShallowWaterByTheBanks) {
    auto dir = test::scratchDir();
    AppOptions o = test::middayOptions(dir);
    o.demo = true;
    o.shadowMapSize = 0;
    Twin twin(o);
    ASSERT_FALSE(twin.scene().water.empty());
    const WaterBody& river = twin.scene().water[0];
    const Polygon& water = river.polygons.at(0);
    auto inWaterAround = [&](Vec2 p, double r) {
        for (auto [dx, dy] : {std::pair{0.0, 0.0}, {r, 0.0}, {-r, 0.0}, {0.0, r}, {0.0, -r}})
            if (!contains(water, {p.x + dx, p.y + dy})) return false;
        return true;
    };
    // Nearest the scene's middle: a point with 300 m of water round it, and one 25–60 m from a bank.
    osg::BoundingBox box;
    for (const Vec2& v : water.outer) box.expandBy(v.x, v.y, 0);
    std::optional<Vec2> deep, shallow;
    auto better = [](const std::optional<Vec2>& best, Vec2 p) { return !best || std::hypot(p.x, p.y) < std::hypot(best->x, best->y); };
    for (double x = box.xMin(); x < box.xMax(); x += 53)
        for (double y = box.yMin(); y < box.yMax(); y += 53) {
            Vec2 p{x, y};
            if (inWaterAround(p, 300) && better(deep, p)) deep = p;
            if (inWaterAround(p, 25) && !inWaterAround(p, 60) && better(shallow, p)) shallow = p;
        }
    ASSERT_TRUE(deep && shallow);
    // Looking straight down from 150 m: the middle of the picture is water at that point.
    auto redOverBlue = [&](Vec2 p) {
        twin.options().startCamera = {p.x, p.y - 1, river.level + 150, p.x, p.y, river.level};
        ViewerApp app(twin);
        app.open();
        osg::ref_ptr<osg::Image> img = app.renderImage();
        double sum = 0;
        int cx = img->s() / 2, cy = img->t() / 2, n = 0;
        for (int y = cy - 8; y < cy + 8; ++y)
            for (int x = cx - 8; x < cx + 8; ++x, ++n) sum += img->getColor(x, y).r() - img->getColor(x, y).b();
        return sum / n;
    };
    double atBank = redOverBlue(*shallow), inChannel = redOverBlue(*deep);
    EXPECT_GT(atBank - inChannel, 0.08) << "bank " << atBank << ", channel " << inChannel;
}

// A snapshot is one picture: "auto" anti-aliasing smooths it even on a software renderer (a
// window there gets none). The same view with and without: they differ along the tower's edges
// (and only there: the rest of the picture is the same).
TEST(Graphics, SnapshotsAreAntiAliasedByDefault) {
    auto dir = test::scratchDir();
    auto render = [&](int msaa) {
        AppOptions o = test::middayOptions(dir);
        o.graphics.msaaSamples = msaa;
        o.layers.push_back(towerLayer(dir, "tower.geojson", 60, 0.0006, 0.0006));
        Twin twin(o);
        const Feature& f = twin.scene().layers.at(0).data.features.at(0);
        Vec2 c = southSide(f);
        twin.options().startCamera = {c.x - 90, c.y - 140, f.groundZ + 90, c.x, c.y + 30, f.groundZ + 30};
        ViewerApp app(twin);
        app.open();
        EXPECT_EQ(app.state().msaaSamples, msaa < 0 ? 4 : msaa);
        return app.renderImage();
    };
    osg::ref_ptr<osg::Image> smooth = render(-1), stepped = render(0);
    int differ = 0;
    for (int y = 0; y < smooth->t(); ++y)
        for (int x = 0; x < smooth->s(); ++x)
            differ += (smooth->getColor(x, y) - stepped->getColor(x, y)).length() > 0.02f ? 1 : 0;
    EXPECT_GT(differ, 100) << "edges smoothed";
    EXPECT_LT(differ, smooth->s() * smooth->t() / 4) << "only edges";
}

}  // namespace
}  // namespace jbt
