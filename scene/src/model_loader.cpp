#include "scene/model_loader.h"

#include <osg/NodeVisitor>
#include <osg/TriangleFunctor>
#include <osg/Geode>
#include <osgDB/ReadFile>
#include <osgDB/Registry>

#include <algorithm>
#include <filesystem>

#include "model/error.h"

namespace jbt {
namespace {

struct CountOne {
    std::size_t* n = nullptr;
    void operator()(const osg::Vec3&, const osg::Vec3&, const osg::Vec3&, bool = false) { ++*n; }
};

struct TriangleCounter : osg::NodeVisitor {
    TriangleCounter() : NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Drawable& d) override {
        osg::TriangleFunctor<CountOne> f;
        f.n = &count;
        d.accept(f);
    }
    std::size_t count = 0;
};

struct MarkTextured : osg::NodeVisitor {
    MarkTextured() : NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void mark(osg::StateSet* ss) {
        if (ss && ss->getTextureAttribute(0, osg::StateAttribute::TEXTURE) && !ss->getUniform("u_textured"))
            ss->addUniform(new osg::Uniform("u_textured", 1.0f));
    }
    void apply(osg::Node& n) override {
        mark(n.getStateSet());
        traverse(n);
    }
    void apply(osg::Drawable& d) override { mark(d.getStateSet()); }
};

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

std::size_t countTriangles(osg::Node& node) {
    TriangleCounter c;
    node.accept(c);
    return c.count;
}

void markTexturedStateSets(osg::Node& node) {
    MarkTextured m;
    node.accept(m);
}

LoadedModel loadModel(const std::string& path) {
    if (!std::filesystem::is_regular_file(path)) throw Error(path + ": no such file");
    std::string ext = lower(std::filesystem::path(path).extension().string());
    LoadedModel out;
    if (ext == ".gltf" || ext == ".glb") {
        out = loadGltf(path);
    } else {
        std::string bare = ext.empty() ? "" : ext.substr(1);
        if (bare.empty() || !osgDB::Registry::instance()->getReaderWriterForExtension(bare))
            throw Error(path + ": no reader for '" + ext + "' models (glTF, GLB, OBJ, DAE, 3DS, OSGB, OSG, IVE, PLY and STL are read)");
        // OSG's OBJ reader turns Y-up files to Z-up itself; DAE follows the file's up_axis.
        osg::ref_ptr<osg::Node> node = osgDB::readRefNodeFile(path);
        if (!node) throw Error(path + ": not a readable " + bare + " model (the file is damaged or incomplete)");
        out.node = node;
        out.format = bare == "osgb" || bare == "osgt" || bare == "ive" || bare == "osg" ? "OpenSceneGraph (" + bare + ")" : bare;
        std::transform(out.format.begin(), out.format.end(), out.format.begin(),
                       [&](char c) { return bare.size() <= 3 ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c; });
        out.triangles = countTriangles(*out.node);
        if (out.triangles == 0) throw Error(path + ": the model has no triangles to draw");
    }
    markTexturedStateSets(*out.node);
    return out;
}

}  // namespace jbt
