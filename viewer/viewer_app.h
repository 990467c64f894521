#pragma once
// The running application: one osgViewer, the ImGui layer with its panels, the camera and the
// picker, shown in a window or rendered offscreen for --snapshot.
#include <osgViewer/Viewer>
#include <memory>
#include <atomic>
#include <mutex>
#include <ostream>
#include <thread>

#include "viewer/app_state.h"
#include "viewer/imgui_layer.h"
#include "viewer/offscreen_render.h"
#include "viewer/wall_layout.h"

namespace jbt {

class ViewerApp {
public:
    ViewerApp(SceneModel& scene, const AppOptions& options);
    ~ViewerApp();

    // Sets up the window (or, for snapshots, the offscreen context). False with `error` if no
    // OpenGL context can be had.
    bool open(std::string& error);

    // Starts at a bookmark; false with the known names in `error` if there is none such.
    bool setView(const std::string& name, std::string& error);
    const std::string& viewName() const { return viewName_; }

    // Starts a tour by id; atSeconds >= 0 holds it at that moment. False with `error` if unknown.
    bool startTour(const std::string& id, double atSeconds, std::string& error);

    int runInteractive();
    // Renders, writes the PNG, prints the JSON line to `out`. Returns the process exit code.
    int runSnapshot(const std::string& pngPath, std::ostream& out, std::ostream& err);

    // Renders the tour frame by frame at a fixed rate into PNGs (and an MP4 when ffmpeg is
    // there), prints one line of JSON. Returns the process exit code.
    int runRecording(std::ostream& out, std::ostream& err);

    // Renders `frames` frames and returns the last one as an image (for tests); on a wall, the
    // assembled wall.
    osg::ref_ptr<osg::Image> renderImage(int frames = 3);
    const std::vector<WallTile>& wallTiles() const { return wallTiles_; }
    int gridEvents() const { return grid_ ? grid_->total() : 0; }  // events the grid counts now
    const std::vector<std::unique_ptr<LiveLayer>>& liveLayers() const { return live_; }

    osgViewer::Viewer& viewer() { return *viewer_; }
    AppState& state() { return app_; }
    ImGuiLayer& imgui() { return imgui_; }

private:
    void setUpGrid(SceneModel& scene);
    void startImport(const ImportOptions& options);
    void finishImports();  // on the update traversal: pending results join the scene

    struct PendingImport {
        std::mutex mutex;
        bool running = false, done = false;
        std::atomic<double> progress{0};
        ImportOptions options;
        ImportResult result;
        std::thread worker;
    };
    std::shared_ptr<PendingImport> import_;

    SceneModel& scene_;
    AppOptions options_;  // a copy: layers imported at run time are added to it (and saved)
    osg::ref_ptr<osgViewer::Viewer> viewer_;
    ImGuiLayer imgui_;
    AppState app_;
    osg::ref_ptr<GuardedCameraManipulator> camera_;
    osg::ref_ptr<FrameCapture> capture_;
    std::string viewName_;
    std::unique_ptr<WallLayout> wall_;
    std::vector<std::unique_ptr<LiveLayer>> live_;
    std::unique_ptr<GridChoropleth> grid_;
    std::size_t gridCells_ = 0;
    std::vector<WallTile> wallTiles_;
    double firstFrameMs_ = -1;
};

}  // namespace jbt
