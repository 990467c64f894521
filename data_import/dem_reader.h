#pragma once
// Any GDAL raster DEM (GeoTIFF, SRTM HGT, DTED, …, any CRS) → a HeightGrid in scene metres,
// resampled by GDAL's warper (bilinear) onto a grid aligned with the scene axes.
#include <string>

#include "data_import/height_grid.h"
#include "data_import/scene_frame.h"

namespace jbt {

struct DemOptions {
    std::string path;
    std::string sourceCrs;    // overrides the file's CRS
    int maxSamplesPerSide = 2048;  // coarser than native when the DEM is larger than this
};

struct DemInfo {
    int width = 0, height = 0;  // native raster size
    double min = 0, max = 0;    // exact, from the source band (as `gdalinfo -stats`)
    double nativeSpacingM = 0;  // source pixel size in metres (approximate for lon/lat rasters)
    std::size_t noDataFilled = 0;
    std::string crs;
};

struct DemResult {
    bool ok = false;
    std::string error;  // names the file and the reason
    DemInfo info;
    HeightGrid grid;
};

DemResult readDem(const DemOptions& options, const SceneFrame& frame);
bool probeDemCentre(const DemOptions& options, GeoPoint& centre, std::string& error);

}  // namespace jbt
