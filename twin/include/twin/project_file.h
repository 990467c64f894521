#pragma once
// A project file (JSON) keeps a session: every layer with its import options, the DEM, water,
// live sources, the view, the time of day and the UI settings. Saved atomically: written to a
// temporary file, flushed, then renamed over the old one, so a crash mid-save loses nothing.
#include <set>
#include <string>

#include "twin/app_options.h"
#include "twin/camera_pose.h"

namespace jbt {

struct ProjectState {
    AppOptions options;
    bool hasCamera = false;
    CameraPose camera;  // scene metres
};

// Throws Error naming the file and the reason.
ProjectState loadProject(const std::string& path);
// Throws Error naming the file and the reason; the previous file, if any, is then untouched.
void saveProject(const std::string& path, const ProjectState& project);

// The file's text: what saveProject writes (paths relative to `path`'s folder where inside it).
std::string projectJson(const std::string& path, const ProjectState& project);

// Writes to PATH.saving, flushes, renames over `path`. Throws Error naming the file; the old
// file is then untouched.
void writeFileAtomically(const std::string& path, const std::string& text);

// Lays a project under the command line: list options (layers, water, live sources, bookmarks)
// are the project's followed by the command line's; every single value is the command line's
// where `given` names its option (e.g. "--lang"), else the project's, else the default.
void applyProject(const ProjectState& project, const std::set<std::string>& given, AppOptions& out);

}  // namespace jbt
