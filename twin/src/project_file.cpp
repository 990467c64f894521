#include "twin/project_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "data_import/places.h"

#include "model/error.h"

namespace jbt {
namespace {

using nlohmann::json;

json layerToJson(const ImportOptions& o) {
    return {{"path", o.path},
            {"kind", layerKindName(o.kind)},
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
    o.kind = parseLayerKind(kind).value_or(LayerKind::Buildings);
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
    if (!in) throw Error(path + ": cannot open");
    ProjectState p;
    try {
        json j = json::parse(in);
        if (j.value("format", "") != "jiangbei-twin-project") throw Error(path + ": not a Jiangbei Twin project file");
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
        for (const auto& b : j.value("bookmarks", json::array())) o.userBookmarks.push_back(bookmarkFromJson(b));
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
        throw Error(path + ": malformed: " + e.what());
    }
    return p;
}

void saveProject(const std::string& path, const ProjectState& p) {
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
    for (const Bookmark& b : o.userBookmarks) bookmarks.push_back(bookmarkToJson(b));
    j["bookmarks"] = bookmarks;
    if (p.hasCamera) {
        auto v = [](const osg::Vec3d& a) { return json::array({a.x(), a.y(), a.z()}); };
        j["camera"] = {{"eye", v(p.camera.eye)}, {"center", v(p.camera.center)}, {"up", v(p.camera.up)}};
    }
    std::string text = j.dump(2) + "\n";
    std::string tmp = path + ".saving";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) throw Error(tmp + ": cannot write (" + std::string(std::strerror(errno)) + "); " + path + " is unchanged");
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(tmp + ": write failed (" + why + "); " + path + " is unchanged");
        }
        done += std::size_t(n);
    }
    // On disk before it replaces the old file: a power cut leaves one whole file or the other.
    bool ok = ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw Error(path + ": could not replace the file (" + why + "); it is unchanged");
    }
}

void applyProject(const ProjectState& project, const std::set<std::string>& given, AppOptions& out) {
    const AppOptions& p = project.options;
    auto unless = [&](const char* option) { return given.count(option) == 0; };
    // Lists: the project's entries first; the command line adds to them.
    out.layers.insert(out.layers.begin(), p.layers.begin(), p.layers.end());
    out.water.insert(out.water.begin(), p.water.begin(), p.water.end());
    out.eventSources.insert(out.eventSources.begin(), p.eventSources.begin(), p.eventSources.end());
    out.userBookmarks.insert(out.userBookmarks.begin(), p.userBookmarks.begin(), p.userBookmarks.end());
    // Single values: the command line's when it gave one, else the project's.
    if (unless("--dem")) out.demPath = p.demPath;
    if (unless("--style-field")) out.styleField = p.styleField;
    if (unless("--water-width")) out.waterWidthM = p.waterWidthM;
    if (unless("--view")) out.view = p.view;
    if (unless("--no-demo")) out.demo = p.demo;
    if (unless("--time")) out.time = p.time;
    if (unless("--lang")) out.language = p.language;
    if (unless("--ui-scale")) out.uiScale = p.uiScale;
    if (unless("--theme")) out.highContrast = p.highContrast;
    if (unless("--shadows")) out.shadowMapSize = p.shadowMapSize;
    // A view named on the command line wins over where the camera was when the project was saved.
    if (project.hasCamera && out.view.empty())
        out.startCamera = {project.camera.eye.x(),    project.camera.eye.y(),    project.camera.eye.z(),
                           project.camera.center.x(), project.camera.center.y(), project.camera.center.z()};
}

}  // namespace jbt
