#pragma once
// The digital twin without a window: the scene assembled from the options, live layers wired
// to the grid analytics, green coverage, the sun, and imports running in the background. The
// viewer puts a window, a camera and panels around it; benchmarks and command-line tools use
// it as it is.
#include <osg/Camera>
#include <memory>
#include <string>
#include <vector>

#include "twin/app_options.h"
#include "twin/layer_import.h"
#include "twin/live_layers.h"
#include "twin/scene_assembly.h"

namespace jbt {

// Green space over the district and per grid cell (known when a green layer is loaded).
struct GreenSummary {
    bool known = false;
    double district = 0;         // share of the district that is green, 0…1
    std::vector<float> perCell;  // per grid cell, for the histogram
};

class Twin {
public:
    // Assembles the scene; layers that cannot be loaded are listed in scene().errors.
    explicit Twin(const AppOptions& options);
    ~Twin();
    Twin(const Twin&) = delete;
    Twin& operator=(const Twin&) = delete;

    SceneModel& scene() { return scene_; }
    // The options as the session stands: layers imported since start are added (and saved).
    AppOptions& options() { return options_; }
    std::vector<std::unique_ptr<LiveLayer>>& live() { return live_; }
    EventTimeline& timeline() { return timeline_; }
    GreenSummary& green() { return green_; }
    const GridChoropleth* grid() const { return grid_.get(); }
    GridChoropleth* grid() { return grid_.get(); }
    std::size_t gridCells() const { return gridCells_; }

    // Shadows from the sun on what `camera` sees, and its clear colour as the sky's haze.
    void attachCamera(osg::Camera& camera);
    // Moves the sun (light, sky, haze, window lights) to `time`.
    void setTimeOfDay(const LocalTime& time);
    const LocalTime& timeOfDay() const { return time_; }
    // Sky, fog and the terrain's fading edges now; anti-aliasing with the next window.
    void setGraphics(const GraphicsSettings& graphics);
    const GraphicsSettings& graphics() const { return options_.graphics; }

    // Imports on a worker thread; the layer joins the scene (and the options) on the next
    // update traversal.
    void startImport(const ImportOptions& options) { import_.start(options, scene_.frame->origin()); }
    const ImportStatus& importStatus() const { return import_.status(); }
    // A city-model layer read again in another level of detail ("" the highest), on the worker;
    // false while another import runs or when the layer is not one the options hold.
    bool changeLevelOfDetail(std::size_t layerIndex, const std::string& lod);
    // An oblique-photography folder joins the scene now (its levels page in as the camera
    // comes); kept in the options for saving. Returns "" or why not.
    std::string openOblique(const std::string& folder);
    // A 3D Tiles tileset streamed from now on (the import dialog), kept in the options; "" or why not.
    std::string openTileset(const std::string& path);
    // Imagery on the terrain instead of any before (offset "": guessed from the source); "" or why not.
    std::string openImagery(const std::string& source, const std::string& offset);
    // A model placed now (the import dialog), kept in the options (and so the project); "" or why not.
    std::string placeModel(const ModelPlacement& placement);

private:
    void setUpGrid();
    void finishImport();
    ImportOptions* optionsOfLayer(std::size_t sceneLayerIndex);  // the options it was read with

    AppOptions options_;
    SceneModel scene_;
    std::vector<std::unique_ptr<LiveLayer>> live_;
    EventTimeline timeline_;
    GreenSummary green_;
    std::unique_ptr<GridChoropleth> grid_;
    std::size_t gridCells_ = 0;
    LocalTime time_;
    osg::ref_ptr<osg::Camera> camera_;
    LayerImport import_;
};

}  // namespace jbt
