// Viewing a baked city: the same footprints drawn from memory (imported, merged per 500 m tile)
// and streamed from their baked 3D Tiles, offscreen at 1280×720, at an overview and at street
// level. Prints a Markdown table: time to the first frame and until the view's tiles are in,
// median frame time once they are, draw calls, content held.
//   bench_tiles --geojson FOOTPRINTS.geojson --tiles BAKED/tileset.json [--frames 20] [--skip-memory]
#include <osgViewer/Viewer>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "data_import/ogr_layer_reader.h"
#include "scene/building_layer_builder.h"
#include "scene/shader_library.h"
#include "scene/tileset_layer.h"
#include "twin/offscreen_render.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct View {
    const char* name;
    osg::Vec3d eye, centre;
};

struct Row {
    double firstFrameMs = 0, settledMs = 0, medianMs = 0;
    std::size_t drawCalls = 0, residentBytes = 0;
};

Row measure(osg::Node* scene, const View& v, int frames, jbt::TilesetLayer* tiles) {
    Row r;
    auto t0 = Clock::now();
    osg::ref_ptr<osgViewer::Viewer> viewer = jbt::makeOffscreenViewer(scene, 1280, 720);
    viewer->getCamera()->setViewMatrixAsLookAt(v.eye, v.centre, osg::Vec3d(0, 0, 1));
    viewer->frame();
    glFinish();
    r.firstFrameMs = msSince(t0);
    for (int i = 0; tiles && i < 20000 && !(i > 2 && tiles->status().settled); ++i) {
        viewer->frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    r.settledMs = msSince(t0);
    std::vector<double> ms;
    for (int i = 0; i < frames; ++i) {
        auto f0 = Clock::now();
        viewer->frame();
        glFinish();
        ms.push_back(msSince(f0));
    }
    std::sort(ms.begin(), ms.end());
    r.medianMs = ms[ms.size() / 2];
    r.drawCalls = jbt::lastFrameDrawCalls(*viewer);
    if (tiles) r.residentBytes = tiles->status().residentBytes;
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    std::string geojson, tileset;
    int frames = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--geojson") geojson = argv[i + 1];
        else if (a == "--tiles") tileset = argv[i + 1];
        else if (a == "--frames") frames = std::stoi(argv[i + 1]);
    }
    if (tileset.empty()) {
        std::fprintf(stderr, "bench_tiles --tiles BAKED/tileset.json [--geojson FOOTPRINTS.geojson]\n");
        return 2;
    }
    jbt::GeoPoint centre = *jbt::probeTilesetCentre(tileset);
    jbt::SceneFrame frame(centre);
    osg::ref_ptr<osg::Program> program = jbt::loadProgram("buildings", {"sun_shadow.frag", "atmosphere.frag"});
    jbt::TilesetLayerOptions o;
    o.toScene = [&frame](const jbt::Geodetic& g) {
        jbt::Vec2 s = frame.toScene({g.lon, g.lat});
        return osg::Vec3d(s.x, s.y, g.height);
    };
    o.buildingProgram = program;
    osg::ref_ptr<jbt::TilesetLayer> tiles = new jbt::TilesetLayer(tileset, o);
    double extent = tiles->getBound().radius();
    std::vector<View> views = {{"overview", osg::Vec3d(0, -extent * 0.85, extent), osg::Vec3d(0, 0, 0)},
                               {"street level", osg::Vec3d(0, -60, 25), osg::Vec3d(0, 400, 5)}};
    std::printf("| source | view | first frame ms | view complete ms | median ms/frame | draw calls | content MB |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|\n");
    for (const View& v : views) {
        osg::ref_ptr<jbt::TilesetLayer> fresh = new jbt::TilesetLayer(tileset, o);
        Row r = measure(fresh.get(), v, frames, fresh.get());
        std::printf("| baked tileset | %s | %.0f | %.0f | %.1f | %zu | %.0f |\n", v.name, r.firstFrameMs, r.settledMs, r.medianMs,
                    r.drawCalls, r.residentBytes / 1048576.0);
        std::fflush(stdout);
    }
    if (!geojson.empty()) {
        auto t0 = Clock::now();
        jbt::ImportOptions io;
        io.path = geojson;
        jbt::LayerData layer = jbt::importLayer(io, frame);
        jbt::BuildingLayerOptions bo;
        bo.program = program;
        jbt::SceneBuildStats stats;
        osg::ref_ptr<osg::Group> node = jbt::buildBuildingLayer(layer, bo, stats);
        double loadMs = msSince(t0);
        for (const View& v : views) {
            Row r = measure(node.get(), v, frames, nullptr);
            std::printf("| in memory (import %.0f ms first) | %s | %.0f | — | %.1f | %zu | — |\n", loadMs, v.name, r.firstFrameMs, r.medianMs,
                        r.drawCalls);
            std::fflush(stdout);
        }
    }
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("\npeak resident %.0f MiB\n", u.ru_maxrss / 1024.0);
    return 0;
}
