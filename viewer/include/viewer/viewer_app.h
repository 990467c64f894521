#pragma once
// The running application: one osgViewer, the ImGui layer with its panels, the camera and the
// picker, shown in a window or rendered offscreen for --snapshot.
#include <osgViewer/Viewer>
#include <memory>
#include <optional>
#include <ostream>

#include "viewer/app_state.h"
#include "twin/project_file.h"
#include "viewer/imgui_layer.h"
#include "twin/offscreen_render.h"
#include "viewer/wall_layout.h"

namespace jbt {

// How an interactive session ended: quit, or open another project (or the same, moved).
struct SessionEnd {
    bool reopen = false;
    AppOptions next;           // the options of the session to open
    bool startsDirty = false;  // it differs from its file (restored autosave, moved centre)
};

class ViewerApp {
public:
    // The view options (window, size, view, tour, UI) come from twin.options().
    explicit ViewerApp(Twin& twin);
    ~ViewerApp();

    // Sets up the window (or, for snapshots, the offscreen context). Throws Error if no OpenGL
    // context can be had, or the start view or tour is unknown.
    void open();

    // Starts at a bookmark; throws Error listing the known names if there is none such.
    void setView(const std::string& name);
    const std::string& viewName() const { return viewName_; }

    // Starts a tour by id; atSeconds >= 0 holds it at that moment. Throws Error if unknown.
    void startTour(const std::string& id, double atSeconds);

    // Runs until the user quits or opens another project.
    SessionEnd runInteractive();
    // The next session starts with unsaved changes (a restored autosave).
    void setStartsDirty() { startsDirty_ = true; }
    // The session as a project file keeps it.
    ProjectState currentProject() const;
    // Renders, writes the PNG, prints the JSON line to `out` (problems go to the log). Returns
    // the process exit code.
    int runSnapshot(const std::string& pngPath, std::ostream& out);

    // Renders the tour frame by frame at a fixed rate into PNGs (and an MP4 when ffmpeg is
    // there), prints one line of JSON. Returns the process exit code.
    int runRecording(std::ostream& out);

    // Renders `frames` frames and returns the last one as an image (for tests); on a wall, the
    // assembled wall.
    osg::ref_ptr<osg::Image> renderImage(int frames = 3);
    const std::vector<WallTile>& wallTiles() const { return wallTiles_; }
    int gridEvents() const { return twin_.grid() ? twin_.grid()->total() : 0; }  // events the grid counts now
    const std::vector<std::unique_ptr<LiveLayer>>& liveLayers() const { return twin_.live(); }

    osgViewer::Viewer& viewer() { return *viewer_; }
    AppState& state() { return app_; }
    ImGuiLayer& imgui() { return imgui_; }

private:
    void keepWindow(AppOptions& next) const;
    // Ends the session to reopen it, everything kept, centred elsewhere and showing `view`
    // ("Go there" on a far layer, an oblique folder opened far away).
    void reopenCentredOn(GeoPoint centre, const std::string& view);
    void toggleFullscreen();
    void fitViewToLayout();
    void writeProbe();

    Twin& twin_;
    SceneModel& scene_;
    AppOptions& options_;  // the twin's: layers imported at run time are added to it (and saved)
    osg::ref_ptr<osgViewer::Viewer> viewer_;
    ImGuiLayer imgui_;
    AppState app_;
    ProjectSession session_;
    std::optional<SessionEnd> end_;
    bool startsDirty_ = false, fullscreen_ = false;
    long probeFrames_ = 0;
    int windowed_[4] = {40, 40, 1280, 720};
    osg::ref_ptr<GuardedCameraManipulator> camera_;
    osg::ref_ptr<FrameCapture> capture_;
    std::string viewName_;
    std::unique_ptr<WallLayout> wall_;
    std::vector<WallTile> wallTiles_;
    double firstFrameMs_ = -1;
};

}  // namespace jbt
