#include "viewer/viewer_app.h"

#include <osg/DisplaySettings>

#include <osgDB/WriteFile>
#include <osgViewer/ViewerEventHandlers>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "model/error.h"
#include "model/log.h"
#include "scene/cjk_font.h"
#include "scene/screen_notice.h"
#include "twin/clearance_map.h"
#include "twin/imagery_layer.h"
#include "twin/project_file.h"
#include "twin/snapshot_report.h"
#include "twin/subprocess.h"
#include "twin/tour_player.h"
#include "viewer/i18n.h"
#include "viewer/input_method_window.h"
#include "viewer/panels/panels.h"
#include "viewer/picking_handler.h"
#include "viewer/session_handler.h"
#include "viewer/workspace.h"

namespace jbt {
ViewerApp::ViewerApp(Twin& twin)
    : twin_(twin), scene_(twin.scene()), options_(twin.options()), viewer_(new osgViewer::Viewer), app_(twin),
      session_(twin.options().projectPath) {
    // ImGui draws in the camera callback and reads shared state: one thread only.
    viewer_->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer_->setSceneData(scene_.root);
    app_.viewCamera = viewer_->getCamera();
    app_.import = [this](const ImportOptions& o) { twin_.startImport(o); };
    app_.openOblique = [this](const std::string& folder) -> std::string {
        // Beyond the scene's region the session reopens centred on the mesh, as "Go there"
        // does for a far layer; everything else stays.
        try {
            GeoPoint at = obliqueCentre(readObliqueMetadata(folder), folder + "/metadata.xml");
            if (distanceMetres(at, scene_.frame->origin()) > kRegionRadiusM) {
                reopenCentredOn(at, "layer:" + obliqueLayerName(folder));
                end_->next.obliqueDirs.push_back(folder);
                return "";
            }
        } catch (const Error& e) {
            return e.what();
        }
        return twin_.openOblique(folder);
    };
    app_.openTileset = [this](const std::string& path) -> std::string {
        try {
            if (std::optional<GeoPoint> at = probeTilesetCentre(path); at && distanceMetres(*at, scene_.frame->origin()) > kRegionRadiusM) {
                reopenCentredOn(*at, "layer:" + tilesetLayerName(path));
                end_->next.tilesets.push_back(path);
                return "";
            }
        } catch (const Error& e) {
            return e.what();
        }
        return twin_.openTileset(path);
    };
    app_.openImagery = [this](const std::string& source, const std::string& offset) {
        return twin_.openImagery(source, offset);
    };
    app_.placeModel = [this](const ModelPlacement& p) -> std::string {
        // Far away: the session reopens centred on the model, as for an oblique mesh.
        if (distanceMetres({p.lon, p.lat}, scene_.frame->origin()) > kRegionRadiusM) {
            if (!std::filesystem::is_regular_file(p.path)) return p.path + ": no such file";
            reopenCentredOn({p.lon, p.lat}, "model:" + std::filesystem::path(p.path).filename().string());
            end_->next.models.push_back(p);
            return "";
        }
        return twin_.placeModel(p);
    };
    app_.viewCentre = [this] {
        CameraPose p;
        if (!camera_->currentPose(p)) return scene_.frame->origin();
        return scene_.frame->toWgs84({p.center.x(), p.center.y()});
    };
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
        b.targetHeightM = p.center.z();
        b.rangeM = look.length();
        b.headingDeg = osg::RadiansToDegrees(std::atan2(look.x(), look.y()));
        b.pitchDeg = osg::RadiansToDegrees(std::asin(std::clamp(-look.z() / std::max(1e-9, b.rangeM), -1.0, 1.0)));
        options_.userBookmarks.push_back(b);
        scene_.bookmarks.push_back(b);
    };
    app_.project = &session_;
    app_.projectState = [this] { return currentProject(); };
    app_.saveProject = [this](std::string& message) {
        if (session_.path().empty()) return false;
        try {
            session_.save(session_.path(), currentProject());
        } catch (const Error& e) {
            message = e.what();
            return false;
        }
        message = session_.path() + ": saved";
        return true;
    };
    app_.reopen = [this](const std::string& path, std::string& message) {
        SessionEnd end;
        end.reopen = true;
        keepWindow(end.next);
        if (!path.empty()) {
            try {
                ProjectState p = loadProject(path);
                applyProject(p, {}, end.next);
            } catch (const Error& e) {
                message = e.what();
                return false;
            }
            std::error_code ec;
            end.next.projectPath = std::filesystem::absolute(path, ec).lexically_normal().string();
            ProjectSession::addRecent(end.next.projectPath);
        }
        end_ = end;
        return true;
    };
    app_.restore = [this](const std::string& autosave) {
        SessionEnd end;
        end.reopen = true;
        end.startsDirty = true;
        keepWindow(end.next);
        try {
            applyProject(loadProject(autosave), {}, end.next);
        } catch (const Error& e) {
            app_.status = e.what();
            return;
        }
        end.next.projectPath = session_.path();
        end_ = end;
    };
    app_.goThere = [this](const FarLayer& far) { reopenCentredOn(far.centre, "layer:" + far.name()); };
    app_.quit = [this] {
        session_.removeAutosave();
        end_ = SessionEnd{};
    };
    app_.flyTo = [this](const Bookmark& b) {
        Bookmark target = b.id == "all" ? fitAllBookmark(scene_) : b;
        camera_->flyTo(poseForBookmark(target, *scene_.frame, &scene_.terrain));
    };
    app_.toggleFullscreen = [this] { toggleFullscreen(); };
    app_.fitView = [this] { fitViewToLayout(); };
    app_.layout = uiLayoutFromJson(options_.uiLayout);
    twin_.attachCamera(*viewer_->getCamera());
    // The names the panels list from the start: their glyphs go into the first font atlas.
    for (const Place& p : scene_.places) uiText(p.nameZh + p.description);
    for (const Bookmark& b : scene_.bookmarks) uiText(b.nameZh);
    for (const Tour& t : scene_.tours) {
        uiText(t.nameZh);
        for (const TourStop& stop : t.stops) uiText(stop.captionZh);
    }
    for (const SceneLayer& l : scene_.layers) uiText(l.data.name);

    // The sidebar's tabs; the View menu lists them in this order.
    std::vector<WorkspaceTab> tabs;
    auto tab = [&](const char* zh, const char* en, std::vector<std::unique_ptr<Panel>> sections,
                   std::vector<std::pair<const char*, const char*>> headers = {}) {
        tabs.push_back(WorkspaceTab{zh, en, std::move(sections), std::move(headers)});
    };
    auto list = [](auto... panels) {
        std::vector<std::unique_ptr<Panel>> v;
        (v.push_back(std::move(panels)), ...);
        return v;
    };
    tab("图层", "Layers", list(makeLayersPanel(app_)));
    tab("搜索", "Search", list(makeSearchPanel(app_)));
    tab("视点", "Views", list(makeBookmarksPanel(app_), makeToursPanel(app_)), {{"导览", "Tours"}});
    tab("导入", "Import", list(makeImportPanel(app_)));
    tab("实时", "Live", list(makeLivePanel(app_), makeTimelinePanel(app_), makeDashboardPanel(app_), makeGreenPanel(app_)),
        {{"回放", "Replay"}, {"一网统管", "Operations dashboard"}, {"绿化", "Green space"}});
    tab("显示", "Display", list(makeSunPanel(app_), makeGraphicsPanel(app_), makePerformancePanel(app_)),
        {{"画质", "Graphics"}, {"性能", "Performance"}});
    std::vector<std::pair<const char*, const char*>> names;
    for (const WorkspaceTab& t : tabs) names.emplace_back(t.zh, t.en);
    imgui_.addOverlay(makeMenuBar(app_, imgui_, names));
    imgui_.addOverlay(makeWorkspace(app_, imgui_, std::move(tabs), makeInspectorPanel(app_)));
    imgui_.addOverlay(makeDemoBanner(app_, imgui_));
    imgui_.addOverlay(makeTourCaption(app_));
    imgui_.addOverlay(makePresentationOverlay(app_));
    imgui_.addOverlay(makeProjectDialogs(app_));
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
    // The user's own moves: street level (a few metres above the ground or a roof) up to a few
    // times the whole scene.
    auto guard = std::make_shared<ClearanceMap>(scene_.terrain, buildings, 25, 3, false);
    const HeightGrid& t = scene_.terrain;
    double span = std::max({t.maxX() - t.originX, t.maxY() - t.originY, double(scene_.extent.xMax() - scene_.extent.xMin()),
                            double(scene_.extent.yMax() - scene_.extent.yMin()), 2000.0});
    camera_->setGuardRails([guard](double x, double y) { return guard->minimumEyeHeight(x, y); }, 5.0, 3 * span);
    camera_->setWheelZoomsInOnUp(!options_.invertWheel);
    // The demo opens on its city (the whole district, mostly fields and ridges, is a bookmark).
    viewName_ = scene_.showsDemoData ? "city_core" : "all";
}

ViewerApp::~ViewerApp() = default;

void ViewerApp::open() {
    osg::Camera* cam = viewer_->getCamera();
    if (!offscreen(options_) && !std::getenv("DISPLAY"))
        throw Error("no X display (DISPLAY is unset): use --snapshot OUT.png under xvfb-run, as scripts/run.sh does");
    // Walls render each tile into its own context, without anti-aliasing. A snapshot or a
    // recording is rendered once per picture: "auto" smooths its edges even on a software
    // renderer, where a window would not afford it.
    int asked = options_.graphics.msaaSamples < 0 && offscreen(options_) ? 4 : options_.graphics.msaaSamples;
    app_.msaaSamples = options_.wallPath.empty() ? msaaSamplesFor(asked) : 0;
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
        osg::ref_ptr<osg::GraphicsContext> gc =
            createOffscreenContext(options_.width, options_.height, app_.msaaSamples);
        useOffscreenContext(*viewer_, gc.get(), options_.width, options_.height);
        capture_ = new FrameCapture(true);
        cam->setFinalDrawCallback(capture_.get());
    } else {
        osg::DisplaySettings::instance()->setNumMultiSamples(static_cast<unsigned>(app_.msaaSamples));
        auto commit = [this](const std::string& text) { imgui_.queueText(text); };
        if (options_.fullscreen)
            setUpViewWithInputMethod(*viewer_, 0, 0, 0, 0, unsigned(options_.screen), commit);
        else
            setUpViewWithInputMethod(*viewer_, 40, 40, options_.width, options_.height, unsigned(options_.screen), commit);
    }
    if (!wall_) {
        const osg::Viewport* vp = cam->getViewport();
        double aspect = vp && vp->height() > 0 ? vp->width() / vp->height() : double(options_.width) / options_.height;
        cam->setProjectionMatrixAsPerspective(kFieldOfViewDeg, aspect, 1.0, 100000.0);
    }
    viewer_->addEventHandler(imgui_.install(*cam));
    viewer_->addEventHandler(new PickingHandler(app_, imgui_));
    viewer_->addEventHandler(makeSessionHandler(app_, imgui_));
    // Esc belongs to the dialogs and panels, and closing the window asks first: neither ends
    // the program by itself.
    viewer_->setKeyEventSetsDone(0);
    viewer_->setQuitEventSetsDone(false);
    viewer_->setCameraManipulator(camera_.get(), false);
    viewer_->realize();
    if (!viewer_->isRealized()) throw Error("the viewer window could not be opened");
    imgui_.setFullWindow(!wall_);
    setView(options_.view.empty() ? viewName_ : options_.view);
    if (options_.startCamera.size() == 6 && options_.view.empty()) {  // where the project was saved
        const auto& c = options_.startCamera;
        CameraPose pose{osg::Vec3d(c[0], c[1], c[2]), osg::Vec3d(c[3], c[4], c[5])};
        camera_->setHomePosition(pose.eye, pose.center, pose.up);
        camera_->jumpTo(pose);
    }
    camera_->setIdleResumeSeconds(options_.present ? options_.kioskIdleSeconds : 0);
    if (!options_.tour.empty()) startTour(options_.tour, options_.tourTime);
    session_.markSaved(currentProject());  // what is on screen at the start is what is on disk
    if (startsDirty_) session_.markUnsaved();
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

SessionEnd ViewerApp::runInteractive() {
    if (std::optional<std::string> autosave = session_.pendingAutosave(); autosave && !startsDirty_) {
        app_.request = ProjectRequest::OfferRestore;
        app_.requestPath = *autosave;
    }
    auto lastAutosave = std::chrono::steady_clock::now(), lastCheck = lastAutosave;
    std::string title;
    while (!end_ && !viewer_->done()) {
        try {
            viewer_->frame();
        } catch (...) {
            // The program is going down: keep what the user did before saying why.
            try {
                session_.autosave(currentProject());
                spdlog::error("unsaved work kept in " + session_.autosavePath() + "; it is offered on the next start");
            } catch (...) {
            }
            throw;
        }
        if (std::chrono::steady_clock::now() - lastCheck > std::chrono::milliseconds(500)) {
            lastCheck = std::chrono::steady_clock::now();
            app_.unsaved = session_.dirty(currentProject());
            // The window's title names the project, as every desktop program's does.
            std::string now = session_.displayName() + (app_.unsaved ? " *" : "") + " — 江北孪生 Jiangbei Twin";
            auto* gw = dynamic_cast<osgViewer::GraphicsWindow*>(viewer_->getCamera()->getGraphicsContext());
            if (gw && now != title) gw->setWindowName(title = now);
        }
        if (!options_.uiProbePath.empty()) writeProbe();
        if (options_.autosaveSeconds > 0 && app_.request != ProjectRequest::OfferRestore &&
            std::chrono::steady_clock::now() - lastAutosave > std::chrono::duration<double>(options_.autosaveSeconds)) {
            lastAutosave = std::chrono::steady_clock::now();
            try {
                if (session_.autosave(currentProject())) spdlog::debug("autosaved to " + session_.autosavePath());
            } catch (const Error& e) {
                app_.status = e.what();
            }
        }
    }
    return end_.value_or(SessionEnd{});
}

ProjectState ViewerApp::currentProject() const {
    ProjectState p;
    p.options = options_;
    p.options.projectPath = session_.path();
    p.options.time = twin_.timeOfDay();
    p.options.language = uiLanguage() == UiLanguage::Chinese ? "zh" : uiLanguage() == UiLanguage::English ? "en" : "both";
    p.options.uiScale = imgui_.scale();
    p.options.highContrast = imgui_.theme() == ImGuiLayer::Theme::HighContrast;
    p.options.layerDisplay = layerDisplay(scene_);
    p.options.uiLayout = uiLayoutToJson(app_.layout);
    p.options.view.clear();  // the camera says where the view is
    p.hasCamera = camera_ && camera_->currentPose(p.camera);
    return p;
}

// What a UI test reads back: rectangles of panels and named widgets, field texts, the camera
// against its rails, the project. Written whole and renamed, so a reader never sees half.
void ViewerApp::writeProbe() {
    nlohmann::json j;
    j["frame"] = ++probeFrames_;
    auto rect = [](float x, float y, float w, float h) { return nlohmann::json::array({x, y, w, h}); };
    nlohmann::json windows = nlohmann::json::array();
    for (const ImGuiLayer::WindowRect& r : imgui_.windowRects())
        windows.push_back({{"name", r.name}, {"rect", rect(r.x, r.y, r.w, r.h)}});
    j["windows"] = windows;
    j["view"] = rect(app_.view.x, app_.view.y, app_.view.w, app_.view.h);
    for (const auto& [name, r] : app_.probeRects) j["rects"][name] = rect(r.x, r.y, r.w, r.h);
    for (const auto& [name, t] : app_.probeTexts) j["texts"][name] = t;
    j["tab"] = app_.layout.tab;
    j["project"] = {{"path", session_.path()}, {"dirty", session_.dirty(currentProject())}};
    nlohmann::json layers = nlohmann::json::array();
    for (const SceneLayer& l : scene_.layers) layers.push_back({{"name", l.data.name}, {"visible", l.visible}});
    j["layers"] = layers;
    CameraPose p;
    if (camera_ && camera_->currentPose(p)) {
        const HeightGrid& t = scene_.terrain;
        double ground = t.empty() ? 0.0 : t.sample(p.eye.x(), p.eye.y());
        j["camera"] = {{"eye", {p.eye.x(), p.eye.y(), p.eye.z()}}, {"center", {p.center.x(), p.center.y(), p.center.z()}},
                       {"ground_at_eye", ground}, {"range", (p.eye - p.center).length()},
                       {"min_range", camera_->minRange()}, {"max_range", camera_->maxRange()}};
    }
    j["status"] = app_.status;
    app_.probeRects.clear();
    std::string tmp = options_.uiProbePath + ".tmp";
    {
        std::ofstream out(tmp);
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    std::rename(tmp.c_str(), options_.uiProbePath.c_str());
}

// A new session opens its window where and as large as this one, with this run's settings.
void ViewerApp::reopenCentredOn(GeoPoint centre, const std::string& view) {
    SessionEnd end;
    end.reopen = true;
    end.startsDirty = true;
    end.next = currentProject().options;
    keepWindow(end.next);
    end.next.projectPath = session_.path();
    end.next.centre = centre;
    end.next.startCamera.clear();
    end.next.view = view;
    end_ = end;
}

void ViewerApp::keepWindow(AppOptions& next) const {
    next.screen = options_.screen;
    next.fullscreen = fullscreen_ || options_.fullscreen;
    int x = 0, y = 0, w = 0, h = 0;
    if (auto* gw = dynamic_cast<osgViewer::GraphicsWindow*>(viewer_->getCamera()->getGraphicsContext())) {
        gw->getWindowRectangle(x, y, w, h);
        if (w >= 16 && h >= 16 && !fullscreen_) {
            next.width = w;
            next.height = h;
        }
    }
    // Settings of this run of the program, not of a project.
    next.autosaveSeconds = options_.autosaveSeconds;
    next.uiProbePath = options_.uiProbePath;
    next.invertWheel = options_.invertWheel;
}

// The camera draws only the part of the window the panels leave free, so the scene is
// centred there and nothing is hidden behind a panel.
void ViewerApp::fitViewToLayout() {
    osg::Camera* cam = viewer_->getCamera();
    const osg::GraphicsContext* gc = cam->getGraphicsContext();
    if (wall_ || !gc || !gc->getTraits() || app_.view.w < 1 || app_.view.h < 1) return;
    int winH = gc->getTraits()->height;
    osg::Viewport* vp = cam->getViewport();
    double x = std::floor(double(app_.view.x)), y = std::floor(double(winH) - app_.view.y - app_.view.h);
    double w = std::max(1.0, std::floor(double(app_.view.w))), h = std::max(1.0, std::floor(double(app_.view.h)));
    if (vp && vp->x() == x && vp->y() == y && vp->width() == w && vp->height() == h) return;
    cam->setViewport(new osg::Viewport(x, y, w, h));
    cam->setProjectionMatrixAsPerspective(kFieldOfViewDeg, w / h, 1.0, 100000.0);
}

void ViewerApp::toggleFullscreen() {
    auto* gw = dynamic_cast<osgViewer::GraphicsWindow*>(viewer_->getCamera()->getGraphicsContext());
    osg::GraphicsContext::WindowingSystemInterface* wsi = osg::GraphicsContext::getWindowingSystemInterface();
    if (!gw || !wsi) return;
    if (!fullscreen_) {
        gw->getWindowRectangle(windowed_[0], windowed_[1], windowed_[2], windowed_[3]);
        unsigned sw = 0, sh = 0;
        wsi->getScreenResolution(*gw->getTraits(), sw, sh);
        if (sw == 0 || sh == 0) return;
        gw->setWindowDecoration(false);
        gw->setWindowRectangle(0, 0, int(sw), int(sh));
    } else {
        gw->setWindowDecoration(true);
        gw->setWindowRectangle(windowed_[0], windowed_[1], windowed_[2], windowed_[3]);
    }
    fullscreen_ = !fullscreen_;
    gw->grabFocusIfPointerInWindow();
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
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    return 0;
}

int ViewerApp::runSnapshot(const std::string& pngPath, std::ostream& out) {
    waitForFirstData(twin_.live(), 5.0);  // a snapshot shows the feeds as they are, not before they answer
    // Streamed tilesets load on their workers: frames until what the view asks for is in (the
    // view settles in the first frames, and content that arrives can ask for finer content).
    osg::ref_ptr<osg::Image> image;
    auto start = std::chrono::steady_clock::now();
    // So does the finer imagery round the camera.
    auto settled = [&] { return tilesetsSettled(scene_) && imagerySettled(scene_); };
    bool streams = !scene_.tilesets.empty() || scene_.imageryRefiner;
    for (int round = 0; round < 20; ++round) {
        for (int frames = 0; streams && std::chrono::steady_clock::now() - start < std::chrono::seconds(30); ++frames) {
            viewer_->frame();
            if (frames >= 2 && settled()) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        // ImGui sizes auto-fitting windows on their second frame; the third is the one kept.
        image = renderImage(3);
        if (settled()) break;
    }
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
    // File and CRS names need not be UTF-8 (GBK shares): shown with U+FFFD, never an abort.
    out << report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    return scene_.errors.empty() ? 0 : 1;
}

}  // namespace jbt
