#include "tiles/tile_mesh.h"

#include <meshoptimizer.h>

#include <cmath>
#include <cstring>
#include <unordered_map>

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

TileMesh simplifyMesh(const TileMesh& mesh, std::size_t targetTriangles, double& errorMetres) {
    errorMetres = 0;
    if (mesh.triangleCount() <= targetTriangles) return mesh;
    std::vector<std::uint32_t> kept(mesh.indices.size());
    float relative = 0;
    std::size_t n = meshopt_simplifySloppy(kept.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.data(),
                                           mesh.vertexCount(), 3 * sizeof(float), targetTriangles * 3, 1.0f, &relative);
    kept.resize(n);
    errorMetres = double(relative) * meshopt_simplifyScale(mesh.positions.data(), mesh.vertexCount(), 3 * sizeof(float));
    // The kept triangles' corners belong to different faces of the original: each triangle gets
    // its own three vertices and its own normal, so the coarse mesh shades flat and clean, and
    // each corner the colour of the original face at that point that faces the same way (a
    // roof's corner is also a wall's: the roof keeps the roof's colour).
    std::unordered_multimap<std::uint64_t, std::uint32_t> atPosition;
    auto key = [&](std::uint32_t v) {
        std::uint32_t b[3];
        std::memcpy(b, &mesh.positions[3 * v], 12);
        return (std::uint64_t(b[0]) * 73856093u) ^ (std::uint64_t(b[1]) * 19349663u) ^ (std::uint64_t(b[2]) * 83492791u);
    };
    for (std::uint32_t v = 0; v < mesh.vertexCount(); ++v) atPosition.emplace(key(v), v);
    auto facing = [&](std::uint32_t v, float nx, float ny, float nz) {
        std::uint32_t best = v;
        float bestDot = -2;
        auto range = atPosition.equal_range(key(v));
        for (auto it = range.first; it != range.second; ++it) {
            std::uint32_t c = it->second;
            if (std::memcmp(&mesh.positions[3 * c], &mesh.positions[3 * v], 12) != 0) continue;
            float d = mesh.normals[3 * c] * nx + mesh.normals[3 * c + 1] * ny + mesh.normals[3 * c + 2] * nz;
            if (d > bestDot) bestDot = d, best = c;
        }
        return best;
    };
    TileMesh out;
    out.positions.reserve(n * 3);
    for (std::size_t t = 0; t + 2 < n; t += 3) {
        const float* p[3];
        for (int k = 0; k < 3; ++k) p[k] = &mesh.positions[3 * kept[t + k]];
        float ax = p[1][0] - p[0][0], ay = p[1][1] - p[0][1], az = p[1][2] - p[0][2];
        float bx = p[2][0] - p[0][0], by = p[2][1] - p[0][1], bz = p[2][2] - p[0][2];
        float nx = ay * bz - az * by, ny = az * bx - ax * bz, nz = ax * by - ay * bx;
        float len = std::sqrt(nx * nx + ny * ny + nz * nz);
        if (len <= 1e-12f) continue;  // collapsed to a sliver: draws nothing
        nx /= len, ny /= len, nz /= len;
        for (int k = 0; k < 3; ++k) {
            std::uint32_t v = facing(kept[t + k], nx, ny, nz);
            out.indices.push_back(static_cast<std::uint32_t>(out.vertexCount()));
            out.positions.insert(out.positions.end(), p[k], p[k] + 3);
            out.normals.insert(out.normals.end(), {nx, ny, nz});
            out.colors.insert(out.colors.end(), &mesh.colors[4 * v], &mesh.colors[4 * v] + 4);
            out.featureIds.push_back(mesh.featureIds[v]);
        }
    }
    return out;
}

}  // namespace jbt
