#pragma once
// What the panels, the picker and the camera share while the viewer runs.
#include "viewer/camera_control.h"
#include "scene/feature_picking.h"
#include "scene/sun_lighting.h"
#include "twin/live_layers.h"
#include "twin/project_session.h"
#include "twin/twin.h"

#include <functional>
#include <map>
#include "twin/scene_assembly.h"

namespace jbt {

struct Selection {
    int layer = -1, feature = -1;
    int model = -1;  // a placed model (layer and feature then -1)
    // A feature of a streamed tileset (layer, feature, model then -1): its attributes are copied,
    // as the tile that holds it may be let go.
    int tileset = -1, tileFeature = -1;
    Attributes tileAttributes;
    osg::observer_ptr<osg::Node> tileNode;
    bool valid() const { return layer >= 0 && feature >= 0; }
    bool isModel() const { return model >= 0; }
    bool isTileFeature() const { return tileset >= 0; }
};

// What a pick selects.
Selection selectionOf(const FeatureHit& hit);

// Where things sit on screen (pixels, top-left origin).
struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;
};

// The workspace's arrangement, kept in the project (ui_layout).
struct UiLayout {
    bool sidebar = true;     // the left sidebar with its tabs
    int tab = 0;             // which tab is open
    bool inspector = true;   // the right column, while something is selected
    bool statusBar = true;
};

// What lies under the mouse pointer, for the status bar.
struct PointerInfo {
    bool valid = false;
    GeoPoint geo;
    double height = 0;          // metres above sea level (scene z)
    double metresPerPixel = 0;  // at that distance from the eye
};

// What the menu and shortcuts ask of the project; the project dialogs confirm and carry it out.
enum class ProjectRequest { None, New, Open, OpenPath, Save, SaveAs, Quit, OfferRestore };

struct AppState {
    explicit AppState(Twin& t)
        : twin(t), scene(t.scene()), live(&t.live()), timeline(t.timeline()), green(t.green()),
          importStatus(t.importStatus()), time(t.timeOfDay()) {}
    Twin& twin;
    SceneModel& scene;
    GuardedCameraManipulator* camera = nullptr;
    Selection selection;
    double frameMs = 0;  // smoothed
    int msaaSamples = 0;  // anti-aliasing samples the window was asked for ("auto" resolved)
    osg::Camera* viewCamera = nullptr;
    bool presenting = false;  // presentation mode: panels hidden, title card and legend, kiosk tour
    std::vector<std::unique_ptr<LiveLayer>>* live;            // live event layers
    EventTimeline& timeline;                                  // history playback of the live events
    GreenSummary& green;
    const ImportStatus& importStatus;
    const LocalTime& time;                                    // of the sun
    UiLayout layout;
    ScreenRect view;                                          // the 3D view left between the panels
    PointerInfo pointer;
    std::string status;                                       // the status bar's message (saved, imported, …)
    // For UI tests driving the real window (--ui-probe): where named widgets were drawn last
    // frame and what named fields hold. Panels note theirs with probe().
    std::map<std::string, ScreenRect> probeRects;
    std::map<std::string, std::string> probeTexts;
    // Flies the camera to a bookmark ("all" is worked out afresh from the visible layers).
    std::function<void(const Bookmark&)> flyTo;
    // Re-opens the scene centred on a far layer.
    std::function<void(const FarLayer&)> goThere;
    ProjectRequest request = ProjectRequest::None;
    std::string requestPath;                                  // OpenPath: which file; OfferRestore: the autosave
    ProjectSession* project = nullptr;
    bool unsaved = false;                                     // the project differs from its file (checked twice a second)
    std::function<ProjectState()> projectState;               // the session as a project file would keep it
    // End this session and open `path` ("" for a new project); false with `message` if it cannot be read.
    std::function<bool(const std::string& path, std::string& message)> reopen;
    std::function<void(const std::string& autosave)> restore;  // end this session and reopen from the autosave
    std::function<void()> quit;                               // end the program (the dialogs asked already)
    std::function<void()> toggleFullscreen;                   // F11
    std::function<void()> fitView;                            // the camera's viewport to `view`, each frame
    std::function<bool(std::string& message)> saveProject;   // to the session's file (false: it has none yet)
    std::function<void(const ImportOptions&)> import;        // the import dialog's "Import"
    std::function<std::string(const std::string&)> openOblique;  // the import dialog, for an oblique folder
    std::function<std::string(const std::string&)> openTileset;  // the import dialog, for a tileset.json
    // The import dialog, for a raster or tile service: imagery on the terrain (offset "": guessed).
    std::function<std::string(const std::string& source, const std::string& offset)> openImagery;
    std::function<std::string(const ModelPlacement&)> placeModel;  // "" or why not, naming the file
    std::function<GeoPoint()> viewCentre;                            // where the camera looks, lon/lat
    std::function<void()> bookmarkThisView;                  // adds the current view as a bookmark
};

// Notes the last ImGui item's rectangle under `name` (for --ui-probe); a no-op otherwise cheap.
void probe(AppState& app, const std::string& name);

// Highlights the new selection (and un-highlights the old one).
void select(AppState& app, Selection s);

// Moves the sun (light, sky, haze, window lights) to `time`.
inline void setTimeOfDay(AppState& app, const LocalTime& time) { app.twin.setTimeOfDay(time); }

}  // namespace jbt
