#include "data_import/places.h"

#include <cmath>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/error.h"

namespace jbt {
namespace {

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": not valid JSON: " + e.what());
    }
}

}  // namespace

std::vector<Place> loadPlaces(const std::string& path) {
    nlohmann::json j = readJson(path);
    std::vector<Place> out;
    try {
        for (const auto& p : j.at("places")) {
            Place place;
            place.id = p.at("id");
            place.nameZh = p.at("name_zh");
            place.nameEn = p.at("name_en");
            place.pinyin = p.value("pinyin", "");
            place.category = p.value("category", "");
            place.description = p.value("description", "");
            place.position = {p.at("lon").get<double>(), p.at("lat").get<double>()};
            if (p.contains("demo_zone")) {
                const auto& z = p["demo_zone"];
                place.zone = {z.at("kind"), z.at("radius_m").get<double>(), z.at("count").get<int>()};
            }
            out.push_back(std::move(place));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": place entry malformed: " + e.what());
    }
    return out;
}

Bookmark bookmarkFromJson(const nlohmann::json& b) {
    Bookmark bm;
    bm.id = b.at("id");
    bm.nameZh = b.value("name_zh", bm.id);
    bm.nameEn = b.value("name_en", bm.id);
    bm.target = {b.at("target").at(0).get<double>(), b.at("target").at(1).get<double>()};
    bm.rangeM = b.value("range_m", 1000.0);
    bm.headingDeg = b.value("heading_deg", 0.0);
    bm.pitchDeg = b.value("pitch_deg", 45.0);
    if (auto h = b.find("target_height_m"); h != b.end() && h->is_number()) bm.targetHeightM = h->get<double>();
    return bm;
}

nlohmann::json bookmarkToJson(const Bookmark& b) {
    nlohmann::json j = {{"id", b.id}, {"name_zh", b.nameZh}, {"name_en", b.nameEn}, {"target", {b.target.lon, b.target.lat}},
                        {"range_m", b.rangeM}, {"heading_deg", b.headingDeg}, {"pitch_deg", b.pitchDeg}};
    if (std::isfinite(b.targetHeightM)) j["target_height_m"] = b.targetHeightM;
    return j;
}

std::vector<Bookmark> loadBookmarks(const std::string& path) {
    nlohmann::json j = readJson(path);
    std::vector<Bookmark> out;
    try {
        for (const auto& b : j.at("bookmarks")) out.push_back(bookmarkFromJson(b));
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": bookmark entry malformed: " + e.what());
    }
    return out;
}

namespace {

std::string foldForSearch(const std::string& s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == ' ' || c == '\'' || c == '-' || c == '.' || c == '_') continue;
        out += u < 0x80 ? static_cast<char>(std::tolower(u)) : c;
    }
    return out;
}

}  // namespace

std::vector<const Place*> searchPlaces(const std::vector<Place>& places, const std::string& query) {
    std::string q = foldForSearch(query);
    std::vector<const Place*> prefix, inside;
    if (q.empty()) return {};
    for (const Place& p : places) {
        std::size_t best = std::string::npos;
        for (const std::string* name : {&p.nameZh, &p.pinyin, &p.nameEn, &p.id})
            best = std::min(best, foldForSearch(*name).find(q));
        if (best == 0) prefix.push_back(&p);
        else if (best != std::string::npos) inside.push_back(&p);
    }
    prefix.insert(prefix.end(), inside.begin(), inside.end());
    return prefix;
}

std::vector<Bookmark> bookmarksForPlaces(const std::vector<Place>& places) {
    std::vector<Bookmark> out;
    for (const Place& p : places) {
        double range = p.zone.radiusM > 0 ? std::max(900.0, p.zone.radiusM * 3.2) : 1500.0;
        out.push_back({p.id, p.nameZh, p.nameEn, p.position, range, 20.0, 38.0});
    }
    return out;
}

}  // namespace jbt
