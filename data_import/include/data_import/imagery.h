#pragma once
// An imagery basemap for the terrain: any GDAL raster (GeoTIFF, MBTiles, VRT, a GDAL WMS/WMTS
// description), a WMTS service by its capabilities URL, or an XYZ tile service (a URL template
// with {z}, {x}, {y}, read through GDAL's WMS driver), tiles kept in a disk cache, resampled
// onto the scene's ground. Imagery published in GCJ-02 (Amap, Tencent) or BD-09 is moved back
// so it lies under WGS84 vectors; an XYZ template in BD-09 is read on Baidu's own tile grid.
#include <cstdint>
#include <string>
#include <vector>

#include "data_import/chinese_offsets.h"
#include "data_import/scene_frame.h"

namespace jbt {

struct ImagerySource {
    std::string source;                       // file, GDAL connection string, or XYZ URL template
    ChineseDatum datum = ChineseDatum::None;  // the offset its pixels are drawn in
    std::string cacheDir;                     // tiles of a service ("": the user's cache)
    int maxZoom = 18;                         // XYZ: the deepest level it serves
};

// The offset a well-known service draws in, from its URL (Amap/AutoNavi and Tencent: GCJ-02;
// Baidu: BD-09); None for anything else (Tianditu is CGCS2000, which is WGS84 to a metre).
ChineseDatum guessImageryDatum(const std::string& source);

// Where tiles are kept between sessions: $XDG_CACHE_HOME (or ~/.cache)/jiangbei-twin/imagery.
std::string defaultImageryCacheDir();

struct ImageryImage {
    double originX = 0, originY = 0;  // scene metres of the south-west corner
    double pixelSize = 1;             // metres
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;   // row 0 in the south; alpha 0 where the source has nothing
    bool empty() const { return width == 0 || height == 0; }
};

// What the import dialog shows of a raster or tile service before it is used.
struct ImageryInfo {
    std::string driver;  // GDAL's short name (GTiff, MBTiles, WMS …)
    int width = 0, height = 0;
    std::string crs;     // its name, e.g. "WGS 84 / Pseudo-Mercator"
};
// Throws Error naming the source when it is not a georeferenced raster.
ImageryInfo inspectImagery(const ImagerySource& source);

// Resamples the source onto a grid over [minX, maxX] × [minY, maxY] (scene metres) at about
// `pixelSize` (coarser if a side would pass maxPixels). Throws Error naming the source and why
// it cannot be read.
ImageryImage warpImagery(const ImagerySource& source, const SceneFrame& frame, double minX, double minY, double maxX,
                         double maxY, double pixelSize, int maxPixels = 4096);

}  // namespace jbt
