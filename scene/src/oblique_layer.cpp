#include "scene/oblique_layer.h"

#include <osg/NodeVisitor>
#include <osg/PagedLOD>
#include <osg/Program>
#include <osgDB/FileNameUtils>
#include <osgDB/ReadFile>
#include <osgDB/Registry>

#include <cfloat>

#include "model/error.h"
#include "scene/model_loader.h"
#include "scene/shader_library.h"
#include <filesystem>
#include <map>

namespace jbt {

void MissingTiles::note(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    paths_.insert(path);
}

std::size_t MissingTiles::count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paths_.size();
}

std::string MissingTiles::first() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paths_.empty() ? std::string() : *paths_.begin();
}

void MissingTiles::noteDamaged(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    damaged_.insert(path);
}

std::size_t MissingTiles::damagedCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return damaged_.size();
}

std::string MissingTiles::firstDamaged() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return damaged_.empty() ? std::string() : *damaged_.begin();
}

namespace {

constexpr const char* kDamagedTile = "jbt:damaged tile";

// A PagedLOD child whose file is absent: its range is made unreachable and the level above it
// keeps showing, so the pager never asks for it.
class CutMissingChildren : public osg::NodeVisitor {
public:
    CutMissingChildren(std::string fileDir, MissingTiles& missing)
        : NodeVisitor(TRAVERSE_ALL_CHILDREN), fileDir_(std::move(fileDir)), missing_(missing) {}

    void apply(osg::PagedLOD& plod) override {
        std::string base = plod.getDatabasePath().empty() ? fileDir_ : plod.getDatabasePath();
        for (unsigned i = 0; i < plod.getNumFileNames(); ++i) {
            const std::string& name = plod.getFileName(i);
            if (name.empty() || i < plod.getNumChildren()) continue;
            std::string path = osgDB::concatPaths(base, name);
            std::error_code ec;
            if (std::filesystem::exists(path, ec)) continue;
            missing_.note(path);
            float reach = plod.getMaxRange(i);
            plod.setFileName(i, "");
            plod.setRange(i, FLT_MAX, FLT_MAX);
            if (i > 0) plod.setRange(i - 1, plod.getMinRange(i - 1), std::max(reach, plod.getMaxRange(i - 1)));
        }
        traverse(plod);
    }

private:
    std::string fileDir_;
    MissingTiles& missing_;
};

// Every read of an .osgb under a registered oblique folder (the pager's included) is checked.
class ObliqueReadCallback : public osgDB::Registry::ReadFileCallback {
public:
    void add(const std::string& folder, std::shared_ptr<MissingTiles> missing) {
        std::lock_guard<std::mutex> lock(mutex_);
        folders_[std::filesystem::weakly_canonical(folder).string()] = std::move(missing);
    }

    osgDB::ReaderWriter::ReadResult readNode(const std::string& file, const osgDB::Options* options) override {
        osgDB::ReaderWriter::ReadResult r = osgDB::Registry::instance()->readNodeImplementation(file, options);
        std::shared_ptr<MissingTiles> missing = forFile(file);
        if (!r.validNode()) {
            // On disk but unreadable: an empty node, so the pager has its answer and stops asking.
            std::error_code ec;
            if (!missing || !std::filesystem::exists(file, ec)) return r;
            missing->noteDamaged(file);
            osg::ref_ptr<osg::Group> placeholder = new osg::Group;
            placeholder->setName(kDamagedTile);
            return osgDB::ReaderWriter::ReadResult(placeholder.get());
        }
        if (missing) {
            CutMissingChildren cut(osgDB::getFilePath(file), *missing);
            r.getNode()->accept(cut);
            markTexturedStateSets(*r.getNode());  // the oblique program samples only where there is a photograph
        }
        return r;
    }

private:
    std::shared_ptr<MissingTiles> forFile(const std::string& file) {
        std::error_code ec;
        std::string path = std::filesystem::weakly_canonical(file, ec).string();
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [folder, missing] : folders_)
            if (path.rfind(folder, 0) == 0) return missing;
        return nullptr;
    }

    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<MissingTiles>> folders_;
};

ObliqueReadCallback& readCallback() {
    static osg::ref_ptr<ObliqueReadCallback> cb = [] {
        osg::ref_ptr<ObliqueReadCallback> c = new ObliqueReadCallback;
        osgDB::Registry::instance()->setReadFileCallback(c.get());
        return c;
    }();
    return *cb;
}

}  // namespace

osg::ref_ptr<osg::MatrixTransform> buildObliqueLayer(const std::string& folder, const std::vector<std::string>& rootTiles,
                                                     const osg::Matrixd& placement, ObliqueLayerStats& stats) {
    stats.missing = std::make_shared<MissingTiles>();
    readCallback().add(folder, stats.missing);
    osg::ref_ptr<osg::MatrixTransform> root = new osg::MatrixTransform(placement);
    root->setName(folder);
    for (const std::string& tile : rootTiles) {
        osg::ref_ptr<osg::Node> node = osgDB::readRefNodeFile(tile);
        if (!node || node->getName() == kDamagedTile) {
            stats.unreadable.push_back(tile + ": not a readable OpenSceneGraph binary (truncated or not .osgb)");
            continue;
        }
        root->addChild(node);
        ++stats.rootTiles;
    }
    osg::StateSet* ss = root->getOrCreateStateSet();
    // The photographs carry the real day's light: no second shading on top; they only dim with
    // the sun and fade into the haze (the "oblique" program; without it, fixed function).
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    osg::ref_ptr<osg::Program> program;
    try {
        program = loadProgram("oblique", {"atmosphere.frag"});
    } catch (const Error&) {
        program = new osg::Program;
    }
    ss->setAttributeAndModes(program, osg::StateAttribute::ON | osg::StateAttribute::PROTECTED);
    ss->addUniform(new osg::Uniform("u_texture", 0));
    ss->addUniform(new osg::Uniform("u_textured", 0.0f));
    // Placement scales by a few parts in ten thousand: normals (if any) stay unit length.
    ss->setMode(GL_RESCALE_NORMAL, osg::StateAttribute::ON);
    return root;
}

}  // namespace jbt
