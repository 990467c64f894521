#include "twin/twin.h"

#include <algorithm>
#include <cmath>

#include "data_import/chinese_offsets.h"
#include "data_import/drape_style.h"
#include "data_import/grid_analysis.h"
#include "model/attribute_table.h"
#include "model/error.h"
#include "scene/shader_library.h"
#include "scene/sun_lighting.h"
#include "scene/sun_shadows.h"
#include "twin/imagery_layer.h"

namespace jbt {
namespace {

// The polygons of an areas file, or none (with the reason in `errors`).
LayerData importAreas(const std::string& path, const SceneFrame& frame, std::vector<std::string>& errors,
                      const std::string& consequence = "") {
    ImportOptions io;
    io.path = path;
    io.kind = LayerKind::Areas;
    try {
        return importLayer(io, frame);
    } catch (const Error& e) {
        errors.push_back(e.what() + consequence);
        return {};
    }
}

}  // namespace

Twin::Twin(const AppOptions& options) : options_(options), scene_(assembleScene(options)), time_(options.time) {
    live_ = openLiveLayers(options.eventSources, scene_.frame->origin(), scene_.terrain, *scene_.root, scene_.errors);
    for (auto& l : live_) l->timeline = &timeline_;
    for (const Bookmark& b : options_.userBookmarks) scene_.bookmarks.push_back(b);
    struct FinishImport : osg::NodeCallback {
        explicit FinishImport(Twin& twin) : twin(twin) {}
        void operator()(osg::Node* n, osg::NodeVisitor* nv) override {
            twin.finishImport();
            traverse(n, nv);
        }
        Twin& twin;
    };
    scene_.root->addUpdateCallback(new FinishImport(*this));
    bool anyGreen = std::any_of(scene_.layers.begin(), scene_.layers.end(), [](const SceneLayer& l) { return l.green; });
    if (options.gridCellM > 0 || !options.gridFile.empty() || anyGreen) setUpGrid();
    applyLayerDisplay(scene_, options.layerDisplay);  // the grid's layers too
    setTimeOfDay(options.time);
}

Twin::~Twin() = default;

void Twin::attachCamera(osg::Camera& camera) {
    camera_ = &camera;
    // The stencil too: classification (单体化) counts in it each frame from zero.
    camera.setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    try {
        SunShadowOptions so;
        so.mapSize = options_.shadowMapSize;
        so.depthProgram = loadProgram("shadow_depth");
        if (so.mapSize > 0) addSunShadows(*scene_.root, *scene_.buildings, camera, so);
    } catch (const Error& e) {
        scene_.errors.push_back(std::string(e.what()) + "; no shadows");
    }
    setTimeOfDay(time_);
}

void Twin::setTimeOfDay(const LocalTime& time) {
    time_ = time;
    GeoPoint o = scene_.frame->origin();
    // Clock times are China Standard Time in China and the solar time zone elsewhere.
    time_.utcOffsetHours = outsideChina(o.lon, o.lat) ? std::round(o.lon / 15.0) : 8.0;
    SunState sun = sunAt(o.lon, o.lat, time_);
    applySun(*scene_.root->getOrCreateStateSet(), sun);
    // The sky behind everything is the haze colour, so the horizon melts into it.
    if (camera_) camera_->setClearColor(osg::Vec4(sun.haze, 1.0f));
}

void Twin::setGraphics(const GraphicsSettings& g) {
    options_.graphics = g;
    applyGraphics(scene_, g);
}

void Twin::setUpGrid() {
    std::vector<Polygon> boundary;
    if (!options_.boundaryPath.empty())
        for (const Feature& f : importAreas(options_.boundaryPath, *scene_.frame, scene_.errors,
                                            "; the grid covers the whole scene instead").features)
            boundary.insert(boundary.end(), f.polygons.begin(), f.polygons.end());
    if (boundary.empty()) {
        const HeightGrid& t = scene_.terrain;
        boundary.push_back({{{t.originX, t.originY}, {t.maxX(), t.originY}, {t.maxX(), t.maxY()}, {t.originX, t.maxY()}}, {}});
    }
    // Without --grid, one cell: the whole district (for its green coverage).
    double cell = options_.gridCellM > 0 ? options_.gridCellM : 1e7;
    std::vector<GridCell> cells = makeGrid(boundary, cell);
    bool counting = options_.gridCellM > 0;
    if (!options_.gridFile.empty()) {  // the city's own cells
        std::vector<GridCell> own;
        for (const Feature& f : importAreas(options_.gridFile, *scene_.frame, scene_.errors).features) {
            const std::string* id = findAttribute(f.attributes, "grid_id");
            if (!id) id = findAttribute(f.attributes, "id");
            if (!id) id = findAttribute(f.attributes, "name");
            for (const Polygon& p : f.polygons)
                own.push_back({id ? *id : std::to_string(f.sourceFid), p, std::fabs(signedArea(p.outer))});
        }
        if (!own.empty()) {
            cells = std::move(own);
            counting = true;
        }
    }
    std::vector<Polygon> green;
    for (const SceneLayer& l : scene_.layers)
        if (l.green)
            for (const Feature& f : l.data.features) green.insert(green.end(), f.polygons.begin(), f.polygons.end());
    if (!green.empty()) {
        GreenCoverage cov = greenCoverage(cells, green);
        green_.known = true;
        green_.district = cov.district;
        green_.perCell.assign(cov.perCell.begin(), cov.perCell.end());
        if (counting) {  // the per-cell ratio as a map style, off until wanted
            SceneLayer ratio;
            ratio.data = gridLayer(cells, std::vector<int>(cells.size(), 0), cov);
            ratio.data.name = "网格绿化率 grid green ratio";
            ratio.style = defaultDrapeStyle(ratio.data, "green_ratio");
            ratio.visible = false;
            scene_.layers.push_back(std::move(ratio));
        }
    }
    if (!counting) return;
    gridCells_ = cells.size();
    grid_ = std::make_unique<GridChoropleth>(std::move(cells), *scene_.root, scene_.buildingProgram);
    grid_->update(live_, scene_.terrain, &timeline_);
    for (auto& l : live_) l->onUpdate = [this] { grid_->update(live_, scene_.terrain, &timeline_); };
}

std::string Twin::openOblique(const std::string& folder) {
    std::string why = addObliqueLayer(folder, scene_);
    if (why.empty()) options_.obliqueDirs.push_back(folder);
    return why;
}

ImportOptions* Twin::optionsOfLayer(std::size_t index) {
    if (index >= scene_.layers.size()) return nullptr;
    const LayerData& d = scene_.layers[index].data;
    for (ImportOptions& o : options_.layers)
        if (o.path == d.sourcePath && defaultLayerName(o) == d.name) return &o;
    return nullptr;
}

bool Twin::changeLevelOfDetail(std::size_t index, const std::string& lod) {
    ImportOptions* o = optionsOfLayer(index);
    if (!o || import_.status().running) return false;
    ImportOptions changed = *o;
    changed.levelOfDetail = lod;
    import_.start(changed, scene_.frame->origin(), index);
    return true;
}

std::string Twin::openTileset(const std::string& path) {
    std::string why = addTileset(path, scene_);
    if (why.empty()) options_.tilesets.push_back(path);
    return why;
}

std::string Twin::openImagery(const std::string& source, const std::string& offset) {
    std::string why = addImagery(source, offset, scene_);
    if (why.empty()) {
        options_.imagery = source;
        options_.imageryOffset = offset;
    }
    return why;
}

std::string Twin::placeModel(const ModelPlacement& placement) {
    std::string why = addPlacedModel(placement, scene_);
    if (why.empty()) options_.models.push_back(placement);
    return why;
}

void Twin::finishImport() {
    std::optional<LayerImport::Done> done = import_.take();
    if (!done) return;
    if (done->replaces) {
        if (ImportOptions* o = optionsOfLayer(*done->replaces)) o->levelOfDetail = done->options.levelOfDetail;
        replaceLayerData(scene_, *done->replaces, std::move(done->layer));
        return;
    }
    // Saved with the project, found again after a restart.
    options_.layers.push_back(done->options);
    if (done->far) {
        scene_.farLayers.push_back(std::move(*done->far));
        return;
    }
    addLayerToScene(scene_, std::move(done->layer), done->options.styleField.empty() ? options_.styleField : done->options.styleField);
}

}  // namespace jbt
