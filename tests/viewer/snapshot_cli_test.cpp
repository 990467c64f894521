// The jiangbei-twin program as a user runs it: --snapshot writes a PNG and one JSON line.
#include <gtest/gtest.h>
#include <osgDB/ReadFile>

#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace jbt {
namespace {

std::string exe() { return JBT_VIEWER_EXE; }

TEST(SnapshotCli, WritesPngAndOneJsonLine) {
    auto dir = test::scratchDir();
    std::string layer = test::writeFile(dir / "b.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"building:levels":"8"},"geometry":{"type":"Polygon","coordinates":[[[106.53,29.578],[106.5306,29.578],[106.5306,29.5785],[106.53,29.578]]]}},
 {"type":"Feature","properties":{"height":"99999"},"geometry":{"type":"Polygon","coordinates":[[[106.54,29.578],[106.5406,29.578],[106.5406,29.5785],[106.54,29.578]]]}}]})");
    std::string png = (dir / "out.png").string();
    auto r = test::run(exe() + " --layer '" + layer + "' --snapshot '" + png + "' --size 320x240 2>/dev/null");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    ASSERT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "exactly one line: " << r.out;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["snapshot"], png);
    ASSERT_EQ(j["layers"].size(), 3u) << "demo roads and green space + the layer, which replaces the demo buildings";
    const auto& l = j["layers"].back();
    EXPECT_EQ(l["name"], "b.geojson");
    EXPECT_EQ(l["kind"], "buildings");
    EXPECT_EQ(l["features_read"], 2);
    EXPECT_EQ(l["features_skipped"], 1);
    EXPECT_EQ(l["skipped"]["absurd_height"], 1);
    for (const char* k : {"triangles", "draw_calls", "import_ms", "build_ms", "first_frame_ms"})
        EXPECT_GT(j["scene"][k].get<double>(), 0) << k;
    osg::ref_ptr<osg::Image> img = osgDB::readImageFile(png);
    ASSERT_TRUE(img);
    EXPECT_EQ(img->s(), 320);
    EXPECT_EQ(img->t(), 240);
}

TEST(SnapshotCli, MissingLayerFileIsNamedAndExitIsNonZero) {
    auto dir = test::scratchDir();
    auto r = test::run(exe() + " --no-demo --layer /nonexistent/roads.shp --snapshot '" + (dir / "o.png").string() +
                       "' --size 160x120 2>&1 >/dev/null");
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.out.find("/nonexistent/roads.shp: no such file"), std::string::npos) << r.out;
}

TEST(SnapshotCli, UnknownViewListsTheKnownOnes) {
    auto dir = test::scratchDir();
    auto r = test::run(exe() + " --view nowhere --snapshot '" + (dir / "o.png").string() + "' --size 160x120 2>&1 >/dev/null");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.out.find("--view: no bookmark named 'nowhere'; known: all overview"), std::string::npos) << r.out;
}

TEST(SnapshotCli, UnwritablePngIsAClearError) {
    auto r = test::run(exe() + " --snapshot /nonexistent/dir/o.png --size 160x120 2>&1 >/dev/null");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.out.find("/nonexistent/dir/o.png: cannot write the PNG"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace jbt
