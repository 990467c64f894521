#pragma once
// Click (press and release without dragging) on a building selects it; on empty ground clears.
#include <osgGA/GUIEventHandler>
#include <osgViewer/View>

#include "scene/feature_picking.h"
#include "viewer/app_state.h"
#include "viewer/imgui_layer.h"

namespace jbt {

// The building under window pixel (x, y) (OSG window coordinates, origin bottom-left).
bool pickAt(osgViewer::View& view, double x, double y, FeatureHit& hit);
// A hit on an oblique mesh becomes the footprint there (单体化), when a building layer has one.
void resolveOnOblique(const SceneModel& scene, FeatureHit& hit);

class PickingHandler : public osgGA::GUIEventHandler {
public:
    PickingHandler(AppState& app, const ImGuiLayer& imgui) : app_(app), imgui_(imgui) {}
    bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) override;

private:
    bool hitUnder(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa, FeatureHit& hit) const;
    void hover(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa);

    AppState& app_;
    const ImGuiLayer& imgui_;
    float pushX_ = 0, pushY_ = 0;
};

}  // namespace jbt
