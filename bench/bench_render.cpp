// Frame time of generated buildings, merged per tile vs one node per building, offscreen under
// Xvfb at 1280×720. Prints a Markdown table.  bench_render [--sizes 10000,100000] [--frames 30]
#include <osgViewer/Viewer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "bench/footprint_generator.h"
#include "scene/building_layer_builder.h"
#include "scene/shader_library.h"
#include "twin/offscreen_render.h"

namespace {

struct Result {
    double medianMs = 0;
    std::size_t drawCalls = 0, triangles = 0;
};

Result renderFrames(osg::Node* scene, std::size_t triangles, int frames, double extent) {
    osg::ref_ptr<osgViewer::Viewer> viewer = jbt::makeOffscreenViewer(scene, 1280, 720);
    // Whole data set in view, from the south at 50° down: every building is drawn.
    osg::Vec3d centre(0, 0, 0), eye = centre + osg::Vec3d(0, -extent * 0.85, extent * 1.0);
    viewer->getCamera()->setViewMatrixAsLookAt(eye, centre, osg::Vec3d(0, 0, 1));
    std::vector<double> ms;
    for (int i = 0; i < frames + 3; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        viewer->frame();
        glFinish();  // count the GPU (llvmpipe) work in the frame it belongs to
        if (i >= 3) ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], jbt::lastFrameDrawCalls(*viewer), triangles};
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes = {10000, 100000};
    int frames = 30;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--sizes" && i + 1 < argc) {
            sizes = jbt::bench::parseSizes(argv[++i]);
        } else if (a == "--frames" && i + 1 < argc) {
            frames = std::stoi(argv[++i]);
        }
    }
    osg::ref_ptr<osg::Program> program = jbt::loadProgram("buildings", {"sun_shadow.frag", "atmosphere.frag"});
    {
        osg::ref_ptr<osgViewer::Viewer> probe = jbt::makeOffscreenViewer(new osg::Group, 64, 64);
        std::printf("Renderer: %s\n\n", jbt::rendererName(probe->getCamera()->getGraphicsContext()).c_str());
    }
    std::printf("| buildings | layout | nodes | draw calls | triangles | median ms/frame |\n|---:|---|---:|---:|---:|---:|\n");
    for (std::size_t n : sizes) {
        jbt::LayerData layer = jbt::bench::generateFootprints(n);
        double extent = std::sqrt(double(n)) * 52.0;
        for (bool batched : {true, false}) {
            jbt::SceneBuildStats stats;
            jbt::BuildingLayerOptions o;
            o.program = program;
            osg::ref_ptr<osg::Group> root = batched ? jbt::buildBuildingLayer(layer, o, stats)
                                                    : jbt::buildBuildingLayerOneNodePerBuilding(layer, o, stats);
            root->getOrCreateStateSet()->addUniform(new osg::Uniform("u_sunDirection", osg::Vec3f(0.45f, -0.55f, 0.7f)));
            root->getOrCreateStateSet()->addUniform(new osg::Uniform("u_hazeColor", osg::Vec3f(0.74f, 0.79f, 0.84f)));
            root->getOrCreateStateSet()->addUniform(new osg::Uniform("u_hazeDensity", 0.00001f));
            Result r = renderFrames(root.get(), stats.triangles, frames, extent);
            std::printf("| %zu | %s | %u | %zu | %zu | %.1f |\n", n, batched ? "merged per 500 m tile" : "one node per building",
                        root->getNumChildren(), r.drawCalls, r.triangles, r.medianMs);
            std::fflush(stdout);
        }
    }
}
