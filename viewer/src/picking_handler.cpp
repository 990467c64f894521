#include "viewer/picking_handler.h"

#include <cmath>

#include "scene/building_layer_builder.h"

namespace jbt {

void select(AppState& app, Selection s) {
    auto& layers = app.scene.layers;
    auto& models = app.scene.models;
    if (app.selection.valid() && app.selection.layer < int(layers.size()))
        setHighlightedFeature(*layers[app.selection.layer].node, -1);
    if (app.selection.isModel() && app.selection.model < int(models.size())) setModelHighlighted(models[app.selection.model], false);
    app.selection = s;
    if (s.valid() && s.layer < int(layers.size())) setHighlightedFeature(*layers[s.layer].node, s.feature);
    if (s.isModel() && s.model < int(models.size())) setModelHighlighted(models[s.model], true);
}

bool pickAt(osgViewer::View& view, double x, double y, FeatureHit& hit) {
    osg::ref_ptr<osgUtil::LineSegmentIntersector> picker =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::WINDOW, x, y);
    osgUtil::IntersectionVisitor iv(picker.get());
    view.getCamera()->accept(iv);
    return picker->containsIntersections() && firstFeatureHit(picker->getIntersections(), hit);
}

bool PickingHandler::handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) {
    using GEA = osgGA::GUIEventAdapter;
    if (ea.getButton() != GEA::LEFT_MOUSE_BUTTON || imgui_.wantsEvent(ea)) return false;
    if (ea.getEventType() == GEA::PUSH) {
        pushX_ = ea.getX();
        pushY_ = ea.getY();
        return false;
    }
    if (ea.getEventType() != GEA::RELEASE || std::hypot(ea.getX() - pushX_, ea.getY() - pushY_) > 4) return false;
    auto* view = dynamic_cast<osgViewer::View*>(&aa);
    if (!view) return false;
    FeatureHit hit;
    osgUtil::LineSegmentIntersector::Intersections hits;
    // Hidden layers have node mask 0 and are skipped by the intersection visitor.
    if (view->computeIntersections(ea, hits) && firstFeatureHit(hits, hit))
        select(app_, {hit.layerIndex, hit.featureIndex, hit.modelIndex});
    else select(app_, {});
    return false;
}

}  // namespace jbt
