#pragma once
// What the panels, the picker and the camera share while the viewer runs.
#include "viewer/camera_control.h"
#include "scene/sun_lighting.h"
#include "twin/live_layers.h"
#include "twin/twin.h"

#include <functional>
#include "twin/scene_assembly.h"

namespace jbt {

struct Selection {
    int layer = -1, feature = -1;
    bool valid() const { return layer >= 0 && feature >= 0; }
};

struct AppState {
    explicit AppState(Twin& t)
        : twin(t), scene(t.scene()), live(&t.live()), timeline(t.timeline()), green(t.green()),
          importStatus(t.importStatus()), time(t.timeOfDay()) {}
    Twin& twin;
    SceneModel& scene;
    GuardedCameraManipulator* camera = nullptr;
    Selection selection;
    double frameMs = 0;  // smoothed
    osg::Camera* viewCamera = nullptr;
    bool presenting = false;  // presentation mode: panels hidden, title card and legend, kiosk tour
    std::vector<std::unique_ptr<LiveLayer>>* live;            // live event layers
    EventTimeline& timeline;                                  // history playback of the live events
    GreenSummary& green;
    const ImportStatus& importStatus;
    const LocalTime& time;                                    // of the sun
    std::function<bool(std::string& message)> saveProject;   // Ctrl+S
    std::function<void(const ImportOptions&)> import;        // the import dialog's "Import"
    std::function<void()> bookmarkThisView;                  // adds the current view as a bookmark
};

// Highlights the new selection (and un-highlights the old one).
void select(AppState& app, Selection s);

// Moves the sun (light, sky, haze, window lights) to `time`.
inline void setTimeOfDay(AppState& app, const LocalTime& time) { app.twin.setTimeOfDay(time); }

}  // namespace jbt
