#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

class DemoBanner : public Panel {
public:
    DemoBanner(AppState& app, const ImGuiLayer& imgui) : app_(app), imgui_(imgui) {}

    void draw() override {
        // Generated relief is always on screen; generated layers only while shown.
        bool demoVisible = app_.scene.showsDemoData && app_.scene.demoTerrain;
        for (const SceneLayer& l : app_.scene.layers) demoVisible |= l.data.generated && l.visible;
        const std::string& font = imgui_.fontMessage();
        if (!demoVisible && font.empty()) return;
        // Top centre of the 3D view, below the menu and clear of the panels.
        const ScreenRect& v = app_.view;
        ImGui::SetNextWindowPos(ImVec2(v.x + v.w * 0.5f, v.y + 6), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::max(1.f, v.w - 12), FLT_MAX));
        ImGui::SetNextWindowBgAlpha(0.6f);
        ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
        if (ImGui::Begin("##demo_banner", nullptr, flags)) {
            ImGui::PushTextWrapPos(std::max(1.f, v.w - 24));
            // A narrow view (large UI scale on a small window) gets the short notice only.
            std::string detail = tr("江北区，生成的建筑与地形，非测绘数据", "Jiangbei District, generated buildings and terrain, not survey data");
            std::string full = std::string(uiText("演示数据 / demo data — ")) + detail;  // always both: it is a notice about the data
            bool fits = ImGui::CalcTextSize(full.c_str()).x < v.w - 24;
            if (demoVisible)
                ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1.0f), "%s", fits ? full.c_str() : uiText("演示数据 / demo data"));
            if (!font.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", font.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }

private:
    AppState& app_;
    const ImGuiLayer& imgui_;
};

}  // namespace

std::unique_ptr<Panel> makeDemoBanner(AppState& app, const ImGuiLayer& imgui) {
    return std::make_unique<DemoBanner>(app, imgui);
}

}  // namespace jbt
