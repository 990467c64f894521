#pragma once
// GLSL programs loaded at run time from shaders/ (files, not strings in code).
#include <osg/Program>
#include <string>
#include <vector>

namespace jbt {

// Loads shaders/<name>.vert and shaders/<name>.frag, plus any further fragment shaders whose
// functions they call (e.g. "sun_shadow.frag"). `defines` are #defined in each (after its
// #version): a variant compiled without a feature costs nothing for it, where a uniform's `if`
// would still run both sides on a software renderer. Throws Error naming the file.
osg::ref_ptr<osg::Program> loadProgram(const std::string& name, const std::vector<std::string>& extraFragments = {},
                                       const std::vector<std::string>& defines = {});

}  // namespace jbt
