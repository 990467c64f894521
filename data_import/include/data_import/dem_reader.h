#pragma once
// Any GDAL raster DEM (GeoTIFF, SRTM HGT, DTED, …, any CRS) → a HeightGrid in scene metres,
// resampled by GDAL's warper (bilinear) onto a grid aligned with the scene axes.
#include <string>

#include "model/height_grid.h"
#include "data_import/scene_frame.h"

namespace jbt {

struct DemOptions {
    std::string path;
    std::string sourceCrs;    // overrides the file's CRS
    int maxSamplesPerSide = 2048;  // coarser than native when the DEM is larger than this
};

struct DemInfo {
    int width = 0, height = 0;  // native raster size
    double min = 0, max = 0;    // from the source band (approximate for large rasters)
    double nativeSpacingM = 0;  // source pixel size in metres (approximate for lon/lat rasters)
    std::size_t noDataFilled = 0;
    std::string crs;
};

struct Dem {
    DemInfo info;
    HeightGrid grid;
};

// Both throw Error naming the file and the reason.
Dem readDem(const DemOptions& options, const SceneFrame& frame);
GeoPoint probeDemCentre(const DemOptions& options);

}  // namespace jbt
