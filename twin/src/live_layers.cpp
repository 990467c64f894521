#include "twin/live_layers.h"

#include <osg/NodeVisitor>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "scene/building_colors.h"
#include "scene/event_markers.h"
#include "scene/shader_library.h"

#include "model/error.h"

namespace jbt {
namespace {

class SwapMarkers : public osg::NodeCallback {
public:
    SwapMarkers(LiveLayer& layer, const HeightGrid& terrain, osg::ref_ptr<osg::Program> program)
        : layer_(layer), terrain_(terrain), program_(std::move(program)) {}

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        bool changed = false;
        if (auto update = layer_.source->takeUpdate()) {
            double now = nv->getFrameStamp() ? nv->getFrameStamp()->getSimulationTime() : 0.0;
            bool first = !layer_.events;
            for (const auto& [id, e] : update->byId)
                if (!layer_.arrival.count(id)) layer_.arrival[id] = first ? -1e6 : now;  // what was there at start does not pulse
            layer_.events = update;
            trackLifecycle(layer_, *update);
            changed = true;
        }
        int version = layer_.timeline ? layer_.timeline->version : 0;
        if (layer_.events && (changed || version != layer_.shownVersion)) {
            layer_.shownVersion = version;
            layer_.node->removeChildren(0, layer_.node->getNumChildren());
            if (layer_.timeline && layer_.timeline->active)
                layer_.node->addChild(buildEventMarkers(visibleEvents(*layer_.events, *layer_.timeline), terrain_, {}, program_));
            else
                layer_.node->addChild(buildEventMarkers(*layer_.events, terrain_, layer_.arrival, program_));
            if (layer_.onUpdate) layer_.onUpdate();
        }
        traverse(node, nv);
    }

private:
    LiveLayer& layer_;
    const HeightGrid& terrain_;
    osg::ref_ptr<osg::Program> program_;
};

}  // namespace

std::vector<std::unique_ptr<LiveLayer>> openLiveLayers(const std::vector<std::string>& specs, GeoPoint origin,
                                                       const HeightGrid& terrain, osg::Group& parent,
                                                       std::vector<std::string>& errors) {
    std::vector<std::unique_ptr<LiveLayer>> out;
    if (specs.empty()) return out;
    osg::ref_ptr<osg::Program> program;
    try {
        program = loadProgram("event_markers");
    } catch (const std::exception& e) {
        errors.push_back(e.what());
    }
    for (const std::string& spec : specs) {
        auto layer = std::make_unique<LiveLayer>();
        try {
            layer->source = openLiveSource(spec, origin, {});
        } catch (const Error& e) {
            errors.push_back(e.what());
            continue;
        }
        layer->node = new osg::Group;
        layer->node->setName("live: " + spec);
        layer->node->setUpdateCallback(new SwapMarkers(*layer, terrain, program));
        parent.addChild(layer->node);
        out.push_back(std::move(layer));
    }
    return out;
}

void trackLifecycle(LiveLayer& layer, const EventSet& events) {
    for (const auto& [id, e] : events.byId) {
        // A case first seen already closed has no known report time: -1 keeps it out of the median.
        bool closedAtFirstSight = e.closed();
        auto [it, isNew] = layer.lifecycle.emplace(id, std::make_pair(closedAtFirstSight ? std::int64_t(-1) : e.time, std::int64_t(0)));
        if (!isNew && !e.closed() && it->second.first >= 0) it->second.first = std::min(it->second.first, e.time);
        if (e.closed() && it->second.second == 0) it->second.second = e.time;
    }
}

std::map<std::string, int> countEventsBy(const std::vector<const EventSet*>& sets, bool byCategory) {
    std::map<std::string, int> out;
    for (const EventSet* set : sets)
        for (const auto& [id, e] : set->byId) {
            const std::string& key = byCategory ? e.category : e.status;
            ++out[key.empty() ? "?" : key];
        }
    return out;
}

CaseStats caseStats(const std::vector<std::unique_ptr<LiveLayer>>& layers) {
    CaseStats s;
    std::vector<double> hours;
    for (const auto& l : layers)
        for (const auto& [id, times] : l->lifecycle) {
            ++s.total;
            if (times.second == 0) continue;
            ++s.closed;
            if (times.first >= 0) hours.push_back(double(times.second - times.first) / 3600.0);
        }
    if (!hours.empty()) {
        std::sort(hours.begin(), hours.end());
        std::size_t n = hours.size();
        s.medianCloseHours = n % 2 ? hours[n / 2] : 0.5 * (hours[n / 2 - 1] + hours[n / 2]);
    }
    return s;
}

EventSet visibleEvents(const EventSet& set, const EventTimeline& timeline) {
    EventSet out;
    for (const auto& [id, e] : set.byId)
        if (timeline.shows(e)) out.byId.emplace(id, e);
    return out;
}

void waitForFirstData(const std::vector<std::unique_ptr<LiveLayer>>& layers, double seconds) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (const auto& l : layers)
        while (l->source->status().state == LiveStatus::State::Waiting && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

}  // namespace jbt

#include "data_import/grid_analysis.h"
#include "scene/building_layer_builder.h"

namespace jbt {

GridChoropleth::GridChoropleth(std::vector<GridCell> cells, osg::Group& parent, osg::ref_ptr<osg::Program> program)
    : cells_(std::move(cells)), node_(new osg::Group), program_(std::move(program)) {
    node_->setName("grid choropleth");
    parent.addChild(node_);
}

void GridChoropleth::update(const std::vector<std::unique_ptr<LiveLayer>>& layers, const HeightGrid& terrain,
                            const EventTimeline* timeline) {
    EventSet all;
    for (const auto& l : layers)
        if (l->events)
            for (const auto& [id, e] : l->events->byId)
                if (!timeline || timeline->shows(e)) all.byId[l->source->name() + "/" + id] = e;
    std::vector<int> counts = countEventsPerCell(cells_, all);
    LayerData cellsLayer = gridLayer(cells_, counts, {});
    LayerData prisms = cellsLayer;
    prisms.features.clear();
    total_ = 0;
    for (std::size_t i = 0; i < cellsLayer.features.size(); ++i) {
        total_ += counts[i];
        if (counts[i] == 0) continue;  // quiet cells stay out of the way
        Feature f = cellsLayer.features[i];
        // Square-root heights: hot spots read from afar without one busy cell towering over all.
        f.height = prismHeight(counts[i]);
        f.groundZ = terrain.empty() ? 0 : terrain.lowestUnder(f);
        prisms.features.push_back(std::move(f));
    }
    SceneBuildStats stats;
    BuildingLayerOptions o;
    o.program = program_;
    o.layerIndex = -1;  // not pickable as a building
    osg::ref_ptr<osg::Group> g = buildBuildingLayer(prisms, o, stats);
    setLayerOpacity(*g, 0.55f);
    node_->removeChildren(0, node_->getNumChildren());
    node_->addChild(g);
}

}  // namespace jbt

namespace jbt {

std::vector<LegendEntry> GridChoropleth::legend() const {
    // The building palette's bands (30, 100, 250 m) met by 60·√n: 1–2, 3–17 and 18 or more.
    std::vector<LegendEntry> out;
    for (auto [label, events] : {std::pair{"1–2", 1}, {"3–17", 3}, {"≥ 18", 18}}) {
        osg::Vec4ub c = wallColorForHeight(prismHeight(events));
        out.push_back({std::string(label) + " 件/格 events per cell", {c.r(), c.g(), c.b(), 255}});
    }
    return out;
}

}  // namespace jbt
