#include "data_import/imagery.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "model/error.h"

namespace jbt {
namespace {

constexpr const char* kBaiduMercatorName = "Baidu Mercator (BD-09MC)";

bool isXyzTemplate(const std::string& s) {
    return s.find("{x}") != std::string::npos && s.find("{y}") != std::string::npos && s.find("{z}") != std::string::npos;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// Baidu publishes its tiles in BD-09, on a grid of its own: BD-09MC units (see
// bd09ToBaiduMercator), 2^(18−z) a pixel at zoom z, numbered from (0, 0) northwards and
// eastwards. An XYZ template in BD-09 is read on that grid; no other service uses BD-09.
bool onBaiduGrid(const ImagerySource& s) { return isXyzTemplate(s.source) && s.datum == ChineseDatum::Bd09; }

// An XYZ template as a GDAL WMS description: tiles of 256 px, 4 bands (a missing tile is
// transparent, not an error), kept in a disk cache. Web Mercator, or Baidu's grid.
std::string xyzDescription(const ImagerySource& s, const std::string& cache) {
    std::string url = replaceAll(replaceAll(replaceAll(s.source, "{z}", "${z}"), "{x}", "${x}"), "{y}", "${y}");
    url = replaceAll(url, "&", "&amp;");
    // Baidu: 2^26 units square from the origin (one tile at zoom 0 would be 2^18 units a pixel).
    std::string window = onBaiduGrid(s)
        ? "<UpperLeftX>0</UpperLeftX><UpperLeftY>67108864</UpperLeftY><LowerRightX>67108864</LowerRightX>"
          "<LowerRightY>0</LowerRightY>"
        : "<UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
          "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>";
    std::string yOrigin = onBaiduGrid(s) ? "bottom" : "top";
    std::string projection = onBaiduGrid(s) ? "LOCAL_CS[&quot;" + std::string(kBaiduMercatorName) + "&quot;]" : "EPSG:3857";
    return "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + url + "</ServerUrl></Service><DataWindow>" + window +
           "<TileLevel>" + std::to_string(s.maxZoom) + "</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>" +
           yOrigin + "</YOrigin></DataWindow><Projection>" + projection +
           "</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY>"
           "<BandsCount>4</BandsCount><ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes><Timeout>20</Timeout>"
           "<MaxConnections>4</MaxConnections><UserAgent>jiangbei-twin</UserAgent><Cache><Path>" +
           replaceAll(cache, "&", "&amp;") + "</Path></Cache></GDAL_WMS>";
}

std::string lastGdalError() {
    std::string e = CPLGetLastErrorMsg();
    return e.empty() ? "GDAL gave no reason" : e;
}

// The source opened as a georeferenced raster with a CRS, or an Error naming it and why not.
std::unique_ptr<GDALDataset> openImagery(const ImagerySource& s) {
    GDALAllRegister();
    CPLErrorReset();
    std::string cache = s.cacheDir.empty() ? defaultImageryCacheDir() : s.cacheDir;
    std::string what = isXyzTemplate(s.source) ? xyzDescription(s, cache) : s.source;
    // A WMTS capabilities URL (or any GDAL WMS source without a cache of its own) keeps its
    // tiles where an XYZ service's go.
    CPLConfigOptionSetter cachePath("GDAL_DEFAULT_WMS_CACHE_PATH", cache.c_str(), true);
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(what.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) throw Error(s.source + ": imagery could not be opened: " + lastGdalError());
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None) throw Error(s.source + ": imagery has no georeferencing (no geotransform)");
    if (!ds->GetSpatialRef()) throw Error(s.source + ": imagery has no coordinate system");
    return ds;
}

// Source pixel coordinates of the destination grid's nodes (every `step` pixels and the last),
// through the scene's projection, the source's offset and its CRS.
struct Lattice {
    std::vector<int> cols, rows;  // destination pixels the nodes sit on
    std::vector<double> sx, sy;   // source pixel coordinates per node, row-major
};

std::vector<int> nodes(int n, int step) {
    std::vector<int> v;
    for (int i = 0; i < n - 1; i += step) v.push_back(i);
    v.push_back(std::max(n - 1, 0));
    return v;
}

}  // namespace

ChineseDatum guessImageryDatum(const std::string& source) {
    std::string s = source;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (s.find("autonavi.com") != std::string::npos || s.find("amap.com") != std::string::npos ||
        s.find("gtimg.com") != std::string::npos || s.find("map.qq.com") != std::string::npos)
        return ChineseDatum::Gcj02;
    if (s.find("bdimg.com") != std::string::npos || s.find("map.baidu.com") != std::string::npos) return ChineseDatum::Bd09;
    return ChineseDatum::None;
}

std::string defaultImageryCacheDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    std::string base = xdg && *xdg ? xdg : std::string(home ? home : "/tmp") + "/.cache";
    return base + "/jiangbei-twin/imagery";
}

ImageryInfo inspectImagery(const ImagerySource& s) {
    std::unique_ptr<GDALDataset> ds = openImagery(s);
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    return {ds->GetDriver() ? ds->GetDriver()->GetDescription() : "", ds->GetRasterXSize(), ds->GetRasterYSize(),
            srs->GetName() ? srs->GetName() : ""};
}

ImageryImage warpImagery(const ImagerySource& s, const SceneFrame& frame, double minX, double minY, double maxX, double maxY,
                         double pixelSize, int maxPixels) {
    std::unique_ptr<GDALDataset> ds = openImagery(s);
    double gt[6], inv[6];
    ds->GetGeoTransform(gt);
    if (!GDALInvGeoTransform(gt, inv)) throw Error(s.source + ": imagery has no georeferencing (its geotransform cannot be inverted)");
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    int bands = ds->GetRasterCount();
    if (bands < 1) throw Error(s.source + ": imagery has no bands");

    ImageryImage img;
    img.pixelSize = std::max(pixelSize, std::max(maxX - minX, maxY - minY) / maxPixels);
    img.originX = minX;
    img.originY = minY;
    img.width = std::max(1, int(std::ceil((maxX - minX) / img.pixelSize)));
    img.height = std::max(1, int(std::ceil((maxY - minY) / img.pixelSize)));
    img.rgba.assign(std::size_t(img.width) * img.height * 4, 0);

    // Scene → WGS84 → the source's offset → its CRS → its pixels, on a lattice of nodes 16 pixels
    // apart (the chain is smooth; pixels between are interpolated).
    Lattice lat;
    lat.cols = nodes(img.width, 16);
    lat.rows = nodes(img.height, 16);
    std::vector<double> xy;
    for (int r : lat.rows)
        for (int c : lat.cols) {
            xy.push_back(minX + (c + 0.5) * img.pixelSize);
            xy.push_back(minY + (r + 0.5) * img.pixelSize);
        }
    frame.toWgs84(xy);
    std::size_t n = xy.size() / 2;
    lat.sx.resize(n);
    lat.sy.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        Vec2 p{xy[2 * i], xy[2 * i + 1]};
        if (s.datum == ChineseDatum::Gcj02) p = wgs84ToGcj02(p.x, p.y);
        if (s.datum == ChineseDatum::Bd09) p = wgs84ToBd09(p.x, p.y);
        if (onBaiduGrid(s)) p = bd09ToBaiduMercator(p.x, p.y);  // PROJ has no Baidu Mercator
        lat.sx[i] = p.x;
        lat.sy[i] = p.y;
    }
    if (!onBaiduGrid(s)) {
        OGRSpatialReference wgs84, source(*srs);
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &source));
        if (!ct || !ct->Transform(n, lat.sx.data(), lat.sy.data()))
            throw Error(s.source + ": imagery's coordinate system cannot be reached from WGS84: " + lastGdalError());
    }
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (std::size_t i = 0; i < n; ++i) {
        double gx = lat.sx[i], gy = lat.sy[i];
        lat.sx[i] = inv[0] + inv[1] * gx + inv[2] * gy;
        lat.sy[i] = inv[3] + inv[4] * gx + inv[5] * gy;
        x0 = std::min(x0, lat.sx[i]), x1 = std::max(x1, lat.sx[i]);
        y0 = std::min(y0, lat.sy[i]), y1 = std::max(y1, lat.sy[i]);
    }
    // The source window the grid covers, read once at about the grid's own resolution (GDAL picks
    // the overview, or the zoom level of a tile service).
    int wx0 = std::clamp(int(std::floor(x0)) - 1, 0, ds->GetRasterXSize()), wx1 = std::clamp(int(std::ceil(x1)) + 2, 0, ds->GetRasterXSize());
    int wy0 = std::clamp(int(std::floor(y0)) - 1, 0, ds->GetRasterYSize()), wy1 = std::clamp(int(std::ceil(y1)) + 2, 0, ds->GetRasterYSize());
    if (wx1 <= wx0 || wy1 <= wy0) return img;  // the imagery does not reach the scene
    int winW = wx1 - wx0, winH = wy1 - wy0;
    int bufW = std::min(winW, img.width + 2), bufH = std::min(winH, img.height + 2);
    std::vector<std::uint8_t> buf(std::size_t(bufW) * bufH * 4, 255);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Bilinear;
    for (int b = 0; b < std::min(bands, 4); ++b) {
        GDALRasterBand* band = ds->GetRasterBand(b + 1);
        if (band->RasterIO(GF_Read, wx0, wy0, winW, winH, buf.data() + b, bufW, bufH, GDT_Byte, 4, GSpacing(bufW) * 4, &extra) != CE_None)
            throw Error(s.source + ": imagery could not be read: " + lastGdalError());
        if (bands <= 2) {  // grey (or a palette's indices, shown as grey), and alpha as the second band
            for (std::size_t i = 0; i < buf.size(); i += 4) buf[i + 1] = buf[i + 2] = buf[i];
            break;
        }
    }
    if (bands == 2) {
        std::vector<std::uint8_t> a(std::size_t(bufW) * bufH);
        if (ds->GetRasterBand(2)->RasterIO(GF_Read, wx0, wy0, winW, winH, a.data(), bufW, bufH, GDT_Byte, 0, 0, &extra) == CE_None)
            for (std::size_t i = 0; i < a.size(); ++i) buf[i * 4 + 3] = a[i];
    }
    double kx = double(bufW) / winW, ky = double(bufH) / winH;
    auto sample = [&](double bx, double by, std::uint8_t* out) {
        bx -= 0.5, by -= 0.5;
        if (bx < -0.5 || by < -0.5 || bx > bufW - 0.5 || by > bufH - 0.5) return;
        int ix = std::clamp(int(std::floor(bx)), 0, bufW - 1), iy = std::clamp(int(std::floor(by)), 0, bufH - 1);
        int jx = std::min(ix + 1, bufW - 1), jy = std::min(iy + 1, bufH - 1);
        double fx = std::clamp(bx - ix, 0.0, 1.0), fy = std::clamp(by - iy, 0.0, 1.0);
        for (int ch = 0; ch < 4; ++ch) {
            auto at = [&](int x, int y) { return double(buf[(std::size_t(y) * bufW + x) * 4 + ch]); };
            double top = at(ix, iy) + (at(jx, iy) - at(ix, iy)) * fx, bottom = at(ix, jy) + (at(jx, jy) - at(ix, jy)) * fx;
            out[ch] = std::uint8_t(std::lround(top + (bottom - top) * fy));
        }
    };
    // Each lattice cell (one, degenerate, when the grid is a single row or column): its corners'
    // source coordinates interpolated over the pixels between them.
    std::size_t lw = lat.cols.size(), lh = lat.rows.size();
    for (std::size_t rj = 0; rj < std::max<std::size_t>(lh - 1, 1); ++rj) {
        std::size_t rk = std::min(rj + 1, lh - 1);
        int r0 = lat.rows[rj], r1 = lat.rows[rk];
        for (std::size_t ci = 0; ci < std::max<std::size_t>(lw - 1, 1); ++ci) {
            std::size_t ck = std::min(ci + 1, lw - 1);
            int c0 = lat.cols[ci], c1 = lat.cols[ck];
            std::size_t a = rj * lw + ci, b = rj * lw + ck, c = rk * lw + ci, d = rk * lw + ck;
            for (int r = r0; r <= r1; ++r)
                for (int col = c0; col <= c1; ++col) {
                    double u = c1 > c0 ? double(col - c0) / (c1 - c0) : 0, v = r1 > r0 ? double(r - r0) / (r1 - r0) : 0;
                    double sx = (lat.sx[a] * (1 - u) + lat.sx[b] * u) * (1 - v) + (lat.sx[c] * (1 - u) + lat.sx[d] * u) * v;
                    double sy = (lat.sy[a] * (1 - u) + lat.sy[b] * u) * (1 - v) + (lat.sy[c] * (1 - u) + lat.sy[d] * u) * v;
                    sample((sx - wx0) * kx, (sy - wy0) * ky, &img.rgba[(std::size_t(r) * img.width + col) * 4]);
                }
        }
    }
    return img;
}

}  // namespace jbt
