#pragma once
// Building colours: low housing warm stone, high-rise pale glass, so height reads at a glance.
#include <osg/Vec4ub>

namespace jbt {

osg::Vec4ub wallColorForHeight(double heightM);
osg::Vec4ub roofColorForHeight(double heightM);

}  // namespace jbt
