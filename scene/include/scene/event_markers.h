#pragma once
// Governance events as round markers over the ground: colour by category, size by status
// (open cases larger than closed ones), newly arrived ones pulse for a minute.
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Program>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/governance_event.h"
#include "model/height_grid.h"

namespace jbt {

struct EventMarkerStyle {
    float sizePx = 14.f;
    double heightAboveGround = 25;
};

// Colour of a category (the five standard ones get fixed colours, others a palette).
osg::Vec4 eventCategoryColor(const std::string& category);

// One layer's markers, kept between updates: at thousands of events a second, the few that
// changed are rewritten in place and new ones appended instead of every marker being rebuilt.
// `arrival` maps event id → the simulation time the viewer first saw it (for the pulse).
class EventMarkers {
public:
    EventMarkers(const HeightGrid& terrain, osg::ref_ptr<osg::Program> program, EventMarkerStyle style = {});
    osg::Node* node() const { return root_.get(); }
    std::size_t size() const { return slots_.size(); }

    // Every marker anew (the first data, a whole new set, the timeline's choice).
    void rebuild(const EventSet& events, const std::map<std::string, double>& arrival);
    // Only `changed` ids of `events` (new ones appended; none are removed between rebuilds).
    void update(const EventSet& events, const std::vector<std::string>& changed,
                const std::map<std::string, double>& arrival);

private:
    void write(std::size_t slot, const std::string& id, const GovernanceEvent& e, const std::map<std::string, double>& arrival);

    const HeightGrid& terrain_;
    EventMarkerStyle style_;
    osg::ref_ptr<osg::MatrixTransform> root_;
    osg::ref_ptr<osg::Geometry> geometry_;
    osg::ref_ptr<osg::Vec3Array> positions_;
    osg::ref_ptr<osg::Vec4Array> colors_;
    osg::ref_ptr<osg::Vec2Array> extra_;  // x: size in px, y: arrival time
    osg::ref_ptr<osg::DrawArrays> points_;
    osg::Vec3d origin_;  // positions are relative to it, keeping the floats small
    std::unordered_map<std::string, std::size_t> slots_;
};

}  // namespace jbt
