#include "viewer/viewer_app.h"

#include <osgDB/WriteFile>
#include <osgViewer/ViewerEventHandlers>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <cmath>

#include "data_import/chinese_offsets.h"
#include <cstdlib>

#include "scene/screen_notice.h"
#include "scene/shader_library.h"
#include "scene/sun_shadows.h"
#include "viewer/cjk_font.h"
#include "data_import/attribute_table.h"
#include "data_import/grid_analysis.h"
#include "viewer/clearance_map.h"
#include "viewer/i18n.h"
#include "viewer/project_file.h"
#include "viewer/panels/panels.h"
#include "viewer/picking_handler.h"
#include "viewer/snapshot_report.h"
#include "viewer/tour_player.h"

namespace jbt {

void setTimeOfDay(AppState& app, const LocalTime& time) {
    app.time = time;
    GeoPoint o = app.scene.frame->origin();
    // Clock times are China Standard Time in China and the solar time zone elsewhere.
    app.time.utcOffsetHours = outsideChina(o.lon, o.lat) ? std::round(o.lon / 15.0) : 8.0;
    SunState sun = sunAt(o.lon, o.lat, app.time);
    applySun(*app.scene.root->getOrCreateStateSet(), sun);
    // The sky behind everything is the haze colour, so the horizon melts into it.
    if (app.viewCamera) app.viewCamera->setClearColor(osg::Vec4(sun.haze, 1.0f));
}

ViewerApp::ViewerApp(SceneModel& scene, const AppOptions& options)
    : scene_(scene), options_(options), viewer_(new osgViewer::Viewer), app_{scene, nullptr, {}, 0} {
    // ImGui draws in the camera callback and reads shared state: one thread only.
    viewer_->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer_->setSceneData(scene.root);
    app_.viewCamera = viewer_->getCamera();
    live_ = openLiveLayers(options.eventSources, scene.frame->origin(), scene.terrain, *scene.root, scene.errors);
    app_.live = &live_;
    for (auto& l : live_) l->timeline = &app_.timeline;
    app_.import = [this](const ImportOptions& o) { startImport(o); };
    for (const Bookmark& b : options_.userBookmarks) scene.bookmarks.push_back(b);
    app_.bookmarkThisView = [this] {
        CameraPose p;
        if (!camera_->currentPose(p)) return;
        osg::Vec3d look = p.center - p.eye;
        Bookmark b;
        int n = int(options_.userBookmarks.size()) + 1;
        b.id = "user:" + std::to_string(n);
        b.nameZh = "我的视点 " + std::to_string(n);
        b.nameEn = "My view " + std::to_string(n);
        b.target = scene_.frame->toWgs84({p.center.x(), p.center.y()});
        b.rangeM = look.length();
        b.headingDeg = osg::RadiansToDegrees(std::atan2(look.x(), look.y()));
        b.pitchDeg = osg::RadiansToDegrees(std::asin(std::clamp(-look.z() / std::max(1e-9, b.rangeM), -1.0, 1.0)));
        options_.userBookmarks.push_back(b);
        scene_.bookmarks.push_back(b);
    };
    struct FinishImports : osg::NodeCallback {
        explicit FinishImports(ViewerApp& app) : app(app) {}
        void operator()(osg::Node* n, osg::NodeVisitor* nv) override {
            app.finishImports();
            traverse(n, nv);
        }
        ViewerApp& app;
    };
    scene.root->addUpdateCallback(new FinishImports(*this));
    bool anyGreen = std::any_of(scene.layers.begin(), scene.layers.end(), [](const SceneLayer& l) { return l.green; });
    if (options.gridCellM > 0 || !options.gridFile.empty() || anyGreen) setUpGrid(scene);
    app_.saveProject = [this](std::string& message) {
        ProjectState p;
        p.options = options_;
        p.options.time = app_.time;
        p.options.language = uiLanguage() == UiLanguage::Chinese ? "zh" : uiLanguage() == UiLanguage::English ? "en" : "both";
        p.options.uiScale = imgui_.scale();
        p.options.highContrast = imgui_.theme() == ImGuiLayer::Theme::HighContrast;
        p.hasCamera = camera_->currentPose(p.camera);
        std::string path = options_.projectPath.empty() ? "jiangbei-project.json" : options_.projectPath;
        if (!saveProject(path, p, message)) return false;
        message = path + ": saved";
        return true;
    };
    try {
        SunShadowOptions so;
        so.mapSize = options.shadowMapSize;
        so.depthProgram = loadProgram("shadow_depth");
        if (so.mapSize > 0) addSunShadows(*scene.root, *scene.buildings, *viewer_->getCamera(), so);
    } catch (const std::exception& e) {
        scene.errors.push_back(std::string(e.what()) + "; no shadows");
    }
    setTimeOfDay(app_, options.time);

    for (const Place& p : scene.places) imgui_.addGlyphText(p.nameZh + p.description);
    for (const Bookmark& b : scene.bookmarks) imgui_.addGlyphText(b.nameZh);
    for (const Tour& t : scene.tours) {
        imgui_.addGlyphText(t.nameZh);
        for (const TourStop& s : t.stops) imgui_.addGlyphText(s.captionZh);
    }
    imgui_.addGlyphText("●实时事件城市管理矛盾纠纷安全隐患路平工程环境卫生上报派遣处置中已办结未连接等待秒前");
    imgui_.addGlyphText("我的视点保存当前一网统管按状态类别办结率用时中位数目标导入数据检查文件路径驱动字段类型建筑面线点高度样式偏移源坐标系正在完成跳过自动无绿化覆盖率花满街绿满城网格分布回放时间轴窗口小时倍速项目保存建筑高度重庆市数字演示模式界面缩放高对比度主题放大缩小");
    imgui_.addGlyphText("导览播放继续暂停停止光照时间日期白天黄昏夜晚太阳高度方位月日视图隐藏面板语言中文孪生跳过层数默认回到起点"
                        "生成的非测绘数据字段与地形");
    for (const SceneLayer& l : scene.layers) imgui_.addGlyphText(l.data.name);
    imgui_.addGlyphText("搜索地名没有找到");
    imgui_.addGlyphText("演示数据江北区图层属性视点性能帧时间三角形图块导入构建不透明度来源坐标系读取修复默认高度消息要素底部清除点击建筑查看环绕飞行空格");

    imgui_.addOverlay(makeDemoBanner(app_, imgui_));
    imgui_.addOverlay(makeTourCaption(app_));
    imgui_.addOverlay(makePresentationOverlay(app_));
    imgui_.addOverlay(makeMenuBar(app_, imgui_));
    imgui_.addPanel(makeLayersPanel(app_));
    imgui_.addPanel(makeInspectorPanel(app_));
    imgui_.addPanel(makeBookmarksPanel(app_));
    imgui_.addPanel(makePerformancePanel(app_));
    imgui_.addPanel(makeSearchPanel(app_));
    imgui_.addPanel(makeToursPanel(app_));
    imgui_.addPanel(makeSunPanel(app_));
    imgui_.addPanel(makeLivePanel(app_));
    imgui_.addPanel(makeTimelinePanel(app_));
    imgui_.addPanel(makeGreenPanel(app_));
    imgui_.addPanel(makeImportPanel(app_));
    imgui_.addPanel(makeDashboardPanel(app_));
    imgui_.setPanelsVisible(!options.hideUi && !options.present);
    imgui_.setScale(options.uiScale);
    if (options.highContrast) imgui_.setTheme(ImGuiLayer::Theme::HighContrast);
    app_.presenting = options.present;
    setUiLanguage(options.language == "zh" ? UiLanguage::Chinese : options.language == "en" ? UiLanguage::English : UiLanguage::Both);

    camera_ = new GuardedCameraManipulator([this](const osgGA::GUIEventAdapter& ea) { return imgui_.wantsEvent(ea); });
    app_.camera = camera_.get();
    std::vector<const LayerData*> buildings;
    for (const SceneLayer& l : scene.layers)
        if (l.buildings()) buildings.push_back(&l.data);
    auto clearance = std::make_shared<ClearanceMap>(scene.terrain, buildings);
    camera_->setClearance([clearance](double x, double y) { return clearance->minimumEyeHeight(x, y); });
    viewName_ = scene.showsDemoData ? "overview" : "all";
}

void ViewerApp::setUpGrid(SceneModel& scene) {
    std::vector<Polygon> boundary;
    if (!options_.boundaryPath.empty()) {
        ImportOptions io;
        io.path = options_.boundaryPath;
        io.kind = FeatureKind::Areas;
        ImportResult r = importLayer(io, *scene.frame);
        if (!r.ok) scene.errors.push_back(r.error + "; the grid covers the whole scene instead");
        for (const Feature& f : r.layer.features) boundary.insert(boundary.end(), f.polygons.begin(), f.polygons.end());
    }
    if (boundary.empty()) {
        const HeightGrid& t = scene.terrain;
        boundary.push_back({{{t.originX, t.originY}, {t.maxX(), t.originY}, {t.maxX(), t.maxY()}, {t.originX, t.maxY()}}, {}});
    }
    // Without --grid, one cell: the whole district (for its green coverage).
    double cell = options_.gridCellM > 0 ? options_.gridCellM : 1e7;
    std::vector<GridCell> cells = makeGrid(boundary, cell);
    bool counting = options_.gridCellM > 0;
    if (!options_.gridFile.empty()) {  // the city's own cells
        ImportOptions io;
        io.path = options_.gridFile;
        io.kind = FeatureKind::Areas;
        ImportResult r = importLayer(io, *scene.frame);
        if (!r.ok) scene.errors.push_back(r.error);
        std::vector<GridCell> own;
        for (const Feature& f : r.layer.features) {
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
    for (const SceneLayer& l : scene.layers)
        if (l.green)
            for (const Feature& f : l.data.features) green.insert(green.end(), f.polygons.begin(), f.polygons.end());
    if (!green.empty()) {
        GreenCoverage cov = greenCoverage(cells, green);
        app_.green.known = true;
        app_.green.district = cov.district;
        app_.green.perCell.assign(cov.perCell.begin(), cov.perCell.end());
        if (counting) {  // the per-cell ratio as a map style, off until wanted
            SceneLayer ratio;
            ratio.data = gridLayer(cells, std::vector<int>(cells.size(), 0), cov);
            ratio.data.name = "网格绿化率 grid green ratio";
            ratio.style = defaultDrapeStyle(ratio.data, "green_ratio");
            ratio.visible = false;
            scene.layers.push_back(std::move(ratio));
        }
    }
    if (!counting) return;
    gridCells_ = cells.size();
    osg::ref_ptr<osg::Program> program;
    try {
        program = loadProgram("buildings", {"sun_shadow.frag"});
    } catch (const std::exception& e) {
        scene.errors.push_back(e.what());
    }
    grid_ = std::make_unique<GridChoropleth>(std::move(cells), *scene.root, program);
    grid_->update(live_, scene.terrain, &app_.timeline);
    for (auto& l : live_) l->onUpdate = [this] { grid_->update(live_, scene_.terrain, &app_.timeline); };
}

ViewerApp::~ViewerApp() {
    if (import_ && import_->worker.joinable()) import_->worker.join();
}

// The import runs on its own thread (GDAL/PROJ only, no scene graph); finishImports() brings
// the result into the scene on the update traversal.
void ViewerApp::startImport(const ImportOptions& options) {
    if (import_ && import_->running) return;
    if (import_ && import_->worker.joinable()) import_->worker.join();
    auto job = std::make_shared<PendingImport>();
    job->running = true;
    job->options = options;
    GeoPoint origin = scene_.frame->origin();
    job->worker = std::thread([job, origin] {
        SceneFrame frame(origin);  // PROJ objects are per thread
        ImportOptions o = job->options;
        o.progress = [job](double p) { job->progress = p; };
        ImportResult r = importLayer(o, frame);
        std::lock_guard<std::mutex> lock(job->mutex);
        job->result = std::move(r);
        job->done = true;
    });
    import_ = job;
    app_.importStatus = {true, 0.0, ""};
}

void ViewerApp::finishImports() {
    if (!import_) return;
    app_.importStatus.progress = import_->progress;
    std::lock_guard<std::mutex> lock(import_->mutex);
    if (!import_->done || !import_->running) return;
    import_->running = false;
    app_.importStatus.running = false;
    ImportResult& r = import_->result;
    if (!r.ok) {
        app_.importStatus.message = r.error;
        return;
    }
    const ImportReport& rep = r.layer.report;
    app_.importStatus.message = import_->options.path + ": " + std::to_string(rep.featuresImported) + " imported, " +
                                std::to_string(rep.skippedTotal()) + " skipped";
    options_.layers.push_back(import_->options);  // saved with the project, found again after a restart
    options_.layers.back().progress = nullptr;
    addLayerToScene(scene_, std::move(r.layer), import_->options.styleField.empty() ? options_.styleField : import_->options.styleField);
}

bool ViewerApp::open(std::string& error) {
    osg::Camera* cam = viewer_->getCamera();
    if (!offscreen(options_) && !std::getenv("DISPLAY")) {
        error = "no X display (DISPLAY is unset): use --snapshot OUT.png under xvfb-run, as scripts/run.sh does";
        return false;
    }
    if (!options_.wallPath.empty()) {
        try {
            wall_ = std::make_unique<WallLayout>(loadWallLayout(options_.wallPath));
        } catch (const std::exception& e) {
            error = e.what();
            return false;
        }
        // The panels stay on the operator's own window, never across the wall.
        if (!offscreen(options_) && wall_->operatorScreen >= 0)
            viewer_->setUpViewInWindow(40, 40, 960, std::max(120, 960 * wall_->canvasHeight() / wall_->canvasWidth()),
                                       unsigned(wall_->operatorScreen));
        if (!setUpWall(*viewer_, *wall_, offscreen(options_), kFieldOfViewDeg, wallTiles_, error)) return false;
        if (scene_.showsDemoData) {  // the ImGui banner stays on the operator's window: each display says it too
            std::string hint;
            scene_.root->addChild(buildScreenNotice("演示数据 / demo data", findCjkFont(hint), 18.f * options_.uiScale));
        }
    } else if (offscreen(options_)) {
        osg::ref_ptr<osg::GraphicsContext> gc = createOffscreenContext(options_.width, options_.height, error);
        if (!gc) return false;
        useOffscreenContext(*viewer_, gc.get(), options_.width, options_.height);
        capture_ = new FrameCapture;
        cam->setFinalDrawCallback(capture_.get());
    } else if (options_.fullscreen) {
        viewer_->setUpViewOnSingleScreen(unsigned(options_.screen));
    } else {
        viewer_->setUpViewInWindow(40, 40, options_.width, options_.height, unsigned(options_.screen));
    }
    if (!wall_) {
        const osg::Viewport* vp = cam->getViewport();
        double aspect = vp && vp->height() > 0 ? vp->width() / vp->height() : double(options_.width) / options_.height;
        cam->setProjectionMatrixAsPerspective(kFieldOfViewDeg, aspect, 1.0, 100000.0);
    }
    viewer_->addEventHandler(imgui_.install(*cam));
    viewer_->addEventHandler(new PickingHandler(app_, imgui_));
    viewer_->addEventHandler(new osgViewer::StatsHandler);
    viewer_->setCameraManipulator(camera_.get(), false);
    viewer_->realize();
    if (!viewer_->isRealized()) {
        error = "the viewer window could not be opened";
        return false;
    }
    if (!setView(options_.view.empty() ? viewName_ : options_.view, error)) return false;
    if (options_.startCamera.size() == 6 && options_.view.empty()) {  // where the project was saved
        const auto& c = options_.startCamera;
        CameraPose pose{osg::Vec3d(c[0], c[1], c[2]), osg::Vec3d(c[3], c[4], c[5])};
        camera_->setHomePosition(pose.eye, pose.center, pose.up);
        camera_->jumpTo(pose);
    }
    camera_->setIdleResumeSeconds(options_.present ? options_.kioskIdleSeconds : 0);
    return options_.tour.empty() || startTour(options_.tour, options_.tourTime, error);
}

bool ViewerApp::startTour(const std::string& id, double atSeconds, std::string& error) {
    auto it = std::find_if(scene_.tours.begin(), scene_.tours.end(), [&](const Tour& t) { return t.id == id; });
    if (it == scene_.tours.end()) {
        error = "--tour: no tour named '" + id + "'; known:";
        for (const Tour& t : scene_.tours) error += " " + t.id;
        return false;
    }
    CameraPose here;
    camera_->currentPose(here);
    Tour tour = *it;
    if (app_.presenting) tour.loop = true;  // a kiosk goes round and round
    auto player = makeTourPlayer(scene_, tour, here, error);
    if (!player) return false;
    camera_->playTour(player);
    if (atSeconds >= 0) {
        // A fixed moment (snapshots, recordings): hold the tour there.
        camera_->seekTour(atSeconds);
        camera_->setTourPaused(true);
    }
    return true;
}

bool ViewerApp::setView(const std::string& name, std::string& error) {
    const Bookmark* b = findBookmark(scene_, name);
    if (!b) {
        error = "--view: no bookmark named '" + name + "'; known:";
        for (const Bookmark& k : scene_.bookmarks) error += " " + k.id;
        return false;
    }
    viewName_ = b->id;
    CameraPose pose = poseForBookmark(*b, *scene_.frame, &scene_.terrain);
    camera_->setHomePosition(pose.eye, pose.center, pose.up);
    camera_->jumpTo(pose);
    return true;
}

int ViewerApp::runInteractive() {
    while (!viewer_->done()) viewer_->frame();
    return 0;
}

osg::ref_ptr<osg::Image> ViewerApp::renderImage(int frames) {
    for (int i = 0; i < frames; ++i) {
        if (i == frames - 1 && capture_) capture_->arm();
        if (i == frames - 1)
            for (WallTile& t : wallTiles_)
                if (t.capture) t.capture->arm();
        auto t0 = std::chrono::steady_clock::now();
        viewer_->frame();
        if (firstFrameMs_ < 0)
            firstFrameMs_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    if (wall_) return assembleWall(*wall_, wallTiles_);
    return capture_ ? capture_->image() : nullptr;
}

int ViewerApp::runRecording(std::ostream& out, std::ostream& err) {
    const TourPlayer* tour = camera_->tour();
    if (!tour) {
        err << "jiangbei-twin: --record: no tour is playing\n";
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(options_.recordDir, ec);
    if (ec) {
        err << "jiangbei-twin: " << options_.recordDir << ": cannot create the folder (" << ec.message() << ")\n";
        return 3;
    }
    double seconds = options_.recordSeconds > 0 ? options_.recordSeconds : tour->duration();
    int frames = std::max(1, int(std::lround(seconds * options_.fps)));
    camera_->setTourPaused(true);
    camera_->seekTour(0);
    renderImage(2);  // ImGui sizes its windows on the first frames
    for (int i = 0; i < frames; ++i) {
        // Time comes from the frame number, never the clock: the same tour gives the same frames.
        camera_->seekTour(i / options_.fps);
        osg::ref_ptr<osg::Image> image = renderImage(1);
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", i + 1);
        std::string path = (std::filesystem::path(options_.recordDir) / name).string();
        if (!image || !osgDB::writeImageFile(*image, path)) {
            err << "jiangbei-twin: " << path << ": cannot write the frame\n";
            return 3;
        }
    }
    std::string mp4;
    if (std::system("command -v ffmpeg >/dev/null 2>&1") == 0) {
        mp4 = (std::filesystem::path(options_.recordDir) / "tour.mp4").string();
        std::string cmd = "ffmpeg -loglevel error -y -framerate " + std::to_string(options_.fps) + " -i '" + options_.recordDir +
                          "/frame_%05d.png' -c:v libx264 -pix_fmt yuv420p '" + mp4 + "'";
        if (std::system(cmd.c_str()) != 0) {
            err << "jiangbei-twin: ffmpeg could not encode " << mp4 << "; the PNG frames are there\n";
            mp4.clear();
        }
    } else {
        err << "jiangbei-twin: ffmpeg is not installed (apt-get install ffmpeg): PNG frames only\n";
    }
    nlohmann::json j = {{"record", options_.recordDir}, {"frames", frames}, {"fps", options_.fps},
                        {"size", {options_.width, options_.height}}, {"tour", tour->tour().id}};
    j["mp4"] = mp4.empty() ? nlohmann::json() : nlohmann::json(mp4);
    out << j.dump() << std::endl;
    return 0;
}

int ViewerApp::runSnapshot(const std::string& pngPath, std::ostream& out, std::ostream& err) {
    waitForFirstData(live_, 5.0);  // a snapshot shows the feeds as they are, not before they answer
    // ImGui sizes auto-fitting windows on their second frame; the third is the one kept.
    osg::ref_ptr<osg::Image> image = renderImage(3);
    if (!image || !image->data()) {
        err << "jiangbei-twin: " << pngPath << ": nothing was rendered\n";
        return 3;
    }
    if (!osgDB::writeImageFile(*image, pngPath)) {
        err << "jiangbei-twin: " << pngPath << ": cannot write the PNG (directory missing or not writable?)\n";
        return 3;
    }
    SnapshotTimings t{firstFrameMs_, lastFrameDrawCalls(*viewer_)};
    nlohmann::json report = snapshotReport(scene_, pngPath, image->s(), image->t(), viewName_, t);
    nlohmann::json live = nlohmann::json::array();
    for (const auto& l : live_) {
        LiveStatus st = l->source->status();
        live.push_back({{"source", l->source->name()}, {"state", liveStateName(st.state)}, {"reason", st.reason},
                        {"events", l->events ? l->events->byId.size() : 0}});
    }
    report["live"] = live;
    if (grid_) report["grid"] = {{"cells", gridCells_}, {"events", grid_->total()}, {"cell_m", options_.gridCellM}};
    if (app_.green.known) report["green"] = {{"district_ratio", app_.green.district}};
    if (wall_) {
        // Each display's own picture beside the whole wall: OUT_r0c1.png …
        nlohmann::json tiles = nlohmann::json::array();
        std::filesystem::path base(pngPath);
        for (const WallTile& tile : wallTiles_) {
            std::string path = (base.parent_path() / (base.stem().string() + "_r" + std::to_string(tile.row) + "c" +
                                                      std::to_string(tile.col) + ".png")).string();
            if (!tile.capture || !tile.capture->image() || !osgDB::writeImageFile(*tile.capture->image(), path)) {
                err << "jiangbei-twin: " << path << ": cannot write the tile\n";
                return 3;
            }
            tiles.push_back({{"row", tile.row}, {"col", tile.col}, {"png", path}});
        }
        report["wall"] = {{"columns", wall_->columns}, {"rows", wall_->rows}, {"tile", {wall_->tileWidth, wall_->tileHeight}},
                          {"bezel", {wall_->bezelX, wall_->bezelY}}, {"tiles", tiles}};
    }
    out << report.dump() << std::endl;
    return scene_.errors.empty() ? 0 : 1;
}

}  // namespace jbt
