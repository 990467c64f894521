#pragma once
// Where a ray first meets the ground (the height grid; flat ground at 0 m without one). Cheap
// enough for every mouse move: the status bar's pointer position and the scale bar.
#include <osg/Vec3d>
#include <optional>

#include "model/height_grid.h"

namespace jbt {

std::optional<osg::Vec3d> groundHit(const HeightGrid& terrain, const osg::Vec3d& from, const osg::Vec3d& to);

}  // namespace jbt
