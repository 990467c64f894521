#pragma once
// Which building a ray hit: the layer (from the node path) and the feature (from the per-vertex
// id of the hit triangle).
#include <osgUtil/LineSegmentIntersector>

namespace jbt {

struct FeatureHit {
    int layerIndex = -1;
    int featureIndex = -1;
    osg::Vec3d worldPoint;
};

// The nearest hit that is a building; false if none is.
bool firstFeatureHit(const osgUtil::LineSegmentIntersector::Intersections& hits, FeatureHit& out);

}  // namespace jbt
