#pragma once
// `jiangbei-twin bake`: any building source the viewer imports becomes a 3D Tiles 1.1 tileset —
// tileset.json and GLB content in a quadtree split by feature count; leaves hold the buildings
// as a direct import draws them, each parent a simplified merge of its children with the
// geometric error that simplification measured; feature ids and attributes per building.
#include <functional>
#include <string>
#include <vector>

#include "data_import/ogr_layer_reader.h"
#include "tiles/glb_writer.h"

namespace jbt {

struct BakeOptions {
    std::vector<ImportOptions> layers;  // building sources, with their CRS/datum/height options
    std::string outDir;
    std::size_t maxFeaturesPerTile = 2000;  // a leaf splits when it would hold more
    int threads = 0;                        // tiles baked at once; 0: one per core
    GlbCompression compression = GlbCompression::None;  // meshopt: geometry packed (EXT_meshopt_compression)
    // A bake split over processes or machines (`--partition i/N`): the tree's subtrees at the
    // first level with at least 4N of them go to N parts in turn; part i (1…N) bakes its
    // subtrees' tiles and leaves each subtree's summary in OUT/parts/; `joinParts` (after all N)
    // reads the summaries and writes the levels above them and tileset.json. Every part reads
    // all the sources (the tree depends on all of them); only the meshing is split.
    int partIndex = 0, partCount = 0;  // 0: the whole bake in this process
    bool joinParts = false;
    // Called on the baking thread: what is being done and the share of it done (0…1).
    std::function<void(const std::string& stage, double share)> progress;
};

struct BakeReport {
    std::size_t features = 0, tiles = 0, leaves = 0, depth = 0, triangles = 0;
    std::size_t roofFailures = 0;  // footprints the tessellator rejected (left out, as in the viewer)
    double rootGeometricError = 0;
    double importSeconds = 0;  // of the whole bake's time, reading the sources
    std::vector<std::string> messages;  // import reports, naming files and features
};

// Writes OUT/tileset.json last (a bake killed half-way leaves none, so nothing looks complete)
// and OUT/tiles/*.glb. An OUT that holds anything but an earlier bake is refused. Throws Error
// naming the source or folder and the reason (a join: which part is missing or was baked from
// other input, and the command that bakes it).
BakeReport bakeTileset(const BakeOptions& options);

// The file a bake marks its folder with.
constexpr const char* kBakeMarker = ".jiangbei-bake";

}  // namespace jbt
