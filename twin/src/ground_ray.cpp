#include "twin/ground_ray.h"

#include <algorithm>

namespace jbt {

std::optional<osg::Vec3d> groundHit(const HeightGrid& t, const osg::Vec3d& from, const osg::Vec3d& to) {
    auto below = [&](const osg::Vec3d& p) {
        double ground = t.empty() ? 0.0 : t.sample(p.x(), p.y());
        return p.z() <= ground;
    };
    if (below(from)) return std::nullopt;
    // Steps no longer than a few grid cells find ridges; a bisection then refines the crossing.
    double length = (to - from).length();
    double step = std::max(t.empty() ? length / 64 : t.spacing * 2, length / 4096);
    int steps = int(std::min(4096.0, length / step)) + 1;
    osg::Vec3d prev = from;
    for (int i = 1; i <= steps; ++i) {
        osg::Vec3d p = from + (to - from) * (double(i) / steps);
        if (below(p)) {
            osg::Vec3d a = prev, b = p;
            for (int k = 0; k < 30; ++k) {
                osg::Vec3d m = (a + b) * 0.5;
                (below(m) ? b : a) = m;
            }
            return b;
        }
        prev = p;
    }
    return std::nullopt;
}

}  // namespace jbt
