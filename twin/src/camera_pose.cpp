#include "twin/camera_pose.h"

#include <osg/Math>

#include <algorithm>
#include <cmath>

namespace jbt {

CameraPose interpolateFlight(const CameraPose& from, const CameraPose& to, double t) {
    t = std::clamp(t, 0.0, 1.0);
    double s = t * t * (3 - 2 * t);  // smoothstep: no jolt at either end
    CameraPose p;
    p.center = from.center * (1 - s) + to.center * s;
    double hop = 4.0 * s * (1 - s) * 0.35 * (to.center - from.center).length();
    p.eye = from.eye * (1 - s) + to.eye * s + osg::Vec3d(0, 0, hop);
    return p;
}

CameraPose poseForBookmark(const Bookmark& b, const SceneFrame& frame, const HeightGrid* terrain) {
    Vec2 t = frame.toScene(b.target);
    double h = osg::DegreesToRadians(b.headingDeg), p = osg::DegreesToRadians(b.pitchDeg);
    osg::Vec3d forward(std::sin(h) * std::cos(p), std::cos(h) * std::cos(p), -std::sin(p));
    CameraPose pose;
    double ground = terrain && !terrain->empty() ? terrain->sample(t.x, t.y) : 0.0;
    pose.center = osg::Vec3d(t.x, t.y, std::isfinite(b.targetHeightM) ? b.targetHeightM : ground);
    pose.eye = pose.center - forward * b.rangeM;
    return pose;
}

}  // namespace jbt
