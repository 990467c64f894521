#pragma once
// Triangulates footprints with holes for roofs, and a city model's planar faces, using the GLU
// tessellator that OSG carries:
// it handles holes in any orientation and splits self-touching edges instead of failing.
#include <cstdint>
#include <vector>

#include "model/feature.h"

namespace osg { struct GLUtesselator; }

namespace jbt {

class RoofTriangulator {
public:
    RoofTriangulator();
    ~RoofTriangulator();
    RoofTriangulator(const RoofTriangulator&) = delete;
    RoofTriangulator& operator=(const RoofTriangulator&) = delete;

    // On return `points` holds the polygon's vertices (outer ring, then holes) plus any the
    // tessellator added at intersections; `triangles` indexes them, three per triangle,
    // counter-clockwise seen from above. False if the tessellator reported an error.
    bool triangulate(const Polygon& polygon, std::vector<Vec2>& points, std::vector<std::uint32_t>& triangles);
    // The same for a face in 3D, seen along -normal (its rings projected on the face's plane);
    // triangles counter-clockwise seen from the side the normal points to.
    bool triangulate(const Surface& surface, const Vec3& normal, std::vector<Vec3>& points,
                     std::vector<std::uint32_t>& triangles);

    struct Context;

private:
    osg::GLUtesselator* tess_;
};

}  // namespace jbt
