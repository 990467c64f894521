#pragma once
// Offscreen rendering for --snapshot and render tests: a pbuffer on the X display (Xvfb in CI;
// Debian's OSG has GLX only), falling back to an undecorated window.
#include <osg/Camera>
#include <osg/GraphicsContext>
#include <osg/Image>
#include <osgViewer/Viewer>
#include <string>

namespace jbt {

osg::ref_ptr<osg::GraphicsContext> createOffscreenContext(int width, int height, std::string& error);

// Attaches the context to the viewer's camera with a viewport and a perspective projection.
void useOffscreenContext(osgViewer::Viewer& viewer, osg::GraphicsContext* gc, int width, int height);

// Reads the finished frame (after ImGui has drawn) when armed; a final-draw callback.
class FrameCapture : public osg::Camera::DrawCallback {
public:
    void arm() { armed_ = true; }
    osg::ref_ptr<osg::Image> image() const { return image_; }
    void operator()(osg::RenderInfo& renderInfo) const override;

private:
    mutable bool armed_ = false;
    mutable osg::ref_ptr<osg::Image> image_;
};

// Drawables the renderer drew in its last frame (each is one draw call here).
std::size_t lastFrameDrawCalls(osgViewer::Viewer& viewer);

// Vertical field of view used for every view, in degrees.
constexpr double kFieldOfViewDeg = 40.0;

}  // namespace jbt
