#include "twin/oblique_selection.h"

#include <algorithm>

#include "twin/scene_assembly.h"

namespace jbt {

std::optional<std::pair<int, int>> footprintAt(const SceneModel& scene, double x, double y) {
    for (std::size_t li = 0; li < scene.layers.size(); ++li) {
        const SceneLayer& l = scene.layers[li];
        if (!l.buildings()) continue;
        for (std::size_t fi = 0; fi < l.data.features.size(); ++fi)
            for (const Polygon& p : l.data.features[fi].polygons)
                if (contains(p, Vec2{x, y})) return std::pair{int(li), int(fi)};
    }
    return std::nullopt;
}

namespace {

// The visible meshes' extent, invalid when none is shown.
osg::BoundingBox meshBounds(const SceneModel& scene) {
    osg::BoundingBox box;
    for (const ObliqueScene& o : scene.oblique)
        if (o.visible) box.expandBy(o.node->getBound());
    return box;
}

// A metre beyond the meshes at both ends: the prism must enclose every surface it tints.
void tintFootprints(ClassificationHighlight& tint, const std::vector<Polygon>& footprints, const osg::BoundingBox& meshes) {
    if (footprints.empty() || !meshes.valid()) {
        tint.hide();
        return;
    }
    tint.show(footprints, meshes.zMin() - 1.0, meshes.zMax() + 1.0);
}

}  // namespace

void classifyOnOblique(const SceneModel& scene, ClassificationHighlight& tint, int layer, int feature) {
    bool known = layer >= 0 && layer < int(scene.layers.size()) && feature >= 0 &&
                 feature < int(scene.layers[layer].data.features.size());
    tintFootprints(tint, known ? scene.layers[layer].data.features[feature].polygons : std::vector<Polygon>{},
                   meshBounds(scene));
}

void classifyEventBuildings(const SceneModel& scene, ClassificationHighlight& tint,
                            const std::vector<std::unique_ptr<LiveLayer>>& live, const EventTimeline& timeline,
                            EventFootprints& cache) {
    osg::BoundingBox meshes = meshBounds(scene);
    if (!timeline.active || !meshes.valid()) {
        tint.hide();
        return;
    }
    // Footprints are looked up once per event position; new or re-read layers start afresh.
    std::size_t features = 0;
    for (const SceneLayer& l : scene.layers) features += l.data.features.size();
    if (cache.layers != scene.layers.size() || cache.features != features) cache = {scene.layers.size(), features, {}};
    std::set<std::pair<int, int>> found;
    std::size_t looked = 0;
    for (std::size_t li = 0; li < live.size(); ++li) {
        if (!live[li]->events) continue;
        for (const auto& [id, e] : live[li]->events->byId) {
            if (!timeline.shows(e) || ++looked > 2000) continue;
            auto [it, isNew] = cache.byEvent.try_emplace(std::to_string(li) + "/" + id);
            if (isNew || it->second.at.x != e.scene.x || it->second.at.y != e.scene.y)
                it->second = {e.scene, footprintAt(scene, e.scene.x, e.scene.y)};
            if (it->second.footprint) found.insert(*it->second.footprint);
        }
    }
    std::vector<Polygon> footprints;
    for (auto [layer, feature] : found) {
        const auto& polys = scene.layers[layer].data.features[feature].polygons;
        footprints.insert(footprints.end(), polys.begin(), polys.end());
    }
    tintFootprints(tint, footprints, meshes);
}

}  // namespace jbt
