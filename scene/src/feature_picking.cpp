#include "scene/feature_picking.h"

#include <osg/Geometry>
#include <osg/ValueObject>

#include "scene/building_layer_builder.h"
#include "scene/building_mesh.h"

namespace jbt {

bool firstFeatureHit(const osgUtil::LineSegmentIntersector::Intersections& hits, FeatureHit& out) {
    for (const auto& hit : hits) {
        int layer = -1, model = -1;
        bool oblique = false;
        for (const osg::Node* n : hit.nodePath) {
            if (n->getUserValue(kLayerIndexKey, layer) || n->getUserValue(kModelIndexKey, model)) break;
            if (n->getName().rfind(kObliqueNodePrefix, 0) == 0) {
                oblique = true;
                break;
            }
        }
        if (model >= 0 || oblique) {
            out = FeatureHit{};
            out.modelIndex = model;
            out.onOblique = oblique;
            out.worldPoint = hit.getWorldIntersectPoint();
            return true;
        }
        if (layer < 0 || hit.indexList.empty()) continue;
        const osg::Geometry* g = hit.drawable ? hit.drawable->asGeometry() : nullptr;
        const auto* ids = g ? dynamic_cast<const osg::FloatArray*>(g->getVertexAttribArray(kFeatureIdAttribute)) : nullptr;
        if (!ids || hit.indexList[0] >= ids->size()) continue;
        out.layerIndex = layer;
        out.featureIndex = static_cast<int>((*ids)[hit.indexList[0]] + 0.5f);
        out.worldPoint = hit.getWorldIntersectPoint();
        return true;
    }
    return false;
}

}  // namespace jbt
