#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "tests/data_import/outcome.h"
#include "data_import/ogr_layer_reader.h"
#include "tests/support/square_shapefile.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

// A lon/lat square of about `side` metres centred on (lon, lat), optionally with a hole.
std::string squareCoords(double lon, double lat, double side) {
    double dLon = side / 2 / (111320.0 * std::cos(lat * M_PI / 180)), dLat = side / 2 / 110850.0;
    char buf[512];
    std::snprintf(buf, sizeof buf, "[[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f],[%.9f,%.9f]]", lon - dLon,
                  lat - dLat, lon + dLon, lat - dLat, lon + dLon, lat + dLat, lon - dLon, lat + dLat, lon - dLon,
                  lat - dLat);
    return buf;
}

std::string featureCollection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string polygonFeature(const std::string& rings, const std::string& props) {
    return R"({"type":"Feature","properties":{)" + props + R"(},"geometry":{"type":"Polygon","coordinates":[)" + rings + "]}}";
}

Vec2 centroid(const Ring& r) {
    Vec2 c;
    for (const Vec2& v : r) { c.x += v.x; c.y += v.y; }
    return {c.x / r.size(), c.y / r.size()};
}

TEST(BuildingReader, GeoJsonWithHoleKeepsTheCourtyard) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "courtyard.geojson",
        featureCollection(polygonFeature(squareCoords(106.57, 29.57, 40) + "," + squareCoords(106.57, 29.57, 20),
                                         R"("height": 24, "name": "院子")")));
    SceneFrame frame;
    test::ImportResult r = test::tryImport({file}, frame);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layer.features.size(), 1u);
    const Feature& f = r.layer.features[0];
    EXPECT_DOUBLE_EQ(f.height, 24);
    ASSERT_EQ(f.polygons.size(), 1u);
    EXPECT_EQ(f.polygons[0].outer.size(), 4u) << "closing vertex is dropped";
    ASSERT_EQ(f.polygons[0].holes.size(), 1u);
    Vec2 c = centroid(f.polygons[0].outer), expected = frame.toScene({106.57, 29.57});
    EXPECT_NEAR(c.x, expected.x, 0.05);
    EXPECT_NEAR(c.y, expected.y, 0.05);
}

TEST(BuildingReader, Gcj02DatumIsShiftedBackToWgs84) {
    auto dir = test::scratchDir();
    Vec2 g = wgs84ToGcj02(106.5745, 29.5745);
    std::string file = test::writeFile(dir / "gcj.geojson",
        featureCollection(polygonFeature(squareCoords(g.x, g.y, 30), R"("height": 100)")));
    SceneFrame frame;
    ImportOptions o{file};
    o.datum = ChineseDatum::Gcj02;
    test::ImportResult r = test::tryImport(o, frame);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layer.features.size(), 1u);
    Vec2 c = centroid(r.layer.features[0].polygons[0].outer), expected = frame.toScene({106.5745, 29.5745});
    EXPECT_LT(std::hypot(c.x - expected.x, c.y - expected.y), 0.5);
    // Without the datum the same file lands hundreds of metres off.
    test::ImportResult raw = test::tryImport({file}, frame);
    Vec2 c2 = centroid(raw.layer.features[0].polygons[0].outer);
    EXPECT_GT(std::hypot(c2.x - expected.x, c2.y - expected.y), 300);
}

// One square building in the given CRS (the test's own Gauss–Krüger file), 7 floors.
std::string writeProjectedShapefile(const std::filesystem::path& dir, int epsg, double lon, double lat) {
    return test::writeSquareShapefile(dir, "gk", epsg, lon, lat, 10, 7);
}

TEST(BuildingReader, CgcsGaussKrugerShapefileLandsWhereItsLonLatSays) {
    auto dir = test::scratchDir();
    std::string file = writeProjectedShapefile(dir, 4545, 106.60, 29.60);  // CGCS2000 3° GK CM 108E
    SceneFrame frame;
    test::ImportResult r = test::tryImport({file}, frame);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layer.features.size(), 1u);
    EXPECT_NE(r.layer.sourceCrs.find("4545"), std::string::npos) << r.layer.sourceCrs;
    EXPECT_DOUBLE_EQ(r.layer.features[0].height, 21) << "Floor 7 × 3 m";
    Vec2 c = centroid(r.layer.features[0].polygons[0].outer), expected = frame.toScene({106.60, 29.60});
    // CGCS2000 and WGS84 agree to centimetres; GK scale makes the 20 m square 20 m within a few cm.
    EXPECT_LT(std::hypot(c.x - expected.x, c.y - expected.y), 0.1);
}

// Data teams hand shapefiles over zipped: the .zip is read inside, and GDAL's virtual paths
// (/vsizip/, /vsimem/) are taken as they are.
TEST(BuildingReader, AZippedShapefileImportsWithoutUnpacking) {
    auto dir = test::scratchDir();
    std::string shp = writeProjectedShapefile(dir, 4545, 106.60, 29.60);
    std::string zip = (dir / "handover.zip").string();
    auto r = test::run("cd '" + dir.string() + "' && python3 -c \"import zipfile; z = zipfile.ZipFile('handover.zip', 'w'); "
                       "[z.write('gk.' + e) for e in ('shp', 'shx', 'dbf', 'prj')]\"");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    std::filesystem::remove(shp);
    SceneFrame frame;
    test::ImportResult zipped = test::tryImport({zip}, frame);
    ASSERT_TRUE(zipped.ok) << zipped.error;
    EXPECT_EQ(zipped.layer.features.size(), 1u);
    EXPECT_DOUBLE_EQ(zipped.layer.features[0].height, 21);
    test::ImportResult virtualPath = test::tryImport({"/vsizip/" + zip + "/gk.shp"}, frame);
    ASSERT_TRUE(virtualPath.ok) << virtualPath.error;
    EXPECT_EQ(virtualPath.layer.features.size(), 1u);
    EXPECT_EQ(test::tryImport({"/vsimem/nothing.geojson"}, frame).error, "/vsimem/nothing.geojson: no such file");
}

TEST(BuildingReader, CsvWithWktAndForcedCgcs2000) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "b.csv",
        "id,WKT,层数\n"
        "1,\"POLYGON((106.57 29.57,106.5702 29.57,106.5702 29.5702,106.57 29.5702,106.57 29.57))\",12\n"
        "2,\"MULTIPOLYGON(((106.58 29.57,106.5802 29.57,106.5802 29.5702,106.58 29.57)),((106.59 29.57,106.5902 29.57,106.5902 29.5702,106.59 29.57)))\",3\n");
    SceneFrame frame;
    ImportOptions o{file};
    o.sourceCrs = "EPSG:4490";
    test::ImportResult r = test::tryImport(o, frame);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layer.features.size(), 2u);
    EXPECT_DOUBLE_EQ(r.layer.features[0].height, 36);
    EXPECT_EQ(r.layer.features[1].polygons.size(), 2u) << "both parts of the multipolygon";
    EXPECT_NE(r.layer.sourceCrs.find("4490"), std::string::npos);
}

TEST(BuildingReader, CsvWithoutCrsIsAssumedLonLatWithANote) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "b.csv",
        "WKT,height\n\"POLYGON((106.57 29.57,106.5702 29.57,106.5702 29.5702,106.57 29.57))\",9\n");
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 1u);
    ASSERT_FALSE(r.layer.report.messages.empty());
    EXPECT_NE(r.layer.report.messages[0].find("assumed WGS84"), std::string::npos);
}

TEST(BuildingReader, GeoPackageThroughOgr) {
    auto dir = test::scratchDir();
    std::string geojson = test::writeFile(dir / "in.geojson",
        featureCollection(polygonFeature(squareCoords(106.53, 29.58, 25), R"("高度": 57.5)")));
    std::string gpkg = (dir / "b.gpkg").string();
    ASSERT_EQ(test::run("ogr2ogr -f GPKG '" + gpkg + "' '" + geojson + "' 2>&1").exitCode, 0);
    test::ImportResult r = test::tryImport({gpkg}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layer.features.size(), 1u);
    EXPECT_DOUBLE_EQ(r.layer.features[0].height, 57.5);
}

}  // namespace
}  // namespace jbt
