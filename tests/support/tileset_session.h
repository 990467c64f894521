#pragma once
// An offscreen viewer session on 3D Tiles for the tests: open a tileset (or a sample of the shared
// data), render until it has loaded what the view asks for.
#include <chrono>
#include <string>
#include <thread>

#include "tests/support/offscreen_options.h"
#include "tests/test_support.h"
#include "twin/tileset_scene.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt::test {

// Renders until the tilesets have loaded what the view asks for.
inline osg::ref_ptr<osg::Image> settledImage(ViewerApp& app, SceneModel& scene) {
    osg::ref_ptr<osg::Image> img;
    for (int i = 0; i < 400; ++i) {
        img = app.renderImage(1);
        if (i > 3 && tilesetsSettled(scene)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return app.renderImage(2);
}

// A session showing one tileset from its bookmark ("layer:NAME"), 480 × 360. `openError` is
// what opening the window said ("" when it opened). Its files go to `in`, or to a new scratch
// folder (which wipes the test's own: pass a folder where the test wrote the tileset).
struct TilesetSession {
    explicit TilesetSession(const std::string& spec, std::string name, std::filesystem::path in = {})
        : dir(in.empty() ? scratchDir() : in), twin(withTileset(dir, spec, name)), app(twin) {
        openError = errorOf([&] { app.open(); });
        if (openError.empty()) settledImage(app, twin.scene());
    }
    static AppOptions withTileset(const std::filesystem::path& dir, const std::string& spec, const std::string& name) {
        AppOptions o = offscreenOptions(dir, 480, 360);
        o.tilesets = {spec};
        o.view = "layer:" + name;
        return o;
    }
    std::filesystem::path dir;
    Twin twin;
    ViewerApp app;
    std::string openError;
};

}  // namespace jbt::test
