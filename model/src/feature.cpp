#include "model/feature.h"

#include <cmath>

namespace jbt {

namespace {
constexpr const char* kKindNames[] = {"buildings", "areas", "lines", "points"};
}

const char* layerKindName(LayerKind kind) { return kKindNames[int(kind)]; }

std::optional<LayerKind> parseLayerKind(const std::string& name) {
    for (int i = 0; i < 4; ++i)
        if (name == kKindNames[i]) return LayerKind(i);
    return std::nullopt;
}

bool contains(const Polygon& p, Vec2 q) {
    auto inRing = [&](const Ring& r) {
        bool in = false;
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            if ((r[i].y > q.y) != (r[j].y > q.y) && q.x < (r[j].x - r[i].x) * (q.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
                in = !in;
        return in;
    };
    if (p.outer.empty() || !inRing(p.outer)) return false;
    for (const Ring& h : p.holes)
        if (!h.empty() && inRing(h)) return false;
    return true;
}

Vec3 ringNormal(const std::vector<Vec3>& r) {
    Vec3 n;
    if (r.empty()) return n;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        n.x += (r[j].y - r[i].y) * (r[j].z + r[i].z);
        n.y += (r[j].z - r[i].z) * (r[j].x + r[i].x);
        n.z += (r[j].x - r[i].x) * (r[j].y + r[i].y);
    }
    double len = std::sqrt(n.x * n.x + n.y * n.y + n.z * n.z);
    return len > 0 ? Vec3{n.x / len, n.y / len, n.z / len} : Vec3{};
}

const char* surfaceKindName(SurfaceKind kind) {
    constexpr const char* names[] = {"wall", "roof", "ground", "closure"};
    return names[int(kind)];
}

}  // namespace jbt
