#pragma once
// Where the camera is (eye, centre, up in scene metres), where a bookmark puts it, and the
// eased flight between two poses. Plain OSG maths, no window: tours and recordings use it too.
#include <osg/Vec3d>

#include "data_import/scene_frame.h"
#include "model/height_grid.h"
#include "model/place.h"

namespace jbt {

struct CameraPose {
    osg::Vec3d eye, center, up{0, 0, 1};
};

// Looks at the bookmark's target on the ground (the terrain, when there is one).
CameraPose poseForBookmark(const Bookmark& b, const SceneFrame& frame, const HeightGrid* terrain = nullptr);

// The camera part-way (t from 0 to 1) along an eased flight: smoothstep timing, and a rise in
// the middle of long flights so the view pulls out and settles in again.
CameraPose interpolateFlight(const CameraPose& from, const CameraPose& to, double t);

}  // namespace jbt
