#include <imgui.h>

#include "scene/building_colors.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"
#include "twin/tour_player.h"

namespace jbt {
namespace {

// Presentation mode: a title card (top left) and the legend (bottom right) instead of panels.
class PresentationOverlay : public Panel {
public:
    explicit PresentationOverlay(AppState& app) : app_(app) {}

    void draw() override {
        if (!app_.presenting) return;
        ImGuiIO& io = ImGui::GetIO();
        ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
        float pad = 16 * io.FontGlobalScale;
        ImGui::SetNextWindowPos(ImVec2(pad, pad), ImGuiCond_Always);
        ImGui::SetNextWindowBgAlpha(0.7f);
        if (ImGui::Begin("##title_card", nullptr, flags)) {
            ImGui::SetWindowFontScale(1.6f);
            ImGui::TextUnformatted(tr("江北孪生", "Jiangbei Twin").c_str());
            ImGui::SetWindowFontScale(1.0f);
            ImGui::TextUnformatted(tr("重庆市江北区 数字孪生", "Digital twin of Jiangbei District, Chongqing").c_str());
            if (app_.camera && app_.camera->tour())
                ImGui::TextColored(ImVec4(1, 0.85f, 0.3f, 1), "%s",
                                   tr(app_.camera->tour()->tour().nameZh.c_str(), app_.camera->tour()->tour().nameEn.c_str()).c_str());
        }
        ImGui::End();

        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, io.DisplaySize.y - pad), ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowBgAlpha(0.7f);
        if (ImGui::Begin("##legend", nullptr, flags)) {
            ImGui::TextUnformatted(tr("建筑高度", "Building height").c_str());
            for (auto [label, h] : {std::pair{"< 30 m", 15.0}, {"30–100 m", 60.0}, {"100–250 m", 170.0}, {"> 250 m", 280.0}}) {
                osg::Vec4ub c = wallColorForHeight(h);
                swatch(ImVec4(c.r() / 255.f, c.g() / 255.f, c.b() / 255.f, 1), label);
            }
            if (const GridChoropleth* grid = app_.twin.grid(); grid && grid->visible()) {
                ImGui::Separator();
                ImGui::TextUnformatted(tr("网格事件", "Grid events").c_str());
                for (const LegendEntry& e : grid->legend())
                    swatch(ImVec4(e.color[0] / 255.f, e.color[1] / 255.f, e.color[2] / 255.f, 1), uiText(e.label).c_str());
            }
            for (const SceneLayer& l : app_.scene.layers) {
                if (!l.visible || l.legend.empty()) continue;
                ImGui::Separator();
                ImGui::TextUnformatted(l.data.name.c_str());
                for (std::size_t i = 0; i < l.legend.size() && i < 8; ++i) {
                    const LegendEntry& e = l.legend[i];
                    swatch(ImVec4(e.color[0] / 255.f, e.color[1] / 255.f, e.color[2] / 255.f, 1), e.label.c_str());
                }
            }
        }
        ImGui::End();
    }

private:
    static void swatch(const ImVec4& color, const char* label) {
        ImGui::ColorButton(label, color, ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
    }

    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makePresentationOverlay(AppState& app) { return std::make_unique<PresentationOverlay>(app); }

}  // namespace jbt
