#include "twin/egl_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <osgViewer/GraphicsWindow>

#include <algorithm>
#include <vector>

namespace jbt {
namespace {

// OSG draws into whatever context is current; this one makes the EGL context current and has
// nothing to swap (a pbuffer's only colour buffer is read back directly).
class EglWindow : public osgViewer::GraphicsWindowEmbedded {
public:
    EglWindow(osg::GraphicsContext::Traits* t, EGLDisplay d, EGLSurface s, EGLContext c)
        : GraphicsWindowEmbedded(t), display_(d), surface_(s), context_(c) {}
    bool makeCurrentImplementation() override { return eglMakeCurrent(display_, surface_, surface_, context_); }
    bool releaseContextImplementation() override {
        return eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    }
    void closeImplementation() override {
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display_, context_);
        eglDestroySurface(display_, surface_);
    }

private:
    EGLDisplay display_;
    EGLSurface surface_;
    EGLContext context_;
};

std::vector<EGLDisplay> candidateDisplays() {
    std::vector<EGLDisplay> out;
    auto queryDevices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    auto platformDisplay = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (queryDevices && platformDisplay) {
        EGLDeviceEXT devices[16];
        EGLint n = 0;
        if (queryDevices(16, devices, &n))
            for (EGLint i = 0; i < n; ++i)
                if (EGLDisplay d = platformDisplay(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr); d != EGL_NO_DISPLAY)
                    out.push_back(d);
    }
    if (EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY); d != EGL_NO_DISPLAY) out.push_back(d);
    return out;
}

}  // namespace

osg::ref_ptr<osg::GraphicsContext> createEglContext(int width, int height, std::string& why, std::string& renderer,
                                                    int samples) {
    why = "no EGL device";
    for (EGLDisplay d : candidateDisplays()) {
        EGLint major = 0, minor = 0;
        if (!eglInitialize(d, &major, &minor)) continue;
        // The anti-aliasing samples asked for first (as GLX does), then none.
        EGLConfig config;
        EGLint count = 0;
        for (int ms : {std::max(samples, 0), 0}) {
            const EGLint attrs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8,
                                    EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_DEPTH_SIZE, 24,
                                    EGL_STENCIL_SIZE, 8, EGL_SAMPLE_BUFFERS, ms > 0 ? 1 : 0, EGL_SAMPLES, ms, EGL_NONE};
            if (!eglChooseConfig(d, attrs, &config, 1, &count)) count = 0;
            if (count > 0) break;
        }
        if (count < 1) {
            why = "no EGL configuration with RGBA8 and a 24-bit depth buffer";
            continue;
        }
        const EGLint size[] = {EGL_WIDTH, width, EGL_HEIGHT, height, EGL_NONE};
        EGLSurface s = eglCreatePbufferSurface(d, config, size);
        if (s == EGL_NO_SURFACE) {
            why = "no EGL pbuffer of " + std::to_string(width) + "x" + std::to_string(height);
            continue;
        }
        // Desktop OpenGL with the compatibility profile: OSG's fixed-function state needs it.
        eglBindAPI(EGL_OPENGL_API);
        EGLContext c = eglCreateContext(d, config, EGL_NO_CONTEXT, nullptr);
        if (c == EGL_NO_CONTEXT || !eglMakeCurrent(d, s, s, c)) {
            why = "no desktop OpenGL context through EGL";
            eglDestroySurface(d, s);
            continue;
        }
        const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        renderer = r ? r : "unknown";
        osg::ref_ptr<osg::GraphicsContext::Traits> t = new osg::GraphicsContext::Traits;
        t->x = t->y = 0;
        t->width = width;
        t->height = height;
        t->red = t->green = t->blue = t->alpha = 8;
        t->depth = 24;
        t->doubleBuffer = true;  // draw and read GL_BACK: a pbuffer's colour buffer
        t->pbuffer = true;
        return new EglWindow(t.get(), d, s, c);
    }
    return nullptr;
}

}  // namespace jbt
