#pragma once
// The 3D Tiles content containers split into their parts, checked against their own lengths:
// Batched 3D Model (b3dm), Instanced 3D Model (i3dm), Point Cloud (pnts), Composite (cmpt), and
// binary glTF (glb) as 3D Tiles 1.1 content. What the parts mean is for whoever draws them.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace jbt {

struct TileContentParts {
    std::string kind;                  // "b3dm", "i3dm", "pnts", "cmpt", "glb", "json" (an external tileset)
    std::string glb;                   // the embedded binary glTF (b3dm, i3dm with gltfFormat 1, glb)
    std::string gltfUri;               // i3dm with gltfFormat 0: the glTF it names
    nlohmann::json featureTable = nlohmann::json::object();
    std::string featureBinary;
    nlohmann::json batchTable = nlohmann::json::object();
    std::string batchBinary;
    std::vector<TileContentParts> inner;  // cmpt: its tiles

    // A feature-table property: its JSON (e.g. RTC_CENTER's array), or where its values lie in
    // the binary body ({"byteOffset": n}); null when absent.
    const nlohmann::json* feature(const char* name) const;
};

// Throws Error "NAME: REASON" (wrong magic, a length past the end, JSON that does not parse…).
TileContentParts splitTileContent(const std::string& bytes, const std::string& name);

// A typed view into a binary body: `count` elements of `components` values of `bytesEach`
// bytes at `byteOffset`, bounds-checked; throws Error naming the property when outside.
const unsigned char* binaryProperty(const std::string& body, std::size_t byteOffset, std::size_t count, int components,
                                    int bytesEach, const std::string& name);

}  // namespace jbt
