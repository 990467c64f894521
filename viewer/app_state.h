#pragma once
// What the panels, the picker and the camera share while the viewer runs.
#include "viewer/camera_control.h"
#include "scene/sun_lighting.h"
#include "viewer/live_layers.h"

#include <functional>
#include "viewer/scene_assembly.h"

namespace jbt {

struct Selection {
    int layer = -1, feature = -1;
    bool valid() const { return layer >= 0 && feature >= 0; }
};

struct AppState {
    SceneModel& scene;
    GuardedCameraManipulator* camera = nullptr;
    Selection selection;
    double frameMs = 0;  // smoothed
    osg::Camera* viewCamera = nullptr;
    LocalTime time;
    bool presenting = false;
    std::vector<std::unique_ptr<LiveLayer>>* live = nullptr;  // live event layers
    std::function<bool(std::string& message)> saveProject;   // Ctrl+S
    EventTimeline timeline;                                   // history playback of the live events
    std::function<void(const ImportOptions&)> import;        // the import dialog's "Import"
    std::function<void()> bookmarkThisView;                  // adds the current view as a bookmark
    struct ImportStatus {
        bool running = false;
        double progress = 0;
        std::string message;  // the last import's outcome, naming the file
    } importStatus;
    struct Green {
        bool known = false;
        double district = 0;             // share of the district that is green, 0…1
        std::vector<float> perCell;      // per grid cell, for the histogram
    } green;  // presentation mode: panels hidden, title card and legend, kiosk tour
};

// Highlights the new selection (and un-highlights the old one).
void select(AppState& app, Selection s);

// Moves the sun (light, sky, haze, window lights) to `time`.
void setTimeOfDay(AppState& app, const LocalTime& time);

}  // namespace jbt
