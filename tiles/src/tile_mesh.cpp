#include "tiles/tile_mesh.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

namespace jbt {

void TileMesh::append(const TileMesh& other, Vec3 offset) {
    auto base = static_cast<std::uint32_t>(vertexCount());
    for (std::size_t i = 0; i < other.vertexCount(); ++i) {
        positions.push_back(float(other.positions[3 * i] + offset.x));
        positions.push_back(float(other.positions[3 * i + 1] + offset.y));
        positions.push_back(float(other.positions[3 * i + 2] + offset.z));
    }
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    colors.insert(colors.end(), other.colors.begin(), other.colors.end());
    featureIds.insert(featureIds.end(), other.featureIds.begin(), other.featureIds.end());
    for (std::uint32_t i : other.indices) indices.push_back(base + i);
}

TileMesh keepLargestFeatures(const TileMesh& mesh, std::size_t targetTriangles, double& errorMetres) {
    errorMetres = 0;
    // Triangles by the building they belong to (a triangle's first corner says which).
    std::size_t triangles = mesh.triangleCount();
    std::vector<std::uint32_t> order(triangles);
    for (std::uint32_t t = 0; t < triangles; ++t) order[t] = t;
    auto featureOf = [&](std::uint32_t t) { return mesh.featureIds[mesh.indices[3 * t]]; };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return featureOf(a) < featureOf(b); });
    struct Group {
        std::size_t first = 0, count = 0;
        double size = 0;
    };
    std::vector<Group> groups;
    for (std::size_t i = 0; i < triangles;) {
        Group g{i, 0, 0};
        float lo[3] = {1e30f, 1e30f, 1e30f}, hi[3] = {-1e30f, -1e30f, -1e30f};
        std::uint32_t f = featureOf(order[i]);
        for (; i < triangles && featureOf(order[i]) == f; ++i, ++g.count)
            for (int k = 0; k < 3; ++k) {
                const float* p = &mesh.positions[3 * mesh.indices[3 * order[i] + k]];
                for (int c = 0; c < 3; ++c) lo[c] = std::min(lo[c], p[c]), hi[c] = std::max(hi[c], p[c]);
            }
        g.size = std::max({hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]});
        groups.push_back(g);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.size > b.size; });
    TileMesh out;
    std::vector<std::uint32_t> remap(mesh.vertexCount(), UINT32_MAX);
    std::size_t taken = 0;
    for (const Group& g : groups) {
        if (taken > 0 && taken + g.count > targetTriangles) {
            errorMetres = std::max(errorMetres, g.size);  // sorted: the first one left out is the largest
            continue;
        }
        taken += g.count;
        for (std::size_t i = g.first; i < g.first + g.count; ++i)
            for (int k = 0; k < 3; ++k) {
                std::uint32_t v = mesh.indices[3 * order[i] + k];
                if (remap[v] == UINT32_MAX) {
                    remap[v] = std::uint32_t(out.vertexCount());
                    out.positions.insert(out.positions.end(), &mesh.positions[3 * v], &mesh.positions[3 * v] + 3);
                    out.normals.insert(out.normals.end(), &mesh.normals[3 * v], &mesh.normals[3 * v] + 3);
                    out.colors.insert(out.colors.end(), &mesh.colors[4 * v], &mesh.colors[4 * v] + 4);
                    out.featureIds.push_back(mesh.featureIds[v]);
                }
                out.indices.push_back(remap[v]);
            }
    }
    if (!out.indices.empty())
        meshopt_optimizeVertexCache(out.indices.data(), out.indices.data(), out.indices.size(), out.vertexCount());
    return out;
}

}  // namespace jbt
