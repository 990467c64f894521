#pragma once
// Headless rendering without an X server: an EGL pbuffer context (the GPU's driver on a render
// node or server, Mesa's llvmpipe elsewhere) wrapped as an OSG graphics context, for snapshots
// and benchmarks. Debian's OSG speaks GLX only; this is the one path around it.
#include <osg/GraphicsContext>
#include <string>

namespace jbt {

// A context of width × height on the first EGL device that gives one, or null with the reason
// in `why`. The renderer's name (GL_RENDERER) goes to `renderer`.
// `samples` > 0: a multisampled configuration if the device has one, else none.
osg::ref_ptr<osg::GraphicsContext> createEglContext(int width, int height, std::string& why, std::string& renderer,
                                                    int samples = 0);

}  // namespace jbt
