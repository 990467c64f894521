#include "data_import/governance_events.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "model/error.h"
#include "model/local_time.h"

namespace jbt {
namespace {

std::string text(const nlohmann::json& props, const char* key) {
    auto it = props.find(key);
    if (it == props.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void mergeEventsGeoJson(const std::string& payload, const std::string& source, const SceneFrame& frame,
                        const EventParseOptions& o, EventSet& into) {
    if (payload.size() > o.maxBytes) {
        throw Error(source + ": payload of " + std::to_string(payload.size()) + " bytes is over the " +
                    std::to_string(o.maxBytes) + "-byte limit");
    }
    nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded()) {
        throw Error(source + ": not valid JSON (half written, or not GeoJSON)");
    }
    std::vector<const nlohmann::json*> features;
    std::string type = j.is_object() && j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>() : "";
    if (type == "FeatureCollection" && j.contains("features") && j["features"].is_array())
        for (const auto& f : j["features"]) features.push_back(&f);
    else if (type == "Feature")
        features.push_back(&j);
    else {
        throw Error(source + ": not a GeoJSON Feature or FeatureCollection");
    }
    for (std::size_t i = 0; i < features.size(); ++i) {
        const nlohmann::json& f = *features[i];
        auto problem = [&](const std::string& why) {
            if (into.problems.size() < 100)
                into.problems.push_back(source + ": feature " + std::to_string(i) + ": " + why);
        };
        const nlohmann::json& props = f.contains("properties") && f["properties"].is_object() ? f["properties"] : nlohmann::json::object();
        const nlohmann::json& g = f.contains("geometry") ? f["geometry"] : nlohmann::json();
        // value("type", "") would throw on a type that is not a string (found by fuzz_events).
        bool point = g.is_object() && g.contains("type") && g["type"].is_string() && g["type"].get<std::string>() == "Point";
        if (!point || !g.contains("coordinates") || !g["coordinates"].is_array() || g["coordinates"].size() < 2 ||
            !g["coordinates"][0].is_number() || !g["coordinates"][1].is_number()) {
            problem("no Point geometry");
            continue;
        }
        double lon = g["coordinates"][0], lat = g["coordinates"][1];
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::fabs(lon) > 180 || std::fabs(lat) > 90) {
            problem("coordinates out of range");
            continue;
        }
        GovernanceEvent e;
        e.id = text(props, "id");
        if (e.id.empty() && f.contains("id")) e.id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (e.id.empty()) {
            problem("no id");
            continue;
        }
        std::string when = text(props, "time");
        std::optional<std::int64_t> seconds = when.empty() ? std::optional<std::int64_t>(e.time) : parseTimestamp(when);
        if (!seconds) {
            problem("time '" + when + "' not understood");
            continue;
        }
        e.time = *seconds;
        e.category = text(props, "category");
        e.status = text(props, "status");
        e.gridId = text(props, "grid_id");
        e.text = text(props, "text");
        Vec2 w = toWgs84(o.datum, lon, lat);
        e.position = {w.x, w.y};
        e.scene = frame.toScene(e.position);
        into.byId[e.id] = std::move(e);
    }
}

}  // namespace jbt
