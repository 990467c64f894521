#pragma once
// The project a session works on: its file, whether what is on screen differs from it, the
// autosave beside it, and the recent-projects list. Files only; the viewer asks the questions.
#include <optional>
#include <string>
#include <vector>

#include "twin/project_file.h"

namespace jbt {

class ProjectSession {
public:
    // `path` empty: an untitled session.
    explicit ProjectSession(std::string path = "");

    const std::string& path() const { return path_; }
    std::string displayName() const;  // the file name, or "未命名 Untitled"

    // What is on disk now (after opening or saving): later states are compared with it.
    void markSaved(const ProjectState& state);
    // Always dirty until the next save (a restored autosave is not on disk).
    void markUnsaved() { savedText_.clear(); }
    // Whether `state` differs from the saved one; where the camera looks does not count.
    bool dirty(const ProjectState& state) const;

    // Saves to `path` (a new path becomes the session's), notes it in the recent list and
    // removes the autosave. Throws Error naming the file.
    void save(const std::string& path, const ProjectState& state);

    // Writes the autosave when the state changed since the saved file and the last autosave.
    // Returns whether it wrote. Throws Error naming the file.
    bool autosave(const ProjectState& state);
    void removeAutosave() const;
    std::string autosavePath() const { return autosavePathFor(path_); }
    // PROJECT.autosave beside the project; untitled sessions keep theirs in the user's state folder.
    static std::string autosavePathFor(const std::string& projectPath);
    // The autosave, if there is one newer than the project file.
    std::optional<std::string> pendingAutosave() const;

    // Most recent first, at most 10; kept in the user's config folder.
    static std::vector<std::string> recent();
    static void addRecent(const std::string& path);

private:
    std::string fingerprint(const ProjectState& state) const;

    std::string path_;
    std::string savedText_, autosavedText_;
};

}  // namespace jbt
