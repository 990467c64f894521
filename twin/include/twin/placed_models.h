#pragma once
// Placed models (--model FILE@LON,LAT[,ALT,HEADING,SCALE], the import dialog, project files):
// loaded, stood on the terrain, turned to true north, listed, picked.
#include <osg/MatrixTransform>
#include <string>
#include <vector>

#include "data_import/scene_frame.h"
#include "model/height_grid.h"
#include "model/model_placement.h"
#include "scene/feature_picking.h"  // kModelIndexKey

namespace jbt {

struct SceneModel;
struct AppOptions;

struct PlacedModelScene {
    ModelPlacement placement;
    std::string name;    // the file's name
    std::string format;  // "glTF 2.0 (GLB)", "OBJ", …
    std::size_t triangles = 0;
    osg::Vec3d base;     // scene metres: where its origin stands
    osg::ref_ptr<osg::MatrixTransform> node;
    bool visible = true;
};

// The model's transform: scaled, turned clockwise by its heading from true north (grid north
// differs from true north away from the scene's meridian), stood `altitude` above the ground.
osg::Matrixd modelMatrix(const ModelPlacement& p, const SceneFrame& frame, const HeightGrid& terrain, osg::Vec3d& base);

// Every --model; one that cannot be loaded is an error naming it, the rest load.
void addPlacedModels(const AppOptions& options, SceneModel& scene);

// One model now (the import dialog). Returns "" or why it was not placed, naming the file.
std::string addPlacedModel(const ModelPlacement& placement, SceneModel& scene);

// The group under the shadow casters, drawn by the "model" program (sun, sky, haze), that
// models ("models") and streamed tilesets ("tilesets") hang under; made when first asked for.
osg::Group& modelProgramGroup(SceneModel& scene, const std::string& name);

// Tints the model as selected (or not).
void setModelHighlighted(PlacedModelScene& model, bool on);

}  // namespace jbt
