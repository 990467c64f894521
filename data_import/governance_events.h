#pragma once
// Governance events (网格化 city management cases, 路平工程 road works …) as the city's
// platforms publish them: GeoJSON features with id, time, category, status, grid and text.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data_import/chinese_offsets.h"
#include "data_import/scene_frame.h"

namespace jbt {

struct GovernanceEvent {
    std::string id;
    std::int64_t time = 0;     // seconds since 1970 (UTC)
    std::string category;      // 城市管理, 矛盾纠纷, 安全隐患, 路平工程, 环境卫生 …
    std::string status;        // 上报, 派遣, 处置中, 已办结
    std::string gridId, text;
    GeoPoint position;         // WGS84
    Vec2 scene;                // scene metres
};

struct EventSet {
    std::map<std::string, GovernanceEvent> byId;  // the newest version of each event
    std::vector<std::string> problems;            // features that could not be used, and why
};

struct EventParseOptions {
    ChineseDatum datum = ChineseDatum::None;
    std::size_t maxBytes = 64u << 20;  // larger payloads are refused, not parsed
};

// Parses a GeoJSON Feature or FeatureCollection of Point events and merges them into `into`
// (same id: replaced). Returns false with `error` (naming `source`) when the payload as a
// whole is unusable; single bad features are listed in into.problems and skipped.
bool mergeEventsGeoJson(const std::string& payload, const std::string& source, const SceneFrame& frame,
                        const EventParseOptions& options, EventSet& into, std::string& error);

// "2026-11-24T08:30:00+08:00", "2026-11-24 08:30:00" (China Standard Time) or epoch seconds.
bool parseEventTime(const std::string& text, std::int64_t& seconds);
// Epoch seconds as China Standard Time with a strftime format.
std::string formatChinaTime(std::int64_t seconds, const char* format = "%Y-%m-%dT%H:%M:%S+08:00");

}  // namespace jbt
