#include <imgui.h>

#include <map>

#include "scene/event_markers.h"
#include "twin/live_figures.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// Live feeds: a badge per source (live / stale / error, with the reason) and today's cases by
// status and category.
class LivePanel : public Panel {
public:
    explicit LivePanel(AppState& app) : app_(app) {}

    void draw() override {
        if (!app_.live || app_.live->empty()) return;
        for (const auto& l : *app_.live) {
            LiveStatus st = l->source->status();
            ImVec4 badge = st.state == LiveStatus::State::Live    ? ImVec4(0.3f, 0.85f, 0.4f, 1)
                           : st.state == LiveStatus::State::Stale ? ImVec4(1.0f, 0.7f, 0.2f, 1)
                           : st.state == LiveStatus::State::Error ? ImVec4(1.0f, 0.35f, 0.3f, 1)
                                                                  : ImVec4(0.6f, 0.6f, 0.6f, 1);
            ImGui::TextColored(badge, uiText("● %s"), liveStateName(st.state));
            ImGui::SameLine();
            ImGui::TextUnformatted(l->source->name().c_str());
            if (st.secondsSinceGood >= 0) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%.0f s)", st.secondsSinceGood);
            }
            if (!st.reason.empty()) ImGui::TextWrapped("%s", uiText(st.reason).c_str());
            if (!l->events) continue;
            const LiveFigures& f = figures_[l.get()].get(*app_.live, ImGui::GetTime(), l.get());
            ImGui::Text("%s: %zu", tr("事件", "events").c_str(), f.events);
            for (const auto& [s, n] : f.byStatus) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s %d", uiText(s).c_str(), n);
            }
            for (const auto& [c, n] : f.byCategory) {
                osg::Vec4 col = eventCategoryColor(c);
                ImGui::TextColored(ImVec4(col.r(), col.g(), col.b(), 1), "%s", uiText("●"));
                ImGui::SameLine();
                ImGui::Text("%s %d", uiText(c).c_str(), n);
            }
        }
    }

private:
    AppState& app_;
    std::map<const LiveLayer*, LiveFiguresCache> figures_;  // per source
};

}  // namespace

std::unique_ptr<Panel> makeLivePanel(AppState& app) { return std::make_unique<LivePanel>(app); }

}  // namespace jbt
