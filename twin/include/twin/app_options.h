#pragma once
// What a session of the twin is made of: layers, terrain, live sources, analytics, the view and
// the UI settings. Filled from defaults, then a project file, then the command line, in that
// order of precedence (viewer/command_line.h; docs/architecture.md).
#include <optional>
#include <string>
#include <vector>

#include "data_import/ogr_layer_reader.h"
#include "model/model_placement.h"
#include "model/local_time.h"
#include "model/place.h"
#include "twin/graphics_settings.h"

namespace jbt {

// How a layer is shown, kept in the project by the layer's name (generated layers too).
struct LayerDisplay {
    std::string name;  // a streamed tileset's: "tileset:NAME"
    bool visible = true;
    float opacity = 1.0f;
    double maxScreenError = 0;  // tilesets: the screen error chosen (0: the default)
    std::string colourBy;       // tilesets: the property features are coloured by ("": their own)
};

struct AppOptions {
    std::vector<ImportOptions> layers;  // --layer (buildings), --area, --lines: shared CRS/datum options
    std::vector<ImportOptions> water;   // --water: rivers and lakes (lines are buffered by waterWidthM)
    double waterWidthM = 400;
    std::string styleField;             // --style-field: colour draped layers by this attribute
    std::vector<std::string> eventSources;  // --events: live governance feeds (file, http://, mqtt://)
    double gridCellM = 0;               // --grid: 网格 cells of this size over the district, events counted live
    std::string boundaryPath;           // --boundary: the district polygon the grid is clipped to
    std::string gridFile;               // --grid-file: the city's own grid cells (or communities) instead
    std::vector<std::string> greenFiles;  // --green: parks, forest, green space (draped, and their coverage)
    std::string demPath;                // --dem: terrain from a raster DEM
    std::string imagery;                // --imagery: a raster or XYZ tile service draped on the terrain
    std::string imageryOffset;          // --imagery-offset: gcj02, bd09 or none ("": guessed from the source)
    std::vector<std::string> obliqueDirs;  // --oblique: ContextCapture exports (metadata.xml + Data/)
    std::vector<ModelPlacement> models;    // --model FILE@LON,LAT[,ALT,HEADING,SCALE]
    std::vector<std::string> tilesets;     // --tiles: 3D Tiles 1.0/1.1 tileset.json files, streamed
    std::size_t pagedMemoryMB = 512;       // --paged-memory: tilesets and oblique meshes together
    bool demo = true;                   // generated demo district (off with --no-demo)
    std::optional<GeoPoint> centre;     // the scene's centre when the user moved it ("Go there");
                                        // else the first layer's, else Jiangbei's
    std::string snapshotPath;           // --snapshot: render offscreen, print JSON, exit
    int width = 1280, height = 720;     // --size
    std::string view;                   // --view: a bookmark id or name
    std::string tour;                   // --tour: play this tour from the start
    double tourTime = -1;               // --tour-time: snapshot the tour at this second
    LocalTime time;                     // --time: sun position (China Standard Time)
    std::string language = "both";      // --lang: zh, en or both
    GraphicsSettings graphics;          // --quality, --fog, the Graphics panel
    int shadowMapSize = 2048;           // --shadows: texels per side of the sun's depth map, 0 = off
    std::string recordDir;              // --record: render the tour as PNG frames (and MP4) here
    double fps = 30;                    // --fps
    double recordSeconds = -1;          // --record-seconds: default the whole tour
    float uiScale = 1.0f;               // --ui-scale: 2 for 4K, 4 for 8K
    bool highContrast = false;          // --theme contrast
    bool present = false;               // --present: presentation mode (kiosk)
    double kioskIdleSeconds = 30;       // --kiosk-idle: resume the tour after this much quiet
    double autosaveSeconds = 30;        // --autosave: seconds between autosaves, 0 = off
    std::string uiProbePath;            // --ui-probe: the UI's state as JSON after every frame (UI tests)
    bool invertWheel = false;           // --wheel-zoom out-on-up: wheel up zooms out (old OSG habit)
    std::string projectPath;            // --project: the session file loaded, and saved to
    std::vector<double> startCamera;    // from a project: eye xyz, centre xyz (scene metres)
    std::vector<Bookmark> userBookmarks;  // views the user saved (kept in the project)
    std::vector<LayerDisplay> layerDisplay;  // from a project: visibility and opacity per layer
    std::string uiLayout;               // from a project: the viewer's panel layout (its own JSON)
    bool hideUi = false;                // --hide-ui: no panels (the demo-data banner stays)
    bool fullscreen = false;
    int screen = 0;                     // --screen: the X screen for the window
    std::string wallPath;               // --wall: a video-wall layout file
};

// Rendering without a window: snapshots and recordings.
inline bool offscreen(const AppOptions& o) { return !o.snapshotPath.empty() || !o.recordDir.empty(); }

// A folder from scripts/fetch_district.sh: one OSM file read as buildings, roads, areas and
// landmarks, and a DEM; real data replaces the demo district. Throws Error naming the manifest.
void addDataFolder(const std::string& dir, const ImportOptions& shared, AppOptions& out);

}  // namespace jbt
