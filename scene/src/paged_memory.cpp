#include "scene/paged_memory.h"

#include <osg/PagedLOD>
#include <osgDB/DatabasePager>

#include <algorithm>

#include "scene/tile_content.h"

namespace jbt {
namespace {

constexpr unsigned kFramesBetween = 10;                  // measuring walks the meshes: not every frame
constexpr std::size_t kTilesetFloor = 16u << 20;         // each tileset keeps room to refine at all (a
                                                         // quarter of the budget when that is less)

class PagedLodCounter : public osg::NodeVisitor {
public:
    PagedLodCounter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    std::size_t count = 0;
    void apply(osg::PagedLOD& p) override {
        ++count;
        traverse(p);
    }
};

}  // namespace

void PagedMemoryBudget::balance(osgDB::DatabasePager* pager) {
    PagedMemoryUsage u;
    u.budget = budget_;
    u.pagerTarget = usage_.pagerTarget;
    std::vector<std::pair<TilesetLayer*, std::size_t>> tilesets;
    for (auto& t : tilesets_) {
        osg::ref_ptr<TilesetLayer> layer;
        if (!t.lock(layer)) continue;
        std::size_t held = layer->status().residentBytes;
        tilesets.emplace_back(layer.get(), held);
        u.tilesets += held;
    }
    for (auto& o : oblique_) {
        osg::ref_ptr<osg::Node> mesh;
        if (!o.lock(mesh)) continue;
        u.oblique += nodeBytes(*mesh);
        PagedLodCounter c;
        mesh->accept(c);
        u.obliqueNodes += c.count;
    }
    const std::size_t floor = std::min(kTilesetFloor, budget_ / 4);
    for (auto& [layer, held] : tilesets) {
        std::size_t others = u.tilesets - held + u.oblique;
        layer->setMemoryBudget(std::max(floor, budget_ > others ? budget_ - others : 0));
    }
    if (pager && u.obliqueNodes > 0) {
        // The pager counts paged nodes, not bytes: the meshes' bytes per node turn what the
        // tilesets leave into a count. It lets go of unseen children while over that count.
        double perNode = double(u.oblique) / double(u.obliqueNodes);
        double room = budget_ > u.tilesets ? double(budget_ - u.tilesets) : 0.0;
        int target = static_cast<int>(std::clamp(room / std::max(perNode, 1.0), 1.0, 1e6));
        if (target != u.pagerTarget) pager->setTargetMaximumNumberOfPageLOD(static_cast<unsigned>(target));
        u.pagerTarget = target;
    }
    usage_ = u;
}

void PagedMemoryBudget::operator()(osg::Node* node, osg::NodeVisitor* nv) {
    const osg::FrameStamp* fs = nv->getFrameStamp();
    unsigned frame = fs ? fs->getFrameNumber() : 0;
    if (frame != lastFrame_ && (lastFrame_ == ~0u || frame >= lastFrame_ + kFramesBetween || frame < lastFrame_)) {
        lastFrame_ = frame;
        balance(dynamic_cast<osgDB::DatabasePager*>(nv->getDatabaseRequestHandler()));
    }
    traverse(node, nv);
}

}  // namespace jbt
