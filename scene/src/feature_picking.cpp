#include "scene/feature_picking.h"

#include <osg/Geometry>
#include <osg/ValueObject>

#include "scene/building_layer_builder.h"
#include "scene/building_mesh.h"
#include "scene/tile_content.h"
#include "scene/tileset_layer.h"

namespace jbt {

namespace {

// The feature id of the hit triangle's first corner (kFeatureIdAttribute); -1 when none.
int hitFeatureId(const osgUtil::LineSegmentIntersector::Intersection& hit) {
    const osg::Geometry* g = hit.drawable ? hit.drawable->asGeometry() : nullptr;
    const auto* ids = g ? dynamic_cast<const osg::FloatArray*>(g->getVertexAttribArray(kFeatureIdAttribute)) : nullptr;
    if (!ids || hit.indexList.empty() || hit.indexList[0] >= ids->size()) return -1;
    return static_cast<int>((*ids)[hit.indexList[0]] + 0.5f);
}

// A hit inside a streamed tileset: the tile, the feature and its row of attributes.
bool tileHit(const osgUtil::LineSegmentIntersector::Intersection& hit, FeatureHit& out) {
    int tileset = -1;
    osg::Node* tile = nullptr;
    const TileFeatureTable* table = nullptr;
    int instance = -1;
    for (osg::Node* n : hit.nodePath) {
        if (n->getUserValue(kTilesetIndexKey, tileset)) tile = n;
        if (auto* t = dynamic_cast<const TileFeatureTable*>(n->getUserData())) table = t;
        n->getUserValue(kTileInstanceKey, instance);
    }
    if (!tile) return false;
    out = FeatureHit{};
    out.tilesetIndex = tileset;
    out.tileNode = tile;
    out.worldPoint = hit.getWorldIntersectPoint();
    out.tileFeature = instance >= 0 ? instance : hitFeatureId(hit);
    if (table && out.tileFeature >= 0 && std::size_t(out.tileFeature) < table->rows.size())
        out.tileAttributes = table->rows[std::size_t(out.tileFeature)];
    return true;
}

}  // namespace

bool firstFeatureHit(const osgUtil::LineSegmentIntersector::Intersections& hits, FeatureHit& out) {
    for (const auto& hit : hits) {
        if (tileHit(hit, out)) return true;
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
        int id = layer < 0 ? -1 : hitFeatureId(hit);
        if (id < 0) continue;
        out = FeatureHit{};
        out.layerIndex = layer;
        out.featureIndex = id;
        out.worldPoint = hit.getWorldIntersectPoint();
        return true;
    }
    return false;
}

}  // namespace jbt
