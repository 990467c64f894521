#pragma once
// Reads any OGR source (GeoJSON, Shapefile, GeoPackage, OSM PBF/XML, CSV with WKT, PostGIS
// "PG:" strings) as features in scene metres: building footprints (extruded), areas or lines
// (draped on the terrain).
#include <functional>
#include <string>
#include <vector>

#include "data_import/chinese_offsets.h"
#include "data_import/feature.h"
#include "data_import/height_rules.h"
#include "data_import/scene_frame.h"

namespace jbt {

enum class FeatureKind { Buildings, Areas, Lines, Points };

const char* featureKindName(FeatureKind kind);

struct ImportOptions {
    std::string path;
    FeatureKind kind = FeatureKind::Buildings;
    std::string layerName;   // one OGR layer; empty: every polygon layer (OSM: multipolygons)
    std::string sourceCrs;   // overrides the file's CRS: "EPSG:4490", "EPSG:4545", a PROJ string
    ChineseDatum datum = ChineseDatum::None;  // coordinates are GCJ-02 / BD-09 lon/lat
    HeightOptions height;
    std::string displayName;  // empty: the file's name
    std::string styleField;   // draped layers: colour by this attribute (empty: the run's --style-field)
    // Called now and then from the importing thread with the share done (0…1); may be empty.
    std::function<void(double)> progress;
};

// What a data set holds, for the import dialog: its layers with geometry, fields, CRS and size.
struct DatasetLayerInfo {
    std::string name, geometry, crs;
    long long features = -1;  // -1: unknown without a full scan
    std::vector<std::string> fields;
};
struct DatasetInfo {
    bool ok = false;
    std::string error, driver;
    std::vector<DatasetLayerInfo> layers;
};
DatasetInfo inspectDataset(const std::string& path);

struct ImportResult {
    bool ok = false;
    std::string error;  // when !ok: names the file and the reason
    LayerData layer;
};

ImportResult importLayer(const ImportOptions& options, const SceneFrame& frame);

// WGS84 centre of the source's extent, to choose a scene origin before importing.
bool probeCentre(const ImportOptions& options, GeoPoint& centre, std::string& error);

}  // namespace jbt
