#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <gdal_priv.h>
#include <vector>
#include <cmath>
#include <regex>

#include "tests/data_import/outcome.h"
#include "data_import/dem_reader.h"
#include "data_import/demo_landscape.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

const std::string kClip = "reference/N43E007_monaco_clip.tif";

double gdalinfoValue(const std::string& out, const std::string& key) {
    std::smatch m;
    if (!std::regex_search(out, m, std::regex(key + R"(=(-?[0-9.]+))"))) return NAN;
    return std::stod(m[1]);
}

TEST(DemReader, SizeMinMaxMatchGdalinfo) {
    std::string file = test::sharedData(kClip);
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " missing";
    auto info = test::run("GDAL_PAM_ENABLED=NO gdalinfo -stats '" + file + "'");
    std::smatch size;
    ASSERT_TRUE(std::regex_search(info.out, size, std::regex(R"(Size is (\d+), (\d+))")));
    SceneFrame frame({7.4289, 43.7375});
    test::DemResult r = test::tryReadDem({file}, frame);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.info.width, std::stoi(size[1]));
    EXPECT_EQ(r.info.height, std::stoi(size[2]));
    EXPECT_DOUBLE_EQ(r.info.min, gdalinfoValue(info.out, "STATISTICS_MINIMUM"));
    EXPECT_DOUBLE_EQ(r.info.max, gdalinfoValue(info.out, "STATISTICS_MAXIMUM"));
    // 3" pixels are about 67 m × 93 m here.
    EXPECT_GT(r.info.nativeSpacingM, 60);
    EXPECT_LT(r.info.nativeSpacingM, 95);
    EXPECT_FALSE(r.grid.empty());
}

TEST(DemReader, HeightAtAKnownPixelMatches) {
    std::string file = test::sharedData(kClip);
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " missing";
    SceneFrame frame({7.4289, 43.7375});
    test::DemResult r = test::tryReadDem({file}, frame);
    ASSERT_TRUE(r.ok) << r.error;
    // The clip's geotransform: origin 7.40875, 43.7520833, 3" pixels (gdalinfo).
    for (auto [px, py] : {std::pair{20, 15}, {10, 25}, {35, 8}}) {
        double lon = 7.40875 + (px + 0.5) / 1200.0, lat = 43.7520833333 - (py + 0.5) / 1200.0;
        auto value = [&](int x, int y) {
            return std::stod(test::run("GDAL_PAM_ENABLED=NO gdallocationinfo -valonly '" + file + "' " +
                                       std::to_string(x) + " " + std::to_string(y)).out);
        };
        double v = value(px, py), relief = 0;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) relief = std::max(relief, std::fabs(value(px + dx, py + dy) - v));
        Vec2 s = frame.toScene({lon, lat});
        // Resampled twice (onto the scene grid, then bilinearly): within the local relief.
        EXPECT_NEAR(r.grid.sample(s.x, s.y), v, std::max(2.0, relief * 0.6)) << px << "," << py;
    }
}

TEST(DemReader, BadFilesAreClearErrors) {
    SceneFrame frame;
    EXPECT_EQ(test::tryReadDem({"/nonexistent/dem.tif"}, frame).error, "/nonexistent/dem.tif: no such file");
    auto dir = test::scratchDir();
    std::string notRaster = test::writeFile(dir / "dem.tif", "this is not a GeoTIFF");
    test::DemResult r = test::tryReadDem({notRaster}, frame);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.rfind(notRaster + ": not a readable raster", 0), 0u) << r.error;
}

// A 100000² raster that is almost all empty (1.2 MB on disk) is read at the scene's resolution:
// it took 100 s when the warp read every pixel. The one hill must still be there.
TEST(DemReader, AHugeSparseDemIsReadAtTheSceneResolution) {
    auto dir = test::scratchDir();
    std::string file = (dir / "sparse.tif").string();
    {
        GDALAllRegister();
        char** co = CSLSetNameValue(nullptr, "TILED", "YES");
        co = CSLSetNameValue(co, "SPARSE_OK", "YES");
        co = CSLSetNameValue(co, "COMPRESS", "DEFLATE");
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), file.c_str(), 100000, 100000, 1, GDT_Float32, co);
        CSLDestroy(co);
        ASSERT_NE(ds, nullptr);
        double gt[6] = {106.5, 0.4 / 100000, 0, 29.7, 0, -0.2 / 100000};
        GDALSetGeoTransform(ds, gt);
        GDALSetProjection(ds, SRS_WKT_WGS84_LAT_LONG);
        std::vector<float> hill(2000 * 2000, 500.f);  // 2000 px = 8 × 4 km² around the centre
        ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 49000, 49000, 2000, 2000, hill.data(), 2000, 2000,
                               GDT_Float32, 0, 0), CE_None);
        GDALClose(ds);
    }
    SceneFrame frame({106.7, 29.6});
    auto start = std::chrono::steady_clock::now();
    test::DemResult r = test::tryReadDem({file}, frame);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.info.width, 100000);
    EXPECT_LE(r.grid.cols, 2048);
    EXPECT_NEAR(r.grid.sample(0, 0), 500, 1);  // the centre of the hill
    Vec2 corner = frame.toScene({106.52, 29.68});
    EXPECT_NEAR(r.grid.sample(corner.x, corner.y), 0, 1);
    // A bound for a hang, not a timing: this reads in seconds, under sanitizers too.
    EXPECT_LT(seconds, 60) << "reading the sparse DEM took " << seconds << " s";
}

// Found by fuzz_dem: a damaged ASCII grid saying 4 × 4999 cells of 0.01° (5,500 km north–south)
// but holding 13 values hung the read.
TEST(DemReader, AVeryTallThinGridReadsQuickly) {
    auto dir = test::scratchDir();
    // The fuzzer's input as it was (bytes above 127 included).
    std::string file = test::writeFile(dir / "tall.asc", std::string("ncols 4\x0a" "nrows 4999\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x0a" "xllcorner 106.5\x0a" "yllcorner 29.5\x0a" "cellsize 0.01\x0a" "NODATA_value-\x0a" " 99991 2 3 4\x0a" "5 -999\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "\x8e" "9 7 8\x0a" "9 10 11 12\x0a" "", 135));
    DemOptions o{file, "EPSG:4326"};
    auto start = std::chrono::steady_clock::now();
    GeoPoint centre = probeDemCentre(o);
    SceneFrame frame(centre);
    test::DemResult r = test::tryReadDem(o, frame);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.rfind(file + ": cannot read the heights (GDAL: ", 0), 0u) << r.error;
    EXPECT_LT(seconds, 20) << "a hang bound, not a timing";
}

TEST(HeightGrid, BuildingOnASlopeStandsOnItsLowestCorner) {
    HeightGrid g;
    g.originX = 0;
    g.originY = 0;
    g.spacing = 10;
    g.cols = g.rows = 11;
    for (int r = 0; r < 11; ++r)
        for (int c = 0; c < 11; ++c) g.heights.push_back(float(200 + c * 3));  // 30 % slope up to the east
    LayerData l;
    Feature f;
    f.height = 20;
    f.polygons.push_back({{{30, 30}, {60, 30}, {60, 60}, {30, 60}}, {}});
    l.features.push_back(f);
    placeOnTerrain(l, g);
    EXPECT_NEAR(l.features[0].groundZ, g.sample(30, 30), 1e-6) << "base on the downhill side";
    for (const Vec2& v : l.features[0].polygons[0].outer)
        EXPECT_LE(l.features[0].groundZ, g.sample(v.x, v.y) + 1e-6) << "no corner floats";
}

TEST(DemoTerrain, RiversInValleysRidgesHigh) {
    std::string file = std::string(JBT_SOURCE_DIR) + "/assets/demo_landscape.json";
    DemoLandscape l = loadDemoLandscape(file);
    SceneFrame frame;
    HeightGrid g = generateDemoTerrain(l, frame);
    ASSERT_FALSE(g.empty());
    // Valley floor beside the Yangtze at Cuntan, the Tieshanping crest, the Mingyue crest.
    Vec2 bank = frame.toScene({106.600, 29.586}), tieshan = frame.toScene({106.690, 29.605}),
         mingyue = frame.toScene({106.800, 29.600});
    EXPECT_GT(g.sample(bank.x, bank.y), 160);
    EXPECT_LT(g.sample(bank.x, bank.y), 205);
    EXPECT_GT(g.sample(tieshan.x, tieshan.y), 480);
    EXPECT_GT(g.sample(mingyue.x, mingyue.y), 550);
    HeightGrid again = generateDemoTerrain(l, frame);
    EXPECT_EQ(g.heights, again.heights) << "deterministic";
    std::vector<WaterBody> water = demoWater(l, frame);
    ASSERT_EQ(water.size(), 2u);
    EXPECT_EQ(water[0].nameZh, "长江");
    EXPECT_FALSE(water[0].polygons.empty());
    RiverMask mask(l, frame);
    EXPECT_TRUE(mask.contains(frame.toScene({106.586, 29.561}), 0)) << "the confluence is water";
    EXPECT_FALSE(mask.contains(frame.toScene({106.533, 29.579}), 0)) << "Guanyinqiao is dry land";
}

TEST(DemoTerrain, MalformedLandscapeFileNamesIt) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "l.json", R"({"rivers": []})");
    try {
        loadDemoLandscape(file);
        FAIL() << "no error";
    } catch (const std::exception& e) {
        EXPECT_EQ(std::string(e.what()).rfind(file + ": malformed", 0), 0u) << e.what();
    }
}

}  // namespace
}  // namespace jbt
