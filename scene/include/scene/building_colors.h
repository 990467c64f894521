#pragma once
// Building colours: low housing warm stone, high-rise pale glass, so height reads at a glance.
#include <osg/Vec4ub>

#include "model/feature.h"

namespace jbt {

osg::Vec4ub wallColorForHeight(double heightM);
osg::Vec4ub roofColorForHeight(double heightM);
// City models' semantic surfaces: tiled roofs in terracotta, walls as above, the ground dark.
osg::Vec4ub surfaceColor(SurfaceKind kind, double heightM);

}  // namespace jbt
