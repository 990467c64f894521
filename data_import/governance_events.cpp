#include "data_import/governance_events.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace jbt {
namespace {

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {  // proleptic Gregorian, no time zones
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t(era) * 146097 + std::int64_t(doe) - 719468;
}

std::string text(const nlohmann::json& props, const char* key) {
    auto it = props.find(key);
    if (it == props.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

bool parseEventTime(const std::string& s, std::int64_t& out) {
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    char sep;
    if (std::sscanf(s.c_str(), "%d-%d-%d%c%d:%d:%d%n", &y, &mo, &d, &sep, &h, &mi, &sec, &n) >= 6 && (sep == 'T' || sep == ' ')) {
        int offsetMinutes = 8 * 60;  // no zone given: China Standard Time
        std::string zone = n > 0 ? s.substr(std::size_t(n)) : std::string();
        if (!zone.empty() && zone[0] == '.') zone = zone.substr(zone.find_first_not_of(".0123456789"));
        if (zone == "Z") offsetMinutes = 0;
        else if (zone.size() >= 6 && (zone[0] == '+' || zone[0] == '-'))
            offsetMinutes = (zone[0] == '-' ? -1 : 1) * (std::stoi(zone.substr(1, 2)) * 60 + std::stoi(zone.substr(4, 2)));
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return false;
        out = daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + sec - offsetMinutes * 60;
        return true;
    }
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 10);
    if (end && *end == 0 && !s.empty()) {
        out = v;
        return true;
    }
    return false;
}

std::string formatChinaTime(std::int64_t t, const char* format) {
    std::time_t local = t + 8 * 3600;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

bool mergeEventsGeoJson(const std::string& payload, const std::string& source, const SceneFrame& frame,
                        const EventParseOptions& o, EventSet& into, std::string& error) {
    if (payload.size() > o.maxBytes) {
        error = source + ": payload of " + std::to_string(payload.size()) + " bytes is over the " +
                std::to_string(o.maxBytes) + "-byte limit";
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
    if (j.is_discarded()) {
        error = source + ": not valid JSON (half written, or not GeoJSON)";
        return false;
    }
    std::vector<const nlohmann::json*> features;
    if (j.value("type", "") == "FeatureCollection" && j.contains("features") && j["features"].is_array())
        for (const auto& f : j["features"]) features.push_back(&f);
    else if (j.value("type", "") == "Feature")
        features.push_back(&j);
    else {
        error = source + ": not a GeoJSON Feature or FeatureCollection";
        return false;
    }
    for (std::size_t i = 0; i < features.size(); ++i) {
        const nlohmann::json& f = *features[i];
        auto problem = [&](const std::string& why) {
            if (into.problems.size() < 100)
                into.problems.push_back(source + ": feature " + std::to_string(i) + ": " + why);
        };
        const nlohmann::json& props = f.contains("properties") && f["properties"].is_object() ? f["properties"] : nlohmann::json::object();
        const nlohmann::json& g = f.contains("geometry") ? f["geometry"] : nlohmann::json();
        if (!g.is_object() || g.value("type", "") != "Point" || !g.contains("coordinates") || g["coordinates"].size() < 2 ||
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
        if (e.id.empty() && f.contains("id")) e.id = f["id"].is_string() ? f["id"].get<std::string>() : f["id"].dump();
        if (e.id.empty()) {
            problem("no id");
            continue;
        }
        std::string when = text(props, "time");
        if (!when.empty() && !parseEventTime(when, e.time)) {
            problem("time '" + when + "' not understood");
            continue;
        }
        e.category = text(props, "category");
        e.status = text(props, "status");
        e.gridId = text(props, "grid_id");
        e.text = text(props, "text");
        Vec2 w = toWgs84(o.datum, lon, lat);
        e.position = {w.x, w.y};
        e.scene = frame.toScene(e.position);
        into.byId[e.id] = std::move(e);
    }
    return true;
}

}  // namespace jbt
