#include "tiles/quadtree.h"

#include <algorithm>
#include <cmath>

namespace jbt {

bool QuadNode::leaf() const {
    return std::none_of(children.begin(), children.end(), [](const auto& c) { return bool(c); });
}

std::size_t QuadNode::count() const {
    std::size_t n = items.size();
    for (const auto& c : children)
        if (c) n += c->count();
    return n;
}

namespace {

void split(QuadNode& node, const std::vector<Vec2>& centres, std::size_t maxPerLeaf, int maxDepth) {
    if (node.items.size() <= maxPerLeaf || node.level >= maxDepth) return;
    double half = node.size / 2;
    std::array<std::vector<std::uint32_t>, 4> parts;
    for (std::uint32_t i : node.items) {
        const Vec2& c = centres[i];
        int qx = c.x >= node.minX + half ? 1 : 0, qy = c.y >= node.minY + half ? 1 : 0;
        parts[qy * 2 + qx].push_back(i);
    }
    node.items.clear();
    node.items.shrink_to_fit();
    for (int q = 0; q < 4; ++q) {
        if (parts[q].empty()) continue;
        auto child = std::make_unique<QuadNode>();
        child->level = node.level + 1;
        child->x = node.x * 2 + (q & 1);
        child->y = node.y * 2 + (q >> 1);
        child->minX = node.minX + (q & 1) * half;
        child->minY = node.minY + (q >> 1) * half;
        child->size = half;
        child->items = std::move(parts[q]);
        split(*child, centres, maxPerLeaf, maxDepth);
        node.children[q] = std::move(child);
    }
}

}  // namespace

std::unique_ptr<QuadNode> buildQuadtree(const std::vector<Vec2>& centres, std::size_t maxPerLeaf, int maxDepth) {
    auto root = std::make_unique<QuadNode>();
    if (centres.empty()) return root;
    double x0 = centres[0].x, x1 = x0, y0 = centres[0].y, y1 = y0;
    for (const Vec2& c : centres) x0 = std::min(x0, c.x), x1 = std::max(x1, c.x), y0 = std::min(y0, c.y), y1 = std::max(y1, c.y);
    root->minX = x0, root->minY = y0;
    root->size = std::max({x1 - x0, y1 - y0, 1.0}) * (1 + 1e-9);  // the far edge inside the square
    root->items.resize(centres.size());
    for (std::uint32_t i = 0; i < centres.size(); ++i) root->items[i] = i;
    split(*root, centres, std::max<std::size_t>(maxPerLeaf, 1), maxDepth);
    return root;
}

}  // namespace jbt
