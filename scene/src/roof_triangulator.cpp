#include "scene/roof_triangulator.h"

#include <osg/GLU>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>

namespace jbt {

struct RoofTriangulator::Context {
    std::vector<Vec2>* points = nullptr;
    std::vector<Vec3>* points3 = nullptr;  // set instead of points for 3D faces
    std::vector<std::uint32_t>* triangles = nullptr;
    std::deque<std::array<double, 3>> coords;  // stable addresses for gluTessVertex
    bool failed = false;
};

namespace {

using Ctx = RoofTriangulator::Context;

void GL_APIENTRY onBegin(GLenum, void*) {}
void GL_APIENTRY onEnd(void*) {}
// Registering an edge-flag callback makes GLU emit plain GL_TRIANGLES (no fans or strips).
void GL_APIENTRY onEdgeFlag(GLboolean, void*) {}

void GL_APIENTRY onVertex(void* vertex, void* data) {
    auto* ctx = static_cast<Ctx*>(data);
    ctx->triangles->push_back(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(vertex)));
}

void GL_APIENTRY onCombine(GLdouble coords[3], void*[4], GLfloat[4], void** out, void* data) {
    auto* ctx = static_cast<Ctx*>(data);
    auto index = static_cast<std::uintptr_t>(ctx->points3 ? ctx->points3->size() : ctx->points->size());
    if (ctx->points3) ctx->points3->push_back({coords[0], coords[1], coords[2]});
    else ctx->points->push_back({coords[0], coords[1]});
    *out = reinterpret_cast<void*>(index);
}

void GL_APIENTRY onError(GLenum, void* data) { static_cast<Ctx*>(data)->failed = true; }

// A convex outline without holes (most roofs: rectangles) is a fan from its first corner; the
// tessellator's sweep costs more than the rest of the building. Every turn the same way, clearly
// (no collinear or repeated corners), and the edges going round once (x and y each change
// direction twice at most) make it convex; anything else goes to the tessellator.
bool convexFan(const Ring& ring, std::vector<Vec2>& points, std::vector<std::uint32_t>& triangles) {
    const std::size_t n = ring.size();
    if (n < 3) return false;
    double extent = 0;
    for (std::size_t i = 1; i < n; ++i) extent = std::max(extent, std::fabs(ring[i].x - ring[0].x) + std::fabs(ring[i].y - ring[0].y));
    const double margin = 1e-9 * extent * extent;
    int turns = 0, xFlips = 0, yFlips = 0;
    double lastDx = 0, lastDy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Vec2 &a = ring[i], &b = ring[(i + 1) % n], &c = ring[(i + 2) % n];
        double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (std::fabs(cross) <= margin) return false;
        turns += cross > 0 ? 1 : -1;
        double dx = b.x - a.x, dy = b.y - a.y;
        if (dx != 0) {
            if (lastDx != 0 && (dx > 0) != (lastDx > 0)) ++xFlips;
            lastDx = dx;
        }
        if (dy != 0) {
            if (lastDy != 0 && (dy > 0) != (lastDy > 0)) ++yFlips;
            lastDy = dy;
        }
    }
    if (std::size_t(std::abs(turns)) != n || xFlips > 2 || yFlips > 2) return false;
    points.assign(ring.begin(), ring.end());
    const bool ccw = turns > 0;  // triangles counter-clockwise seen from above, as GLU's
    for (std::uint32_t i = 1; i + 1 < n; ++i) {
        if (ccw) triangles.insert(triangles.end(), {0, i, i + 1});
        else triangles.insert(triangles.end(), {0, i + 1, i});
    }
    return true;
}

}  // namespace

RoofTriangulator::RoofTriangulator() : tess_(osg::gluNewTess()) {
    osg::gluTessCallback(tess_, GLU_TESS_BEGIN_DATA, reinterpret_cast<osg::_GLUfuncptr>(onBegin));
    osg::gluTessCallback(tess_, GLU_TESS_END_DATA, reinterpret_cast<osg::_GLUfuncptr>(onEnd));
    osg::gluTessCallback(tess_, GLU_TESS_VERTEX_DATA, reinterpret_cast<osg::_GLUfuncptr>(onVertex));
    osg::gluTessCallback(tess_, GLU_TESS_COMBINE_DATA, reinterpret_cast<osg::_GLUfuncptr>(onCombine));
    osg::gluTessCallback(tess_, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<osg::_GLUfuncptr>(onEdgeFlag));
    osg::gluTessCallback(tess_, GLU_TESS_ERROR_DATA, reinterpret_cast<osg::_GLUfuncptr>(onError));
    osg::gluTessProperty(tess_, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    osg::gluTessNormal(tess_, 0, 0, 1);
}

RoofTriangulator::~RoofTriangulator() { osg::gluDeleteTess(tess_); }

bool RoofTriangulator::triangulate(const Polygon& polygon, std::vector<Vec2>& points,
                                   std::vector<std::uint32_t>& triangles) {
    Context ctx;
    ctx.points = &points;
    ctx.triangles = &triangles;
    points.clear();
    triangles.clear();
    if (polygon.holes.empty() && convexFan(polygon.outer, points, triangles)) return true;
    osg::gluTessNormal(tess_, 0, 0, 1);
    osg::gluTessBeginPolygon(tess_, &ctx);
    auto contour = [&](const Ring& ring) {
        osg::gluTessBeginContour(tess_);
        for (const Vec2& p : ring) {
            auto index = static_cast<std::uintptr_t>(points.size());
            points.push_back(p);
            ctx.coords.push_back({p.x, p.y, 0.0});
            osg::gluTessVertex(tess_, ctx.coords.back().data(), reinterpret_cast<void*>(index));
        }
        osg::gluTessEndContour(tess_);
    };
    contour(polygon.outer);
    for (const Ring& hole : polygon.holes) contour(hole);
    osg::gluTessEndPolygon(tess_);
    if (triangles.size() % 3 != 0) ctx.failed = true;
    return !ctx.failed;
}

bool RoofTriangulator::triangulate(const Surface& surface, const Vec3& normal, std::vector<Vec3>& points,
                                   std::vector<std::uint32_t>& triangles) {
    Context ctx;
    ctx.points3 = &points;
    ctx.triangles = &triangles;
    points.clear();
    triangles.clear();
    osg::gluTessNormal(tess_, normal.x, normal.y, normal.z);
    osg::gluTessBeginPolygon(tess_, &ctx);
    for (const auto& ring : surface.rings) {
        osg::gluTessBeginContour(tess_);
        for (const Vec3& p : ring) {
            auto index = static_cast<std::uintptr_t>(points.size());
            points.push_back(p);
            ctx.coords.push_back({p.x, p.y, p.z});
            osg::gluTessVertex(tess_, ctx.coords.back().data(), reinterpret_cast<void*>(index));
        }
        osg::gluTessEndContour(tess_);
    }
    osg::gluTessEndPolygon(tess_);
    if (triangles.size() % 3 != 0) ctx.failed = true;
    return !ctx.failed;
}

}  // namespace jbt
