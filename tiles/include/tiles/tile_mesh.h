#pragma once
// A tile's triangles as plain arrays: what a bake hands from the building mesher to the GLB
// writer, and merges and simplifies for parent tiles.
#include <cstdint>
#include <vector>

#include "model/geo.h"

namespace jbt {

struct TileMesh {
    std::vector<float> positions;           // x, y, z per vertex (metres, relative to some origin)
    std::vector<float> normals;             // x, y, z per vertex
    std::vector<std::uint8_t> colors;       // r, g, b, a per vertex
    std::vector<std::uint32_t> featureIds;  // per vertex: the building it belongs to
    std::vector<std::uint32_t> indices;     // triangles

    std::size_t vertexCount() const { return featureIds.size(); }
    std::size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }
    // Appends `other`, its positions moved by `offset` (from its origin to this one's).
    void append(const TileMesh& other, Vec3 offset);
};

// A parent tile's mesh: its children's buildings, the largest first (by their largest extent),
// each whole, until about `targetTriangles` are taken; small buildings are left out, as a city
// seen from afar shows its large ones. `errorMetres` receives the size of the largest building
// left out: what a viewer misses by drawing this tile instead of its children (0: nothing).
// Triangles are reordered for the GPU's vertex cache (meshoptimizer).
TileMesh keepLargestFeatures(const TileMesh& mesh, std::size_t targetTriangles, double& errorMetres);

}  // namespace jbt
