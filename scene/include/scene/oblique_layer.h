#pragma once
// An oblique-photography mesh (ContextCapture .osgb pyramids) in the scene: the root tiles under
// one transform, deeper levels paged in and out by OSG's database pager. Children a pyramid names
// but that are not on disk (exports are often cut at some level) are counted once and their
// parents stay shown, instead of the pager asking for them every frame.
#include <osg/Matrixd>
#include <osg/MatrixTransform>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace jbt {

// The child files found missing so far under one oblique folder (the pager adds to it from its
// own thread), and those on disk but unreadable (truncated, damaged): each is read once, drawn
// as nothing (a hole where the data is broken) and never asked for again.
class MissingTiles {
public:
    void note(const std::string& path);
    std::size_t count() const;
    std::string first() const;  // "" when none
    void noteDamaged(const std::string& path);
    std::size_t damagedCount() const;
    std::string firstDamaged() const;

private:
    mutable std::mutex mutex_;
    std::set<std::string> paths_, damaged_;
};

struct ObliqueLayerStats {
    int rootTiles = 0;                        // root tiles that loaded
    std::vector<std::string> unreadable;      // "FILE: reason" for root tiles that did not
    std::shared_ptr<MissingTiles> missing;    // child files named but absent
};

// Loads every root tile and places them with `placement` (model offsets → scene metres). Never
// throws for a bad tile: it is listed in stats.unreadable and the rest load.
osg::ref_ptr<osg::MatrixTransform> buildObliqueLayer(const std::string& folder, const std::vector<std::string>& rootTiles,
                                                     const osg::Matrixd& placement, ObliqueLayerStats& stats);

}  // namespace jbt
