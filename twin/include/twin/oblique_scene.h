#pragma once
// Oblique-photography folders (--oblique) in the scene: read, placed, listed in the report.
#include <optional>
#include <string>
#include <vector>

#include "data_import/oblique_metadata.h"
#include "scene/oblique_layer.h"

namespace jbt {

struct SceneModel;
struct AppOptions;

struct ObliqueScene {
    std::string folder, name;  // name: the folder's own name
    ObliqueMetadata meta;
    ObliquePlacement placement;
    ObliqueLayerStats stats;
    osg::ref_ptr<osg::MatrixTransform> node;
    bool visible = true;
};

// The layer's name: the folder's own name ("Production_5" for "…/Production_5/").
std::string obliqueLayerName(const std::string& folder);

// Where the first oblique folder lies (for the scene's centre), nullopt when it cannot say.
std::optional<GeoPoint> obliqueDataCentre(const AppOptions& options, std::string& source);

// Reads and places every --oblique folder; a folder that cannot be read (or lies beyond the
// scene's region) is an error or message naming it, and the rest load. Adds a "layer:NAME"
// bookmark for each.
void addObliqueLayers(const AppOptions& options, SceneModel& scene);

// One folder, opened while the viewer runs (the import dialog). Returns "" or why it did not
// open (naming the folder).
std::string addObliqueLayer(const std::string& folder, SceneModel& scene);

}  // namespace jbt
