#include "scene/building_mesh.h"

#include <cmath>

#include "scene/building_colors.h"

namespace jbt {

BuildingMesh::BuildingMesh(osg::Vec3d origin) : origin_(origin) {}

std::uint32_t BuildingMesh::addVertex(double x, double y, double z, const osg::Vec3& n, osg::Vec4ub c, float id) {
    vertices->push_back(osg::Vec3(float(x - origin_.x()), float(y - origin_.y()), float(z - origin_.z())));
    normals->push_back(n);
    colors->push_back(c);
    ids->push_back(id);
    return static_cast<std::uint32_t>(vertices->size() - 1);
}

// Walls face away from the building's material: outwards on the outer ring, into courtyards
// on holes. `outward` walks the ring so that the material is on its left.
void BuildingMesh::addWalls(const Ring& ring, bool outward, double bottom, double top, osg::Vec4ub color,
                            float id) {
    std::size_t n = ring.size();
    for (std::size_t k = 0; k < n; ++k) {
        const Vec2& a = ring[outward ? k : (n - k) % n];
        const Vec2& b = ring[outward ? (k + 1) % n : (n - k - 1) % n];
        double dx = b.x - a.x, dy = b.y - a.y;
        double len = std::sqrt(dx * dx + dy * dy);
        if (len < 1e-6) continue;
        osg::Vec3 normal(float(dy / len), float(-dx / len), 0.f);
        std::uint32_t i0 = addVertex(a.x, a.y, bottom, normal, color, id);
        std::uint32_t i1 = addVertex(b.x, b.y, bottom, normal, color, id);
        std::uint32_t i2 = addVertex(b.x, b.y, top, normal, color, id);
        std::uint32_t i3 = addVertex(a.x, a.y, top, normal, color, id);
        for (std::uint32_t i : {i0, i1, i2, i0, i2, i3}) triangles->push_back(i);
    }
}

// A city model's own faces, each flat-shaded in its kind's colour. Files whose rings all run the
// wrong way round (roofs facing down) are turned over as a whole.
bool BuildingMesh::addSurfaces(const Feature& f, float id) {
    std::vector<Vec3> normals(f.surfaces.size());
    int roofsUp = 0, roofsDown = 0;
    for (std::size_t i = 0; i < f.surfaces.size(); ++i) {
        normals[i] = ringNormal(f.surfaces[i].rings[0]);
        if (f.surfaces[i].kind == SurfaceKind::Roof) (normals[i].z >= 0 ? roofsUp : roofsDown)++;
    }
    const double flip = roofsDown > roofsUp ? -1.0 : 1.0;
    std::size_t added = 0;
    for (std::size_t i = 0; i < f.surfaces.size(); ++i) {
        const Surface& s = f.surfaces[i];
        Vec3 n{normals[i].x * flip, normals[i].y * flip, normals[i].z * flip};
        if (n.x == 0 && n.y == 0 && n.z == 0) continue;  // no area
        if ((s.kind == SurfaceKind::Roof && n.z < 0) || (s.kind == SurfaceKind::Ground && n.z > 0)) n = {-n.x, -n.y, -n.z};
        if (!triangulator_.triangulate(s, n, facePoints_, roofTriangles_)) continue;
        osg::Vec4ub color = surfaceColor(s.kind, f.height);
        osg::Vec3 normal(float(n.x), float(n.y), float(n.z));
        auto base = static_cast<std::uint32_t>(vertices->size());
        for (const Vec3& p : facePoints_) addVertex(p.x, p.y, f.groundZ + p.z, normal, color, id);
        for (std::uint32_t t : roofTriangles_) triangles->push_back(base + t);
        ++added;
    }
    return added > 0;
}

bool BuildingMesh::add(const Feature& f, float id) {
    if (!f.surfaces.empty()) return addSurfaces(f, id);
    // Triangulate every part first so a failure leaves the mesh untouched.
    std::vector<std::pair<std::vector<Vec2>, std::vector<std::uint32_t>>> roofs;
    for (const Polygon& p : f.polygons) {
        if (!triangulator_.triangulate(p, roofPoints_, roofTriangles_)) return false;
        // The tessellator may emit slivers along collinear edges: they draw nothing.
        std::vector<std::uint32_t> kept;
        kept.reserve(roofTriangles_.size());
        for (std::size_t t = 0; t + 2 < roofTriangles_.size(); t += 3) {
            const Vec2 &a = roofPoints_[roofTriangles_[t]], &b = roofPoints_[roofTriangles_[t + 1]],
                       &c = roofPoints_[roofTriangles_[t + 2]];
            if (std::fabs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) > 1e-9)
                kept.insert(kept.end(), {roofTriangles_[t], roofTriangles_[t + 1], roofTriangles_[t + 2]});
        }
        roofs.emplace_back(roofPoints_, std::move(kept));
    }
    osg::Vec4ub wall = wallColorForHeight(f.height), roof = roofColorForHeight(f.height);
    const double bottom = f.groundZ + f.minHeight, top = f.groundZ + f.height;
    for (std::size_t pi = 0; pi < f.polygons.size(); ++pi) {
        const Polygon& p = f.polygons[pi];
        addWalls(p.outer, signedArea(p.outer) > 0, bottom, top, wall, id);
        for (const Ring& hole : p.holes) addWalls(hole, signedArea(hole) < 0, bottom, top, wall, id);

        const auto& [points, tris] = roofs[pi];
        auto base = static_cast<std::uint32_t>(vertices->size());
        for (const Vec2& q : points) addVertex(q.x, q.y, top, osg::Vec3(0, 0, 1), roof, id);
        for (std::uint32_t t : tris) triangles->push_back(base + t);
        if (f.minHeight > 0) {  // raised buildings need a closed underside
            auto floorBase = static_cast<std::uint32_t>(vertices->size());
            for (const Vec2& q : points) addVertex(q.x, q.y, bottom, osg::Vec3(0, 0, -1), wall, id);
            for (std::size_t t = 0; t < tris.size(); t += 3)
                for (int k : {0, 2, 1}) triangles->push_back(floorBase + tris[t + k]);
        }
    }
    return true;
}

}  // namespace jbt
