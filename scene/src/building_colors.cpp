#include "scene/building_colors.h"

#include <algorithm>
#include <cmath>

namespace jbt {
namespace {

struct Stop {
    double h;
    float r, g, b;
};

constexpr Stop kStops[] = {
    {0, 0.86f, 0.82f, 0.74f},    // low-rise: warm stone
    {30, 0.84f, 0.83f, 0.80f},   // mid-rise: light concrete
    {100, 0.70f, 0.78f, 0.86f},  // high-rise: pale blue glass
    {250, 0.55f, 0.68f, 0.84f},  // towers: deeper glass
};

osg::Vec4ub lerpColor(double h, float scale) {
    const Stop* a = &kStops[0];
    const Stop* b = &kStops[0];
    for (const Stop& s : kStops) {
        if (s.h <= h) a = &s;
        if (s.h >= h) { b = &s; break; }
        b = &s;
    }
    double t = b->h > a->h ? std::clamp((h - a->h) / (b->h - a->h), 0.0, 1.0) : 0.0;
    auto ch = [&](float x, float y) {
        return static_cast<unsigned char>(std::clamp((x + (y - x) * t) * scale, 0.0, 1.0) * 255.0 + 0.5);
    };
    return {ch(a->r, b->r), ch(a->g, b->g), ch(a->b, b->b), 255};
}

}  // namespace

osg::Vec4ub wallColorForHeight(double h) { return lerpColor(h, 1.0f); }
osg::Vec4ub roofColorForHeight(double h) { return lerpColor(h, 0.88f); }

osg::Vec4ub surfaceColor(SurfaceKind kind, double h) {
    switch (kind) {
        case SurfaceKind::Roof: return {178, 84, 62, 255};
        case SurfaceKind::Ground: return {90, 88, 84, 255};
        case SurfaceKind::Wall:
        case SurfaceKind::Closure: break;
    }
    return wallColorForHeight(h);
}

}  // namespace jbt
