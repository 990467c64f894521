#include <imgui.h>

#include <algorithm>
#include <limits>

#include "twin/oblique_selection.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// Replays the events' history: a cursor over their time span, a window behind it, play at speed.
class TimelinePanel : public Panel {
public:
    explicit TimelinePanel(AppState& app) : app_(app) {}

    void draw() override {
        if (!app_.live || app_.live->empty()) return;
        std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
        for (const auto& l : *app_.live)
            if (l->events)
                for (const auto& [id, e] : l->events->byId) {
                    lo = std::min(lo, e.time);
                    hi = std::max(hi, e.time);
                }
        if (lo > hi) return;
        EventTimeline& t = app_.timeline;
        ImGuiIO& io = ImGui::GetIO();
        bool changed = ImGui::Checkbox(tr("回放历史", "Replay history").c_str(), &t.active);
        if (t.active && (t.cursor < lo || t.cursor > hi)) t.cursor = lo;
        if (t.active) {
            ImGui::SameLine();
            if (ImGui::Button(t.playing ? tr("暂停", "Pause").c_str() : tr("播放", "Play").c_str())) t.playing = !t.playing;
            if (t.playing) {
                t.cursor = std::min<std::int64_t>(hi, t.cursor + std::int64_t(t.speed * io.DeltaTime + 0.5));
                if (t.cursor >= hi) t.playing = false;
                changed = true;
            }
            ImGui::SetNextItemWidth(-FLT_MIN);
            changed |= ImGui::SliderScalar("##cursor", ImGuiDataType_S64, &t.cursor, &lo, &hi, formatChinaTime(t.cursor, "%Y-%m-%d %H:%M").c_str());
            int hours = int(t.windowSeconds / 3600);
            ImGui::SetNextItemWidth(9 * ImGui::GetFontSize());
            if (ImGui::SliderInt(tr("窗口 小时", "window, hours").c_str(), &hours, 1, 72)) {
                t.windowSeconds = std::int64_t(hours) * 3600;
                changed = true;
            }
            ImGui::SameLine();
            float speed = float(t.speed);
            ImGui::SetNextItemWidth(7 * ImGui::GetFontSize());
            if (ImGui::SliderFloat(tr("倍速", "speed").c_str(), &speed, 60.f, 7200.f, "%.0f×", ImGuiSliderFlags_Logarithmic))
                t.speed = speed;
        }
        if (changed) {
            ++t.version;
            if (app_.scene.eventTint) classifyEventBuildings(app_.scene, *app_.scene.eventTint, *app_.live, t, footprints_);
        }
    }

private:
    AppState& app_;
    EventFootprints footprints_;
};

}  // namespace

std::unique_ptr<Panel> makeTimelinePanel(AppState& app) { return std::make_unique<TimelinePanel>(app); }

}  // namespace jbt
