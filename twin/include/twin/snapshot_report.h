#pragma once
// The one line of JSON --snapshot prints: per layer what was read and skipped, and for the
// scene its size and timings.
#include <nlohmann/json.hpp>
#include <string>

#include "twin/twin.h"

namespace jbt {

struct SnapshotTimings {
    double firstFrameMs = 0;
    std::size_t drawCalls = 0;
};

nlohmann::json snapshotReport(const SceneModel& scene, const std::string& pngPath, int width, int height,
                              const std::string& view, const SnapshotTimings& timings);
// The same with the live sources, grid counts and green coverage of a running twin.
nlohmann::json snapshotReport(Twin& twin, const std::string& pngPath, int width, int height, const std::string& view,
                              const SnapshotTimings& timings);

}  // namespace jbt
