#include "twin/tileset_scene.h"

#include <cstdio>
#include <filesystem>

#include "model/error.h"
#include "tiles/tile_fetch.h"
#include "twin/app_options.h"
#include "twin/scene_assembly.h"

namespace jbt {

std::string tilesetLayerName(const std::string& path) {
    std::filesystem::path p = std::filesystem::path(path).lexically_normal();
    std::string folder = p.parent_path().filename().string();
    return folder.empty() ? p.stem().string() : folder;
}

std::optional<GeoPoint> tilesetDataCentre(const AppOptions& o, std::string& source) {
    if (o.tilesets.empty()) return std::nullopt;
    source = o.tilesets.front();
    try {
        return probeTilesetCentre(source, defaultTileCacheDir());
    } catch (const Error&) {
        return std::nullopt;
    }
}

void expandByTilesets(const AppOptions& o, const SceneFrame& frame, osg::BoundingBox& box) {
    for (const std::string& path : o.tilesets) {
        try {
            double radius = 0;
            std::optional<GeoPoint> c = probeTilesetCentre(path, defaultTileCacheDir(), &radius);
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

std::string addTileset(const std::string& path, SceneModel& scene) {
    try {
        if (std::optional<GeoPoint> c = probeTilesetCentre(path, defaultTileCacheDir())) {
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
        TilesetScene t;
        t.path = path;
        t.name = tilesetLayerName(path);
        t.node = new TilesetLayer(path, options);
        modelProgramGroup(scene, "tilesets").addChild(t.node);
        if (scene.pagedMemory) scene.pagedMemory->addTileset(t.node.get());
        osg::BoundingSphere bs = t.node->getBound();
        osg::BoundingBox box;
        box.expandBy(bs);
        scene.bookmarks.push_back(fitBookmark("layer:" + t.name, "三维瓦片 3D Tiles: " + t.name, box, *scene.frame));
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
