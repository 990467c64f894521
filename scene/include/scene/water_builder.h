#pragma once
// Rivers and lakes as flat water surfaces at their water level.
#include <osg/Group>
#include <osg/Program>

#include "model/water.h"

namespace jbt {

osg::ref_ptr<osg::Group> buildWater(const std::vector<WaterBody>& water, osg::ref_ptr<osg::Program> program);

}  // namespace jbt
