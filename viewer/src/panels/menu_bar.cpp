#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// The main menu: UI language, and hiding the panels for a clean view (F1 does the same).
class MenuBar : public Panel {
public:
    MenuBar(AppState& app, ImGuiLayer& imgui) : app_(app), imgui_(imgui) {}

    void draw() override {
        ImGuiIO& io = ImGui::GetIO();
        if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) {
            if (app_.presenting) {  // leaving presentation mode brings the panels back
                app_.presenting = false;
                imgui_.setPanelsVisible(true);
            } else {
                imgui_.togglePanels();
            }
        }
        if (io.KeyCtrl && (ImGui::IsKeyPressed('=') || ImGui::IsKeyPressed('+'))) imgui_.setScale(imgui_.scale() + 0.25f);
        if (io.KeyCtrl && ImGui::IsKeyPressed('-')) imgui_.setScale(imgui_.scale() - 0.25f);
        if (io.KeyCtrl && ImGui::IsKeyPressed('s') && app_.saveProject) app_.saveProject(saveMessage_);
        if (!imgui_.panelsVisible()) return;
        if (!ImGui::BeginMainMenuBar()) return;
        if (ImGui::BeginMenu(tr("项目", "Project").c_str())) {
            if (ImGui::MenuItem(tr("保存项目", "Save project").c_str(), "Ctrl+S") && app_.saveProject) app_.saveProject(saveMessage_);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(tr("视图", "View").c_str())) {
            if (ImGui::MenuItem(tr("隐藏面板", "Hide panels").c_str(), "Ctrl+Tab")) imgui_.togglePanels();
            if (ImGui::MenuItem(tr("演示模式", "Presentation mode").c_str(), nullptr, app_.presenting)) {
                app_.presenting = !app_.presenting;
                if (app_.presenting) imgui_.setPanelsVisible(false);
            }
            if (ImGui::MenuItem(tr("高对比度主题", "High-contrast theme").c_str(), nullptr,
                                imgui_.theme() == ImGuiLayer::Theme::HighContrast))
                imgui_.setTheme(imgui_.theme() == ImGuiLayer::Theme::HighContrast ? ImGuiLayer::Theme::Dark
                                                                                  : ImGuiLayer::Theme::HighContrast);
            if (ImGui::MenuItem(tr("界面放大", "Larger UI").c_str(), "Ctrl+=")) imgui_.setScale(imgui_.scale() + 0.25f);
            if (ImGui::MenuItem(tr("界面缩小", "Smaller UI").c_str(), "Ctrl+-")) imgui_.setScale(imgui_.scale() - 0.25f);
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(uiText("语言 Language"))) {
            for (auto [name, lang] : {std::pair{"中文", UiLanguage::Chinese}, {"English", UiLanguage::English},
                                      {"中文 + English", UiLanguage::Both}})
                if (ImGui::MenuItem(uiText(name), nullptr, uiLanguage() == lang)) setUiLanguage(lang);
            ImGui::EndMenu();
        }
        ImGui::TextDisabled("%s", app_.scene.showsDemoData ? tr("江北孪生 · 演示数据", "Jiangbei Twin · demo data").c_str()
                                                            : tr("江北孪生", "Jiangbei Twin").c_str());
        if (!saveMessage_.empty()) ImGui::TextDisabled("  %s", saveMessage_.c_str());
        ImGui::EndMainMenuBar();
    }

private:
    AppState& app_;
    ImGuiLayer& imgui_;
    std::string saveMessage_;
};

}  // namespace

std::unique_ptr<Panel> makeMenuBar(AppState& app, ImGuiLayer& imgui) { return std::make_unique<MenuBar>(app, imgui); }

}  // namespace jbt
