#include "data_import/event_simulator.h"

#include "data_import/governance_events.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "model/local_time.h"

namespace jbt {
namespace {

const char* kCategories[] = {"城市管理", "矛盾纠纷", "安全隐患", "路平工程", "环境卫生"};
const char* kStatuses[] = {"上报", "派遣", "处置中", "已办结"};
const char* kTexts[] = {"占道经营", "邻里噪音纠纷", "井盖缺失", "背街小巷路面破损", "垃圾堆放", "违规停车", "消防通道堵塞"};

}  // namespace

EventSimulator::EventSimulator(std::vector<Place> places, std::uint64_t seed, std::int64_t startTime)
    : places_(std::move(places)), rng_(seed), clock_(startTime) {}

std::string EventSimulator::feature(const Case& c) const {
    nlohmann::json f = {{"type", "Feature"},
                        {"properties",
                         {{"id", c.id}, {"time", formatChinaTime(c.time)}, {"category", c.category}, {"status", kStatuses[c.status]},
                          {"grid_id", c.grid}, {"text", kTexts[std::stoul(c.id.substr(4)) % 7]}}},
                        {"geometry", {{"type", "Point"}, {"coordinates", {c.lon, c.lat}}}}};
    return f.dump();
}

std::string EventSimulator::step() {
    std::uniform_real_distribution<double> u(0, 1);
    clock_ += 20 + std::int64_t(u(rng_) * 100);
    bool advance = !events_.empty() && u(rng_) < 0.35;
    if (advance) {
        Case& c = events_[std::size_t(u(rng_) * events_.size()) % events_.size()];
        if (c.status < 3) {
            ++c.status;
            c.time = clock_;
            return feature(c);
        }
    }
    Case c;
    c.id = "sim-" + std::to_string(events_.size() + 1);
    const Place& p = places_.empty() ? Place{} : places_[std::size_t(u(rng_) * places_.size()) % places_.size()];
    double spread = std::max(300.0, p.zone.radiusM) / 111000.0;
    c.lon = p.position.lon + (u(rng_) - 0.5) * 2 * spread;
    c.lat = p.position.lat + (u(rng_) - 0.5) * 2 * spread * 0.9;
    c.category = kCategories[std::size_t(u(rng_) * 5) % 5];
    char grid[16];
    std::snprintf(grid, sizeof grid, "G%02d%02d", int((c.lon - 106.44) / 0.01), int((c.lat - 29.54) / 0.01));
    c.grid = grid;
    c.time = clock_;
    events_.push_back(c);
    return feature(events_.back());
}

std::string EventSimulator::collection() const {
    std::string s = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < events_.size(); ++i) s += (i ? "," : "") + feature(events_[i]);
    return s + "]}";
}

}  // namespace jbt
