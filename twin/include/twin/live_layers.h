#pragma once
// Live event layers in the scene: each wraps a LiveEventSource and swaps its markers on the
// update traversal when the source has finished something new (the render thread never waits).
#include <osg/Geometry>
#include <osg/Group>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <string>
#include <vector>

#include "model/drape.h"
#include "model/height_grid.h"
#include "data_import/live_source.h"

namespace jbt {

// History playback: when active, only events whose time lies in (cursor - window, cursor] show,
// on the markers and in the per-grid counts.
struct EventTimeline {
    bool active = false;
    bool playing = false;
    std::int64_t cursor = 0;          // seconds since 1970
    std::int64_t windowSeconds = 86400;
    double speed = 600;               // event seconds per real second
    int version = 0;                  // bumped on every change; layers rebuild when it moves
    bool shows(const GovernanceEvent& e) const { return !active || (e.time <= cursor && e.time > cursor - windowSeconds); }
};

// The events of `set` the timeline lets through.
EventSet visibleEvents(const EventSet& set, const EventTimeline& timeline);

struct LiveLayer {
    std::unique_ptr<LiveEventSource> source;
    osg::ref_ptr<osg::Group> node;                 // holds the current markers
    std::shared_ptr<const EventSet> events;        // what is shown (the source's changes applied)
    // The last update: its number, and which ids it brought (`whole`: it replaced everything).
    // Counts kept per cell follow these instead of walking every event again.
    std::size_t generation = 0;
    bool whole = true;
    std::vector<std::string> changed;
    std::map<std::string, double> arrival;         // id → simulation time first seen
    bool visible = true;
    std::function<void()> onUpdate;                // e.g. re-count the grid
    const EventTimeline* timeline = nullptr;
    int shownVersion = -1;                         // the timeline version the markers show
    // id → (time first reported, time closed or 0): what "time to close" is measured from.
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> lifecycle;
};

// Records reports and closures (status 已办结) from a newer set of events.
void trackLifecycle(LiveLayer& layer, const EventSet& events);

// Events held per status (or per category) across the layers; empty values count as "?".
std::map<std::string, int> countEventsBy(const std::vector<const EventSet*>& sets, bool byCategory);

struct CaseStats {
    int total = 0, closed = 0;
    double medianCloseHours = -1;  // -1: nothing closed yet
};
CaseStats caseStats(const std::vector<std::unique_ptr<LiveLayer>>& layers);

// Opens each spec (file, http://, mqtt://) as a layer under `parent`; specs that cannot be used
// at all are reported in `errors`.
std::vector<std::unique_ptr<LiveLayer>> openLiveLayers(const std::vector<std::string>& specs, GeoPoint origin,
                                                       const HeightGrid& terrain, osg::Group& parent,
                                                       std::vector<std::string>& errors);

// Snapshots and tests: wait (at most `seconds`) until every source has answered once.
void waitForFirstData(const std::vector<std::unique_ptr<LiveLayer>>& layers, double seconds);

}  // namespace jbt

#include "data_import/grid_analysis.h"

namespace jbt {

// Live per-cell counts as a 3D choropleth: one prism per grid cell, as tall as its case count,
// rebuilt (cheaply, on the update traversal) whenever a live layer brings new events.
class GridChoropleth {
public:
    GridChoropleth(std::vector<GridCell> cells, osg::Group& parent, osg::ref_ptr<osg::Program> program);
    void update(const std::vector<std::unique_ptr<LiveLayer>>& layers, const HeightGrid& terrain,
                const EventTimeline* timeline = nullptr);
    int total() const { return total_; }
    const std::vector<GridCell>& cells() const { return cells_; }
    const std::vector<int>& counts() const { return counts_; }  // per cell, what the prisms show
    // Prism colours by events per cell (prisms are 60·√n m high and coloured by height).
    std::vector<LegendEntry> legend() const;
    // Shows or hides the prisms.
    void setVisible(bool visible) { node_->setNodeMask(visible ? ~0u : 0u); }
    bool visible() const { return node_->getNodeMask() != 0; }

    // The height of a cell's prism for `events` events.
    static double prismHeight(int events) { return 60.0 * std::sqrt(double(events)); }

private:
    std::vector<GridCell> cells_;
    CellIndex index_;
    // Each event's cell, found once per position (a status change keeps its cell).
    struct Placed {
        Vec2 at;
        int cell = -1;
    };
    std::vector<std::unordered_map<std::string, Placed>> placed_;  // per live layer
    // An event's cell, looked up again only when it has moved; `from` gets the cell it was in
    // (-1: new, or outside every cell).
    int place(std::size_t layer, const std::string& id, Vec2 at, int& from);
    std::vector<std::size_t> counted_;                             // per live layer: the generation counted
    int timelineVersion_ = -1;                                     // the timeline the counts follow
    // Every event again (the first time, a whole new set, the timeline moved, a layer skipped).
    std::vector<int> recount(const std::vector<std::unique_ptr<LiveLayer>>& layers, const EventTimeline* timeline);
    std::vector<int> counts_;                                      // what the prisms show
    // Every cell's prism is built once; a new count moves its top and recolours it in place
    // (an empty cell's prism sinks below the ground).
    struct PrismVertex {
        unsigned geometry, index;
        int cell;
        bool top, roof;
        float groundZ;  // relative to the geometry's tile origin
    };
    void buildPrisms(const HeightGrid& terrain);
    void reshapePrisms();
    std::vector<osg::ref_ptr<osg::Geometry>> prismGeometries_;
    std::vector<PrismVertex> prismVertices_;
    osg::ref_ptr<osg::Group> node_;
    osg::ref_ptr<osg::Program> program_;
    int total_ = 0;
};

}  // namespace jbt
