// Imagery on the terrain (--imagery): a GeoTIFF lies where it belongs, and near the camera a
// finer image is resampled on a worker and laid over the coarse one (refined by distance).
#include <gtest/gtest.h>
#include <gdal_priv.h>
#include <ogr_srs_api.h>
#include <osg/Image>

#include <array>
#include <chrono>
#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "scene/terrain_builder.h"
#include "tests/support/offscreen_options.h"
#include "tests/test_support.h"
#include "twin/imagery_layer.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

ImportOptions line(const std::filesystem::path& dir, const std::string& name, const std::string& coordinates) {
    ImportOptions layer;
    layer.kind = LayerKind::Lines;
    layer.path = test::writeFile(dir / name, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"footway"},"geometry":{"type":"LineString","coordinates":)" +
                                                 coordinates + "}}]}");
    return layer;
}

// A w × h GeoTIFF in WGS84 from its north-west corner, 3 bands from colour(column, row).
template <class Colour>
std::string geotiff(const std::filesystem::path& path, double west, double north, double step, int w, int h, Colour colour) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), w, h, 3, GDT_Byte, nullptr));
    double gt[6] = {west, step, 0, north, 0, -step};
    ds->SetGeoTransform(gt);
    ds->SetProjection(SRS_WKT_WGS84_LAT_LONG);
    std::vector<std::uint8_t> band(std::size_t(w) * h);
    for (int b = 0; b < 3; ++b) {
        for (int r = 0; r < h; ++r)
            for (int c = 0; c < w; ++c) band[std::size_t(r) * w + c] = colour(c, r)[b];
        EXPECT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 0, 0), CE_None);
    }
    return path.string();
}

// Imagery (--imagery) on the terrain: a GeoTIFF, red west of 106.57° and green east of it, seen
// from above: red on the left of the picture, green on the right, the meridian in the middle.
TEST(Imagery, LiesOnTheTerrain) {
    auto dir = test::scratchDir();
    std::string tif = geotiff(dir / "ortho.tif", 106.56, 29.585, 0.0001, 200, 100, [](int c, int) {
        return c < 100 ? std::array<std::uint8_t, 3>{220, 20, 20} : std::array<std::uint8_t, 3>{20, 220, 20};
    });
    AppOptions o = test::middayOptions(dir);
    o.imagery = tif;
    o.layers.push_back(line(dir, "mark.geojson", "[[106.565,29.58],[106.575,29.58]]"));
    Twin twin(o);
    ASSERT_TRUE(twin.scene().errors.empty()) << twin.scene().errors.front();
    EXPECT_EQ(twin.scene().imagery, tif);
    Vec2 meridian = twin.scene().frame->toScene({106.57, 29.58});
    twin.options().startCamera = {meridian.x, meridian.y - 1, 600, meridian.x, meridian.y, 0};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    osg::Vec4 left = img->getColor(100, 60), right = img->getColor(220, 60);
    EXPECT_GT(left.r(), left.g() + 0.3f) << "west: red";
    EXPECT_GT(right.g(), right.r() + 0.3f) << "east: green";
    int edge = -1;
    for (int x = 140; x < 180 && edge < 0; ++x)
        if (img->getColor(x, 60).g() > img->getColor(x, 60).r()) edge = x;
    EXPECT_NEAR(edge, 160, 2) << "the meridian in the middle";
}


// Brightness spread in the middle of the picture: a resolved checkerboard is high, a blurred one low.
double spread(const osg::Image& img) {
    double sum = 0, sq = 0;
    int n = 0;
    for (int y = 90; y < 150; ++y)
        for (int x = 130; x < 190; ++x) {
            osg::Vec4 c = img.getColor(x, y);
            double v = c.r() + c.g() + c.b();
            sum += v, sq += v * v, ++n;
        }
    return std::sqrt(std::max(0.0, sq / n - (sum / n) * (sum / n)));
}

// A checkerboard of 2 m squares near the camera, in a scene 20 km across: the terrain's one
// coarse image (4096 px, ~5 m a pixel) blurs it to grey; the finer image the refiner resamples
// round the camera resolves it.
TEST(Imagery, RefinedRoundTheCamera) {
    auto dir = test::scratchDir();
    const double step = 0.000005;  // ~0.5 m
    std::string tif = geotiff(dir / "checks.tif", 106.569, 29.581, step, 400, 400, [](int c, int r) {
        bool white = ((c / 4) + (r / 4)) % 2 == 0;  // squares of 4 pixels, ~2 m
        std::uint8_t v = white ? 235 : 25;
        return std::array<std::uint8_t, 3>{v, v, v};
    });
    AppOptions o = test::middayOptions(dir);
    o.imagery = tif;
    o.layers.push_back(line(dir, "far.geojson", "[[106.47,29.58],[106.4701,29.58]]"));
    o.layers.push_back(line(dir, "near.geojson", "[[106.67,29.58],[106.6701,29.58]]"));
    Twin twin(o);
    ASSERT_TRUE(twin.scene().errors.empty()) << twin.scene().errors.front();
    ASSERT_TRUE(twin.scene().imageryRefiner);
    Vec2 centre = twin.scene().frame->toScene({106.57, 29.580});
    twin.options().startCamera = {centre.x, centre.y - 60, 110, centre.x, centre.y, 0};
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage(2);
    auto start = std::chrono::steady_clock::now();
    while (!imagerySettled(twin.scene()) && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        img = app.renderImage(1);
    }
    img = app.renderImage(2);
    auto* refiner = dynamic_cast<ImageryRefiner*>(twin.scene().imageryRefiner.get());
    ASSERT_NE(refiner, nullptr);
    EXPECT_GE(refiner->imagesShown(), 1);
    double fine = spread(*img);
    EXPECT_GT(fine, 0.5) << "the 2 m squares resolved";
    setTerrainImagery(*twin.scene().terrainNode, nullptr, {}, {1, 1}, 1);  // the coarse image alone
    double coarse = spread(*app.renderImage(1));
    EXPECT_LT(coarse, fine / 2) << "coarse " << coarse << ", fine " << fine;
}

// The import dialog's "Use as imagery": a raster replaces the imagery before and the project
// keeps it; one that cannot be read is named and the imagery before stays.
TEST(Imagery, OpenedWhileTheViewerRuns) {
    auto dir = test::scratchDir();
    auto grey = [](int, int) { return std::array<std::uint8_t, 3>{128, 128, 128}; };
    std::string first = geotiff(dir / "first.tif", 106.56, 29.585, 0.0001, 100, 100, grey);
    std::string second = geotiff(dir / "second.tif", 106.56, 29.585, 0.0001, 100, 100, grey);
    AppOptions o = test::middayOptions(dir);
    o.imagery = first;
    o.layers.push_back(line(dir, "mark.geojson", "[[106.565,29.58],[106.575,29.58]]"));
    Twin twin(o);
    ASSERT_EQ(twin.scene().imagery, first);
    osg::ref_ptr<osg::NodeCallback> before = twin.scene().imageryRefiner;
    EXPECT_EQ(twin.openImagery(second, "gcj02"), "");
    EXPECT_EQ(twin.scene().imagery, second);
    EXPECT_NE(twin.scene().imageryRefiner, before) << "a refiner of its own";
    EXPECT_EQ(twin.options().imagery, second);
    EXPECT_EQ(twin.options().imageryOffset, "gcj02");
    std::string missing = (dir / "missing.tif").string();
    std::string why = twin.openImagery(missing, "");
    EXPECT_EQ(why.rfind(missing + ": imagery could not be opened: ", 0), 0u) << why;
    EXPECT_NE(why.find("; the terrain is drawn without it"), std::string::npos) << why;
    EXPECT_EQ(twin.scene().imagery, second) << "the imagery before stays";
    EXPECT_EQ(twin.options().imagery, second);
}

}  // namespace
}  // namespace jbt
