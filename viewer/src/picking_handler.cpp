#include "viewer/picking_handler.h"

#include <osg/NodeVisitor>
#include <osg/ValueObject>

#include <algorithm>
#include <cmath>

#include "scene/building_layer_builder.h"
#include "scene/tile_content.h"
#include "twin/oblique_selection.h"

namespace jbt {

Selection selectionOf(const FeatureHit& hit) {
    Selection s{hit.layerIndex, hit.featureIndex, hit.modelIndex};
    s.tileset = hit.tilesetIndex;
    s.tileFeature = hit.tileFeature;
    s.tileAttributes = hit.tileAttributes;
    s.tileNode = hit.tileNode;
    return s;
}

namespace {

// i3dm instances share one model: the picked one is tinted on its own transform.
struct InstanceTint : osg::NodeVisitor {
    explicit InstanceTint(int id) : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), id(id) {}
    void apply(osg::Node& n) override {
        int instance = -1;
        if (n.getUserValue(kTileInstanceKey, instance))
            n.getOrCreateStateSet()->getOrCreateUniform("u_highlight", osg::Uniform::FLOAT)->set(instance == id ? 1.0f : 0.0f);
        else traverse(n);
    }
    int id;
};

// A tile's feature lights up where the tile is drawn: by its feature id in the building and
// model programs, or as the instance it is.
void highlightTileFeature(const Selection& s, int id) {
    osg::ref_ptr<osg::Node> node;
    if (!s.tileNode.lock(node)) return;
    if (osg::Uniform* u = node->getOrCreateStateSet()->getUniform("u_highlightId")) u->set(float(id));
    InstanceTint tint(id);
    node->accept(tint);
}

}  // namespace

void select(AppState& app, Selection s) {
    auto& layers = app.scene.layers;
    auto& models = app.scene.models;
    highlightTileFeature(app.selection, -1);
    highlightTileFeature(s, s.tileFeature);
    if (app.selection.valid() && app.selection.layer < int(layers.size()))
        setHighlightedFeature(*layers[app.selection.layer].node, -1);
    if (app.selection.isModel() && app.selection.model < int(models.size())) setModelHighlighted(models[app.selection.model], false);
    app.selection = s;
    if (s.valid() && s.layer < int(layers.size())) setHighlightedFeature(*layers[s.layer].node, s.feature);
    if (s.isModel() && s.model < int(models.size())) setModelHighlighted(models[s.model], true);
    if (app.scene.selectedTint) classifyOnOblique(app.scene, *app.scene.selectedTint, s.layer, s.feature);
}

void resolveOnOblique(const SceneModel& scene, FeatureHit& hit) {
    if (!hit.onOblique) return;
    if (auto f = footprintAt(scene, hit.worldPoint.x(), hit.worldPoint.y())) {
        hit.layerIndex = f->first;
        hit.featureIndex = f->second;
    }
}

namespace {

constexpr double kPointPickPixels = 4;  // a point this near the pointer is under it

// A point of a point cloud under the pointer, if it is nearer than what the line met (`onLine`):
// points are picked in a small window, as a line never meets one.
bool pointBeforeLine(osg::Camera& camera, osgUtil::PolytopeIntersector* picker, bool onLine, FeatureHit& hit) {
    picker->setPrimitiveMask(osgUtil::PolytopeIntersector::POINT_PRIMITIVES);
    osgUtil::IntersectionVisitor iv(picker);
    camera.accept(iv);
    osg::Vec3d eye = camera.getInverseViewMatrix().getTrans();
    FeatureHit point;
    if (!picker->containsIntersections() || !nearestPointHit(picker->getIntersections(), eye, point)) return false;
    if (onLine && (hit.worldPoint - eye).length2() <= (point.worldPoint - eye).length2()) return false;
    hit = point;
    return true;
}

}  // namespace

bool pickAt(osgViewer::View& view, double x, double y, FeatureHit& hit) {
    osg::ref_ptr<osgUtil::LineSegmentIntersector> picker =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, x, y);
    osgUtil::IntersectionVisitor iv(picker.get());
    view.getCamera()->accept(iv);
    bool onLine = picker->containsIntersections() && firstFeatureHit(picker->getIntersections(), hit);
    double r = kPointPickPixels;
    osg::ref_ptr<osgUtil::PolytopeIntersector> points =
        new osgUtil::PolytopeIntersector(osgUtil::Intersector::WINDOW, x - r, y - r, x + r, y + r);
    return pointBeforeLine(*view.getCamera(), points.get(), onLine, hit) || onLine;
}

// The building, model, point or oblique footprint under the pointer (hidden layers are not
// intersected).
bool PickingHandler::hitUnder(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa, FeatureHit& hit) const {
    auto* view = dynamic_cast<osgViewer::View*>(&aa);
    if (!view) return false;
    osgUtil::LineSegmentIntersector::Intersections hits;
    bool onLine = view->computeIntersections(ea, hits) && firstFeatureHit(hits, hit);
    // Points come only from streamed tilesets: without one, no second walk of the scene (this
    // runs on every pointer move while oblique meshes are shown).
    if (!app_.scene.tilesets.empty()) {
        double x = ea.getXnormalized(), y = ea.getYnormalized();
        double rx = 2 * kPointPickPixels / std::max(1.f, ea.getXmax() - ea.getXmin()), ry = 2 * kPointPickPixels / std::max(1.f, ea.getYmax() - ea.getYmin());
        osg::ref_ptr<osgUtil::PolytopeIntersector> points =
            new osgUtil::PolytopeIntersector(osgUtil::Intersector::PROJECTION, x - rx, y - ry, x + rx, y + ry);
        if (pointBeforeLine(*view->getCamera(), points.get(), onLine, hit)) return true;
    }
    if (!onLine) return false;
    resolveOnOblique(app_.scene, hit);
    return true;
}

// The footprint under the pointer lights up on the oblique mesh (only while meshes are shown).
void PickingHandler::hover(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) {
    ClassificationHighlight* tint = app_.scene.hoverTint.get();
    if (!tint || app_.scene.oblique.empty()) return;
    FeatureHit hit;
    if (!imgui_.wantsEvent(ea) && hitUnder(ea, aa, hit) && hit.onOblique) {
        if (hit.featureIndex >= 0 && !(hit.layerIndex == app_.selection.layer && hit.featureIndex == app_.selection.feature)) {
            classifyOnOblique(app_.scene, *tint, hit.layerIndex, hit.featureIndex);
            return;
        }
    }
    tint->hide();
}

bool PickingHandler::handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) {
    using GEA = osgGA::GUIEventAdapter;
    if (ea.getEventType() == GEA::MOVE) {
        hover(ea, aa);
        return false;
    }
    if (ea.getButton() != GEA::LEFT_MOUSE_BUTTON || imgui_.wantsEvent(ea)) return false;
    if (ea.getEventType() == GEA::PUSH) {
        pushX_ = ea.getX();
        pushY_ = ea.getY();
        return false;
    }
    if (ea.getEventType() != GEA::RELEASE || std::hypot(ea.getX() - pushX_, ea.getY() - pushY_) > 4) return false;
    FeatureHit hit;
    if (hitUnder(ea, aa, hit)) {
        select(app_, selectionOf(hit));
        if (app_.scene.hoverTint) app_.scene.hoverTint->hide();
    } else {
        select(app_, {});
    }
    return false;
}

}  // namespace jbt
