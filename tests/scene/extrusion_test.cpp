#include <gtest/gtest.h>

#include <cmath>

#include "scene/building_mesh.h"
#include "scene/roof_triangulator.h"

namespace jbt {
namespace {

Ring square(double cx, double cy, double side, bool ccw = true) {
    double h = side / 2;
    Ring r{{cx - h, cy - h}, {cx + h, cy - h}, {cx + h, cy + h}, {cx - h, cy + h}};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

Feature courtyardBuilding(bool holeCcw) {
    Feature f;
    f.height = 20;
    f.polygons.push_back({square(100, 100, 40), {square(100, 100, 20, holeCcw)}});
    return f;
}

// Sums the triangles whose normals point along `axis` (z up for roofs).
double areaFacing(const BuildingMesh& m, const osg::Vec3& axis) {
    double area = 0;
    const auto& v = *m.vertices;
    const auto& idx = *m.triangles;
    for (std::size_t t = 0; t < idx.size(); t += 3) {
        osg::Vec3 a = v[idx[t]], b = v[idx[t + 1]], c = v[idx[t + 2]];
        osg::Vec3 n = (b - a) ^ (c - a);
        if ((*m.normals)[idx[t]] * axis > 0.99f) area += 0.5 * n.length();
    }
    return area;
}

bool pointInAnyTriangle(const BuildingMesh& m, float x, float y, float z) {
    const auto& v = *m.vertices;
    const auto& idx = *m.triangles;
    for (std::size_t t = 0; t < idx.size(); t += 3) {
        osg::Vec3 a = v[idx[t]], b = v[idx[t + 1]], c = v[idx[t + 2]];
        if (std::fabs(a.z() - z) > 1e-3 || std::fabs(b.z() - z) > 1e-3 || std::fabs(c.z() - z) > 1e-3) continue;
        auto side = [&](osg::Vec3 p, osg::Vec3 q) { return (q.x() - p.x()) * (y - p.y()) - (q.y() - p.y()) * (x - p.x()); };
        float d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
        bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
        if (!(neg && pos)) return true;
    }
    return false;
}

// Back faces are culled, so every triangle must wind counter-clockwise seen from outside.
void expectOutwardWinding(const BuildingMesh& mesh) {
    const auto& v = *mesh.vertices;
    const auto& idx = *mesh.triangles;
    for (std::size_t t = 0; t < idx.size(); t += 3) {
        osg::Vec3 winding = (v[idx[t + 1]] - v[idx[t]]) ^ (v[idx[t + 2]] - v[idx[t]]);
        EXPECT_GT(winding * (*mesh.normals)[idx[t]], 0.f) << "triangle " << t / 3;
    }
}

class Extrusion : public ::testing::TestWithParam<bool> {};

TEST_P(Extrusion, SquareWithSquareHoleHasOpenCourtyardAndOutwardWalls) {
    BuildingMesh mesh(osg::Vec3d(100, 100, 0));
    ASSERT_TRUE(mesh.add(courtyardBuilding(GetParam()), 7.f));
    // 4 outer + 4 inner walls, 2 triangles each; the roof of a square ring is 8 triangles.
    EXPECT_EQ(mesh.triangleCount(), 16u + 8u);
    EXPECT_NEAR(areaFacing(mesh, {0, 0, 1}), 40 * 40 - 20 * 20, 1e-3) << "roof area = footprint area";
    EXPECT_FALSE(pointInAnyTriangle(mesh, 0, 0, 20)) << "the courtyard stays open";
    EXPECT_TRUE(pointInAnyTriangle(mesh, 15, 0, 20)) << "the roof covers the ring";
    // Outer wall facing east (+x) sits at x = +20; the courtyard wall facing east at x = -10.
    double eastOuter = 0, eastInner = 0;
    for (std::size_t i = 0; i < mesh.vertices->size(); ++i) {
        if ((*mesh.normals)[i] * osg::Vec3(1, 0, 0) < 0.99f) continue;
        float x = (*mesh.vertices)[i].x();
        if (std::fabs(x - 20) < 1e-3) ++eastOuter;
        if (std::fabs(x + 10) < 1e-3) ++eastInner;
    }
    EXPECT_EQ(eastOuter, 4) << "outer walls face out";
    EXPECT_EQ(eastInner, 4) << "courtyard walls face into the courtyard";
    for (float id : *mesh.ids) EXPECT_EQ(id, 7.f);
    expectOutwardWinding(mesh);
}

INSTANTIATE_TEST_SUITE_P(HoleWinding, Extrusion, ::testing::Values(true, false));

TEST(ExtrusionMore, RaisedBuildingGetsAFloor) {
    Feature f;
    f.height = 30;
    f.minHeight = 10;
    f.polygons.push_back({square(0, 0, 10), {}});
    BuildingMesh mesh(osg::Vec3d(0, 0, 0));
    ASSERT_TRUE(mesh.add(f, 0));
    EXPECT_NEAR(areaFacing(mesh, {0, 0, -1}), 100, 1e-3);
    EXPECT_NEAR(areaFacing(mesh, {0, 0, 1}), 100, 1e-3);
    expectOutwardWinding(mesh);
}

TEST(ExtrusionMore, ConcaveFootprintRoofAreaMatches) {
    Feature f;
    f.height = 10;
    // An L: 30 × 30 minus a 15 × 15 corner = 675 m².
    f.polygons.push_back({{{0, 0}, {30, 0}, {30, 15}, {15, 15}, {15, 30}, {0, 30}}, {}});
    BuildingMesh mesh(osg::Vec3d(0, 0, 0));
    ASSERT_TRUE(mesh.add(f, 0));
    EXPECT_NEAR(areaFacing(mesh, {0, 0, 1}), 675, 1e-3);
    EXPECT_FALSE(pointInAnyTriangle(mesh, 25, 25, 10));
    expectOutwardWinding(mesh);
}

TEST(ExtrusionMore, TriangulatorAddsPointsWhereEdgesCross) {
    RoofTriangulator t;
    Polygon bowtie{{{0, 0}, {10, 10}, {10, 0}, {0, 10}}, {}};
    std::vector<Vec2> points;
    std::vector<std::uint32_t> tris;
    ASSERT_TRUE(t.triangulate(bowtie, points, tris));
    EXPECT_EQ(points.size(), 5u) << "the crossing point is added";
    EXPECT_EQ(tris.size() % 3, 0u);
}

// Convex roofs skip the tessellator: the same area, facing up, whichever way the outline runs;
// a five-pointed star (every turn the same way, but round twice) must not be taken for convex.
TEST(ExtrusionMore, ConvexRoofsAreFannedFacingUp) {
    RoofTriangulator t;
    auto upArea = [](const std::vector<Vec2>& p, const std::vector<std::uint32_t>& tris) {
        double a = 0;
        for (std::size_t i = 0; i < tris.size(); i += 3) {
            Vec2 u = p[tris[i]], v = p[tris[i + 1]], w = p[tris[i + 2]];
            double cross = (v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x);
            EXPECT_GT(cross, 0) << "counter-clockwise from above";
            a += cross / 2;
        }
        return a;
    };
    std::vector<Vec2> points;
    std::vector<std::uint32_t> tris;
    Polygon hexagon{{{0, 0}, {10, 0}, {15, 8}, {10, 16}, {0, 16}, {-5, 8}}, {}};
    ASSERT_TRUE(t.triangulate(hexagon, points, tris));
    EXPECT_EQ(tris.size(), 12u);
    EXPECT_NEAR(upArea(points, tris), 240, 1e-9);
    Polygon clockwise{{{0, 0}, {0, 5}, {8, 5}, {8, 0}}, {}};
    ASSERT_TRUE(t.triangulate(clockwise, points, tris));
    EXPECT_NEAR(upArea(points, tris), 40, 1e-9);
    Polygon star;
    for (int i = 0; i < 5; ++i) star.outer.push_back({10 * std::cos(i * 4 * M_PI / 5), 10 * std::sin(i * 4 * M_PI / 5)});
    ASSERT_TRUE(t.triangulate(star, points, tris));
    EXPECT_GT(points.size(), 5u) << "the tessellator added the crossings: not fanned";
}

}  // namespace
}  // namespace jbt
