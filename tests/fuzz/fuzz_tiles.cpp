// 3D Tiles input: tile containers (b3dm, i3dm, pnts, cmpt, glb) through the split, the batch
// and property tables, and the conversion to OSG; tileset.json and subtrees. Each gives a result
// or jbt::Error naming the input; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/error.h"
#include "scene/tile_content.h"
#include "tiles/feature_tables.h"
#include "tiles/subtree.h"
#include "tiles/tile_format.h"
#include "tiles/tileset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        jbt::buildTileContent(bytes, "fuzz.tile", "/nonexistent");
    } catch (const jbt::Error&) {
    }
    jbt::readPropertyTable(bytes);
    try {
        jbt::parseTileset(bytes, "fuzz.json");
    } catch (const jbt::Error&) {
    }
    try {
        jbt::parseSubtree(bytes, "fuzz.subtree", "/nonexistent", 3);
    } catch (const jbt::Error&) {
    }
    return 0;
}
