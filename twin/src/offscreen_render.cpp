#include "twin/offscreen_render.h"

#include <osgUtil/RenderStage>
#include <osgUtil/SceneView>
#include <osgUtil/Statistics>
#include <osgViewer/Renderer>

#include <cstdlib>

#include "model/error.h"
#include "twin/egl_context.h"

namespace jbt {

osg::ref_ptr<osg::GraphicsContext> createOffscreenContext(int width, int height, int samples) {
    // JBT_EGL=1 (or no X display): a GPU server or render node without X.
    const char* egl = std::getenv("JBT_EGL");
    if ((egl && *egl == '1') || !std::getenv("DISPLAY")) {
        std::string why, renderer;
        if (osg::ref_ptr<osg::GraphicsContext> gc = createEglContext(width, height, why, renderer, samples)) return gc;
        if (std::getenv("DISPLAY")) throw Error("JBT_EGL=1 but EGL gives no context: " + why);
        throw Error("no X display (DISPLAY is unset) and EGL gives no context (" + why +
                    "): run under xvfb-run, as scripts/run.sh does");
    }
    // An undecorated window is the quiet path; a pbuffer (which makes OSG print harmless X11
    // BadMatch notices on Mesa) takes sizes larger than the X screen, e.g. 4K on a small Xvfb.
    unsigned screenW = 0, screenH = 0;
    if (auto* wsi = osg::GraphicsContext::getWindowingSystemInterface()) {
        osg::GraphicsContext::ScreenIdentifier screen;
        screen.readDISPLAY();
        screen.setUndefinedScreenDetailsToDefaultScreen();
        wsi->getScreenResolution(screen, screenW, screenH);
    }
    bool fitsScreen = unsigned(width) <= screenW && unsigned(height) <= screenH;
    // With the anti-aliasing samples asked for first; a display without such visuals gets none.
    for (int tries = samples > 0 ? 4 : 2, i = 0; i < tries; ++i) {
        bool pbuffer = (i % 2 == 0) ? !fitsScreen : fitsScreen;
        int ms = samples > 0 && i < 2 ? samples : 0;
        osg::ref_ptr<osg::GraphicsContext::Traits> t = new osg::GraphicsContext::Traits;
        t->readDISPLAY();
        t->setUndefinedScreenDetailsToDefaultScreen();
        t->x = 0;
        t->y = 0;
        t->width = width;
        t->height = height;
        t->red = t->green = t->blue = t->alpha = 8;
        t->depth = 24;
        t->stencil = 8;  // classification (单体化) tints the oblique mesh through the stencil
        t->pbuffer = pbuffer;
        t->windowDecoration = false;
        t->doubleBuffer = !pbuffer;
        t->sharedContext = nullptr;
        t->sampleBuffers = ms > 0 ? 1 : 0;
        t->samples = static_cast<unsigned>(ms);
        osg::ref_ptr<osg::GraphicsContext> gc = osg::GraphicsContext::createGraphicsContext(t.get());
        if (gc && gc->valid()) return gc;
    }
    throw Error("cannot create an OpenGL context of " + std::to_string(width) + "x" + std::to_string(height) +
                " on display " + std::getenv("DISPLAY"));
}

std::string rendererName(osg::GraphicsContext* gc) {
    if (!gc || !gc->makeCurrent()) return "unknown";
    const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    std::string name = r ? r : "unknown";
    gc->releaseContext();
    return name;
}

void useOffscreenContext(osgViewer::Viewer& viewer, osg::GraphicsContext* gc, int width, int height) {
    osg::Camera* cam = viewer.getCamera();
    cam->setGraphicsContext(gc);
    cam->setViewport(new osg::Viewport(0, 0, width, height));
    cam->setProjectionMatrixAsPerspective(kFieldOfViewDeg, double(width) / height, 1.0, 100000.0);
    GLenum buffer = gc->getTraits()->doubleBuffer ? GL_BACK : GL_FRONT;
    cam->setDrawBuffer(buffer);
    cam->setReadBuffer(buffer);
}

void FrameCapture::operator()(osg::RenderInfo& renderInfo) const {
    if (!armed_) return;
    armed_ = false;
    const osg::Viewport* vp = renderInfo.getCurrentCamera()->getViewport();
    const osg::GraphicsContext* gc = renderInfo.getState() ? renderInfo.getState()->getGraphicsContext() : nullptr;
    image_ = new osg::Image;
    if (wholeWindow_ && gc && gc->getTraits())
        image_->readPixels(0, 0, gc->getTraits()->width, gc->getTraits()->height, GL_RGBA, GL_UNSIGNED_BYTE);
    else
        image_->readPixels(int(vp->x()), int(vp->y()), int(vp->width()), int(vp->height()), GL_RGBA, GL_UNSIGNED_BYTE);
    // What is on screen is opaque: blending leaves the framebuffer's alpha below one where
    // see-through things were drawn, and a PNG would show that as holes.
    unsigned char* px = image_->data();
    for (std::size_t i = 3, n = std::size_t(image_->s()) * image_->t() * 4; px && i < n; i += 4) px[i] = 255;
}

std::size_t lastFrameDrawCalls(osgViewer::Viewer& viewer) {
    auto* renderer = dynamic_cast<osgViewer::Renderer*>(viewer.getCamera()->getRenderer());
    if (!renderer) return 0;
    std::size_t best = 0;
    for (unsigned i = 0; i < 2; ++i) {
        osgUtil::SceneView* sv = renderer->getSceneView(i);
        if (!sv || !sv->getRenderStage()) continue;
        osgUtil::Statistics stats;
        sv->getRenderStage()->getStats(stats);
        best = std::max<std::size_t>(best, stats.numDrawables);
    }
    return best;
}

bool softwareRenderer() {
    static const bool software = [] {
        try {
            osg::ref_ptr<osg::GraphicsContext> gc = createOffscreenContext(16, 16, 0);
            if (!gc->realize()) return true;
            std::string name = rendererName(gc.get());
            gc->close();
            for (const char* s : {"llvmpipe", "softpipe", "swrast", "SwiftShader", "Software"})
                if (name.find(s) != std::string::npos) return true;
            return false;
        } catch (const std::exception&) {
            return true;  // no context to ask: the cheap choice
        }
    }();
    return software;
}

int msaaSamplesFor(int samples) { return samples >= 0 ? samples : softwareRenderer() ? 0 : 4; }

osg::ref_ptr<osgViewer::Viewer> makeOffscreenViewer(osg::Node* scene, int width, int height, int samples) {
    osg::ref_ptr<osg::GraphicsContext> gc = createOffscreenContext(width, height, msaaSamplesFor(samples));
    osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
    viewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    useOffscreenContext(*viewer, gc.get(), width, height);
    viewer->setSceneData(scene);
    viewer->realize();
    return viewer;
}

}  // namespace jbt
