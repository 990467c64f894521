#include "scene/building_mesh.h"

#include <algorithm>
#include <cmath>

#include "scene/building_colors.h"

namespace jbt {

BuildingMesh::BuildingMesh(osg::Vec3d origin) : origin_(origin) {}

std::size_t BuildingMesh::triangleCount() const {
    std::size_t n = triangles->size();
    for (auto& [texture, t] : texturedTriangles) n += t->size();
    return n / 3;
}

std::uint32_t BuildingMesh::addVertex(double x, double y, double z, const osg::Vec3& n, osg::Vec4ub c, float id,
                                      osg::Vec2 uv) {
    vertices->push_back(osg::Vec3(float(x - origin_.x()), float(y - origin_.y()), float(z - origin_.z())));
    normals->push_back(n);
    colors->push_back(c);
    ids->push_back(id);
    bases->push_back(base_);
    if (texcoords) texcoords->push_back(uv);
    return static_cast<std::uint32_t>(vertices->size() - 1);
}

// The tessellator's points are the rings' vertices in order, then any it added where edges
// cross: those take the coordinates of the nearest ring vertex.
void BuildingMesh::addTexturedFace(const SurfaceAppearance& look, const osg::Vec3& normal, double groundZ, float id) {
    if (!texcoords) texcoords = new osg::Vec2Array(vertices->size());
    std::vector<osg::Vec2> uv;
    for (const auto& ring : look.uvs)
        for (const Vec2& t : ring) uv.push_back(osg::Vec2(float(t.x), float(t.y)));
    const osg::Vec4ub white(255, 255, 255, 255);  // the image is the face's colour
    auto base = static_cast<std::uint32_t>(vertices->size());
    for (std::size_t i = 0; i < facePoints_.size(); ++i) {
        const Vec3& p = facePoints_[i];
        std::size_t k = i;
        if (k >= uv.size()) {
            double best = INFINITY;
            for (std::size_t j = 0; j < uv.size() && j < facePoints_.size(); ++j) {
                const Vec3& q = facePoints_[j];
                double d = (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) + (p.z - q.z) * (p.z - q.z);
                if (d < best) best = d, k = j;
            }
        }
        addVertex(p.x, p.y, groundZ + p.z, normal, white, id, k < uv.size() ? uv[k] : osg::Vec2());
    }
    osg::ref_ptr<osg::DrawElementsUInt>& list = texturedTriangles[look.texture];
    if (!list) list = new osg::DrawElementsUInt(GL_TRIANGLES);
    for (std::uint32_t t : roofTriangles_) list->push_back(base + t);
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
        osg::Vec3 normal(float(n.x), float(n.y), float(n.z));
        const SurfaceAppearance* look = s.appearance.get();
        if (keepTextures && look && look->textured()) {
            addTexturedFace(*look, normal, f.groundZ, id);
            ++added;
            continue;
        }
        osg::Vec4ub color = surfaceColor(s.kind, f.height);
        if (look && look->color) {
            const auto& c = *look->color;
            auto byte = [](float v) { return static_cast<unsigned char>(std::lround(std::clamp(v, 0.f, 1.f) * 255)); };
            color = osg::Vec4ub(byte(c[0]), byte(c[1]), byte(c[2]), 255);  // opaque: buildings draw in one pass
        }
        auto base = static_cast<std::uint32_t>(vertices->size());
        for (const Vec3& p : facePoints_) addVertex(p.x, p.y, f.groundZ + p.z, normal, color, id);
        for (std::uint32_t t : roofTriangles_) triangles->push_back(base + t);
        ++added;
    }
    return added > 0;
}

bool BuildingMesh::add(const Feature& f, float id) {
    base_ = osg::Vec2(float(f.groundZ + f.minHeight - origin_.z()), float(f.groundZ + f.height - origin_.z()));
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

namespace jbt {

void BuildingMesh::reserveFor(const std::vector<const Feature*>& features) {
    std::size_t corners = 0;
    for (const Feature* f : features)
        for (const Polygon& p : f->polygons) {
            corners += p.outer.size();
            for (const Ring& h : p.holes) corners += h.size();
        }
    // A corner: four wall vertices and one on the roof; six wall indices and about three roof ones.
    std::size_t v = vertices->size() + 5 * corners, i = triangles->size() + 9 * corners;
    vertices->reserve(v), normals->reserve(v), colors->reserve(v), ids->reserve(v), bases->reserve(v);
    triangles->reserve(i);
}

}  // namespace jbt
