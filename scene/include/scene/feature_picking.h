#pragma once
// Which building a ray hit: the layer (from the node path) and the feature (from the per-vertex
// id of the hit triangle).
#include <osg/observer_ptr>
#include <osgUtil/LineSegmentIntersector>
#include <osgUtil/PolytopeIntersector>

#include "model/attribute_table.h"

namespace jbt {

struct FeatureHit {
    int layerIndex = -1;
    int featureIndex = -1;
    int modelIndex = -1;  // a placed model instead of a building
    bool onOblique = false;  // the ray met an oblique-photography mesh first (单体化 resolves it)
    // A feature of a streamed 3D Tiles tileset: its tileset, its id in the tile, the attributes
    // the tile's batch or property table gives it, and the tile's node (to highlight it there).
    int tilesetIndex = -1, tileFeature = -1;
    Attributes tileAttributes;
    osg::observer_ptr<osg::Node> tileNode;
    osg::Vec3d worldPoint;
};

// Node user value on a placed model's transform: its index in the scene's model list.
constexpr const char* kModelIndexKey = "jbt_model_index";

// Names of oblique-photography layer nodes begin so.
constexpr const char* kObliqueNodePrefix = "oblique:";

// The nearest hit that is a building, a placed model or an oblique mesh (the mesh hides what is
// behind it); false if none is.
bool firstFeatureHit(const osgUtil::LineSegmentIntersector::Intersections& hits, FeatureHit& out);

// A point of a streamed point cloud inside the picker's small window around the pointer (a
// line never meets a point), the nearest to `eye`: its index, or its BATCH_ID, as the feature;
// its batch-table row, or its number and colour where the tile has no table.
bool nearestPointHit(const osgUtil::PolytopeIntersector::Intersections& hits, const osg::Vec3d& eye, FeatureHit& out);

}  // namespace jbt
