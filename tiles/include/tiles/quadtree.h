#pragma once
// How a bake splits a city into tiles: a quadtree over the features' centres that splits a
// square only while it holds more than a set number of features, so dense blocks get small
// tiles and the countryside large ones (areas balanced by count, not fixed cells).
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "model/geo.h"

namespace jbt {

struct QuadNode {
    int level = 0, x = 0, y = 0;  // the square's address in the tree (level 0: the root)
    double minX = 0, minY = 0, size = 0;
    std::vector<std::uint32_t> items;  // leaves only: indices into the centres given
    std::array<std::unique_ptr<QuadNode>, 4> children;  // empty quadrants stay null
    bool leaf() const;
    std::size_t count() const;  // items in this subtree
};

// Items at the same point (or more than maxDepth levels of crowding) stay together in a leaf.
std::unique_ptr<QuadNode> buildQuadtree(const std::vector<Vec2>& centres, std::size_t maxPerLeaf, int maxDepth = 16);

}  // namespace jbt
