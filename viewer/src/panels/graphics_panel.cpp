#include <imgui.h>

#include <string>

#include <cstdio>
#include <tuple>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// What the renderer does, for the machine and the room: a preset per kind of machine, and each
// effect on its own. Fog is Chongqing's: from clear air to the thick winter fog (雾都).
class GraphicsPanel : public Panel {
public:
    explicit GraphicsPanel(AppState& app) : app_(app) {}

    void draw() override {
        GraphicsSettings g = app_.twin.graphics();
        bool changed = false;
        ImGui::TextUnformatted(tr("画质预设", "Quality preset").c_str());
        bool first = true;
        for (auto [zh, en, q] : {std::tuple{"低", "Low", Quality::Low}, {"中", "Medium", Quality::Medium}, {"高", "High", Quality::High}}) {
            if (!first) ImGui::SameLine();
            first = false;
            if (ImGui::RadioButton(tr(zh, en).c_str(), g.quality == q) && g.quality != q) {
                float fog = g.fog;
                g = graphicsFor(q);
                g.fog = fog;
                changed = true;
            }
        }
        probe(app_, "graphics.quality");
        changed |= ImGui::Checkbox(tr("天空与大气", "Sky and atmosphere").c_str(), &g.sky);
        probe(app_, "graphics.sky");
        changed |= ImGui::Checkbox(tr("地形边缘融入雾中", "Terrain edges fade into the haze").c_str(), &g.edgeFade);
        changed |= ImGui::SliderFloat(tr("雾", "Fog").c_str(), &g.fog, 0.0f, 1.0f, g.fog < 0.05f ? "%.2f" : "%.2f");
        probe(app_, "graphics.fog");
        // auto: 4 samples on a GPU, none on a software renderer (where they double the frame time)
        const int values[] = {-1, 0, 2, 4, 8};
        std::string automatic = tr("自动", "auto");
        if (openedWith_ == -1) automatic += " (" + std::to_string(app_.msaaSamples) + ")";
        const char* names[] = {automatic.c_str(), "0", "2", "4", "8"};
        int index = 0;
        for (int i = 0; i < 5; ++i)
            if (values[i] == g.msaaSamples) index = i;
        if (ImGui::Combo(tr("抗锯齿 MSAA", "Anti-aliasing (MSAA)").c_str(), &index, names, 5)) {
            g.msaaSamples = values[index];
            changed = true;
        }
        if (g.msaaSamples != openedWith_)
            ImGui::TextDisabled("%s", tr("抗锯齿在下次打开窗口时生效", "anti-aliasing changes with the next window").c_str());
        if (changed) app_.twin.setGraphics(g);
    }

private:
    AppState& app_;
    int openedWith_ = app_.twin.graphics().msaaSamples;
};

}  // namespace

std::unique_ptr<Panel> makeGraphicsPanel(AppState& app) { return std::make_unique<GraphicsPanel>(app); }

}  // namespace jbt
