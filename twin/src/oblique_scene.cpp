#include "twin/oblique_scene.h"

#include <cstdio>
#include <filesystem>

#include "model/error.h"
#include "twin/app_options.h"
#include "twin/scene_assembly.h"

namespace jbt {

std::string obliqueLayerName(const std::string& folder) {
    std::filesystem::path p = std::filesystem::path(folder).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return p.filename().string();
}

std::optional<GeoPoint> obliqueDataCentre(const AppOptions& o, std::string& source) {
    if (o.obliqueDirs.empty()) return std::nullopt;
    source = o.obliqueDirs.front();
    try {
        ObliqueMetadata meta = readObliqueMetadata(source);
        return obliqueCentre(meta, source + "/metadata.xml");
    } catch (const Error&) {
        return std::nullopt;  // addObliqueLayers says why
    }
}

void addObliqueLayers(const AppOptions& o, SceneModel& scene) {
    for (const std::string& folder : o.obliqueDirs)
        if (std::string why = addObliqueLayer(folder, scene); !why.empty()) scene.errors.push_back(why);
}

std::string addObliqueLayer(const std::string& folder, SceneModel& scene) {
    try {
        ObliqueScene s;
        s.folder = folder;
        s.name = obliqueLayerName(folder);
        std::string file = (std::filesystem::path(folder) / "metadata.xml").string();
        s.meta = readObliqueMetadata(folder);
        GeoPoint centre = obliqueCentre(s.meta, file);
        double km = distanceMetres(centre, scene.frame->origin()) / 1000;
        if (km * 1000 > kRegionRadiusM) {
            char buf[400];
            std::snprintf(buf, sizeof buf, "%s lies %.0f km from the scene centre (at %.4f, %.4f): not shown; open it "
                          "first or alone to centre the scene on it", folder.c_str(), km, centre.lon, centre.lat);
            return buf;
        }
        std::vector<std::string> tiles = obliqueRootTiles(folder);
        s.placement = placeOblique(s.meta, *scene.frame, file);
        osg::Matrixd m;
        m.set(s.placement.matrix.data());
        s.node = buildObliqueLayer(folder, tiles, m, s.stats);
        std::string why;
        for (const std::string& w : s.stats.unreadable) why += (why.empty() ? "" : "; ") + w;
        if (s.stats.rootTiles == 0) return why;
        if (!why.empty()) scene.errors.push_back(why);
        s.node->setName("oblique:" + s.name);
        scene.root->addChild(s.node);
        if (scene.pagedMemory) scene.pagedMemory->addOblique(s.node.get());
        osg::BoundingBox box;
        box.expandBy(s.node->getBound());
        scene.bookmarks.push_back(fitBookmark("layer:" + s.name, "倾斜摄影 Oblique: " + s.name, box, *scene.frame));
        scene.oblique.push_back(std::move(s));
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace jbt
