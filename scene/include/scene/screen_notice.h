#pragma once
// A line of text fixed to the bottom of every view that draws the scene (each display of a
// video wall, where the ImGui banner does not go): "演示数据 / demo data".
#include <osg/Camera>
#include <string>

namespace jbt {

osg::ref_ptr<osg::Camera> buildScreenNotice(const std::string& utf8, const std::string& fontFile, float characterSizePx);

}  // namespace jbt
