#pragma once
// Lays flat vector geometry on the terrain exactly as terrain_builder draws it: heights are
// interpolated on the terrain mesh's own triangles (each grid cell split from its south-west to
// its north-east corner), and area triangles are cut along the grid's lines and diagonals so
// that every piece lies within one terrain triangle — flush with the ground, never floating
// above it or sinking into it. Lines over water lie on its surface (bridges, ferries).
#include <vector>

#include "model/height_grid.h"
#include "model/water.h"

namespace jbt {

class GroundClamp {
public:
    // An empty grid is flat ground at 0 m. The grid and the water's polygons must outlive the clamp.
    explicit GroundClamp(const HeightGrid& grid, const std::vector<WaterBody>* water = nullptr);
    GroundClamp(HeightGrid&&, const std::vector<WaterBody>* = nullptr) = delete;  // would dangle

    // The terrain's height at a scene position (the edge's height beyond the grid).
    double height(double x, double y) const;
    // The same, or the water's surface where that is higher and the point lies on water.
    double heightForLine(double x, double y) const;
    // The terrain's upward unit normal there, as (x, y, z).
    Vec3 normal(double x, double y) const;
    // Spacing of the terrain's samples (0 for flat ground): how finely lines must follow it.
    double spacing() const { return grid_.empty() ? 0.0 : grid_.spacing; }

    // Points at most `step` metres apart along the line, its own vertices kept.
    static std::vector<Vec2> densify(const std::vector<Vec2>& line, double step);
    // Cuts a triangle into pieces that each lie within one terrain triangle and appends their
    // corners, three per piece, in the triangle's own winding.
    void cutTriangle(const Vec2& a, const Vec2& b, const Vec2& c, std::vector<Vec2>& out) const;

private:
    struct Water {
        double x0, y0, x1, y1;  // the polygon's bounding box: most points are far from water
        const Polygon* polygon;
        double level;
    };
    const HeightGrid& grid_;
    std::vector<Water> water_;
};

}  // namespace jbt
