#include <imgui.h>

#include <algorithm>

#include <cfloat>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "model/resource_paths.h"
#include "twin/live_figures.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// 一网统管 at a glance: cases by status and category, closure rate and median time to close,
// green coverage — each beside the district's goal from assets/district_goals.json.
class DashboardPanel : public Panel {
public:
    explicit DashboardPanel(AppState& app) : app_(app) {
        std::string file = findDataFile("assets/district_goals.json");
        std::ifstream in(file);
        nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
        if (!j.is_discarded()) {
            greenGoal_ = j.value("green_coverage_pct", -1.0);
            closeGoal_ = j.value("median_close_hours", -1.0);
            rateGoal_ = j.value("closure_rate_pct", -1.0);
        }
    }

    void draw() override {
        if (!app_.live || app_.live->empty()) return;
        const LiveFigures& f = figures_.get(*app_.live, ImGui::GetTime());
        chart(tr("按状态", "by status").c_str(), f.byStatus);
        chart(tr("按类别", "by category").c_str(), f.byCategory);
        const CaseStats& s = f.cases;
        double rate = s.total ? 100.0 * s.closed / s.total : 0.0;
        ImGui::Separator();
        goalLine(tr("办结率", "closed").c_str(), rate, "%", rateGoal_, true);
        if (s.medianCloseHours >= 0) goalLine(tr("办结用时中位数", "median time to close").c_str(), s.medianCloseHours, " h", closeGoal_, false);
        if (app_.green.known) goalLine(tr("绿化覆盖率", "green coverage").c_str(), 100.0 * app_.green.district, "%", greenGoal_, true);
    }

private:
    static void chart(const char* label, const std::map<std::string, int>& counts) {
        std::vector<float> values;
        std::string names;
        for (const auto& [k, v] : counts) {
            values.push_back(float(v));
            names += (names.empty() ? "" : " · ") + uiText(k) + " " + std::to_string(v);
        }
        float top = 1;
        for (float v : values) top = std::max(top, v);
        ImGui::TextUnformatted(label);
        ImGui::PlotHistogram((std::string("##") + label).c_str(), values.data(), int(values.size()), 0, nullptr, 0.f, top,
                             ImVec2(ImGui::GetContentRegionAvail().x, 3 * ImGui::GetFontSize()));
        ImGui::TextWrapped("%s", names.c_str());
    }

    // Green when the figure meets the goal (higher or lower is better, as said).
    static void goalLine(const char* label, double value, const char* unit, double goal, bool higherIsBetter) {
        bool met = goal < 0 || (higherIsBetter ? value >= goal : value <= goal);
        ImVec4 c = met ? ImVec4(0.4f, 0.9f, 0.5f, 1) : ImVec4(1.0f, 0.55f, 0.3f, 1);
        if (goal >= 0) ImGui::TextColored(c, "%s: %.1f%s (%s %.0f%s)", label, value, unit, tr("目标", "goal").c_str(), goal, unit);
        else ImGui::TextColored(c, "%s: %.1f%s", label, value, unit);
    }

    AppState& app_;
    LiveFiguresCache figures_;
    double greenGoal_ = -1, closeGoal_ = -1, rateGoal_ = -1;
};

}  // namespace

std::unique_ptr<Panel> makeDashboardPanel(AppState& app) { return std::make_unique<DashboardPanel>(app); }

}  // namespace jbt
