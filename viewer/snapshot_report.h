#pragma once
// The one line of JSON --snapshot prints: per layer what was read and skipped, and for the
// scene its size and timings.
#include <nlohmann/json.hpp>
#include <string>

#include "viewer/scene_assembly.h"

namespace jbt {

struct SnapshotTimings {
    double firstFrameMs = 0;
    std::size_t drawCalls = 0;
};

nlohmann::json snapshotReport(const SceneModel& scene, const std::string& pngPath, int width, int height,
                              const std::string& view, const SnapshotTimings& timings);

}  // namespace jbt
