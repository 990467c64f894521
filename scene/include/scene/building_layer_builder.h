#pragma once
// LayerData → OSG: buildings merged per spatial tile (one draw call per tile), each tile's
// vertices relative to its own centre under a MatrixTransform, so floats stay precise.
#include <osg/Group>
#include <osg/Program>

#include "model/feature.h"

namespace jbt {

struct BuildingLayerOptions {
    double tileSizeM = 500.0;
    int layerIndex = 0;                   // stored on the node; picking reports it
    osg::ref_ptr<osg::Program> program;   // building shader; none: fixed-function
};

struct SceneBuildStats {
    std::size_t features = 0, tiles = 0, triangles = 0, vertices = 0;
    std::size_t roofFailures = 0;  // footprints the tessellator rejected (not drawn)
    std::size_t textures = 0, texturesUnreadable = 0;  // city model images read (or not: drawn white)
};

osg::ref_ptr<osg::Group> buildBuildingLayer(const LayerData& layer, const BuildingLayerOptions& options,
                                            SceneBuildStats& stats);

// The baseline the tiled design is measured against: one Geode per building.
osg::ref_ptr<osg::Group> buildBuildingLayerOneNodePerBuilding(const LayerData& layer,
                                                              const BuildingLayerOptions& options,
                                                              SceneBuildStats& stats);

// Layer look, applied through uniforms on the layer node's StateSet.
void setLayerOpacity(osg::Group& layerNode, float opacity);
void setHighlightedFeature(osg::Group& layerNode, int featureIndex);  // -1: none

constexpr const char* kLayerIndexKey = "jbt_layer_index";

}  // namespace jbt
