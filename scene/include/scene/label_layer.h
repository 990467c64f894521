#pragma once
// Place labels: a pin from the ground and a screen-facing Chinese/English label of constant
// pixel size, de-cluttered every frame (higher priority wins where labels would overlap).
#include <osg/Group>
#include <string>
#include <vector>

namespace jbt {

struct LabelSpec {
    osg::Vec3d ground;     // foot of the pin, scene metres
    osg::Vec3d anchor;     // where the label sits
    std::string text;      // UTF-8; a '\n' puts the English name on a second line
    int priority = 0;      // higher is kept first when labels collide
    osg::Vec4 color{1, 1, 1, 1};
};

struct LabelLayerOptions {
    std::string fontFile;      // a CJK font; empty: OSG's default (no Chinese glyphs)
    float characterSizePx = 18.f;
};

osg::ref_ptr<osg::Group> buildLabelLayer(const std::vector<LabelSpec>& labels, const LabelLayerOptions& options);

// How many labels the last cull kept on screen (for tests and the panel).
int visibleLabelCount(const osg::Group& labelLayer);

}  // namespace jbt
