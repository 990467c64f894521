#include "scene/shader_library.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "scene/building_mesh.h"
#include "model/resource_paths.h"

#include "model/error.h"

namespace jbt {
namespace {

std::string readShader(const std::string& relative) {
    std::string path = findDataFile(relative);
    if (path.empty()) throw Error(relative + ": shader not found in " + dataSearchPath());
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

osg::ref_ptr<osg::Program> loadProgram(const std::string& name, const std::vector<std::string>& extraFragments) {
    osg::ref_ptr<osg::Program> p = new osg::Program;
    p->setName(name);
    p->addShader(new osg::Shader(osg::Shader::VERTEX, readShader("shaders/" + name + ".vert")));
    p->addShader(new osg::Shader(osg::Shader::FRAGMENT, readShader("shaders/" + name + ".frag")));
    for (const std::string& extra : extraFragments)
        p->addShader(new osg::Shader(osg::Shader::FRAGMENT, readShader("shaders/" + extra)));
    p->addBindAttribLocation("a_featureId", kFeatureIdAttribute);
    p->addBindAttribLocation("a_footTop", kBaseHeightAttribute);
    return p;
}

}  // namespace jbt
