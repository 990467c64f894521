#pragma once
// Implicit tiling: a subtree file's availability — which tiles exist, which have content, which
// child subtrees exist — and the bit each tile's address maps to (Morton order by level).
#include <string>
#include <vector>

namespace jbt {

// A quadtree's subtree addresses tiles by (level, x, y); an octree's by (level, x, y, z).
struct Subtree {
    bool octree = false;
    std::vector<bool> tiles, content, children;  // bit per tile of the subtree; per child subtree
    bool tile(int level, long long x, long long y, long long z = 0) const;  // relative to the subtree's root
    bool hasContent(int level, long long x, long long y, long long z = 0) const;
    bool child(long long x, long long y, long long z = 0) const;            // at level subtreeLevels
};

// `bytes` is the .subtree file (binary "subt", or JSON); external buffers are read from baseDir.
// Throws Error "NAME: REASON" (subtreeLevels past 15 for a quadtree, 8 for an octree: more
// bits than a subtree could hold).
Subtree parseSubtree(const std::string& bytes, const std::string& name, const std::string& baseDir, int subtreeLevels,
                     bool octree = false);

// The bit of (x, y) or (x, y, z) within its level: Morton order, x in the lowest bit.
unsigned long long morton2(long long x, long long y);
unsigned long long morton3(long long x, long long y, long long z);

}  // namespace jbt
