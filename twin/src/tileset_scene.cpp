#include "twin/tileset_scene.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "model/error.h"
#include "model/model_placement.h"
#include "tiles/tile_fetch.h"
#include "twin/app_options.h"
#include "twin/scene_assembly.h"

namespace jbt {

TilesetSpec parseTilesetSpec(const std::string& text) {
    std::size_t at = text.rfind('@');
    if (at == std::string::npos) return {text, std::nullopt};
    std::string tail = text.substr(at + 1);
    if (tail.empty() || tail.find_first_not_of("0123456789.,-+eE ") != std::string::npos) return {text, std::nullopt};
    try {
        ModelPlacement p = parseModelPlacement(text);
        return {p.path, p};
    } catch (const Error& e) {  // the same form as --model's, said of --tiles
        std::string m = e.what();
        throw Error(m.rfind("--model", 0) == 0 ? "--tiles" + m.substr(7) : m);
    }
}

namespace {

// Where a tileset lies: a placed local one where it was placed, else where its root says.
std::optional<GeoPoint> specCentre(const TilesetSpec& spec, double* radius = nullptr) {
    std::optional<GeoPoint> c = probeTilesetCentre(spec.path, defaultTileCacheDir(), radius);
    if (!c && spec.at) return GeoPoint{spec.at->lon, spec.at->lat};
    return c;
}

// The local frame → ECEF for a placement: east-north-up at the point (ALT above the ground
// there), turned by the heading and scaled.
Mat4 anchorOf(const ModelPlacement& at, const SceneModel& scene) {
    Vec2 s = scene.frame->toScene({at.lon, at.lat});
    double ground = scene.terrain.empty() ? 0.0 : scene.terrain.sample(s.x, s.y);
    Mat4 turn;
    double a = -at.headingDeg * M_PI / 180, c = std::cos(a) * at.scale, n = std::sin(a) * at.scale;
    turn.m[0] = c, turn.m[1] = n, turn.m[4] = -n, turn.m[5] = c, turn.m[10] = at.scale;
    return enuToEcef({at.lon, at.lat, ground + at.altitude}) * turn;
}

}  // namespace

std::string tilesetLayerName(const std::string& text) {
    std::string path = parseTilesetSpec(text).path;
    std::filesystem::path p = std::filesystem::path(path).lexically_normal();
    std::string folder = p.parent_path().filename().string();
    return folder.empty() ? p.stem().string() : folder;
}

std::optional<GeoPoint> tilesetDataCentre(const AppOptions& o, std::string& source) {
    if (o.tilesets.empty()) return std::nullopt;
    source = o.tilesets.front();
    try {
        return specCentre(parseTilesetSpec(source));
    } catch (const Error&) {
        return std::nullopt;
    }
}

void expandByTilesets(const AppOptions& o, const SceneFrame& frame, osg::BoundingBox& box) {
    for (const std::string& path : o.tilesets) {
        try {
            double radius = 0;
            std::optional<GeoPoint> c = specCentre(parseTilesetSpec(path), &radius);
            if (!c || distanceMetres(*c, frame.origin()) > kRegionRadiusM) continue;
            Vec2 s = frame.toScene(*c);
            box.expandBy(osg::Vec3(float(s.x - radius), float(s.y - radius), 0));
            box.expandBy(osg::Vec3(float(s.x + radius), float(s.y + radius), 0));
        } catch (const Error&) {
        }  // addTilesets says why
    }
}

void addTilesets(const AppOptions& o, SceneModel& scene) {
    for (const std::string& path : o.tilesets)
        if (std::string why = addTileset(path, scene); !why.empty()) scene.errors.push_back(why);
}

std::string addTileset(const std::string& text, SceneModel& scene) {
    try {
        TilesetSpec spec = parseTilesetSpec(text);
        const std::string& path = spec.path;
        if (std::optional<GeoPoint> c = specCentre(spec)) {
            double km = distanceMetres(*c, scene.frame->origin()) / 1000;
            if (km * 1000 > kRegionRadiusM) {
                char buf[400];
                std::snprintf(buf, sizeof buf, "%s lies %.0f km from the scene centre (at %.4f, %.4f): not shown; open it "
                              "first or alone to centre the scene on it", path.c_str(), km, c->lon, c->lat);
                return buf;
            }
        }
        TilesetLayerOptions options;
        const SceneFrame* frame = scene.frame.get();
        options.toScene = [frame](const Geodetic& g) {
            Vec2 s = frame->toScene({g.lon, g.lat});
            return osg::Vec3d(s.x, s.y, g.height);
        };
        options.layerIndex = int(scene.tilesets.size());
        options.buildingProgram = scene.buildingProgram;
        options.cacheDir = defaultTileCacheDir();
        if (spec.at) options.anchor = anchorOf(*spec.at, scene);
        TilesetScene t;
        t.path = text;  // with its placement, for projects
        t.name = tilesetLayerName(path);
        t.node = new TilesetLayer(path, options);
        modelProgramGroup(scene, "tilesets").addChild(t.node);
        if (scene.pagedMemory) scene.pagedMemory->addTileset(t.node.get());
        osg::BoundingSphere bs = t.node->getBound();
        osg::BoundingBox box;
        box.expandBy(bs);
        Bookmark fit = fitBookmark("layer:" + t.name, "三维瓦片 3D Tiles: " + t.name, box, *scene.frame);
        // Looked at where it is: a tileset stands at its own heights (a city's ellipsoidal
        // heights are hundreds of metres over a scene without terrain), not on the ground.
        fit.targetHeightM = bs.center().z();
        fit.rangeM = std::max(fit.rangeM, 1.3 * 2 * double(bs.radius()) / std::sqrt(3.0));
        scene.bookmarks.push_back(fit);
        scene.tilesets.push_back(std::move(t));
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

bool tilesetsSettled(const SceneModel& scene) {
    for (const TilesetScene& t : scene.tilesets)
        if (t.visible && !t.node->status().settled) return false;
    return true;
}

}  // namespace jbt
