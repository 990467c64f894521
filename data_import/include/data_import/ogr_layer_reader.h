#pragma once
// Reads any OGR source (GeoJSON, Shapefile, GeoPackage, OSM PBF/XML, CSV with WKT, PostGIS
// "PG:" strings) as features in scene metres: building footprints (extruded), areas or lines
// (draped on the terrain).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "data_import/chinese_offsets.h"
#include "model/feature.h"
#include "data_import/height_rules.h"
#include "data_import/scene_frame.h"

namespace jbt {

struct ImportOptions {
    std::string path;
    LayerKind kind = LayerKind::Buildings;
    std::string layerName;   // one OGR layer; empty: every polygon layer (OSM: multipolygons)
    std::string sourceCrs;   // overrides the file's CRS: "EPSG:4490", "EPSG:4545", a PROJ string
    ChineseDatum datum = ChineseDatum::None;  // coordinates are GCJ-02 / BD-09 lon/lat
    HeightOptions height;
    std::string displayName;  // empty: the file's name
    std::string styleField;   // draped layers: colour by this attribute (empty: the run's --style-field)
    std::string levelOfDetail;  // city models (CityGML, CityJSON): "" the highest, or "1", "2.2"
    // Called now and then from the importing thread with the share done (0…1); may be empty.
    std::function<void(double)> progress;
    // Asked every 2000 features: true ends the import with Error "…: import cancelled" (quitting
    // while an import runs).
    std::function<bool()> cancelled;
    // Features converted at once (validity, repair, reprojection, heights) while this thread
    // reads: 0 one worker per core, 1 all on the calling thread. The result is the same.
    int threads = 0;
};

// What a data set holds, for the import dialog: its layers with geometry, fields, CRS and size.
struct DatasetLayerInfo {
    std::string name, geometry, crs;
    long long features = -1;  // -1: unknown without a full scan
    std::vector<std::string> fields;
};
struct DatasetInfo {
    std::string driver;
    std::vector<DatasetLayerInfo> layers;
};
// Throws Error naming the file when it cannot be opened.
DatasetInfo inspectDataset(const std::string& path);

// The features of the source's layers of options.kind in scene metres. Features that cannot be
// used are skipped and counted in the report; throws Error (naming the file and the reason) when
// the source as a whole cannot be read.
LayerData importLayer(const ImportOptions& options, const SceneFrame& frame);

// As importLayer, but the features go to `sink` in batches, in the source's order, on the calling
// thread as they are converted, and the LayerData returned holds none of them: how a bake reads
// millions of buildings without holding them.
using FeatureSink = std::function<void(std::vector<Feature>&& batch)>;
LayerData importLayerInBatches(const ImportOptions& options, const SceneFrame& frame, const FeatureSink& sink);

// Whether the source has a layer of options.kind (false also when it cannot be opened).
bool hasLayerOfKind(const ImportOptions& options);

// WGS84 centre of the source's extent, to choose a scene origin before importing; nullopt when
// it has no extent. Throws Error like importLayer.
std::optional<GeoPoint> probeCentre(const ImportOptions& options);

// The name a layer gets: its display name, else the file name (PostGIS: the table).
std::string defaultLayerName(const ImportOptions& options);

}  // namespace jbt
