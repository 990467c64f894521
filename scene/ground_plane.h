#pragma once
// A flat ground under the scene until terrain arrives: a square around the given extent.
#include <osg/Geode>
#include <osg/Program>

namespace jbt {

osg::ref_ptr<osg::Geode> buildGroundPlane(double minX, double minY, double maxX, double maxY,
                                          osg::ref_ptr<osg::Program> program);

}  // namespace jbt
