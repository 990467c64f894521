// Frame time of the default scene (demo district: terrain, water, draped roads and areas, labels, shadows) from
// its bookmarks, offscreen under Xvfb, without the panels (the benchmarks link the pipeline, not
// the UI). Prints a Markdown table.
//   bench_scene [--frames 20] [--size 1280x720] [--shadows 2048] [--quality low|medium|high] [--sky on|off] [--msaa N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "twin/camera_pose.h"
#include "twin/offscreen_render.h"
#include "twin/twin.h"

int main(int argc, char** argv) {
    int frames = 20;
    jbt::AppOptions o;
    o.snapshotPath = "/dev/null";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc) frames = std::stoi(argv[++i]);
        if (a == "--size" && i + 1 < argc) std::sscanf(argv[++i], "%dx%d", &o.width, &o.height);
        if (a == "--shadows" && i + 1 < argc) o.shadowMapSize = std::stoi(argv[++i]);
        if (a == "--quality" && i + 1 < argc)
            if (auto q = jbt::parseQuality(argv[++i])) o.graphics = jbt::graphicsFor(*q);
        if (a == "--sky" && i + 1 < argc) o.graphics.sky = std::string(argv[++i]) == "on";
        if (a == "--msaa" && i + 1 < argc) o.graphics.msaaSamples = std::stoi(argv[++i]);
    }
    auto t0 = std::chrono::steady_clock::now();
    jbt::Twin twin(o);
    double assembleMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    jbt::SceneModel& scene = twin.scene();
    osg::ref_ptr<osgViewer::Viewer> viewer = jbt::makeOffscreenViewer(scene.root.get(), o.width, o.height, o.graphics.msaaSamples);
    std::printf("Renderer: %s\n", jbt::rendererName(viewer->getCamera()->getGraphicsContext()).c_str());
    twin.attachCamera(*viewer->getCamera());
    int samples = jbt::msaaSamplesFor(o.graphics.msaaSamples);
    std::printf("Scene assembled in %.0f ms (import %.0f, build %.0f); %dx%d, no panels, shadow map %d, quality %s "
                "(MSAA %d, sky %s).\n\n",
                assembleMs, scene.importMs, scene.buildMs, o.width, o.height, o.shadowMapSize, jbt::qualityName(o.graphics.quality),
                samples, o.graphics.sky ? "on" : "off");
    std::printf("| view | median ms/frame | draw calls |\n|---|---:|---:|\n");
    for (const char* view : {"overview", "jiangbeizui_across_river", "guanyinqiao_street", "green_east", "tieshanping"}) {
        const jbt::Bookmark* b = jbt::findBookmark(scene, view);
        if (!b) continue;
        jbt::CameraPose pose = jbt::poseForBookmark(*b, *scene.frame, &scene.terrain);
        viewer->getCamera()->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
        std::vector<double> ms;
        for (int i = 0; i < frames + 3; ++i) {
            auto f0 = std::chrono::steady_clock::now();
            viewer->frame();
            glFinish();
            if (i >= 3) ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("| %s | %.1f | %zu |\n", view, ms[ms.size() / 2], jbt::lastFrameDrawCalls(*viewer));
    }
}
