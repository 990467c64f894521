#pragma once
// Governance events (网格化 city management cases, 路平工程 road works …) as the city's
// platforms publish them: id, time, category, status, grid and text at a point.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/geo.h"

namespace jbt {

// The status a case has when it is finished (办结); every other status is open.
inline const std::string kClosedStatus = "已办结";

struct GovernanceEvent {
    std::string id;
    std::int64_t time = 0;     // seconds since 1970 (UTC)
    std::string category;      // 城市管理, 矛盾纠纷, 安全隐患, 路平工程, 环境卫生 …
    std::string status;        // 上报, 派遣, 处置中, 已办结
    std::string gridId, text;
    GeoPoint position;         // WGS84
    Vec2 scene;                // scene metres
    bool closed() const { return status == kClosedStatus; }
};

struct EventSet {
    std::map<std::string, GovernanceEvent> byId;  // the newest version of each event
    std::vector<std::string> problems;            // features that could not be used, and why
};

}  // namespace jbt
