#include "scene/shader_library.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "scene/building_mesh.h"
#include "model/resource_paths.h"

#include "model/error.h"

namespace jbt {
namespace {

std::string readShader(const std::string& relative, const std::vector<std::string>& defines) {
    std::string path = findDataFile(relative);
    if (path.empty()) throw Error(relative + ": shader not found in " + dataSearchPath());
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    std::string lines;
    for (const std::string& d : defines) lines += "#define " + d + " 1\n";
    std::size_t afterVersion = text.rfind("#version", 0) == 0 ? text.find('\n') + 1 : 0;
    return text.insert(afterVersion, lines);
}

}  // namespace

osg::ref_ptr<osg::Program> loadProgram(const std::string& name, const std::vector<std::string>& extraFragments,
                                       const std::vector<std::string>& defines) {
    osg::ref_ptr<osg::Program> p = new osg::Program;
    std::string label = name;
    for (const std::string& d : defines) label += " " + d;
    p->setName(label);
    p->addShader(new osg::Shader(osg::Shader::VERTEX, readShader("shaders/" + name + ".vert", defines)));
    p->addShader(new osg::Shader(osg::Shader::FRAGMENT, readShader("shaders/" + name + ".frag", defines)));
    for (const std::string& extra : extraFragments)
        p->addShader(new osg::Shader(osg::Shader::FRAGMENT, readShader("shaders/" + extra, defines)));
    p->addBindAttribLocation("a_featureId", kFeatureIdAttribute);
    p->addBindAttribLocation("a_footTop", kBaseHeightAttribute);
    return p;
}

}  // namespace jbt
