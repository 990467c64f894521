#include "data_import/dem_reader.h"

#include <cpl_conv.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>
#include <filesystem>
#include <memory>

#include "model/error.h"

namespace jbt {
namespace {

struct Closer {
    void operator()(GDALDatasetH ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, Closer>;

std::string gdalMessage() {
    const char* m = CPLGetLastErrorMsg();
    return m && *m ? std::string(" (GDAL: ") + m + ")" : std::string();
}

Dataset openRaster(const DemOptions& o) {
    GDALAllRegister();
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");  // never write .aux.xml beside the user's DEM
    VSIStatBufL st;  // GDAL's virtual files (/vsimem/, /vsizip/…) too
    if (o.path.rfind("/vsi", 0) == 0 ? VSIStatL(o.path.c_str(), &st) != 0 : !std::filesystem::exists(o.path))
        throw Error(o.path + ": no such file");
    CPLErrorReset();
    Dataset ds(GDALOpenEx(o.path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) throw Error(o.path + ": not a readable raster" + gdalMessage());
    if (GDALGetRasterCount(ds.get()) < 1) throw Error(o.path + ": the raster has no band");
    return ds;
}

void sourceSrs(GDALDatasetH ds, const DemOptions& o, OGRSpatialReference& srs) {
    const char* wkt = GDALGetProjectionRef(ds);
    if (!o.sourceCrs.empty()) {
        if (srs.SetFromUserInput(o.sourceCrs.c_str()) != OGRERR_NONE) throw Error(o.path + ": unknown CRS '" + o.sourceCrs + "'");
    } else if (wkt && *wkt) {
        srs.importFromWkt(wkt);
    } else {
        throw Error(o.path + ": the raster has no CRS; pass one (e.g. EPSG:4326)");
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
}

struct Bounds {
    double minX, minY, maxX, maxY;
};

bool boundsIn(GDALDatasetH ds, const OGRSpatialReference& src, const OGRSpatialReference& dst, Bounds& b) {
    double gt[6];
    if (GDALGetGeoTransform(ds, gt) != CE_None) return false;
    double x0 = gt[0], x1 = gt[0] + gt[1] * GDALGetRasterXSize(ds);
    double y0 = gt[3] + gt[5] * GDALGetRasterYSize(ds), y1 = gt[3];
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
    return ct && ct->TransformBounds(std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1), &b.minX,
                                     &b.minY, &b.maxX, &b.maxY, 21);
}

Dataset decimated(GDALDatasetH src, int cols, int rows, double nativeSpacing, double spacing) {
    int w = GDALGetRasterXSize(src), h = GDALGetRasterYSize(src);
    double factor = spacing / std::max(nativeSpacing, 1e-9) / 2;
    if (factor < 2) return Dataset(nullptr);
    int outW = std::max(cols * 2, int(w / factor)), outH = std::max(rows * 2, int(h / factor));
    if (outW >= w || outH >= h) return Dataset(nullptr);
    CPLStringList args;
    for (const char* a : {"-of", "VRT", "-r", "nearest", "-outsize"}) args.AddString(a);
    args.AddString(CPLSPrintf("%d", outW));
    args.AddString(CPLSPrintf("%d", outH));
    std::unique_ptr<GDALTranslateOptions, decltype(&GDALTranslateOptionsFree)> to(GDALTranslateOptionsNew(args.List(), nullptr),
                                                                                 &GDALTranslateOptionsFree);
    int usageError = 0;
    return Dataset(GDALTranslate("", src, to.get(), &usageError));
}

// Lowest and highest height from one read of at most 1024² samples (overviews when the file has
// them): exact for rasters up to that size. GDAL's own approximate statistics re-read a damaged
// ASCII grid from its start for every sample (minutes for 13 values); one read fails at once.
bool sampledRange(GDALRasterBandH band, int width, int height, double& lo, double& hi) {
    int sw = std::min(width, 1024), sh = std::min(height, 1024);
    std::vector<float> buf(std::size_t(sw) * std::size_t(sh));
    CPLErrorReset();
    if (GDALRasterIO(band, GF_Read, 0, 0, width, height, buf.data(), sw, sh, GDT_Float32, 0, 0) != CE_None) return false;
    int hasNoData = 0;
    double noData = GDALGetRasterNoDataValue(band, &hasNoData);
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    for (float v : buf) {
        if (!std::isfinite(v) || (hasNoData && double(v) == double(float(noData)))) continue;
        lo = std::min(lo, double(v));
        hi = std::max(hi, double(v));
    }
    if (lo > hi) lo = hi = 0;  // nothing but voids: filled low, reported by the read
    return true;
}

}  // namespace

Dem readDem(const DemOptions& o, const SceneFrame& frame) {
    Dem r;
    Dataset src = openRaster(o);
    OGRSpatialReference srs, scene;
    sourceSrs(src.get(), o, srs);
    scene.importFromProj4(frame.projString().c_str());
    scene.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    Bounds b;
    if (!boundsIn(src.get(), srs, scene, b)) throw Error(o.path + ": the raster has no usable georeferencing" + gdalMessage());
    r.info.width = GDALGetRasterXSize(src.get());
    r.info.height = GDALGetRasterYSize(src.get());
    r.info.crs = srs.GetName() ? srs.GetName() : "unnamed CRS";
    GDALRasterBandH band = GDALGetRasterBand(src.get(), 1);
    if (!sampledRange(band, r.info.width, r.info.height, r.info.min, r.info.max))
        throw Error(o.path + ": cannot read the heights" + gdalMessage());
    r.info.nativeSpacingM = std::sqrt((b.maxX - b.minX) * (b.maxY - b.minY) / (double(r.info.width) * r.info.height));
    double spacing = std::max(r.info.nativeSpacingM,
                              std::max(b.maxX - b.minX, b.maxY - b.minY) / std::max(2, o.maxSamplesPerSide - 1));
    int cols = std::max(2, int(std::floor((b.maxX - b.minX) / spacing)) + 1);
    int rows = std::max(2, int(std::floor((b.maxY - b.minY) / spacing)) + 1);

    // Samples sit on grid points: the warp's pixel centres are placed exactly on them.
    CPLStringList args;
    for (const char* a : {"-of", "MEM", "-r", "bilinear", "-ot", "Float32", "-dstnodata", "-32768", "-t_srs"}) args.AddString(a);
    args.AddString(frame.projString().c_str());
    args.AddString("-te");
    for (double v : {b.minX - spacing / 2, b.minY - spacing / 2, b.minX + (cols - 0.5) * spacing, b.minY + (rows - 0.5) * spacing})
        args.AddString(CPLSPrintf("%.6f", v));
    args.AddString("-ts");
    args.AddString(CPLSPrintf("%d", cols));
    args.AddString(CPLSPrintf("%d", rows));
    if (!o.sourceCrs.empty()) {
        args.AddString("-s_srs");
        args.AddString(o.sourceCrs.c_str());
    }
    std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> wo(GDALWarpAppOptionsNew(args.List(), nullptr),
                                                                               &GDALWarpAppOptionsFree);
    // A source far finer than the grid is first read at about twice the grid's resolution (GDAL
    // takes overviews when the file has them, else skips rows and blocks); warping it whole would
    // read every pixel: a 100000² DEM took minutes.
    Dataset reduced = decimated(src.get(), cols, rows, r.info.nativeSpacingM, spacing);
    GDALDatasetH in = reduced ? reduced.get() : src.get();
    int usageError = 0;
    CPLErrorReset();
    Dataset warped(GDALWarp("", nullptr, 1, &in, wo.get(), &usageError));
    if (!warped) throw Error(o.path + ": cannot resample to the scene CRS" + gdalMessage());
    HeightGrid& g = r.grid;
    g.originX = b.minX;
    g.originY = b.minY;
    g.spacing = spacing;
    g.cols = cols;
    g.rows = rows;
    g.heights.resize(std::size_t(cols) * rows);
    std::vector<float> row(cols);
    GDALRasterBandH wb = GDALGetRasterBand(warped.get(), 1);
    // Voids (SRTM has some on steep slopes) are interpolated from their surroundings.
    GDALFillNodata(wb, nullptr, 64, 0, 0, nullptr, nullptr, nullptr);
    float lowest = r.info.min > -1000 && r.info.min < 9000 ? float(r.info.min) : 0.f;
    for (int y = 0; y < rows; ++y) {
        // GDAL's row 0 is the north edge; the grid's row 0 is the south.
        if (GDALRasterIO(wb, GF_Read, 0, rows - 1 - y, cols, 1, row.data(), cols, 1, GDT_Float32, 0, 0) != CE_None)
            throw Error(o.path + ": reading the resampled heights failed" + gdalMessage());
        for (int x = 0; x < cols; ++x) {
            float h = row[x];
            // What interpolation could not reach would show as pits 32 km deep, and values no
            // terrain has (1e38, a float's "no value") as spikes into space: both filled low.
            if (!(h > -1000.f) || !(h < 9000.f)) {
                h = lowest;
                ++r.info.noDataFilled;
            }
            g.heights[std::size_t(y) * cols + x] = h;
        }
    }
    return r;
}

GeoPoint probeDemCentre(const DemOptions& o) {
    Dataset src = openRaster(o);
    OGRSpatialReference srs, wgs;
    sourceSrs(src.get(), o, srs);
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    Bounds b;
    if (!boundsIn(src.get(), srs, wgs, b)) throw Error(o.path + ": the raster has no usable georeferencing");
    return {0.5 * (b.minX + b.maxX), 0.5 * (b.minY + b.maxY)};
}

}  // namespace jbt
