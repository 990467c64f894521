#include "twin/project_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "data_import/chinese_offsets.h"
#include "data_import/places.h"

#include "model/error.h"

namespace jbt {
namespace {

using nlohmann::json;

namespace fs = std::filesystem;

// Paths are kept relative to the project's folder when they lie inside it, so a project folder
// can be moved or shared; relative paths read back are taken from that folder.
std::string pathForSaving(const std::string& path, const fs::path& projectDir) {
    if (path.empty() || path.find("://") != std::string::npos) return path;
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    if (ec) return path;
    fs::path rel = abs.lexically_normal().lexically_relative(projectDir);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return abs.lexically_normal().generic_string();
}

std::string pathFromProject(const std::string& path, const fs::path& projectDir) {
    if (path.empty() || path.find("://") != std::string::npos || fs::path(path).is_absolute()) return path;
    return (projectDir / path).lexically_normal().string();
}

fs::path folderOf(const std::string& projectPath) {
    std::error_code ec;
    fs::path abs = fs::absolute(projectPath, ec);
    return (ec ? fs::path(projectPath) : abs).lexically_normal().parent_path();
}

json layerToJson(const ImportOptions& o, const fs::path& dir) {
    return {{"path", pathForSaving(o.path, dir)},
            {"kind", layerKindName(o.kind)},
            {"layer_name", o.layerName},
            {"source_crs", o.sourceCrs},
            {"datum", chineseDatumName(o.datum)},
            {"height_field", o.height.heightField},
            {"floor_height", o.height.floorHeight},
            {"default_height", o.height.defaultHeight},
            {"name", o.displayName},
            {"style_field", o.styleField},
            {"level_of_detail", o.levelOfDetail}};
}

ImportOptions layerFromJson(const json& j, const fs::path& dir) {
    ImportOptions o;
    o.path = pathFromProject(j.at("path"), dir);
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
    o.levelOfDetail = j.value("level_of_detail", "");
    return o;
}

// The same limits as the command line's: a project cannot ask for what --ui-scale or --shadows
// would refuse.
void checkRanges(const std::string& path, const ProjectState& p) {
    const AppOptions& o = p.options;
    auto refuse = [&](const std::string& what) { throw Error(path + ": " + what); };
    auto finite = [](double v) { return std::isfinite(v); };
    auto num = [](double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%g", v);
        return std::string(b);
    };
    if (!finite(o.uiScale) || o.uiScale < 0.5f || o.uiScale > 6.0f) refuse("ui_scale " + num(o.uiScale) + " is outside 0.5–6");
    if (!finite(o.graphics.fog) || o.graphics.fog < 0 || o.graphics.fog > 1) refuse("graphics.fog " + num(o.graphics.fog) + " is outside 0–1");
    if (o.graphics.msaaSamples < -1 || o.graphics.msaaSamples > 16)
        refuse("graphics.msaa " + std::to_string(o.graphics.msaaSamples) + " is outside -1 (auto) – 16");
    if (o.shadowMapSize < 0 || o.shadowMapSize > 16384) refuse("shadow_map " + std::to_string(o.shadowMapSize) + " is outside 0–16384");
    if (!finite(o.waterWidthM) || o.waterWidthM <= 0 || o.waterWidthM > 100000)
        refuse("water_width_m " + num(o.waterWidthM) + " is outside (0, 100000]");
    if (!finite(o.gridCellM) || o.gridCellM < 0) refuse("grid_m " + num(o.gridCellM) + " is negative");
    if (o.language != "zh" && o.language != "en" && o.language != "both") refuse("language '" + o.language + "' is not zh, en or both");
    if (!finite(o.time.hours) || o.time.hours < 0 || o.time.hours > 24 || o.time.month < 1 || o.time.month > 12 ||
        o.time.day < 1 || o.time.day > 31)
        refuse("time is not a date and hour");
    if (o.centre && !(finite(o.centre->lon) && finite(o.centre->lat) && std::fabs(o.centre->lon) <= 180 &&
                      std::fabs(o.centre->lat) <= 90))
        refuse("centre is not a longitude/latitude");
    if (p.hasCamera) {
        for (const osg::Vec3d& v : {p.camera.eye, p.camera.center, p.camera.up})
            if (!v.valid()) refuse("camera has a value that is not a number");
    }
}

}  // namespace

ProjectState loadProject(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    ProjectState p;
    std::string where;  // the key being read, for the message
    try {
        json j = json::parse(in);
        if (!j.is_object() || j.value("format", "") != "jiangbei-twin-project")
            throw Error(path + ": not a Jiangbei Twin project file");
        AppOptions& o = p.options;
        fs::path dir = folderOf(path);
        auto file = [&](const char* key) {
            where = key;
            return pathFromProject(j.value(key, ""), dir);
        };
        where = "layers";
        for (const auto& l : j.value("layers", json::array())) o.layers.push_back(layerFromJson(l, dir));
        where = "water";
        for (const auto& l : j.value("water", json::array())) o.water.push_back(layerFromJson(l, dir));
        where = "water_width_m";
        o.waterWidthM = j.value("water_width_m", 400.0);
        where = "style_field";
        o.styleField = j.value("style_field", "");
        where = "events";
        for (const std::string& e : j.value("events", std::vector<std::string>{})) o.eventSources.push_back(pathFromProject(e, dir));
        o.demPath = file("dem");
        where = "green";
        for (const std::string& g : j.value("green", std::vector<std::string>{})) o.greenFiles.push_back(pathFromProject(g, dir));
        where = "oblique";
        for (const std::string& d : j.value("oblique", std::vector<std::string>{})) o.obliqueDirs.push_back(pathFromProject(d, dir));
        where = "tilesets";
        for (const std::string& t : j.value("tilesets", std::vector<std::string>{})) o.tilesets.push_back(pathFromProject(t, dir));
        where = "models";
        for (const json& m : j.value("models", json::array())) {
            ModelPlacement mp;
            mp.path = pathFromProject(m.at("path"), dir);
            mp.lon = m.at("lon");
            mp.lat = m.at("lat");
            mp.altitude = m.value("altitude_m", 0.0);
            mp.headingDeg = m.value("heading_deg", 0.0);
            mp.scale = m.value("scale", 1.0);
            if (!(mp.scale > 0) || std::fabs(mp.lon) > 180 || std::fabs(mp.lat) > 90)
                throw Error(path + ": 'models': " + mp.path + ": position or scale out of range");
            o.models.push_back(mp);
        }
        where = "grid_m";
        o.gridCellM = j.value("grid_m", 0.0);
        o.boundaryPath = file("boundary");
        o.gridFile = file("grid_file");
        where = "centre";
        if (j.contains("centre")) o.centre = GeoPoint{j["centre"].at(0), j["centre"].at(1)};
        where = "layer_display";
        for (const auto& d : j.value("layer_display", json::array()))
            o.layerDisplay.push_back({d.at("name"), d.value("visible", true), d.value("opacity", 1.0f),
                                      d.value("max_screen_error", 0.0), d.value("colour_by", std::string())});
        where = "ui_layout";
        if (j.contains("ui_layout")) o.uiLayout = j["ui_layout"].dump();
        where = "demo";
        o.demo = j.value("demo", true);
        where = "view";
        o.view = j.value("view", "");
        where = "language";
        o.language = j.value("language", "both");
        where = "ui_scale";
        o.uiScale = j.value("ui_scale", 1.0f);
        where = "theme";
        o.highContrast = j.value("theme", "dark") == "contrast";
        where = "shadow_map";
        o.shadowMapSize = j.value("shadow_map", 2048);
        where = "graphics";
        if (j.contains("graphics")) {
            const json& g = j["graphics"];
            std::optional<Quality> q = parseQuality(g.value("quality", "medium"));
            if (!q) throw Error(path + ": 'graphics': quality '" + g.value("quality", "") + "' is not low, medium or high");
            o.graphics = graphicsFor(*q);
            o.graphics.fog = g.value("fog", o.graphics.fog);
            o.graphics.sky = g.value("sky", o.graphics.sky);
            o.graphics.edgeFade = g.value("edge_fade", o.graphics.edgeFade);
            o.graphics.msaaSamples = g.value("msaa", o.graphics.msaaSamples);
        }
        where = "imagery";
        if (j.contains("imagery")) {
            const json& im = j["imagery"];
            o.imagery = im.value("source", "");
            o.imageryOffset = im.value("offset", "");
            ChineseDatum d;
            if (!o.imageryOffset.empty() && !parseChineseDatum(o.imageryOffset, d))
                throw Error(path + ": 'imagery': offset '" + o.imageryOffset + "' is not gcj02, bd09 or none");
        }
        where = "bookmarks";
        for (const auto& b : j.value("bookmarks", json::array())) o.userBookmarks.push_back(bookmarkFromJson(b));
        where = "time";
        if (j.contains("time")) {
            const json& t = j["time"];
            o.time = LocalTime{t.at("year"), t.at("month"), t.at("day"), t.at("hours").get<double>()};
        }
        where = "camera";
        if (j.contains("camera")) {
            const json& c = j["camera"];
            auto v = [](const json& a) { return osg::Vec3d(a.at(0), a.at(1), a.at(2)); };
            p.camera = {v(c.at("eye")), v(c.at("center")), v(c.at("up"))};
            p.hasCamera = true;
        }
    } catch (const json::exception& e) {
        throw Error(path + ": malformed" + (where.empty() ? std::string() : " '" + where + "'") + ": " + e.what());
    }
    checkRanges(path, p);
    return p;
}

std::string projectJson(const std::string& path, const ProjectState& p) {
    const AppOptions& o = p.options;
    fs::path dir = folderOf(path);
    json layers = json::array(), water = json::array(), events = json::array(), green = json::array();
    for (const ImportOptions& l : o.layers) layers.push_back(layerToJson(l, dir));
    for (const ImportOptions& l : o.water) water.push_back(layerToJson(l, dir));
    for (const std::string& e : o.eventSources) events.push_back(pathForSaving(e, dir));
    for (const std::string& g : o.greenFiles) green.push_back(pathForSaving(g, dir));
    json oblique = json::array(), models = json::array(), tilesets = json::array();
    for (const std::string& d : o.obliqueDirs) oblique.push_back(pathForSaving(d, dir));
    for (const std::string& t : o.tilesets) tilesets.push_back(pathForSaving(t, dir));
    for (const ModelPlacement& m : o.models)
        models.push_back({{"path", pathForSaving(m.path, dir)}, {"lon", m.lon}, {"lat", m.lat}, {"altitude_m", m.altitude},
                          {"heading_deg", m.headingDeg}, {"scale", m.scale}});
    json j = {{"format", "jiangbei-twin-project"},
              {"version", 1},
              {"layers", layers},
              {"water", water},
              {"water_width_m", o.waterWidthM},
              {"style_field", o.styleField},
              {"events", events},
              {"dem", pathForSaving(o.demPath, dir)},
              {"green", green},
              {"oblique", oblique},
              {"models", models},
              {"tilesets", tilesets},
              {"grid_m", o.gridCellM},
              {"boundary", pathForSaving(o.boundaryPath, dir)},
              {"grid_file", pathForSaving(o.gridFile, dir)},
              {"demo", o.demo},
              {"view", o.view},
              {"language", o.language},
              {"ui_scale", o.uiScale},
              {"theme", o.highContrast ? "contrast" : "dark"},
              {"shadow_map", o.shadowMapSize},
              {"graphics", {{"quality", qualityName(o.graphics.quality)}, {"fog", o.graphics.fog}, {"sky", o.graphics.sky},
                            {"edge_fade", o.graphics.edgeFade}, {"msaa", o.graphics.msaaSamples}}},
              {"time", {{"year", o.time.year}, {"month", o.time.month}, {"day", o.time.day}, {"hours", o.time.hours}}}};
    json bookmarks = json::array();
    for (const Bookmark& b : o.userBookmarks) bookmarks.push_back(bookmarkToJson(b));
    j["bookmarks"] = bookmarks;
    if (!o.imagery.empty()) j["imagery"] = {{"source", o.imagery}, {"offset", o.imageryOffset}};
    if (o.centre) j["centre"] = {o.centre->lon, o.centre->lat};
    json display = json::array();
    for (const LayerDisplay& d : o.layerDisplay) {
        json e = {{"name", d.name}, {"visible", d.visible}, {"opacity", d.opacity}};
        if (d.maxScreenError > 0) e["max_screen_error"] = d.maxScreenError;
        if (!d.colourBy.empty()) e["colour_by"] = d.colourBy;
        display.push_back(e);
    }
    j["layer_display"] = display;
    if (json ui = json::parse(o.uiLayout, nullptr, false); !o.uiLayout.empty() && !ui.is_discarded()) j["ui_layout"] = ui;
    if (p.hasCamera) {
        auto v = [](const osg::Vec3d& a) { return json::array({a.x(), a.y(), a.z()}); };
        j["camera"] = {{"eye", v(p.camera.eye)}, {"center", v(p.camera.center)}, {"up", v(p.camera.up)}};
    }
    try {
        return j.dump(2) + "\n";
    } catch (const json::exception&) {
        // JSON holds UTF-8 only: a path in another encoding (GBK on a Windows share) cannot be
        // kept as it is, and a replaced character would point at another file.
        throw Error(path + ": cannot be saved: a file name in it is not UTF-8 text (rename the file, or "
                    "convert its name to UTF-8)");
    }
}

void saveProject(const std::string& path, const ProjectState& p) { writeFileAtomically(path, projectJson(path, p)); }

void writeFileAtomically(const std::string& path, const std::string& text) {
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
    out.greenFiles.insert(out.greenFiles.begin(), p.greenFiles.begin(), p.greenFiles.end());
    out.obliqueDirs.insert(out.obliqueDirs.begin(), p.obliqueDirs.begin(), p.obliqueDirs.end());
    out.models.insert(out.models.begin(), p.models.begin(), p.models.end());
    out.tilesets.insert(out.tilesets.begin(), p.tilesets.begin(), p.tilesets.end());
    // Single values: the command line's when it gave one, else the project's.
    out.layerDisplay = p.layerDisplay;
    out.uiLayout = p.uiLayout;
    if (!out.centre) out.centre = p.centre;
    if (unless("--grid")) out.gridCellM = p.gridCellM;
    if (unless("--boundary")) out.boundaryPath = p.boundaryPath;
    if (unless("--grid-file")) out.gridFile = p.gridFile;
    if (unless("--dem")) out.demPath = p.demPath;
    if (unless("--imagery")) out.imagery = p.imagery;
    if (unless("--imagery-offset")) out.imageryOffset = p.imageryOffset;
    if (unless("--style-field")) out.styleField = p.styleField;
    if (unless("--water-width")) out.waterWidthM = p.waterWidthM;
    if (unless("--view")) out.view = p.view;
    if (unless("--no-demo")) out.demo = p.demo;
    if (unless("--time")) out.time = p.time;
    if (unless("--lang")) out.language = p.language;
    if (unless("--ui-scale")) out.uiScale = p.uiScale;
    if (unless("--theme")) out.highContrast = p.highContrast;
    if (unless("--shadows") && unless("--quality")) out.shadowMapSize = p.shadowMapSize;
    if (unless("--quality")) {
        float fog = out.graphics.fog;
        out.graphics = p.graphics;
        if (!unless("--fog")) out.graphics.fog = fog;
    } else if (unless("--fog")) {
        out.graphics.fog = p.graphics.fog;
    }
    // A view named on the command line wins over where the camera was when the project was saved.
    if (project.hasCamera && out.view.empty())
        out.startCamera = {project.camera.eye.x(),    project.camera.eye.y(),    project.camera.eye.z(),
                           project.camera.center.x(), project.camera.center.y(), project.camera.center.z()};
}

}  // namespace jbt
