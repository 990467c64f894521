#include <imgui.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "model/error.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

namespace fs = std::filesystem;

enum class Dialog { None, Open, SaveAs, Unsaved, Restore };

std::string defaultProjectPath() {
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / "jiangbei-projects" / "untitled.json").string();
}

std::string modifiedTime(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "?";
    std::tm tm{};
    localtime_r(&st.st_mtime, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

// Open, Save as, "save changes?", "restore unsaved work?": modal dialogs in the middle of the
// window. Esc closes the topmost dialog, else the Inspector, else presentation mode; never the
// program.
class ProjectDialogs : public Panel {
public:
    explicit ProjectDialogs(AppState& app) : app_(app) {}

    void draw() override {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) escape();
        take(app_.request);
        app_.request = ProjectRequest::None;
        static const char* names[] = {"", "open", "save_as", "unsaved", "restore"};
        app_.probeTexts["dialog"] = names[int(dialog_)];
        if (dialog_ == Dialog::Open || dialog_ == Dialog::SaveAs) fileDialog();
        if (dialog_ == Dialog::Unsaved) unsavedDialog();
        if (dialog_ == Dialog::Restore) restoreDialog();
    }

private:
    bool dirty() const { return app_.project && app_.projectState && app_.project->dirty(app_.projectState()); }

    void escape() {
        if (dialog_ != Dialog::None) {
            dialog_ = Dialog::None;
            pending_ = ProjectRequest::None;
        } else if (app_.selection.valid() || app_.selection.isModel() || app_.selection.isTileFeature()) {
            select(app_, {});
        } else if (app_.presenting) {
            app_.presenting = false;
        }
    }

    void take(ProjectRequest r) {
        switch (r) {
            case ProjectRequest::None: return;
            case ProjectRequest::Save:
                if (!app_.project || app_.project->path().empty()) return take(ProjectRequest::SaveAs);
                save(app_.project->path());
                return;
            case ProjectRequest::SaveAs:
                openFileDialog(Dialog::SaveAs, app_.project && !app_.project->path().empty() ? app_.project->path() : defaultProjectPath());
                return;
            case ProjectRequest::Open:
                openFileDialog(Dialog::Open, app_.project && !app_.project->path().empty()
                                                 ? fs::path(app_.project->path()).parent_path().string() + "/"
                                                 : fs::current_path().string() + "/");
                return;
            case ProjectRequest::OfferRestore:
                restorePath_ = app_.requestPath;
                dialog_ = Dialog::Restore;
                return;
            case ProjectRequest::New:
            case ProjectRequest::OpenPath:
            case ProjectRequest::Quit:
                pendingPath_ = app_.requestPath;
                if (dirty()) {
                    pending_ = r;
                    dialog_ = Dialog::Unsaved;
                } else {
                    carryOut(r);
                }
                return;
        }
    }

    void carryOut(ProjectRequest r) {
        std::string message;
        if (r == ProjectRequest::Quit && app_.quit) app_.quit();
        if (r == ProjectRequest::New && app_.reopen && !app_.reopen("", message)) app_.status = message;
        if (r == ProjectRequest::OpenPath && app_.reopen && !app_.reopen(pendingPath_, message)) app_.status = message;
        pending_ = ProjectRequest::None;
    }

    bool save(const std::string& path) {
        try {
            app_.project->save(path, app_.projectState());
            app_.status = app_.project->path() + " " + tr("已保存", "saved");
            return true;
        } catch (const Error& e) {
            app_.status = e.what();
            error_ = e.what();
            return false;
        }
    }

    void openFileDialog(Dialog d, const std::string& path) {
        dialog_ = d;
        std::snprintf(path_, sizeof path_, "%s", path.c_str());
        error_.clear();
    }

    void centreNext(float widthEm) {
        ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(widthEm * ImGui::GetFontSize(), io.DisplaySize.x * 0.95f), 0), ImGuiCond_Always);
    }

    void fileDialog() {
        bool open = dialog_ == Dialog::Open;
        std::string title = open ? tr("打开项目", "Open project") : tr("项目另存为", "Save project as");
        ImGui::OpenPopup((title + "###file").c_str());
        centreNext(36);
        if (!ImGui::BeginPopupModal((title + "###file").c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        bool confirm = ImGui::InputText("##path", path_, sizeof path_, ImGuiInputTextFlags_EnterReturnsTrue);
        // The folder of the typed path: sub-folders and project files to click through.
        fs::path typed(path_);
        fs::path folder = std::string(path_).empty() || std::string(path_).back() == '/' ? typed : typed.parent_path();
        if (folder.empty()) folder = ".";
        ImGui::BeginChild("files", ImVec2(0, 12 * ImGui::GetTextLineHeightWithSpacing()), true);
        if (ImGui::Selectable("../")) setPath((folder.lexically_normal().parent_path() / "").string());
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
        std::sort(entries.begin(), entries.end());
        for (const auto& e : entries) {
            std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            std::error_code ec2;
            if (e.is_directory(ec2)) {
                if (ImGui::Selectable(uiText(name + "/").c_str())) setPath((e.path() / "").string());
            } else if (e.path().extension() == ".json") {
                if (ImGui::Selectable(uiText(name).c_str(), e.path() == typed, ImGuiSelectableFlags_AllowDoubleClick)) {
                    setPath(e.path().string());
                    confirm |= ImGui::IsMouseDoubleClicked(0);
                }
            }
        }
        ImGui::EndChild();
        std::error_code ec3;
        if (!open && fs::is_regular_file(typed, ec3))
            ImGui::TextColored(ImVec4(1, 0.75f, 0.3f, 1), "%s", tr("将替换此文件", "This replaces the file").c_str());
        if (!error_.empty()) ImGui::TextWrapped("%s", uiText(error_).c_str());
        confirm |= ImGui::Button(open ? tr("打开", "Open").c_str() : tr("保存", "Save").c_str());
        probe(app_, "dialog.confirm");
        ImGui::SameLine();
        if (ImGui::Button(tr("取消", "Cancel").c_str())) dialog_ = Dialog::None;
        if (confirm && std::strlen(path_) > 0) {
            if (open) {
                pendingPath_ = path_;
                dialog_ = Dialog::None;
                if (dirty()) {
                    pending_ = ProjectRequest::OpenPath;
                    dialog_ = Dialog::Unsaved;
                } else {
                    std::string message;
                    if (app_.reopen && !app_.reopen(pendingPath_, message)) {
                        error_ = message;
                        dialog_ = Dialog::Open;
                    }
                }
            } else {
                std::string target = path_;
                if (fs::path(target).extension() != ".json") target += ".json";
                if (save(target)) {
                    dialog_ = Dialog::None;
                    if (pending_ != ProjectRequest::None) carryOut(pending_);
                }
            }
        }
        if (dialog_ != Dialog::Open && dialog_ != Dialog::SaveAs) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    void unsavedDialog() {
        std::string title = tr("未保存的更改", "Unsaved changes") + "###unsaved";
        ImGui::OpenPopup(title.c_str());
        centreNext(30);
        if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
        std::string name = app_.project ? app_.project->displayName() : "";
        std::string zh = "保存对“" + name + "”的更改吗？", en = "Save the changes to " + name + "?";
        ImGui::TextWrapped("%s", uiText(tr(zh.c_str(), en.c_str())).c_str());
        if (!error_.empty()) ImGui::TextWrapped("%s", uiText(error_).c_str());
        bool saveClicked = ImGui::Button(tr("保存", "Save").c_str());
        probe(app_, "dialog.save");
        if (saveClicked) {
            if (!app_.project || app_.project->path().empty()) {
                openFileDialog(Dialog::SaveAs, defaultProjectPath());  // the pending action follows the save
            } else if (save(app_.project->path())) {
                dialog_ = Dialog::None;
                carryOut(pending_);
            }
        }
        ImGui::SameLine();
        bool dontSave = ImGui::Button(tr("不保存", "Don't save").c_str());
        probe(app_, "dialog.dont_save");
        if (dontSave) {
            if (app_.project) app_.project->removeAutosave();
            dialog_ = Dialog::None;
            carryOut(pending_);
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("取消", "Cancel").c_str())) {
            dialog_ = Dialog::None;
            pending_ = ProjectRequest::None;
        }
        if (dialog_ != Dialog::Unsaved) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    void restoreDialog() {
        std::string title = tr("恢复未保存的工作", "Restore unsaved work") + "###restore";
        ImGui::OpenPopup(title.c_str());
        centreNext(32);
        if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
        ImGui::TextWrapped("%s", uiText(tr("上次会话未保存就结束了。自动保存于 ", "The last session ended without saving. Autosaved at ") +
                                        modifiedTime(restorePath_) + ": " + restorePath_)
                                     .c_str());
        bool restore = ImGui::Button(tr("恢复", "Restore").c_str());
        probe(app_, "dialog.restore");
        if (restore) {
            dialog_ = Dialog::None;
            if (app_.restore) app_.restore(restorePath_);
        }
        ImGui::SameLine();
        bool discard = ImGui::Button(tr("丢弃", "Discard").c_str());
        probe(app_, "dialog.discard");
        if (discard) {
            std::error_code ec;
            fs::remove(restorePath_, ec);
            dialog_ = Dialog::None;
        }
        if (dialog_ != Dialog::Restore) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    void setPath(const std::string& p) { std::snprintf(path_, sizeof path_, "%s", p.c_str()); }

    AppState& app_;
    Dialog dialog_ = Dialog::None;
    ProjectRequest pending_ = ProjectRequest::None;
    std::string pendingPath_, restorePath_, error_;
    char path_[1024] = "";
};

}  // namespace

std::unique_ptr<Panel> makeProjectDialogs(AppState& app) { return std::make_unique<ProjectDialogs>(app); }

}  // namespace jbt
