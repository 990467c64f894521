#include "twin/oblique_selection.h"

#include <algorithm>

#include "twin/scene_assembly.h"

namespace jbt {
namespace {

bool inside(const Ring& r, double x, double y) {
    bool in = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > y) != (r[j].y > y) && x < (r[j].x - r[i].x) * (y - r[i].y) / (r[j].y - r[i].y) + r[i].x) in = !in;
    return in;
}

bool contains(const Polygon& p, double x, double y) {
    if (!inside(p.outer, x, y)) return false;
    for (const Ring& h : p.holes)
        if (inside(h, x, y)) return false;
    return true;
}

}  // namespace

std::optional<std::pair<int, int>> footprintAt(const SceneModel& scene, double x, double y) {
    for (std::size_t li = 0; li < scene.layers.size(); ++li) {
        const SceneLayer& l = scene.layers[li];
        if (!l.buildings()) continue;
        for (std::size_t fi = 0; fi < l.data.features.size(); ++fi)
            for (const Polygon& p : l.data.features[fi].polygons)
                if (contains(p, x, y)) return std::pair{int(li), int(fi)};
    }
    return std::nullopt;
}

void classifyOnOblique(const SceneModel& scene, ClassificationHighlight& tint, int layer, int feature) {
    osg::BoundingBox meshes;
    for (const ObliqueScene& o : scene.oblique)
        if (o.visible) meshes.expandBy(o.node->getBound());
    if (!meshes.valid() || layer < 0 || layer >= int(scene.layers.size()) || feature < 0 ||
        feature >= int(scene.layers[layer].data.features.size())) {
        tint.hide();
        return;
    }
    // A metre beyond the mesh at both ends: the prism must enclose every surface it tints.
    tint.show(scene.layers[layer].data.features[feature].polygons, meshes.zMin() - 1.0, meshes.zMax() + 1.0);
}

void classifyEventBuildings(const SceneModel& scene, ClassificationHighlight& tint,
                            const std::vector<std::unique_ptr<LiveLayer>>& live, const EventTimeline& timeline) {
    bool meshes = std::any_of(scene.oblique.begin(), scene.oblique.end(), [](const ObliqueScene& o) { return o.visible; });
    if (!timeline.active || !meshes) {
        tint.hide();
        return;
    }
    std::set<std::pair<int, int>> found;
    std::size_t looked = 0;
    for (const auto& l : live) {
        if (!l->events) continue;
        for (const auto& [id, e] : l->events->byId) {
            if (!timeline.shows(e) || ++looked > 2000) continue;
            if (auto f = footprintAt(scene, e.scene.x, e.scene.y)) found.insert(*f);
        }
    }
    std::vector<Polygon> footprints;
    for (auto [layer, feature] : found) {
        const auto& polys = scene.layers[layer].data.features[feature].polygons;
        footprints.insert(footprints.end(), polys.begin(), polys.end());
    }
    if (footprints.empty()) {
        tint.hide();
        return;
    }
    osg::BoundingBox box;
    for (const ObliqueScene& o : scene.oblique)
        if (o.visible) box.expandBy(o.node->getBound());
    tint.show(footprints, box.zMin() - 1.0, box.zMax() + 1.0);
}

}  // namespace jbt
