#include "viewer/viewer_app.h"

#include <osgDB/WriteFile>
#include <osgViewer/ViewerEventHandlers>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "model/error.h"
#include "model/log.h"
#include "scene/cjk_font.h"
#include "scene/screen_notice.h"
#include "twin/clearance_map.h"
#include "twin/project_file.h"
#include "twin/snapshot_report.h"
#include "twin/subprocess.h"
#include "twin/tour_player.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"
#include "viewer/picking_handler.h"

namespace jbt {

ViewerApp::ViewerApp(Twin& twin)
    : twin_(twin), scene_(twin.scene()), options_(twin.options()), viewer_(new osgViewer::Viewer), app_(twin) {
    // ImGui draws in the camera callback and reads shared state: one thread only.
    viewer_->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer_->setSceneData(scene_.root);
    app_.viewCamera = viewer_->getCamera();
    app_.import = [this](const ImportOptions& o) { twin_.startImport(o); };
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
    app_.saveProject = [this](std::string& message) {
        ProjectState p;
        p.options = options_;
        p.options.time = twin_.timeOfDay();
        p.options.language = uiLanguage() == UiLanguage::Chinese ? "zh" : uiLanguage() == UiLanguage::English ? "en" : "both";
        p.options.uiScale = imgui_.scale();
        p.options.highContrast = imgui_.theme() == ImGuiLayer::Theme::HighContrast;
        p.hasCamera = camera_->currentPose(p.camera);
        std::string path = options_.projectPath.empty() ? "jiangbei-project.json" : options_.projectPath;
        try {
            saveProject(path, p);
        } catch (const Error& e) {
            message = e.what();
            return false;
        }
        message = path + ": saved";
        return true;
    };
    twin_.attachCamera(*viewer_->getCamera());
    // The names the panels list from the start: their glyphs go into the first font atlas.
    for (const Place& p : scene_.places) uiText(p.nameZh + p.description);
    for (const Bookmark& b : scene_.bookmarks) uiText(b.nameZh);
    for (const Tour& t : scene_.tours) {
        uiText(t.nameZh);
        for (const TourStop& stop : t.stops) uiText(stop.captionZh);
    }
    for (const SceneLayer& l : scene_.layers) uiText(l.data.name);

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
    imgui_.setPanelsVisible(!options_.hideUi && !options_.present);
    imgui_.setScale(options_.uiScale);
    if (options_.highContrast) imgui_.setTheme(ImGuiLayer::Theme::HighContrast);
    app_.presenting = options_.present;
    setUiLanguage(options_.language == "zh" ? UiLanguage::Chinese : options_.language == "en" ? UiLanguage::English : UiLanguage::Both);

    camera_ = new GuardedCameraManipulator([this](const osgGA::GUIEventAdapter& ea) { return imgui_.wantsEvent(ea); });
    app_.camera = camera_.get();
    std::vector<const LayerData*> buildings;
    for (const SceneLayer& l : scene_.layers)
        if (l.buildings()) buildings.push_back(&l.data);
    auto clearance = std::make_shared<ClearanceMap>(scene_.terrain, buildings);
    camera_->setClearance([clearance](double x, double y) { return clearance->minimumEyeHeight(x, y); });
    viewName_ = scene_.showsDemoData ? "overview" : "all";
}

ViewerApp::~ViewerApp() = default;

void ViewerApp::open() {
    osg::Camera* cam = viewer_->getCamera();
    if (!offscreen(options_) && !std::getenv("DISPLAY"))
        throw Error("no X display (DISPLAY is unset): use --snapshot OUT.png under xvfb-run, as scripts/run.sh does");
    if (!options_.wallPath.empty()) {
        wall_ = std::make_unique<WallLayout>(loadWallLayout(options_.wallPath));
        // The panels stay on the operator's own window, never across the wall.
        if (!offscreen(options_) && wall_->operatorScreen >= 0)
            viewer_->setUpViewInWindow(40, 40, 960, std::max(120, 960 * wall_->canvasHeight() / wall_->canvasWidth()),
                                       unsigned(wall_->operatorScreen));
        setUpWall(*viewer_, *wall_, offscreen(options_), kFieldOfViewDeg, wallTiles_);
        if (scene_.showsDemoData) {  // the ImGui banner stays on the operator's window: each display says it too
            std::string hint;
            scene_.root->addChild(buildScreenNotice("演示数据 / demo data", findCjkFont(hint), 18.f * options_.uiScale));
        }
    } else if (offscreen(options_)) {
        osg::ref_ptr<osg::GraphicsContext> gc = createOffscreenContext(options_.width, options_.height);
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
    if (!viewer_->isRealized()) throw Error("the viewer window could not be opened");
    setView(options_.view.empty() ? viewName_ : options_.view);
    if (options_.startCamera.size() == 6 && options_.view.empty()) {  // where the project was saved
        const auto& c = options_.startCamera;
        CameraPose pose{osg::Vec3d(c[0], c[1], c[2]), osg::Vec3d(c[3], c[4], c[5])};
        camera_->setHomePosition(pose.eye, pose.center, pose.up);
        camera_->jumpTo(pose);
    }
    camera_->setIdleResumeSeconds(options_.present ? options_.kioskIdleSeconds : 0);
    if (!options_.tour.empty()) startTour(options_.tour, options_.tourTime);
}

void ViewerApp::startTour(const std::string& id, double atSeconds) {
    auto it = std::find_if(scene_.tours.begin(), scene_.tours.end(), [&](const Tour& t) { return t.id == id; });
    if (it == scene_.tours.end()) {
        std::string error = "--tour: no tour named '" + id + "'; known:";
        for (const Tour& t : scene_.tours) error += " " + t.id;
        throw Error(error);
    }
    CameraPose here;
    camera_->currentPose(here);
    Tour tour = *it;
    if (app_.presenting) tour.loop = true;  // a kiosk goes round and round
    camera_->playTour(makeTourPlayer(scene_, tour, here));
    if (atSeconds >= 0) {
        // A fixed moment (snapshots, recordings): hold the tour there.
        camera_->seekTour(atSeconds);
        camera_->setTourPaused(true);
    }
}

void ViewerApp::setView(const std::string& name) {
    const Bookmark* b = findBookmark(scene_, name);
    if (!b) {
        std::string error = "--view: no bookmark named '" + name + "'; known:";
        for (const Bookmark& k : scene_.bookmarks) error += " " + k.id;
        throw Error(error);
    }
    viewName_ = b->id;
    CameraPose pose = poseForBookmark(*b, *scene_.frame, &scene_.terrain);
    camera_->setHomePosition(pose.eye, pose.center, pose.up);
    camera_->jumpTo(pose);
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

int ViewerApp::runRecording(std::ostream& out) {
    const TourPlayer* tour = camera_->tour();
    if (!tour) {
        spdlog::error("--record: no tour is playing");
        return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(options_.recordDir, ec);
    if (ec) {
        spdlog::error(options_.recordDir + ": cannot create the folder (" + ec.message() + ")");
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
            spdlog::error(path + ": cannot write the frame");
            return 3;
        }
    }
    std::string mp4;
    if (programOnPath("ffmpeg")) {
        mp4 = (std::filesystem::path(options_.recordDir) / "tour.mp4").string();
        std::string frames = (std::filesystem::path(options_.recordDir) / "frame_%05d.png").string();
        if (runProgram({"ffmpeg", "-loglevel", "error", "-y", "-framerate", std::to_string(options_.fps), "-i", frames,
                        "-c:v", "libx264", "-pix_fmt", "yuv420p", mp4}) != 0) {
            spdlog::error("ffmpeg could not encode " + mp4 + "; the PNG frames are there");
            mp4.clear();
        }
    } else {
        spdlog::warn("ffmpeg is not installed (apt-get install ffmpeg): PNG frames only");
    }
    nlohmann::json j = {{"record", options_.recordDir}, {"frames", frames}, {"fps", options_.fps},
                        {"size", {options_.width, options_.height}}, {"tour", tour->tour().id}};
    j["mp4"] = mp4.empty() ? nlohmann::json() : nlohmann::json(mp4);
    out << j.dump() << std::endl;
    return 0;
}

int ViewerApp::runSnapshot(const std::string& pngPath, std::ostream& out) {
    waitForFirstData(twin_.live(), 5.0);  // a snapshot shows the feeds as they are, not before they answer
    // ImGui sizes auto-fitting windows on their second frame; the third is the one kept.
    osg::ref_ptr<osg::Image> image = renderImage(3);
    if (!image || !image->data()) {
        spdlog::error(pngPath + ": nothing was rendered");
        return 3;
    }
    if (!osgDB::writeImageFile(*image, pngPath)) {
        spdlog::error(pngPath + ": cannot write the PNG (directory missing or not writable?)");
        return 3;
    }
    SnapshotTimings t{firstFrameMs_, lastFrameDrawCalls(*viewer_)};
    nlohmann::json report = snapshotReport(twin_, pngPath, image->s(), image->t(), viewName_, t);
    if (wall_) {
        // Each display's own picture beside the whole wall: OUT_r0c1.png …
        nlohmann::json tiles = nlohmann::json::array();
        std::filesystem::path base(pngPath);
        for (const WallTile& tile : wallTiles_) {
            std::string path = (base.parent_path() / (base.stem().string() + "_r" + std::to_string(tile.row) + "c" +
                                                      std::to_string(tile.col) + ".png")).string();
            if (!tile.capture || !tile.capture->image() || !osgDB::writeImageFile(*tile.capture->image(), path)) {
                spdlog::error(path + ": cannot write the tile");
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
