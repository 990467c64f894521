#pragma once
// Which building a ray hit: the layer (from the node path) and the feature (from the per-vertex
// id of the hit triangle).
#include <osgUtil/LineSegmentIntersector>

namespace jbt {

struct FeatureHit {
    int layerIndex = -1;
    int featureIndex = -1;
    int modelIndex = -1;  // a placed model instead of a building
    bool onOblique = false;  // the ray met an oblique-photography mesh first (单体化 resolves it)
    osg::Vec3d worldPoint;
};

// Node user value on a placed model's transform: its index in the scene's model list.
constexpr const char* kModelIndexKey = "jbt_model_index";

// Names of oblique-photography layer nodes begin so.
constexpr const char* kObliqueNodePrefix = "oblique:";

// The nearest hit that is a building, a placed model or an oblique mesh (the mesh hides what is
// behind it); false if none is.
bool firstFeatureHit(const osgUtil::LineSegmentIntersector::Intersections& hits, FeatureHit& out);

}  // namespace jbt
