#pragma once
// One 3D Tiles content file → an OSG node in the tile's own frame (Z up, as 3D Tiles has it):
// b3dm (RTC_CENTER, batch ids), i3dm (instances), pnts (points, colours), cmpt (all of its
// tiles), glb/gltf (feature ids, EXT_structural_metadata). Each feature's attributes travel
// with the node for picking.
#include <osg/Node>

#include <string>
#include <vector>

#include "model/attribute_table.h"
#include "tiles/feature_style.h"
#include "tiles/geodesy.h"

namespace jbt {

// Attributes per feature id, on a content node's user data.
struct TileFeatureTable : osg::Referenced {
    std::vector<Attributes> rows;
};

// Node user value on each i3dm instance's transform: its row in the batch table. The instanced
// model is shared, so its own feature ids (if any) cannot say which instance was hit.
constexpr const char* kTileInstanceKey = "jbt_tile_instance";

struct TileContentNode {
    osg::ref_ptr<osg::Node> node;  // null for an external tileset
    bool externalTileset = false;
    bool vertexColoured = false;   // every surface coloured per vertex, none textured (baked buildings)
    std::size_t bytes = 0;         // geometry and textures, for the memory budget
    std::size_t triangles = 0, points = 0, features = 0;
    std::vector<std::string> warnings;
};

// Throws Error "NAME: REASON" when the content cannot be drawn at all. `contentToEcef` (the
// tile's transforms; null or off the Earth for a local frame) turns EAST_NORTH_UP instances.
TileContentNode buildTileContent(const std::string& bytes, const std::string& name, const std::string& baseDir,
                                 const Mat4* contentToEcef = nullptr);

// Colours the features under `node` by `style` (per vertex, from each feature's row); an
// inactive style gives the content its own colours back.
void styleTileContent(osg::Node& node, const FeatureStyle& style);

// The feature rows under `node` (what a style is made from).
void collectFeatureRows(osg::Node& node, std::vector<const Attributes*>& rows);

// Geometry and texture bytes a node holds (what a memory budget counts).
std::size_t nodeBytes(osg::Node& node);

}  // namespace jbt
