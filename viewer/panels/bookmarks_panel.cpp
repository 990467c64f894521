#include <imgui.h>

#include "viewer/panels/panels.h"

namespace jbt {
namespace {

class BookmarksPanel : public Panel {
public:
    explicit BookmarksPanel(AppState& app) : app_(app) {}

    void draw() override {
        ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(10, io.DisplaySize.y - 330), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(300, 240), ImGuiCond_FirstUseEver);
        if (!ImGui::Begin("视点 Bookmarks")) return ImGui::End();
        for (const Bookmark& b : app_.scene.bookmarks) {
            std::string label = b.nameZh == b.nameEn ? b.nameZh : b.nameZh + "  " + b.nameEn;
            if (ImGui::Selectable((label + "##" + b.id).c_str()) && app_.camera)
                app_.camera->flyTo(poseForBookmark(b, *app_.scene.frame, &app_.scene.terrain));
        }
        ImGui::Separator();
        ImGui::TextDisabled("1 环绕 orbit · 2 飞行 fly · 空格 space: home");
        ImGui::End();
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeBookmarksPanel(AppState& app) { return std::make_unique<BookmarksPanel>(app); }

}  // namespace jbt
