#include <imgui.h>

#include "twin/oblique_selection.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// Finds places by Chinese, pinyin or English name and flies there.
class SearchPanel : public Panel {
public:
    explicit SearchPanel(AppState& app) : app_(app) {}

    void draw() override {
        ImGui::SetNextItemWidth(-FLT_MIN);
        bool enter = ImGui::InputTextWithHint("##query", uiText("地名 / pinyin / name"), query_, sizeof query_,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
        probe(app_, "search.field");
        auto hits = searchPlaces(app_.scene.places, query_);
        app_.probeTexts["search"] = query_;
        std::string ids;
        for (const Place* h : hits) ids += (ids.empty() ? "" : " ") + h->id;
        app_.probeTexts["search.hits"] = ids;
        if (enter && !hits.empty()) flyTo(*hits.front());
        for (std::size_t i = 0; i < hits.size() && i < 8; ++i) {
            const Place& p = *hits[i];
            if (ImGui::Selectable((tr(p.nameZh.c_str(), p.nameEn.c_str()) + "##" + p.id).c_str())) flyTo(p);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.description.c_str());
        }
        if (query_[0] && hits.empty()) ImGui::TextDisabled("%s", tr("没有找到", "Nothing found").c_str());
    }

private:
    void flyTo(const Place& p) {
        if (const Bookmark* b = bookmarkForPlace(app_.scene, p); b && app_.flyTo) app_.flyTo(*b);
        // Over oblique photography, the building standing at the place is selected and tinted on
        // the mesh (单体化), as a click there would.
        if (app_.scene.oblique.empty()) return;
        Vec2 at = app_.scene.frame->toScene(p.position);
        if (auto f = footprintAt(app_.scene, at.x, at.y)) select(app_, {f->first, f->second});
    }

    AppState& app_;
    char query_[128] = "";
};

}  // namespace

std::unique_ptr<Panel> makeSearchPanel(AppState& app) { return std::make_unique<SearchPanel>(app); }

}  // namespace jbt
