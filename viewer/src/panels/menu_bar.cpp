#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// The main menu (Project, View, Language) and the keyboard shortcuts, which work with the
// panels hidden too.
class MenuBar : public Panel {
public:
    MenuBar(AppState& app, ImGuiLayer& imgui, std::vector<std::pair<const char*, const char*>> tabs)
        : app_(app), imgui_(imgui), tabs_(std::move(tabs)) {}

    void draw() override {
        shortcuts();
        if (!imgui_.panelsVisible()) return;
        if (!ImGui::BeginMainMenuBar()) return;
        projectMenu();
        viewMenu();
        if (ImGui::BeginMenu(uiText("语言 Language"))) {
            for (auto [name, lang] : {std::pair{"中文", UiLanguage::Chinese}, {"English", UiLanguage::English},
                                      {"中文 + English", UiLanguage::Both}})
                if (ImGui::MenuItem(uiText(name), nullptr, uiLanguage() == lang)) setUiLanguage(lang);
            ImGui::EndMenu();
        }
        // The title says which project is open, and whether it has unsaved changes.
        std::string title = (app_.project ? app_.project->displayName() : std::string()) +
                            (app_.unsaved ? " *" : "") + (app_.scene.showsDemoData ? tr(" · 演示数据", " · demo data") : "");
        if (ImGui::CalcTextSize(uiText(title).c_str()).x < ImGui::GetContentRegionAvail().x) ImGui::TextDisabled("%s", title.c_str());
        ImGui::EndMainMenuBar();
    }

private:
    void shortcuts() {
        ImGuiIO& io = ImGui::GetIO();
        auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
        if (io.KeyCtrl && pressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) {
            if (app_.presenting) {  // leaving presentation mode brings the panels back
                app_.presenting = false;
                imgui_.setPanelsVisible(true);
            } else {
                imgui_.togglePanels();
            }
        }
        if (pressed(kKeyF1)) imgui_.togglePanels();
        if (pressed(kKeyF1 + 10) && app_.toggleFullscreen) app_.toggleFullscreen();
        if (io.KeyCtrl && (pressed('=') || pressed('+'))) imgui_.setScale(imgui_.scale() + 0.25f);
        if (io.KeyCtrl && pressed('-')) imgui_.setScale(imgui_.scale() - 0.25f);
        if (io.KeyCtrl && pressed('s')) app_.request = io.KeyShift ? ProjectRequest::SaveAs : ProjectRequest::Save;
        if (io.KeyCtrl && pressed('o')) app_.request = ProjectRequest::Open;
        if (io.KeyCtrl && pressed('n')) app_.request = ProjectRequest::New;
        if (io.KeyCtrl && pressed('q')) app_.request = ProjectRequest::Quit;
        if (io.KeyCtrl && pressed('b')) app_.layout.sidebar = !app_.layout.sidebar;
    }

    void projectMenu() {
        if (!ImGui::BeginMenu(tr("项目", "Project").c_str())) return;
        if (ImGui::MenuItem(tr("新建", "New").c_str(), "Ctrl+N")) app_.request = ProjectRequest::New;
        if (ImGui::MenuItem(tr("打开…", "Open…").c_str(), "Ctrl+O")) app_.request = ProjectRequest::Open;
        std::vector<std::string> recent = ProjectSession::recent();
        if (ImGui::BeginMenu(tr("最近的项目", "Open recent").c_str(), !recent.empty())) {
            for (const std::string& r : recent)
                if (ImGui::MenuItem(uiText(r).c_str())) {
                    app_.request = ProjectRequest::OpenPath;
                    app_.requestPath = r;
                }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr("保存", "Save").c_str(), "Ctrl+S")) app_.request = ProjectRequest::Save;
        if (ImGui::MenuItem(tr("另存为…", "Save as…").c_str(), "Ctrl+Shift+S")) app_.request = ProjectRequest::SaveAs;
        ImGui::Separator();
        if (ImGui::MenuItem(tr("退出", "Quit").c_str(), "Ctrl+Q")) app_.request = ProjectRequest::Quit;
        ImGui::EndMenu();
    }

    void viewMenu() {
        if (!ImGui::BeginMenu(tr("视图", "View").c_str())) return;
        for (std::size_t i = 0; i < tabs_.size(); ++i)
            if (ImGui::MenuItem(tr(tabs_[i].first, tabs_[i].second).c_str(), nullptr, app_.layout.sidebar && app_.layout.tab == int(i))) {
                app_.layout.sidebar = true;
                app_.layout.tab = int(i);
            }
        ImGui::Separator();
        ImGui::MenuItem(tr("侧栏", "Sidebar").c_str(), "Ctrl+B", &app_.layout.sidebar);
        ImGui::MenuItem(tr("属性栏", "Inspector").c_str(), nullptr, &app_.layout.inspector);
        ImGui::MenuItem(tr("状态栏", "Status bar").c_str(), nullptr, &app_.layout.statusBar);
        if (ImGui::MenuItem(tr("隐藏面板", "Hide panels").c_str(), "F1")) imgui_.togglePanels();
        if (ImGui::MenuItem(tr("全屏", "Fullscreen").c_str(), "F11") && app_.toggleFullscreen) app_.toggleFullscreen();
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

    AppState& app_;
    ImGuiLayer& imgui_;
    std::vector<std::pair<const char*, const char*>> tabs_;
};

}  // namespace

std::unique_ptr<Panel> makeMenuBar(AppState& app, ImGuiLayer& imgui, std::vector<std::pair<const char*, const char*>> tabs) {
    return std::make_unique<MenuBar>(app, imgui, std::move(tabs));
}

}  // namespace jbt
