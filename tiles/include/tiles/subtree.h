#pragma once
// Implicit tiling: a subtree file's availability — which tiles exist, which have content, which
// child subtrees exist — and the bit each tile's address maps to (Morton order by level).
#include <string>
#include <vector>

namespace jbt {

struct Subtree {
    std::vector<bool> tiles, content, children;  // bit per tile of the subtree; per child subtree
    bool tile(int level, long long x, long long y) const;       // relative to the subtree's root
    bool hasContent(int level, long long x, long long y) const;
    bool child(long long x, long long y) const;                 // at level subtreeLevels
};

// `bytes` is the .subtree file (binary "subt", or JSON); external buffers are read from baseDir.
// Throws Error "NAME: REASON".
Subtree parseSubtree(const std::string& bytes, const std::string& name, const std::string& baseDir, int subtreeLevels);

// The bit of (x, y) within its level: Morton order.
unsigned long long morton2(long long x, long long y);

}  // namespace jbt
