#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <limits>

#include "tests/data_import/outcome.h"
#include "data_import/ogr_layer_reader.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

const char* kGood = R"({"type":"Feature","properties":{"height":10},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.57],[106.5702,29.57],[106.5702,29.5702],[106.57,29.5702],[106.57,29.57]]]}})";

std::string collection(const std::string& features) {
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

TEST(BadInput, MissingFileNamesTheFile) {
    test::ImportResult r = test::tryImport({"/nonexistent/buildings.geojson"}, SceneFrame{});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "/nonexistent/buildings.geojson: no such file");
}

TEST(BadInput, TruncatedGeoJsonIsAClearError) {
    auto dir = test::scratchDir();
    std::string full = collection(std::string(kGood) + "," + kGood);
    std::string file = test::writeFile(dir / "cut.geojson", full.substr(0, full.size() / 2));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.rfind(file + ": ", 0), 0u) << r.error;
    EXPECT_NE(r.error.find("not a readable vector data set"), std::string::npos) << r.error;
}

TEST(BadInput, EmptyLayerLoadsWithANote) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "empty.geojson", collection(""));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    // An empty FeatureCollection has no geometry type; it is still a layer, with nothing in it.
    if (!r.ok) {
        EXPECT_NE(r.error.find(file), std::string::npos);
        return;
    }
    EXPECT_EQ(r.layer.features.size(), 0u);
    EXPECT_EQ(r.layer.report.messages.back(), file + ": the layer has no features");
}

TEST(BadInput, UnknownCrsNamesIt) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "b.geojson", collection(kGood));
    ImportOptions o{file};
    o.sourceCrs = "EPSG:999999";
    test::ImportResult r = test::tryImport(o, SceneFrame{});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.rfind(file + ": unknown CRS 'EPSG:999999'", 0), 0u) << r.error;
}

TEST(BadInput, PointLayerIsNotExtruded) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "pts.geojson",
        collection(R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[106.5,29.5]}})"));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, file + ": has no polygon layer to extrude");
}

TEST(BadInput, BadFeaturesAreSkippedWithCountedReasonsAndTheRestLoads) {
    auto dir = test::scratchDir();
    std::string bowtie = R"({"type":"Feature","properties":{"height":10},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.57],[106.5702,29.5702],[106.5702,29.57],[106.57,29.5702],[106.57,29.57]]]}})";
    std::string flat = R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.57],[106.571,29.57],[106.572,29.57],[106.57,29.57]]]}})";
    std::string tall = R"({"type":"Feature","properties":{"height":"9000"},"geometry":{"type":"Polygon","coordinates":[[[106.57,29.57],[106.5702,29.57],[106.5702,29.5702],[106.57,29.57]]]}})";
    std::string noGeom = R"({"type":"Feature","properties":{},"geometry":null})";
    std::string unclosed = R"({"type":"Feature","properties":{"height":5},"geometry":{"type":"Polygon","coordinates":[[[106.58,29.57],[106.5802,29.57],[106.5802,29.5702],[106.58,29.5702]]]}})";
    std::string file = test::writeFile(dir / "mixed.geojson",
        collection(std::string(kGood) + "," + bowtie + "," + flat + "," + tall + "," + noGeom + "," + unclosed));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    const ImportReport& rep = r.layer.report;
    EXPECT_EQ(rep.featuresRead, 6u);
    EXPECT_EQ(rep.skipped.at("zero_area"), 1u);
    EXPECT_EQ(rep.skipped.at("absurd_height"), 1u);
    EXPECT_EQ(rep.skipped.at("no_geometry"), 1u);
    EXPECT_EQ(rep.featuresImported, 3u) << "good, repaired bow-tie, closed ring";
    EXPECT_GE(rep.geometriesRepaired, 1u);
    bool named = false;
    for (const auto& m : rep.messages) named |= m.rfind(file + ": feature 3: absurd_height", 0) == 0;
    EXPECT_TRUE(named) << "a message names the file, the feature and the reason";
}

TEST(BadInput, NanCoordinateIsSkipped) {
    auto dir = test::scratchDir();
    GDALAllRegister();
    std::string path = (dir / "nan.gpkg").string();  // WKB can carry NaN; Shapefile refuses it
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRSpatialReference wgs;
    wgs.importFromEPSG(4326);
    OGRLayer* layer = ds->CreateLayer("nan", &wgs, wkbPolygon, nullptr);
    for (double bad : {29.5702, std::numeric_limits<double>::quiet_NaN()}) {
        OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
        OGRPolygon poly;
        OGRLinearRing ring;
        ring.addPoint(106.57, 29.57);
        ring.addPoint(106.5702, 29.57);
        ring.addPoint(106.5702, bad);
        ring.addPoint(106.57, 29.57);
        poly.addRing(&ring);
        f->SetGeometry(&poly);
        EXPECT_EQ(layer->CreateFeature(f), OGRERR_NONE);
        OGRFeature::DestroyFeature(f);
    }
    GDALClose(ds);
    test::ImportResult r = test::tryImport({path}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.report.featuresImported, 1u);
    EXPECT_EQ(r.layer.report.skipped.at("nan_coordinate"), 1u);
}

}  // namespace
}  // namespace jbt
