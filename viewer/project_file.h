#pragma once
// A project file (JSON) keeps a session: every layer with its import options, the DEM, water,
// live sources, the view, the time of day and the UI settings. Saved atomically: written to a
// temporary file, flushed, then renamed over the old one, so a crash mid-save loses nothing.
#include <string>

#include "viewer/app_options.h"
#include "viewer/camera_control.h"

namespace jbt {

struct ProjectState {
    AppOptions options;
    bool hasCamera = false;
    CameraPose camera;  // scene metres
};

// Throws std::runtime_error naming the file and the reason.
ProjectState loadProject(const std::string& path);
// False with `error` (the previous file, if any, is untouched).
bool saveProject(const std::string& path, const ProjectState& project, std::string& error);

}  // namespace jbt
