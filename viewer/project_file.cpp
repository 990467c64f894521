#include "viewer/project_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace jbt {
namespace {

using nlohmann::json;

json layerToJson(const ImportOptions& o) {
    return {{"path", o.path},
            {"kind", featureKindName(o.kind)},
            {"layer_name", o.layerName},
            {"source_crs", o.sourceCrs},
            {"datum", chineseDatumName(o.datum)},
            {"height_field", o.height.heightField},
            {"floor_height", o.height.floorHeight},
            {"default_height", o.height.defaultHeight},
            {"name", o.displayName},
            {"style_field", o.styleField}};
}

ImportOptions layerFromJson(const json& j) {
    ImportOptions o;
    o.path = j.at("path");
    std::string kind = j.value("kind", "buildings");
    o.kind = kind == "areas" ? FeatureKind::Areas : kind == "lines" ? FeatureKind::Lines : kind == "points" ? FeatureKind::Points
                                                                                                          : FeatureKind::Buildings;
    o.layerName = j.value("layer_name", "");
    o.sourceCrs = j.value("source_crs", "");
    parseChineseDatum(j.value("datum", "none"), o.datum);
    o.height.heightField = j.value("height_field", "");
    o.height.floorHeight = j.value("floor_height", 3.0);
    o.height.defaultHeight = j.value("default_height", 10.0);
    o.displayName = j.value("name", "");
    o.styleField = j.value("style_field", "");
    return o;
}

}  // namespace

ProjectState loadProject(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open");
    ProjectState p;
    try {
        json j = json::parse(in);
        if (j.value("format", "") != "jiangbei-twin-project") throw std::runtime_error(path + ": not a Jiangbei Twin project file");
        AppOptions& o = p.options;
        for (const auto& l : j.value("layers", json::array())) o.layers.push_back(layerFromJson(l));
        for (const auto& l : j.value("water", json::array())) o.water.push_back(layerFromJson(l));
        o.waterWidthM = j.value("water_width_m", 400.0);
        o.styleField = j.value("style_field", "");
        o.eventSources = j.value("events", std::vector<std::string>{});
        o.demPath = j.value("dem", "");
        o.demo = j.value("demo", true);
        o.view = j.value("view", "");
        o.language = j.value("language", "both");
        o.uiScale = j.value("ui_scale", 1.0f);
        o.highContrast = j.value("theme", "dark") == "contrast";
        o.shadowMapSize = j.value("shadow_map", 2048);
        for (const auto& b : j.value("bookmarks", json::array()))
            o.userBookmarks.push_back({b.at("id"), b.value("name_zh", ""), b.value("name_en", ""),
                                       {b.at("target").at(0).get<double>(), b.at("target").at(1).get<double>()},
                                       b.value("range_m", 1000.0), b.value("heading_deg", 0.0), b.value("pitch_deg", 45.0)});
        if (j.contains("time")) {
            const json& t = j["time"];
            o.time = LocalTime{t.at("year"), t.at("month"), t.at("day"), t.at("hours").get<double>()};
        }
        if (j.contains("camera")) {
            const json& c = j["camera"];
            auto v = [](const json& a) { return osg::Vec3d(a.at(0), a.at(1), a.at(2)); };
            p.camera = {v(c.at("eye")), v(c.at("center")), v(c.at("up"))};
            p.hasCamera = true;
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(path + ": malformed: " + e.what());
    }
    return p;
}

bool saveProject(const std::string& path, const ProjectState& p, std::string& error) {
    const AppOptions& o = p.options;
    json layers = json::array(), water = json::array();
    for (const ImportOptions& l : o.layers) layers.push_back(layerToJson(l));
    for (const ImportOptions& l : o.water) water.push_back(layerToJson(l));
    json j = {{"format", "jiangbei-twin-project"},
              {"version", 1},
              {"layers", layers},
              {"water", water},
              {"water_width_m", o.waterWidthM},
              {"style_field", o.styleField},
              {"events", o.eventSources},
              {"dem", o.demPath},
              {"demo", o.demo},
              {"view", o.view},
              {"language", o.language},
              {"ui_scale", o.uiScale},
              {"theme", o.highContrast ? "contrast" : "dark"},
              {"shadow_map", o.shadowMapSize},
              {"time", {{"year", o.time.year}, {"month", o.time.month}, {"day", o.time.day}, {"hours", o.time.hours}}}};
    json bookmarks = json::array();
    for (const Bookmark& b : o.userBookmarks)
        bookmarks.push_back({{"id", b.id}, {"name_zh", b.nameZh}, {"name_en", b.nameEn}, {"target", {b.target.lon, b.target.lat}},
                             {"range_m", b.rangeM}, {"heading_deg", b.headingDeg}, {"pitch_deg", b.pitchDeg}});
    j["bookmarks"] = bookmarks;
    if (p.hasCamera) {
        auto v = [](const osg::Vec3d& a) { return json::array({a.x(), a.y(), a.z()}); };
        j["camera"] = {{"eye", v(p.camera.eye)}, {"center", v(p.camera.center)}, {"up", v(p.camera.up)}};
    }
    std::string text = j.dump(2) + "\n";
    std::string tmp = path + ".saving";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        error = tmp + ": cannot write (" + std::string(std::strerror(errno)) + "); " + path + " is unchanged";
        return false;
    }
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            error = tmp + ": write failed (" + std::string(std::strerror(errno)) + "); " + path + " is unchanged";
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        done += std::size_t(n);
    }
    // On disk before it replaces the old file: a power cut leaves one whole file or the other.
    bool ok = ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = path + ": could not replace the file (" + std::string(std::strerror(errno)) + "); it is unchanged";
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

}  // namespace jbt
