#include <imgui.h>

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
        ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 12), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.6f);
        ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
        if (ImGui::Begin("##demo_banner", nullptr, flags)) {
            if (demoVisible)
                ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.3f, 1.0f),
                                   uiText("演示数据 / demo data — %s"),  // always both: it is a notice about the data
                                   tr("江北区，生成的建筑与地形，非测绘数据", "Jiangbei District, generated buildings and terrain, not survey data").c_str());
            if (!font.empty()) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", font.c_str());
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
