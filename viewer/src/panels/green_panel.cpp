#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// 花满街、绿满城: the share of the district that is green space, and how it spreads over the grid.
class GreenPanel : public Panel {
public:
    explicit GreenPanel(AppState& app) : app_(app) {}

    void draw() override {
        const auto& g = app_.green;
        if (!g.known) return;
        ImGui::Text("%s: %.1f %%", tr("绿化覆盖率", "Green coverage").c_str(), 100.0 * g.district);
        ImGui::ProgressBar(float(g.district), ImVec2(-FLT_MIN, 0));
        if (g.perCell.size() > 1) {
            // Cells by coverage, in tenths: how evenly the green is spread.
            float bins[10] = {};
            for (float r : g.perCell) bins[std::min(9, int(r * 10))] += 1;
            float top = 1;
            for (float b : bins) top = std::max(top, b);
            ImGui::TextUnformatted(tr("网格分布", "cells by coverage").c_str());
            ImGui::PlotHistogram("##cells", bins, 10, 0, nullptr, 0.f, top, ImVec2(ImGui::GetContentRegionAvail().x, 3.5f * ImGui::GetFontSize()));
        }
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeGreenPanel(AppState& app) { return std::make_unique<GreenPanel>(app); }

}  // namespace jbt
