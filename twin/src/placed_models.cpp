#include "twin/placed_models.h"

#include <osg/ValueObject>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "model/error.h"
#include "scene/model_loader.h"
#include "scene/shader_library.h"
#include "twin/app_options.h"
#include "twin/scene_assembly.h"

namespace jbt {
osg::Group& modelProgramGroup(SceneModel& scene, const std::string& name) {
    for (unsigned i = 0; i < scene.buildings->getNumChildren(); ++i)
        if (scene.buildings->getChild(i)->getName() == name) return *scene.buildings->getChild(i)->asGroup();
    osg::ref_ptr<osg::Group> g = new osg::Group;
    g->setName(name);
    osg::StateSet* ss = g->getOrCreateStateSet();
    try {
        ss->setAttributeAndModes(loadProgram("model", {"sun_shadow.frag", "atmosphere.frag"}));
    } catch (const Error& e) {
        scene.errors.push_back(e.what());  // fixed-function colours, still visible
    }
    ss->addUniform(new osg::Uniform("u_texture", 0));
    ss->addUniform(new osg::Uniform("u_textured", 0.0f));
    ss->addUniform(new osg::Uniform("u_vertexColor", 0.0f));
    ss->addUniform(new osg::Uniform("u_highlight", 0.0f));
    ss->addUniform(new osg::Uniform("u_featureIds", 0.0f));
    ss->addUniform(new osg::Uniform("u_highlightId", -1.0f));
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    scene.buildings->addChild(g);
    return *g;
}

osg::Matrixd modelMatrix(const ModelPlacement& p, const SceneFrame& frame, const HeightGrid& terrain, osg::Vec3d& base) {
    Vec2 at = frame.toScene({p.lon, p.lat});
    Vec2 north = frame.toScene({p.lon, p.lat + 1e-4});
    double convergence = std::atan2(north.x - at.x, north.y - at.y);  // true north, clockwise from grid north
    double ground = terrain.empty() ? 0.0 : terrain.sample(at.x, at.y);
    base.set(at.x, at.y, ground + p.altitude);
    double clockwise = p.headingDeg * M_PI / 180.0 + convergence;
    return osg::Matrixd::scale(p.scale, p.scale, p.scale) * osg::Matrixd::rotate(-clockwise, osg::Z_AXIS) *
           osg::Matrixd::translate(base);
}

std::string addPlacedModel(const ModelPlacement& p, SceneModel& scene) {
    try {
        double km = distanceMetres({p.lon, p.lat}, scene.frame->origin()) / 1000;
        if (km * 1000 > kRegionRadiusM) {
            char buf[200];
            std::snprintf(buf, sizeof buf, ": placed %.0f km from the scene centre; not shown (open it first or alone to "
                          "centre the scene on it)", km);
            return p.path + buf;
        }
        LoadedModel loaded = loadModel(p.path);
        PlacedModelScene m;
        m.placement = p;
        m.name = std::filesystem::path(p.path).filename().string();
        m.format = loaded.format;
        m.triangles = loaded.triangles;
        m.node = new osg::MatrixTransform(modelMatrix(p, *scene.frame, scene.terrain, m.base));
        m.node->setName("model:" + m.name);
        m.node->setUserValue(kModelIndexKey, static_cast<int>(scene.models.size()));
        m.node->addChild(loaded.node);
        for (const std::string& w : loaded.warnings) scene.messages.push_back(w);
        modelProgramGroup(scene, "models").addChild(m.node);
        osg::BoundingBox box;
        box.expandBy(m.node->getBound());
        scene.bookmarks.push_back(fitBookmark("model:" + m.name, "模型 Model: " + m.name, box, *scene.frame));
        scene.models.push_back(std::move(m));
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

void addPlacedModels(const AppOptions& o, SceneModel& scene) {
    for (const ModelPlacement& p : o.models)
        if (std::string why = addPlacedModel(p, scene); !why.empty()) scene.errors.push_back(why);
}

void setModelHighlighted(PlacedModelScene& m, bool on) {
    m.node->getOrCreateStateSet()->getOrCreateUniform("u_highlight", osg::Uniform::FLOAT)->set(on ? 1.0f : 0.0f);
}

}  // namespace jbt
