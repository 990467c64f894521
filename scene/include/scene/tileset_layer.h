#pragma once
// A 3D Tiles tileset streamed into the scene: tiles chosen each frame by their screen-space
// error, content read and converted on worker threads through a bounded queue, the least
// recently drawn content let go when a memory budget is passed. The tile tree follows the
// tileset: explicit children, external tilesets (cycles refused), implicit quadtrees with their
// subtrees. ECEF tilesets are placed in the scene CRS tile by tile; local frames at its origin.
#include <osg/Group>
#include <osg/Program>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/geo.h"
#include "tiles/feature_style.h"
#include "tiles/geodesy.h"

namespace jbt {

struct TilesetLayerOptions {
    double maxScreenSpaceError = 16;                 // pixels
    std::size_t memoryBudgetBytes = 512u << 20;      // content held; the least recently drawn goes first
    int workers = 2;
    std::size_t maxQueued = 32;                      // requests waiting at once; re-ranked every frame
    std::function<osg::Vec3d(const Geodetic&)> toScene;  // longitude/latitude/height → scene metres
    std::string cacheDir;                            // http:// tilesets are kept here ("" : not kept)
    int layerIndex = 0;                              // on content nodes, for picking
    osg::ref_ptr<osg::Program> buildingProgram;      // for vertex-coloured content (baked buildings): lit and
                                                     // windowed like an import; other content keeps the parent's
    // Where a tileset in a local frame stands: its frame → ECEF (a placement the user gave).
    // Without one, a local frame sits at the scene's origin; Earth-fixed tilesets ignore it.
    std::optional<Mat4> anchor;
};

struct TilesetStatus {
    std::size_t tiles = 0, loaded = 0, queued = 0, failed = 0, drawn = 0;
    std::size_t residentBytes = 0;
    std::size_t features = 0, points = 0;  // in the content held: batched or tabled features, instances; points
    std::vector<std::string> failures;  // "FILE: REASON", in order of failure
    bool settled = false;                // nothing queued or loading after the last frame's choice
};

// Node user value on a tile's content: the tileset's index, as picking reports it.
constexpr const char* kTilesetIndexKey = "jbt_tileset_index";

class TilesetLayer : public osg::Group {
public:
    // Reads the root tileset.json now; throws Error naming it when it cannot be used.
    TilesetLayer(const std::string& path, TilesetLayerOptions options);
    ~TilesetLayer() override;

    void traverse(osg::NodeVisitor& nv) override;
    osg::BoundingSphere computeBound() const override;

    TilesetStatus status() const;
    const std::string& path() const { return path_; }
    const std::string& version() const;
    void setMaxScreenSpaceError(double pixels);
    double maxScreenSpaceError() const;
    void setMemoryBudget(std::size_t bytes);
    std::size_t memoryBudget() const;
    // Colour features by a property of the content held ("" : their own colours); the classes
    // come from the features loaded now and stay as more arrive.
    void setStyle(const std::string& property);
    const FeatureStyle& style() const;
    // The properties the features held carry (sorted), to choose a style from.
    std::vector<std::string> propertyNames() const;

    struct Impl;

private:
    std::string path_;
    std::unique_ptr<Impl> impl_;
};

// Where a tileset lies (its root volume's centre), without loading content: nullopt for a local
// frame or a volume that is not on the Earth. Throws Error like the constructor.
std::optional<GeoPoint> probeTilesetCentre(const std::string& path, const std::string& cacheDir = "", double* radiusM = nullptr);

}  // namespace jbt
