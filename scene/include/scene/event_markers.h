#pragma once
// Governance events as round markers over the ground: colour by category, size by status
// (open cases larger than closed ones), newly arrived ones pulse for a minute.
#include <osg/Node>
#include <osg/Program>

#include "model/governance_event.h"
#include "model/height_grid.h"

namespace jbt {

struct EventMarkerStyle {
    float sizePx = 14.f;
    double heightAboveGround = 25;
};

// Colour of a category (the five standard ones get fixed colours, others a palette).
osg::Vec4 eventCategoryColor(const std::string& category);

// `arrival` maps event id → the simulation time the viewer first saw it (for the pulse).
osg::ref_ptr<osg::Node> buildEventMarkers(const EventSet& events, const HeightGrid& terrain,
                                           const std::map<std::string, double>& arrival,
                                           osg::ref_ptr<osg::Program> program, const EventMarkerStyle& style = {});

}  // namespace jbt
