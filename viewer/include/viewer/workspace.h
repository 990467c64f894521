#pragma once
// The workspace: the menu bar on top, a left sidebar of tabs (Layers, Search, Views, Import,
// Live, Display), the Inspector on the right while something is selected, and a status bar at
// the bottom. Every rectangle is worked out each frame from the window size and the UI scale,
// so nothing overlaps at any size; what is left is the 3D view (AppState::view).
#include <memory>
#include <string>
#include <vector>

#include "viewer/app_state.h"
#include "viewer/imgui_layer.h"

namespace jbt {

struct WorkspaceTab {
    const char* zh;
    const char* en;
    std::vector<std::unique_ptr<Panel>> sections;  // drawn one after another in the tab
    std::vector<std::pair<const char*, const char*>> headers;  // a header per section after the first (zh, en)
};

struct WorkspaceRects {
    ScreenRect menu, sidebar, inspector, status, view;
};

// The rectangles for a display of `w` × `h` pixels at UI `scale`, with the menu bar
// `menuHeight` and the status bar `statusHeight` high.
WorkspaceRects layOut(float w, float h, float scale, float menuHeight, float statusHeight, const UiLayout& layout,
                      bool inspectorShown);

// The tab names, for the View menu.
std::vector<std::string> workspaceTabNames(const std::vector<WorkspaceTab>& tabs);

std::unique_ptr<Panel> makeWorkspace(AppState& app, ImGuiLayer& imgui, std::vector<WorkspaceTab> tabs,
                                     std::unique_ptr<Panel> inspector);

// The layout as the project keeps it (JSON text), and back (unknown or bad text: defaults).
std::string uiLayoutToJson(const UiLayout& layout);
UiLayout uiLayoutFromJson(const std::string& text);

}  // namespace jbt
