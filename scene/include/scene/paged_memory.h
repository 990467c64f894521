#pragma once
// One memory budget for all paged data: the 3D Tiles layers (our own streaming) and the oblique
// meshes that OSG's database pager holds. A tileset may hold what the budget less everything
// else holds; the pager is told how many paged nodes to keep so that the oblique meshes stay
// within what the tilesets leave. Content on screen is never let go, so the budget can be passed
// while a view needs more than it allows; everything else goes, least recently seen first.
#include <osg/Node>
#include <osg/observer_ptr>

#include <vector>

#include "scene/tileset_layer.h"

namespace osgDB { class DatabasePager; }

namespace jbt {

struct PagedMemoryUsage {
    std::size_t budget = 0, tilesets = 0, oblique = 0;  // bytes
    std::size_t obliqueNodes = 0;                         // paged nodes in the oblique meshes
    int pagerTarget = -1;                                 // what the pager was last told; -1: not yet
};

// Installed as the scene root's cull callback: it balances every few frames, with the pager the
// cull traversal carries.
class PagedMemoryBudget : public osg::NodeCallback {
public:
    explicit PagedMemoryBudget(std::size_t bytes = 512u << 20) : budget_(bytes) {}

    void setBudget(std::size_t bytes) { budget_ = bytes; }
    std::size_t budget() const { return budget_; }
    void addTileset(TilesetLayer* layer) { tilesets_.emplace_back(layer); }
    void addOblique(osg::Node* mesh) { oblique_.emplace_back(mesh); }

    // Measures what is held and hands out the budget (pager may be null: tilesets only).
    void balance(osgDB::DatabasePager* pager);
    const PagedMemoryUsage& usage() const { return usage_; }

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override;

private:
    std::size_t budget_;
    std::vector<osg::observer_ptr<TilesetLayer>> tilesets_;
    std::vector<osg::observer_ptr<osg::Node>> oblique_;
    PagedMemoryUsage usage_;
    unsigned lastFrame_ = ~0u;
};

}  // namespace jbt
