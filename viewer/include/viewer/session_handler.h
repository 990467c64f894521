#pragma once
// Window-level input that belongs to no panel: the close button (asks first, as Project → Quit
// does), the pointer's ground position for the status bar, and double-click to fly there.
#include <osgGA/GUIEventHandler>

#include "viewer/app_state.h"
#include "viewer/imgui_layer.h"

namespace jbt {

osg::ref_ptr<osgGA::GUIEventHandler> makeSessionHandler(AppState& app, ImGuiLayer& imgui);

}  // namespace jbt
