#pragma once
// Reads governance events from the GeoJSON that city platforms publish (Point features with
// id, time, category, status, grid_id and text properties).
#include <cstddef>
#include <string>

#include "data_import/chinese_offsets.h"
#include "data_import/scene_frame.h"
#include "model/governance_event.h"

namespace jbt {

struct EventParseOptions {
    ChineseDatum datum = ChineseDatum::None;
    std::size_t maxBytes = 64u << 20;  // larger payloads are refused, not parsed
};

// Parses a GeoJSON Feature or FeatureCollection of Point events and merges them into `into`
// (same id: replaced). Throws Error (naming `source`) when the payload as a whole is unusable;
// single bad features are listed in into.problems and skipped.
void mergeEventsGeoJson(const std::string& payload, const std::string& source, const SceneFrame& frame,
                        const EventParseOptions& options, EventSet& into);

}  // namespace jbt
