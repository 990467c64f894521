#pragma once
// The sky behind the scene: a screen-filling pass at the far plane, drawn where nothing else is, coloured per pixel by the view
// ray — zenith to horizon, the sun's glow and disc, the moon and stars at night, and below the
// horizon the haze the distant terrain fades into. It reads the sun uniforms applySun sets.
#include <osg/Node>
#include <osg/Program>

namespace jbt {

// Not part of the scene's bounds or near/far: it sits under its own projection.
osg::ref_ptr<osg::Node> buildSky(osg::ref_ptr<osg::Program> program);

}  // namespace jbt
