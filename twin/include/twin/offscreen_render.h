#pragma once
// Offscreen rendering for --snapshot and render tests: a pbuffer on the X display (Xvfb in CI;
// Debian's OSG has GLX only), falling back to an undecorated window.
#include <osg/Camera>
#include <osg/GraphicsContext>
#include <osg/Image>
#include <osgViewer/Viewer>
#include <string>

namespace jbt {

// Throws Error when there is no display or no context of that size can be had.
osg::ref_ptr<osg::GraphicsContext> createOffscreenContext(int width, int height, int samples = 0);

// GL_RENDERER of a realized context ("llvmpipe …", "NVIDIA H100 …"), for benchmark reports.
std::string rendererName(osg::GraphicsContext* gc);
// Whether OpenGL here is a software renderer (llvmpipe, softpipe, swrast): asked once of a small
// offscreen context, then remembered.
bool softwareRenderer();
// The anti-aliasing samples to ask for: `samples` itself, or for -1 (auto) 4 on a GPU, 0 in software.
int msaaSamplesFor(int samples);

// Attaches the context to the viewer's camera with a viewport and a perspective projection.
void useOffscreenContext(osgViewer::Viewer& viewer, osg::GraphicsContext* gc, int width, int height);

// A single-threaded viewer with no window and no panels showing `scene`, realized: for
// benchmarks and command-line tools. Throws Error like createOffscreenContext.
osg::ref_ptr<osgViewer::Viewer> makeOffscreenViewer(osg::Node* scene, int width, int height, int samples = 0);

// Reads the finished frame (after ImGui has drawn) when armed; a final-draw callback.
class FrameCapture : public osg::Camera::DrawCallback {
public:
    // `wholeWindow`: the window, panels and all, not only the camera's viewport (a wall tile).
    explicit FrameCapture(bool wholeWindow = false) : wholeWindow_(wholeWindow) {}
    void arm() { armed_ = true; }
    osg::ref_ptr<osg::Image> image() const { return image_; }
    void operator()(osg::RenderInfo& renderInfo) const override;

private:
    bool wholeWindow_ = false;
    mutable bool armed_ = false;
    mutable osg::ref_ptr<osg::Image> image_;
};

// Drawables the renderer drew in its last frame (each is one draw call here).
std::size_t lastFrameDrawCalls(osgViewer::Viewer& viewer);

// Vertical field of view used for every view, in degrees.
constexpr double kFieldOfViewDeg = 40.0;

}  // namespace jbt
