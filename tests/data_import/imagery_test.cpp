// The imagery basemap: a local tile server (no internet in tests) serves Web Mercator tiles drawn
// in GCJ-02, as Amap's and Tencent's are, of a known square; moved back to WGS84 the square's
// edges in the resampled imagery match its true outline within one pixel of zoom 17 (1.04 m
// here). Without the correction it is hundreds of metres off.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cpl_vsi.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <thread>

#include "data_import/imagery.h"
#include "model/error.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

constexpr double kR = 6378137.0;

Vec2 mercator(Vec2 lonLat) {
    return {kR * lonLat.x * M_PI / 180, kR * std::log(std::tan(M_PI / 4 + lonLat.y * M_PI / 360))};
}

// Tile grids: Web Mercator (numbered from the north-west) and Baidu's (BD-09MC units, 2^(18−z)
// a pixel, numbered northwards from the origin).
enum class Grid { WebMercator, Baidu };

// A 256 px PNG tile z/x/y: black, the polygon (in the grid's own units) white.
std::string tile(Grid grid, int z, int x, int y, const std::vector<Vec2>& drawn) {
    double span = 2 * M_PI * kR / (1 << z), west = -M_PI * kR + x * span, north = M_PI * kR - y * span;
    if (grid == Grid::Baidu) {
        span = 256.0 * std::pow(2.0, 18 - z);
        west = x * span;
        north = (y + 1) * span;
    }
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    std::unique_ptr<GDALDataset> ds(mem->Create("", 256, 256, 3, GDT_Byte, nullptr));
    double gt[6] = {west, span / 256, 0, north, 0, -span / 256};
    ds->SetGeoTransform(gt);
    OGRLinearRing ring;
    for (const Vec2& p : drawn) ring.addPoint(p.x, p.y);
    ring.closeRings();
    OGRPolygon square;
    square.addRing(&ring);
    OGRGeometryH g = OGRGeometry::ToHandle(&square);
    int bands[3] = {1, 2, 3};
    double burn[3] = {255, 255, 255};
    GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 3, bands, 1, &g, nullptr, nullptr, burn, nullptr, nullptr, nullptr);
    std::string path = "/vsimem/tile_" + std::to_string(int(grid)) + "_" + std::to_string(z) + "_" + std::to_string(x) + "_" + std::to_string(y) + ".png";
    GDALDatasetH png = GDALCreateCopy(GDALGetDriverByName("PNG"), path.c_str(), GDALDataset::ToHandle(ds.get()), FALSE, nullptr, nullptr, nullptr);
    GDALClose(png);
    vsi_l_offset size = 0;
    GByte* bytes = VSIGetMemFileBuffer(path.c_str(), &size, TRUE);
    std::string out(reinterpret_cast<char*>(bytes), size);
    CPLFree(bytes);
    return out;
}

class TileServer {
public:
    TileServer(std::vector<Vec2> drawn, Grid grid = Grid::WebMercator) : drawn_(std::move(drawn)), grid_(grid) {
        server_.Get(R"(/(\d+)/(\d+)/(\d+)\.png)", [this](const httplib::Request& req, httplib::Response& res) {
            ++served_;
            res.set_content(tile(grid_, std::stoi(req.matches[1]), std::stoi(req.matches[2]), std::stoi(req.matches[3]), drawn_),
                            "image/png");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~TileServer() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/{z}/{x}/{y}.png"; }
    int served() const { return served_; }

private:
    std::vector<Vec2> drawn_;
    Grid grid_;
    httplib::Server server_;
    int port_ = 0;
    std::atomic<int> served_{0};
    std::thread thread_;
};

struct Box {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
};

// The white pixels' extent in scene metres (pixel edges).
Box whiteExtent(const ImageryImage& img) {
    Box b;
    for (int r = 0; r < img.height; ++r)
        for (int c = 0; c < img.width; ++c)
            if (img.rgba[(std::size_t(r) * img.width + c) * 4] > 127) {
                b.x0 = std::min(b.x0, img.originX + c * img.pixelSize), b.x1 = std::max(b.x1, img.originX + (c + 1) * img.pixelSize);
                b.y0 = std::min(b.y0, img.originY + r * img.pixelSize), b.y1 = std::max(b.y1, img.originY + (r + 1) * img.pixelSize);
            }
    return b;
}

// A 60 × 50 m square at Jiangbei (true WGS84 corners, lon/lat) and the scene framed on it.
const std::vector<Vec2> kSquare = {{106.5700, 29.5800}, {106.5706, 29.5800}, {106.5706, 29.5805}, {106.5700, 29.5805}};
const GeoPoint kSquareCentre{106.5703, 29.58025};
const double kZoom17Pixel = 2 * M_PI * kR / (1 << 17) / 256 * std::cos(29.58 * M_PI / 180);  // 1.04 m

// The square's true outline in scene metres.
Box squareInScene(const SceneFrame& frame) {
    Box b;
    for (const Vec2& p : kSquare) {
        Vec2 s = frame.toScene({p.x, p.y});
        b.x0 = std::min(b.x0, s.x), b.x1 = std::max(b.x1, s.x), b.y0 = std::min(b.y0, s.y), b.y1 = std::max(b.y1, s.y);
    }
    return b;
}

void expectEdgesWithin(const Box& got, const Box& want, double tolerance) {
    EXPECT_NEAR(got.x0, want.x0, tolerance);
    EXPECT_NEAR(got.x1, want.x1, tolerance);
    EXPECT_NEAR(got.y0, want.y0, tolerance);
    EXPECT_NEAR(got.y1, want.y1, tolerance);
}

TEST(Imagery, Gcj02TilesLineUpWithWgs84WithinAPixelAtZoom17) {
    GDALAllRegister();
    // The square drawn where GCJ-02 puts it.
    std::vector<Vec2> drawn;
    for (const Vec2& p : kSquare) drawn.push_back(mercator(wgs84ToGcj02(p.x, p.y)));
    TileServer server(drawn);
    SceneFrame frame(kSquareCentre);
    ImagerySource src;
    src.source = server.url();
    src.datum = ChineseDatum::Gcj02;
    src.cacheDir = (test::scratchDir() / "cache").string();
    src.maxZoom = 17;
    ImageryImage img = warpImagery(src, frame, -80, -80, 80, 80, 0.25);
    ASSERT_EQ(img.width, 640);
    EXPECT_GT(server.served(), 0);
    expectEdgesWithin(whiteExtent(img), squareInScene(frame), kZoom17Pixel);

    // What the import dialog shows of the service: Web Mercator, 2^17 tiles of 256 px a side.
    ImageryInfo info = inspectImagery(src);
    EXPECT_EQ(info.driver, "WMS");
    EXPECT_EQ(info.width, 256 << 17);
    EXPECT_EQ(info.crs, "WGS 84 / Pseudo-Mercator");

    // Left in GCJ-02 the square would lie hundreds of metres away: not in this 160 m view.
    src.datum = ChineseDatum::None;
    Box off = whiteExtent(warpImagery(src, frame, -80, -80, 80, 80, 0.25));
    EXPECT_GT(off.x0, off.x1) << "no white pixel";
}

// Baidu's tiles: BD-09 on its own Mercator grid. The projection against the values Baidu's own
// API gives (a published pair, and its second set of bands as the inverse); then tiles served
// on its grid, numbered northwards, of a square drawn in BD-09: corrected, within a pixel.
TEST(Imagery, BaiduTilesOnTheirOwnGridLineUpWithWgs84) {
    Vec2 mc = bd09ToBaiduMercator(116.403874, 39.914889);  // Tiananmen, as Baidu's API converts it
    EXPECT_NEAR(mc.x, 12958160.97, 0.05);
    EXPECT_NEAR(mc.y, 4825907.72, 0.05);
    for (double lat : {29.52, 29.6, 29.71})
        for (double lon : {106.43, 106.6, 106.91}) {
            Vec2 there = bd09ToBaiduMercator(lon, lat), back = baiduMercatorToBd09(there.x, there.y);
            EXPECT_NEAR(back.x, lon, 2e-5) << lon << " " << lat;  // about 2 m: two sets of bands
            EXPECT_NEAR(back.y, lat, 2e-5) << lon << " " << lat;
        }

    GDALAllRegister();
    std::vector<Vec2> drawn;
    for (const Vec2& p : kSquare) {
        Vec2 bd = wgs84ToBd09(p.x, p.y);
        drawn.push_back(bd09ToBaiduMercator(bd.x, bd.y));
    }
    TileServer server(drawn, Grid::Baidu);
    SceneFrame frame(kSquareCentre);
    ImagerySource src;
    src.source = server.url();
    src.datum = ChineseDatum::Bd09;
    src.cacheDir = (test::scratchDir() / "baidu_cache").string();
    src.maxZoom = 18;
    ImageryImage img = warpImagery(src, frame, -80, -80, 80, 80, 0.25);
    EXPECT_GT(server.served(), 0);
    Box got = whiteExtent(img), want = squareInScene(frame);
    // A unit of BD-09MC is 1/111,320 of a degree of longitude, as Mercator's: 0.87 m here.
    expectEdgesWithin(got, want, std::cos(29.58 * M_PI / 180));
    std::printf("Baidu square's edges off by %.2f %.2f %.2f %.2f m\n", got.x0 - want.x0, got.x1 - want.x1, got.y0 - want.y0,
                got.y1 - want.y1);
    ImageryInfo info = inspectImagery(src);
    EXPECT_EQ(info.crs, "Baidu Mercator (BD-09MC)");
    EXPECT_EQ(info.width, 1 << 26);
}

// A WMTS service by its capabilities document (as Tianditu and most GIS servers publish):
// GoogleMapsCompatible levels 0–17 with a REST template. What the capabilities say is enough.
std::string wmtsCapabilities(int port) {
    std::string host = "http://127.0.0.1:" + std::to_string(port);
    std::string levels;
    for (int z = 0; z <= 17; ++z)
        levels += "<TileMatrix><ows:Identifier>" + std::to_string(z) + "</ows:Identifier><ScaleDenominator>" +
                  std::to_string(559082264.0287178 / (1 << z)) +
                  "</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner>"
                  "<TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>" + std::to_string(1 << z) +
                  "</MatrixWidth><MatrixHeight>" + std::to_string(1 << z) + "</MatrixHeight></TileMatrix>";
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0"><Contents><Layer><ows:Title>square</ows:Title>
<ows:Identifier>square</ows:Identifier><Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
<Format>image/png</Format><TileMatrixSetLink><TileMatrixSet>w</TileMatrixSet></TileMatrixSetLink>
<ResourceURL format="image/png" resourceType="tile" template=")" + host + R"(/wmts/{TileMatrix}/{TileCol}/{TileRow}.png"/>
</Layer><TileMatrixSet><ows:Identifier>w</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>)" +
           levels + "</TileMatrixSet></Contents></Capabilities>";
}

TEST(Imagery, WmtsByItsCapabilitiesUrl) {
    GDALAllRegister();
    std::vector<Vec2> drawn;
    for (const Vec2& p : kSquare) drawn.push_back(mercator(p));
    httplib::Server server;
    std::atomic<int> tiles{0};
    int port = server.bind_to_any_port("127.0.0.1");
    server.Get("/wmts/WMTSCapabilities.xml", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(wmtsCapabilities(port), "application/xml");
    });
    server.Get(R"(/wmts/(\d+)/(\d+)/(\d+)\.png)", [&](const httplib::Request& req, httplib::Response& res) {
        ++tiles;
        res.set_content(tile(Grid::WebMercator, std::stoi(req.matches[1]), std::stoi(req.matches[2]), std::stoi(req.matches[3]), drawn),
                        "image/png");
    });
    std::thread thread([&] { server.listen_after_bind(); });
    ImagerySource src;
    src.source = "http://127.0.0.1:" + std::to_string(port) + "/wmts/WMTSCapabilities.xml";
    src.cacheDir = (test::scratchDir() / "wmts_cache").string();
    SceneFrame frame(kSquareCentre);
    ImageryImage img = warpImagery(src, frame, -80, -80, 80, 80, 0.25);
    ImageryInfo info = inspectImagery(src);
    server.stop();
    thread.join();
    EXPECT_GT(tiles.load(), 0);
    EXPECT_EQ(info.driver, "WMTS");
    EXPECT_EQ(info.crs, "WGS 84 / Pseudo-Mercator");
    expectEdgesWithin(whiteExtent(img), squareInScene(frame), kZoom17Pixel);
    // Its tiles are kept on disk like an XYZ service's.
    EXPECT_TRUE(std::filesystem::exists(src.cacheDir) && !std::filesystem::is_empty(src.cacheDir)) << src.cacheDir;
}

TEST(Imagery, KnownServicesAndBadSources) {
    EXPECT_EQ(guessImageryDatum("https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8"), ChineseDatum::Gcj02);
    EXPECT_EQ(guessImageryDatum("https://rt1.map.gtimg.com/tile?z={z}&x={x}&y={y}"), ChineseDatum::Gcj02);
    EXPECT_EQ(guessImageryDatum("https://t0.tianditu.gov.cn/img_w/wmts?tk=KEY"), ChineseDatum::None);
    EXPECT_EQ(guessImageryDatum("ortho.tif"), ChineseDatum::None);
    ImagerySource missing;
    missing.source = "/nonexistent/ortho.tif";
    try {
        warpImagery(missing, SceneFrame(), 0, 0, 10, 10, 1);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind("/nonexistent/ortho.tif: imagery could not be opened: ", 0), 0u) << e.what();
    }
}

}  // namespace
}  // namespace jbt
