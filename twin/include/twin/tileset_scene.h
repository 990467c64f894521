#pragma once
// Streamed 3D Tiles tilesets (--tiles, the import dialog, project files) in the scene: opened,
// placed in the scene CRS, listed with their loading state, picked, waited for by snapshots.
#include <optional>
#include <string>
#include <vector>

#include "data_import/scene_frame.h"
#include "model/model_placement.h"
#include "scene/tileset_layer.h"

namespace jbt {

struct SceneModel;
struct AppOptions;

struct TilesetScene {
    std::string path, name;  // name: the tileset's folder
    osg::ref_ptr<TilesetLayer> node;
    bool visible = true;
};

// A tileset as --tiles and projects give it: "PATH_OR_URL" or, for one in a local frame (its own
// metres, no place on the Earth), "PATH_OR_URL@LON,LAT[,ALT,HEADING,SCALE]": its origin stands
// there, ALT metres above the ground, its +Y turned HEADING degrees clockwise from north.
struct TilesetSpec {
    std::string path;
    std::optional<ModelPlacement> at;
};
// Throws Error naming the text when what follows the last '@' looks like a placement but is not
// one; anything else after an '@' is part of the path.
TilesetSpec parseTilesetSpec(const std::string& text);

std::string tilesetLayerName(const std::string& path);

// Where the first tileset lies (for the scene's centre); nullopt for local frames or when it
// cannot be read (addTilesets says why).
std::optional<GeoPoint> tilesetDataCentre(const AppOptions& options, std::string& source);

// The ground the tilesets cover (their root volumes), for flat ground under them.
void expandByTilesets(const AppOptions& options, const SceneFrame& frame, osg::BoundingBox& box);

// Every --tiles; one that cannot be opened (or lies beyond the scene's region) is an error
// naming it, the rest open. Adds a "layer:NAME" bookmark for each.
void addTilesets(const AppOptions& options, SceneModel& scene);
std::string addTileset(const std::string& path, SceneModel& scene);

// Whether every visible tileset has loaded what the last frame asked for.
bool tilesetsSettled(const SceneModel& scene);

}  // namespace jbt
