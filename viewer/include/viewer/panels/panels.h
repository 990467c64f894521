#pragma once
// The viewer's ImGui panels, one class per file in this folder.
#include <memory>
#include <utility>
#include <vector>

#include "viewer/app_state.h"
#include "viewer/imgui_layer.h"

namespace jbt {

std::unique_ptr<Panel> makeLayersPanel(AppState& app);
std::unique_ptr<Panel> makeInspectorPanel(AppState& app);
std::unique_ptr<Panel> makeBookmarksPanel(AppState& app);
std::unique_ptr<Panel> makePerformancePanel(AppState& app);
std::unique_ptr<Panel> makeSearchPanel(AppState& app);
std::unique_ptr<Panel> makeToursPanel(AppState& app);
std::unique_ptr<Panel> makeSunPanel(AppState& app);
std::unique_ptr<Panel> makeGraphicsPanel(AppState& app);
std::unique_ptr<Panel> makeLivePanel(AppState& app);
std::unique_ptr<Panel> makeTimelinePanel(AppState& app);
std::unique_ptr<Panel> makeGreenPanel(AppState& app);
std::unique_ptr<Panel> makeImportPanel(AppState& app);
std::unique_ptr<Panel> makeDashboardPanel(AppState& app);
// Overlay: title card and legend in presentation mode.
std::unique_ptr<Panel> makePresentationOverlay(AppState& app);
// Overlay: the main menu (Project, View with the sidebar's `tabs`, Language) and the shortcuts.
std::unique_ptr<Panel> makeMenuBar(AppState& app, ImGuiLayer& imgui, std::vector<std::pair<const char*, const char*>> tabs);
// Overlay: the project dialogs — open, save as, unsaved changes, restore an autosave — and Esc.
std::unique_ptr<Panel> makeProjectDialogs(AppState& app);
// Overlay: the current tour stop's caption.
std::unique_ptr<Panel> makeTourCaption(AppState& app);
// Overlay: says "演示数据 / demo data" while generated data is on screen, and font problems.
std::unique_ptr<Panel> makeDemoBanner(AppState& app, const ImGuiLayer& imgui);

}  // namespace jbt
