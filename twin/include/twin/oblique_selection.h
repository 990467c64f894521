#pragma once
// 单体化: selecting one building on an oblique-photography mesh by a footprint layer (any building
// layer, shown or hidden: usually hidden, the photographs showing the city).
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>
#include <utility>

#include "scene/classification.h"
#include "twin/live_layers.h"

namespace jbt {

struct SceneModel;

// The footprint (layer, feature) of a building layer containing scene point (x, y), nullopt
// when none does. Layers are searched in order; within one, the first footprint that holds it.
std::optional<std::pair<int, int>> footprintAt(const SceneModel& scene, double x, double y);

// Tints the feature's footprint on the oblique meshes (between their lowest and highest points);
// hides the tint when there is no such feature or no mesh.
void classifyOnOblique(const SceneModel& scene, ClassificationHighlight& tint, int layer, int feature);

// Which footprint each event stands in, kept while it does not move (the Replay asks every frame
// while it plays); emptied when the building layers change.
struct EventFootprints {
    std::size_t layers = 0, features = 0;
    struct Found {
        Vec2 at;
        std::optional<std::pair<int, int>> footprint;
    };
    std::unordered_map<std::string, Found> byEvent;  // "live layer/event id"
};

// The Replay's buildings: every footprint holding an event the timeline shows now, tinted on the
// meshes (the first 2000 events); hidden when the replay is off or there is no mesh.
void classifyEventBuildings(const SceneModel& scene, ClassificationHighlight& tint,
                            const std::vector<std::unique_ptr<LiveLayer>>& live, const EventTimeline& timeline,
                            EventFootprints& cache);

}  // namespace jbt
