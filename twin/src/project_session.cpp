#include "twin/project_session.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "model/error.h"

namespace jbt {
namespace {

namespace fs = std::filesystem;

fs::path userFolder(const char* xdgVariable, const char* fallback) {
    if (const char* x = std::getenv(xdgVariable); x && *x) return fs::path(x) / "jiangbei-twin";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / fallback / "jiangbei-twin";
}

fs::path recentFile() { return userFolder("XDG_CONFIG_HOME", ".config") / "recent.json"; }

}  // namespace

ProjectSession::ProjectSession(std::string path) : path_(std::move(path)) {}

std::string ProjectSession::displayName() const {
    return path_.empty() ? std::string("未命名 Untitled") : fs::path(path_).filename().string();
}

std::string ProjectSession::fingerprint(const ProjectState& state) const {
    ProjectState s = state;
    s.hasCamera = false;
    // Looking at another panel is not an edit: the layout is saved with the project, but
    // switching tabs or folding the sidebar alone does not ask to save.
    s.options.uiLayout.clear();
    try {
        return projectJson(path_.empty() ? "untitled.json" : path_, s);
    } catch (const Error& e) {
        return e.what();  // unsavable (a name not in UTF-8): differs from anything saved
    }
}

void ProjectSession::markSaved(const ProjectState& state) { savedText_ = fingerprint(state); }

bool ProjectSession::dirty(const ProjectState& state) const { return fingerprint(state) != savedText_; }

void ProjectSession::save(const std::string& path, const ProjectState& state) {
    std::string old = autosavePath();
    std::error_code ec;
    // Save as into a new folder makes it (the file dialog offers ~/jiangbei-projects/).
    if (fs::path parent = fs::path(path).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
    saveProject(path, state);
    fs::remove(old, ec);
    path_ = fs::absolute(path, ec).lexically_normal().string();
    if (ec) path_ = path;
    markSaved(state);
    autosavedText_.clear();
    addRecent(path_);
}

bool ProjectSession::autosave(const ProjectState& state) {
    std::string text = fingerprint(state);
    if (text == savedText_ || text == autosavedText_) return false;
    std::error_code ec;
    fs::create_directories(fs::path(autosavePath()).parent_path(), ec);
    saveProject(autosavePath(), state);
    autosavedText_ = text;
    return true;
}

void ProjectSession::removeAutosave() const {
    std::error_code ec;
    fs::remove(autosavePath(), ec);
}

std::string ProjectSession::autosavePathFor(const std::string& projectPath) {
    if (projectPath.empty()) return (userFolder("XDG_STATE_HOME", ".local/state") / "untitled.autosave.json").string();
    return projectPath + ".autosave";
}

std::optional<std::string> ProjectSession::pendingAutosave() const {
    std::string a = autosavePath();
    std::error_code ec;
    if (!fs::exists(a, ec)) return std::nullopt;
    if (!path_.empty() && fs::exists(path_, ec) && fs::last_write_time(a, ec) < fs::last_write_time(path_, ec))
        return std::nullopt;
    return a;
}

std::vector<std::string> ProjectSession::recent() {
    std::vector<std::string> out;
    std::ifstream in(recentFile());
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& e : j)
        if (e.is_string() && out.size() < 10) out.push_back(e.get<std::string>());
    return out;
}

void ProjectSession::addRecent(const std::string& path) {
    std::vector<std::string> list = recent();
    list.erase(std::remove(list.begin(), list.end(), path), list.end());
    list.insert(list.begin(), path);
    if (list.size() > 10) list.resize(10);
    try {
        std::error_code ec;
        fs::create_directories(recentFile().parent_path(), ec);
        writeFileAtomically(recentFile().string(), nlohmann::json(list).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } catch (const Error&) {
        // A read-only home folder: the list is a convenience, the project itself was saved.
    }
}

}  // namespace jbt
