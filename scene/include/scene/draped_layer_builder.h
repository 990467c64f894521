#pragma once
// Vector layers laid on the terrain as geometry, sharp at every zoom: area fills cut to the
// terrain's own triangles, roads as bands of their real width (never thinner than about a pixel)
// with a casing and centre lines, outlines and boundaries as lines of constant screen width.
// They are drawn after the opaque scene without writing depth, each pass of each layer in its
// own nested render bin, so the drawing order decides what lies on top: no z-fighting, and a
// depth offset that grows with distance keeps them above the coarser terrain far away.
#include <osg/Group>
#include <osg/Program>

#include <vector>

#include "model/drape.h"
#include "model/feature.h"
#include "scene/ground_clamp.h"

namespace jbt {

struct DrapedLayerStats {
    std::size_t triangles = 0;  // every pass's
    std::size_t features = 0;   // features that drew anything
};

// The group every draped layer goes under: the program, blending, no depth writes, the render
// bin after the opaque scene, and each camera's viewport size for the shader.
osg::ref_ptr<osg::Group> makeDrapedRoot(osg::ref_ptr<osg::Program> program);

// One layer's node; `order` places it among the draped layers (higher on top).
osg::ref_ptr<osg::Group> buildDrapedLayer(const LayerData& layer, const DrapeStyle& style,
                                          const std::vector<FeatureLook>& looks, const GroundClamp& ground,
                                          int order, DrapedLayerStats& stats);

// The layer's opacity (the Layers panel's slider), on top of its colours' own alpha.
void setDrapedOpacity(osg::Group& layer, float opacity);

}  // namespace jbt
