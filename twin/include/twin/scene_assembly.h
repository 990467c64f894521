#pragma once
// Turns the options into a scene: imports every layer (and the demo district), builds OSG
// nodes, picks the scene origin and gathers bookmarks. A bad layer is reported, not fatal.
#include <osg/Group>
#include <memory>
#include <string>
#include <vector>

#include "data_import/demo_landscape.h"
#include "data_import/dem_reader.h"
#include "data_import/drape_style.h"
#include "data_import/places.h"
#include "data_import/tours.h"
#include "scene/building_layer_builder.h"
#include "scene/draped_layer_builder.h"
#include "scene/label_layer.h"
#include "scene/terrain_builder.h"
#include "twin/app_options.h"
#include "twin/far_layer.h"
#include "twin/oblique_scene.h"
#include "twin/placed_models.h"
#include "twin/tileset_scene.h"
#include "scene/classification.h"
#include "scene/paged_memory.h"

namespace jbt {

struct SceneLayer {
    LayerData data;
    osg::ref_ptr<osg::Group> node;      // null while a draped layer has never been shown
    DrapeStyle style;                   // draped layers
    std::string styleField;             // this layer's own --style-field choice, if any
    std::vector<LegendEntry> legend;    // draped layers
    SceneBuildStats stats;              // buildings
    DrapedLayerStats drapedStats;       // draped layers
    bool visible = true;
    float opacity = 1.0f;
    bool green = false;                 // green space (--green files, the demo's forest parks)
    bool draped() const { return isDraped(data.kind); }
    bool buildings() const { return data.kind == LayerKind::Buildings; }
};

struct SceneModel {
    std::unique_ptr<SceneFrame> frame;
    std::vector<SceneLayer> layers;
    std::vector<FarLayer> farLayers;
    std::vector<ObliqueScene> oblique;  // oblique-photography meshes (--oblique)
    std::vector<PlacedModelScene> models;  // placed models (--model)
    std::vector<TilesetScene> tilesets;    // streamed 3D Tiles (--tiles)
    // 单体化 tints on oblique meshes: the selected building's footprint, and the one under the pointer.
    std::unique_ptr<ClassificationHighlight> selectedTint, hoverTint, eventTint;  // eventTint: the Replay's
    std::vector<Bookmark> bookmarks;
    std::vector<Tour> tours;
    std::vector<Place> places;
    HeightGrid terrain;                 // empty: flat ground at 0 m
    std::string terrainSource;          // DEM path, or the demo landscape
    std::string imagery;                // the imagery on the terrain, when it could be read
    osg::ref_ptr<osg::NodeCallback> imageryRefiner;  // on the terrain node: finer imagery near the camera
    bool demoTerrain = false;           // the generated demo relief
    DemInfo dem;                        // when the terrain came from a DEM
    TerrainStats terrainStats;
    osg::ref_ptr<osg::Group> terrainNode;
    std::vector<WaterBody> water;
    osg::ref_ptr<osg::Group> labels;    // place names; null when there are no places
    std::vector<std::string> errors;    // layers that could not be loaded, naming file and reason
    std::vector<std::string> messages;  // notes (origin moved, CRS assumed, ...)
    osg::ref_ptr<osg::Group> root;
    osg::ref_ptr<osg::Node> sky;        // the atmosphere pass behind everything (null without shaders)
    osg::ref_ptr<PagedMemoryBudget> pagedMemory;  // the root's cull callback: tilesets and oblique share it
    osg::ref_ptr<osg::Group> buildings;  // every building layer: what casts sun shadows
    osg::ref_ptr<osg::Group> draped;     // every draped layer's node (areas, roads, boundaries)
    osg::ref_ptr<osg::Program> buildingProgram;
    LabelLayerOptions labelOptions;     // font and size every label layer uses
    osg::BoundingBox extent;            // of all buildings, scene metres
    double importMs = 0, buildMs = 0;
    bool showsDemoData = false;         // any generated part: buildings, roads or relief
};

SceneModel assembleScene(const AppOptions& options);

// Sky, fog and the terrain's fading edges as `graphics` says (uniforms on the root, the sky's mask).
void applyGraphics(SceneModel& scene, const GraphicsSettings& graphics);

// Adds a layer imported while the viewer runs (buildings stand on the terrain, draped layers are
// laid on it, points become labels). Returns its index.
std::size_t addLayerToScene(SceneModel& scene, LayerData data, const std::string& styleField);
// A building layer read again (another level of detail): same place in the list, visibility
// and opacity kept.
void replaceLayerData(SceneModel& scene, std::size_t index, LayerData data);

// The extent (scene metres) of what a layer holds: footprints, lines and points.
osg::BoundingBox layerExtent(const SceneLayer& layer);

// A bookmark that frames `box` from the south at 50° pitch.
Bookmark fitBookmark(const std::string& id, const std::string& name, const osg::BoundingBox& box, const SceneFrame& frame);

// "Fit all": every visible layer.
Bookmark fitAllBookmark(const SceneModel& scene);

// The layer's node takes its `opacity` (draped layers keep their drawing order).
void applyLayerOpacity(SceneLayer& layer);
// Shows or hides a layer (a draped layer shown for the first time is laid on the terrain then).
void setLayerVisible(SceneModel& scene, std::size_t index, bool visible);
// Visibility and opacity of every layer, by name, as a project keeps them; and back.
std::vector<LayerDisplay> layerDisplay(const SceneModel& scene);
void applyLayerDisplay(SceneModel& scene, const std::vector<LayerDisplay>& display);

// The bookmark of a place (every place has one); nullptr if none.
const Bookmark* bookmarkForPlace(const SceneModel& scene, const Place& place);

// Bookmark lookup by id, English or Chinese name (case-insensitive); nullptr if none.
const Bookmark* findBookmark(const SceneModel& scene, const std::string& name);

}  // namespace jbt
