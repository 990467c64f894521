#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"
#include "twin/tour_player.h"

#include "model/error.h"

namespace jbt {
namespace {

class ToursPanel : public Panel {
public:
    explicit ToursPanel(AppState& app) : app_(app) {}

    void draw() override {
        if (app_.scene.tours.empty() || !app_.camera) return;
        GuardedCameraManipulator& cam = *app_.camera;
        for (const Tour& t : app_.scene.tours) {
            ImGui::PushID(t.id.c_str());
            if (ImGui::Button(tr("播放", "Play").c_str())) start(t);
            ImGui::SameLine();
            ImGui::Text("%s (%zu)", tr(t.nameZh.c_str(), t.nameEn.c_str()).c_str(), t.stops.size());
            ImGui::PopID();
        }
        if (const TourPlayer* p = cam.tour()) {
            ImGui::Separator();
            TourPlayer::State s = p->at(cam.tourTime());
            ImGui::ProgressBar(float(std::min(1.0, cam.tourTime() / std::max(1e-6, p->duration()))), ImVec2(-FLT_MIN, 0));
            ImGui::Text("%d / %zu", s.stop + 1, p->tour().stops.size());
            ImGui::SameLine();
            if (ImGui::Button(cam.tourPaused() ? tr("继续", "Resume").c_str() : tr("暂停", "Pause").c_str())) cam.setTourPaused(!cam.tourPaused());
            ImGui::SameLine();
            if (ImGui::Button(tr("停止", "Stop").c_str())) cam.stopTour();
        }
        if (!error_.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", error_.c_str());
    }

private:
    void start(const Tour& t) {
        CameraPose here;
        app_.camera->currentPose(here);
        error_.clear();
        try {
            app_.camera->playTour(makeTourPlayer(app_.scene, t, here));
        } catch (const Error& e) {
            error_ = e.what();
        }
    }

    AppState& app_;
    std::string error_;
};

// The caption of the stop being shown, bottom centre, while a tour runs (panels hidden or not).
class TourCaption : public Panel {
public:
    explicit TourCaption(AppState& app) : app_(app) {}

    void draw() override {
        const TourPlayer* p = app_.camera ? app_.camera->tour() : nullptr;
        if (!p) return;
        TourPlayer::State s = p->at(app_.camera->tourTime());
        if (s.finished || s.stop < 0 || s.stop >= int(p->tour().stops.size())) return;  // a finished tour leaves no caption behind
        const TourStop& stop = p->tour().stops[s.stop];
        const ScreenRect& v = app_.view;
        ImGui::SetNextWindowPos(ImVec2(v.x + v.w * 0.5f, v.y + v.h - 3 * ImGui::GetFontSize()), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.7f);
        ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
        if (ImGui::Begin("##tour_caption", nullptr, flags)) {
            if (uiLanguage() != UiLanguage::English) ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", stop.captionZh.c_str());
            if (uiLanguage() != UiLanguage::Chinese) ImGui::TextColored(ImVec4(0.8f, 0.85f, 0.9f, 1), "%s", stop.captionEn.c_str());
        }
        ImGui::End();
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeToursPanel(AppState& app) { return std::make_unique<ToursPanel>(app); }
std::unique_ptr<Panel> makeTourCaption(AppState& app) { return std::make_unique<TourCaption>(app); }

}  // namespace jbt
