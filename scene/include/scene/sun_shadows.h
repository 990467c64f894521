#pragma once
// Building shadows from the sun: a depth map rendered from the sun over the area the viewer
// is looking at (re-fitted every frame), sampled by the building and terrain shaders.
#include <osg/Camera>
#include <osg/Group>
#include <osg/Program>

namespace jbt {

struct SunShadowOptions {
    int mapSize = 2048;                        // texels per side
    osg::ref_ptr<osg::Program> depthProgram;   // shaders/shadow_depth
};

// Adds the shadow caster pass for `casters` (the building layers) under `root`, and the shadow
// map and u_shadowMatrix on root's StateSet. `view` is the camera the shadows are fitted to;
// adding them again (a new window on the same scene) replaces the earlier pass.
void addSunShadows(osg::Group& root, osg::Group& casters, osg::Camera& view, const SunShadowOptions& options);

// The texture unit the shadow map is bound to (the drape uses unit 0).
constexpr int kShadowTextureUnit = 1;

}  // namespace jbt
