// PostGIS for real: a PostgreSQL 15 + PostGIS 3 server started by the test on 127.0.0.1,
// footprints loaded with ogr2ogr, imported from "PG:"; counts against SELECT count(*), the same
// buildings from a CGCS2000 Gauss–Krüger table land where the WGS84 ones do, and a connection
// that fails is named without its password.
#include <gtest/gtest.h>

#include <cmath>

#include "data_import/ogr_layer_reader.h"
#include "model/error.h"
#include "tests/support/postgis_server.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

// rows × cols squares of 20 m, 40 m apart, near Guanyinqiao; heights 10 … 100 m.
std::string writeFootprints(const std::filesystem::path& dir, int rows, int cols) {
    std::string features;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            double lon = 106.530 + c * 0.0004, lat = 29.575 + r * 0.00036;
            char f[512];
            std::snprintf(f, sizeof f,
                          R"(%s{"type":"Feature","properties":{"name":"楼%d","height":%d},"geometry":{"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}})",
                          features.empty() ? "" : ",", r * cols + c, 10 + (r * cols + c) % 91, lon, lat, lon + 0.0002, lat,
                          lon + 0.0002, lat + 0.00018, lon, lat + 0.00018, lon, lat);
            features += f;
        }
    return test::writeFile(dir / "footprints.geojson", R"({"type":"FeatureCollection","features":[)" + features + "]}");
}

class Postgis : public ::testing::Test {
protected:
    static void SetUpTestSuite() { server_ = new test::PostgisServer; }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void SetUp() override { ASSERT_EQ(server_->error(), ""); }
    static test::PostgisServer* server_;
};
test::PostgisServer* Postgis::server_ = nullptr;

TEST_F(Postgis, ImportCountsEqualTheTablesOwn) {
    auto dir = test::scratchDir();
    std::string file = writeFootprints(dir, 40, 50);
    auto load = test::run("ogr2ogr -f PostgreSQL '" + server_->connection() + "' '" + file +
                          "' -nln buildings -lco GEOMETRY_NAME=geom -overwrite 2>&1");
    ASSERT_EQ(load.exitCode, 0) << load.out;
    auto count = server_->sql("jbt", "SELECT count(*) FROM buildings");
    ASSERT_EQ(count.exitCode, 0) << count.out;
    std::size_t rows = std::stoul(count.out);
    EXPECT_EQ(rows, 2000u);

    SceneFrame frame;
    ImportOptions o;
    o.path = server_->connection();
    o.layerName = "buildings";
    LayerData layer = importLayer(o, frame);
    EXPECT_EQ(layer.features.size(), rows);
    EXPECT_EQ(layer.report.featuresRead, rows);
    EXPECT_EQ(layer.name, "buildings");
    auto tall = server_->sql("jbt", "SELECT count(*) FROM buildings WHERE height > 50");
    std::size_t imported = 0;
    for (const Feature& f : layer.features) imported += f.height > 50;
    EXPECT_EQ(imported, std::stoul(tall.out));
    ASSERT_TRUE(probeCentre(o).has_value());
    EXPECT_NEAR(probeCentre(o)->lon, 106.54, 0.02);
}

TEST_F(Postgis, AGaussKrugerTableLandsWhereTheWgs84OneDoes) {
    auto dir = test::scratchDir();
    std::string file = writeFootprints(dir, 3, 3);
    for (auto [table, srs] : {std::pair{"wgs", "EPSG:4326"}, {"gk", "EPSG:4545"}}) {
        auto load = test::run("ogr2ogr -f PostgreSQL '" + server_->connection() + "' '" + file + "' -nln " + table +
                              " -t_srs " + srs + " -overwrite 2>&1");
        ASSERT_EQ(load.exitCode, 0) << load.out;
    }
    SceneFrame frame;
    ImportOptions wgs, gk;
    wgs.path = gk.path = server_->connection();
    wgs.layerName = "wgs";
    gk.layerName = "gk";
    LayerData a = importLayer(wgs, frame), b = importLayer(gk, frame);
    ASSERT_EQ(a.features.size(), 9u);
    ASSERT_EQ(b.features.size(), 9u);
    for (std::size_t i = 0; i < 9; ++i)
        for (std::size_t v = 0; v < 4; ++v) {
            const Vec2 &p = a.features[i].polygons[0].outer[v], &q = b.features[i].polygons[0].outer[v];
            EXPECT_LT(std::hypot(p.x - q.x, p.y - q.y), 0.01) << i << "/" << v;
        }
    EXPECT_NE(b.sourceCrs.find("4545"), std::string::npos) << b.sourceCrs;
}

TEST_F(Postgis, FailuresNameTheSourceButNotThePassword) {
    ImportOptions missing;
    missing.path = server_->connection();
    missing.layerName = "no_such_table";
    std::string why = test::errorOf([&] { importLayer(missing, SceneFrame()); });
    EXPECT_NE(why.find("no_such_table"), std::string::npos) << why;
    ImportOptions refused;
    refused.path = "PG:host=127.0.0.1 port=1 user=jbt password=s3cret dbname=jbt";
    why = test::errorOf([&] { importLayer(refused, SceneFrame()); });
    EXPECT_NE(why.find("PG:host=127.0.0.1 port=1 user=jbt password=*** dbname=jbt: "), std::string::npos) << why;
    EXPECT_EQ(why.find("s3cret"), std::string::npos) << why;
}

}  // namespace
}  // namespace jbt
