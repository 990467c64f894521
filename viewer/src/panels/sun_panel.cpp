#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// Date and time of day for the sun: day, dusk and night (windows light up after dark).
class SunPanel : public Panel {
public:
    explicit SunPanel(AppState& app) : app_(app) {}

    void draw() override {
        LocalTime t = app_.time;
        float hours = float(t.hours);
        int monthDay[2] = {t.month, t.day};
        bool changed = ImGui::SliderFloat(tr("时间", "Time").c_str(), &hours, 0.f, 24.f, formatHours(hours).c_str());
        changed |= ImGui::SliderInt2(tr("月/日", "Month/day").c_str(), monthDay, 1, 31);
        for (auto [zh, en, h] : {std::tuple{"白天", "Day", 11.0f}, {"黄昏", "Dusk", 18.9f}, {"夜晚", "Night", 21.5f}}) {
            if (ImGui::Button(tr(zh, en).c_str())) {
                hours = h;
                changed = true;
            }
            ImGui::SameLine();
        }
        ImGui::NewLine();
        if (changed) {
            t.hours = hours;
            t.month = std::clamp(monthDay[0], 1, 12);
            t.day = std::clamp(monthDay[1], 1, 31);
            setTimeOfDay(app_, t);
        }
        SunState s = sunAt(app_.scene.frame->origin().lon, app_.scene.frame->origin().lat, app_.time);
        ImGui::TextDisabled("%s %.0f° · %s %.0f°", tr("太阳高度", "elevation").c_str(), s.elevationDeg, tr("方位", "azimuth").c_str(), s.azimuthDeg);
    }

private:
    static std::string formatHours(float h) {
        char buf[16];
        int m = int(h * 60 + 0.5f);
        std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60 % 25, m % 60);
        return buf;
    }

    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeSunPanel(AppState& app) { return std::make_unique<SunPanel>(app); }

}  // namespace jbt
