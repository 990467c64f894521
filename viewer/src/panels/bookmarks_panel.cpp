#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

class BookmarksPanel : public Panel {
public:
    explicit BookmarksPanel(AppState& app) : app_(app) {}

    void draw() override {
        for (const Bookmark& b : app_.scene.bookmarks) {
            std::string label = b.nameZh == b.nameEn ? b.nameZh : tr(b.nameZh.c_str(), b.nameEn.c_str());
            if (ImGui::Selectable((label + "##" + b.id).c_str()) && app_.flyTo) app_.flyTo(b);
        }
        ImGui::Separator();
        if (app_.bookmarkThisView && ImGui::Button(tr("保存当前视点", "Bookmark this view").c_str())) app_.bookmarkThisView();
        ImGui::TextDisabled("%s", tr("1 环绕 · 2 飞行 · 空格 回到起点", "1 orbit · 2 fly · space: home").c_str());
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeBookmarksPanel(AppState& app) { return std::make_unique<BookmarksPanel>(app); }

}  // namespace jbt
