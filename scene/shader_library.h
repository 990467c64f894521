#pragma once
// GLSL programs loaded at run time from shaders/ (files, not strings in code).
#include <osg/Program>
#include <string>

namespace jbt {

// Loads shaders/<name>.vert and shaders/<name>.frag. Throws std::runtime_error naming the file.
osg::ref_ptr<osg::Program> loadProgram(const std::string& name);

}  // namespace jbt
