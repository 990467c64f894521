#include "viewer/picking_handler.h"

#include <cmath>

#include "scene/building_layer_builder.h"
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

// Baked (vertex-coloured) tiles are drawn by the building program: it tints the feature itself.
void highlightTileFeature(const Selection& s, int id) {
    osg::ref_ptr<osg::Node> node;
    if (!s.tileNode.lock(node)) return;
    if (osg::Uniform* u = node->getOrCreateStateSet()->getUniform("u_highlightId")) u->set(float(id));
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

bool pickAt(osgViewer::View& view, double x, double y, FeatureHit& hit) {
    osg::ref_ptr<osgUtil::LineSegmentIntersector> picker =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, x, y);
    osgUtil::IntersectionVisitor iv(picker.get());
    view.getCamera()->accept(iv);
    return picker->containsIntersections() && firstFeatureHit(picker->getIntersections(), hit);
}

// The building, model or oblique footprint under the pointer (hidden layers are not intersected).
bool PickingHandler::hitUnder(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa, FeatureHit& hit) const {
    auto* view = dynamic_cast<osgViewer::View*>(&aa);
    osgUtil::LineSegmentIntersector::Intersections hits;
    if (!view || !view->computeIntersections(ea, hits) || !firstFeatureHit(hits, hit)) return false;
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
