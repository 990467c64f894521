#include "scene/feature_picking.h"

#include <osg/Geometry>
#include <osg/ValueObject>

#include <cstdio>
#include <limits>
#include <string>

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

// The points' colour as the Inspector shows it.
std::string hexColour(const osg::Vec4ub& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r(), c.g(), c.b());
    return buf;
}

}  // namespace

bool nearestPointHit(const osgUtil::PolytopeIntersector::Intersections& hits, const osg::Vec3d& eye, FeatureHit& out) {
    double best = std::numeric_limits<double>::max();
    for (const auto& hit : hits) {
        const osg::Geometry* g = hit.drawable ? hit.drawable->asGeometry() : nullptr;
        if (!g || g->getNumPrimitiveSets() != 1 || g->getPrimitiveSet(0)->getMode() != GL_POINTS) continue;
        int tileset = -1;
        osg::Node* tile = nullptr;
        for (osg::Node* n : hit.nodePath)
            if (n->getUserValue(kTilesetIndexKey, tileset)) tile = n;
        osg::Vec3d world = hit.matrix ? osg::Vec3d(hit.localIntersectionPoint) * (*hit.matrix) : osg::Vec3d(hit.localIntersectionPoint);
        double d = (world - eye).length2();
        if (!tile || d >= best) continue;
        best = d;
        std::size_t point = hit.primitiveIndex;
        out = FeatureHit{};
        out.tilesetIndex = tileset;
        out.tileNode = tile;
        out.worldPoint = world;
        const auto* ids = dynamic_cast<const osg::FloatArray*>(g->getVertexAttribArray(kFeatureIdAttribute));
        out.tileFeature = ids && point < ids->size() ? int((*ids)[point] + 0.5f) : int(point);
        if (const auto* table = dynamic_cast<const TileFeatureTable*>(g->getUserData())) {
            if (std::size_t(out.tileFeature) < table->rows.size()) out.tileAttributes = table->rows[std::size_t(out.tileFeature)];
        } else {
            out.tileAttributes.emplace_back("point", std::to_string(point));
            if (const auto* c = dynamic_cast<const osg::Vec4ubArray*>(g->getColorArray()); c && point < c->size())
                out.tileAttributes.emplace_back("colour", hexColour((*c)[point]));
        }
    }
    return best < std::numeric_limits<double>::max();
}

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
