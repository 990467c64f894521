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
        : layer_(layer), markers_(terrain, std::move(program)) {
        layer_.node->addChild(markers_.node());
    }

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        bool changed = false;
        if (auto changes = layer_.source->takeChanges()) {
            apply(std::move(*changes), nv->getFrameStamp() ? nv->getFrameStamp()->getSimulationTime() : 0.0);
            changed = true;
        }
        int version = layer_.timeline ? layer_.timeline->version : 0;
        if (layer_.events && (changed || version != layer_.shownVersion)) {
            bool timeline = layer_.timeline && layer_.timeline->active;
            if (timeline) markers_.rebuild(visibleEvents(*layer_.events, *layer_.timeline), {});
            else if (version != layer_.shownVersion || layer_.whole || showedTimeline_) markers_.rebuild(*layer_.events, layer_.arrival);
            else markers_.update(*layer_.events, layer_.changed, layer_.arrival);
            layer_.shownVersion = version;
            showedTimeline_ = timeline;
            if (layer_.onUpdate) layer_.onUpdate();
        }
        traverse(node, nv);
    }

private:
    void apply(EventChanges changes, double now) {
        bool first = !held_;
        layer_.changed.clear();
        for (const auto& [id, e] : changes.events.byId) {
            if (!layer_.arrival.count(id)) layer_.arrival[id] = first ? -1e6 : now;  // what was there at start does not pulse
            layer_.changed.push_back(id);
        }
        trackLifecycle(layer_, changes.events);
        layer_.whole = changes.whole || first;
        if (layer_.whole) {
            held_ = std::make_shared<EventSet>(std::move(changes.events));
        } else {
            for (auto& [id, e] : changes.events.byId) held_->byId[id] = std::move(e);
            for (std::string& p : changes.events.problems)
                if (held_->problems.size() < 100) held_->problems.push_back(std::move(p));
        }
        layer_.events = held_;
        ++layer_.generation;
    }

    LiveLayer& layer_;
    EventMarkers markers_;
    std::shared_ptr<EventSet> held_;  // what layer_.events shows, changed in place
    bool showedTimeline_ = false;
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
#include "scene/building_mesh.h"

namespace jbt {

GridChoropleth::GridChoropleth(std::vector<GridCell> cells, osg::Group& parent, osg::ref_ptr<osg::Program> program)
    : cells_(std::move(cells)), index_(cells_), node_(new osg::Group), program_(std::move(program)) {
    node_->setName("grid choropleth");
    parent.addChild(node_);
}

int GridChoropleth::place(std::size_t layer, const std::string& id, Vec2 at, int& from) {
    auto [it, isNew] = placed_[layer].try_emplace(id);
    Placed& p = it->second;
    from = isNew ? -1 : p.cell;
    if (isNew || p.at.x != at.x || p.at.y != at.y) p = {at, index_.cellOf(at)};
    return p.cell;
}

std::vector<int> GridChoropleth::recount(const std::vector<std::unique_ptr<LiveLayer>>& layers,
                                         const EventTimeline* timeline) {
    std::vector<int> counts(cells_.size(), 0);
    for (std::size_t li = 0; li < layers.size(); ++li) {
        counted_[li] = layers[li]->generation;
        if (!layers[li]->events) continue;
        for (const auto& [id, e] : layers[li]->events->byId) {
            if (timeline && !timeline->shows(e)) continue;
            int from = -1, cell = place(li, id, e.scene, from);
            if (cell >= 0) ++counts[cell];
        }
    }
    return counts;
}

void GridChoropleth::update(const std::vector<std::unique_ptr<LiveLayer>>& layers, const HeightGrid& terrain,
                            const EventTimeline* timeline) {
    placed_.resize(layers.size());
    counted_.resize(layers.size(), std::size_t(-1));
    int version = timeline && timeline->active ? timeline->version : -2;
    // Only the events the last update of each layer brought, while nothing else moved: a change
    // moves one event between cells at most.
    bool incremental = version == -2 && timelineVersion_ == -2 && counts_.size() == cells_.size();
    for (std::size_t li = 0; li < layers.size() && incremental; ++li)
        if (layers[li]->generation != counted_[li] && (layers[li]->generation != counted_[li] + 1 || layers[li]->whole))
            incremental = false;
    timelineVersion_ = version;
    std::vector<int> counts;
    if (!incremental) {
        counts = recount(layers, timeline);
    } else {
        counts = counts_;
        for (std::size_t li = 0; li < layers.size(); ++li) {
            if (layers[li]->generation == counted_[li]) continue;
            counted_[li] = layers[li]->generation;
            for (const std::string& id : layers[li]->changed) {
                int from = -1, cell = place(li, id, layers[li]->events->byId.at(id).scene, from);
                if (cell == from) continue;  // not moved out of its cell
                if (from >= 0) --counts[from];
                if (cell >= 0) ++counts[cell];
            }
        }
    }
    // Unchanged counts (status changes, events outside the grid): the prisms stay as they are.
    if (prismGeometries_.empty()) buildPrisms(terrain);
    if (counts == counts_) return;
    counts_ = std::move(counts);
    total_ = 0;
    for (int n : counts_) total_ += n;
    reshapePrisms();
}

}  // namespace jbt

namespace jbt {

void GridChoropleth::buildPrisms(const HeightGrid& terrain) {
    LayerData prisms = gridLayer(cells_, std::vector<int>(cells_.size(), 0), {});
    for (Feature& f : prisms.features) {
        f.height = 1;  // a marker height: vertices above the ground are the tops
        f.groundZ = terrain.empty() ? 0 : terrain.lowestUnder(f);
    }
    SceneBuildStats stats;
    BuildingLayerOptions o;
    o.program = program_;
    o.layerIndex = -1;  // not pickable as a building
    osg::ref_ptr<osg::Group> g = buildBuildingLayer(prisms, o, stats);
    setLayerOpacity(*g, 0.55f);
    struct Collect : osg::NodeVisitor {
        Collect() : NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
        void apply(osg::Geometry& geometry) override {
            found.push_back({&geometry, osg::computeLocalToWorld(getNodePath()).getTrans()});
        }
        std::vector<std::pair<osg::ref_ptr<osg::Geometry>, osg::Vec3d>> found;
    } collect;
    g->accept(collect);
    for (auto& [geometry, origin] : collect.found) {
        auto* v = dynamic_cast<osg::Vec3Array*>(geometry->getVertexArray());
        auto* n = dynamic_cast<osg::Vec3Array*>(geometry->getNormalArray());
        auto* ids = dynamic_cast<osg::FloatArray*>(geometry->getVertexAttribArray(kFeatureIdAttribute));
        if (!v || !n || !ids || !dynamic_cast<osg::Vec4ubArray*>(geometry->getColorArray())) continue;
        geometry->setDataVariance(osg::Object::DYNAMIC);
        auto gi = unsigned(prismGeometries_.size());
        prismGeometries_.push_back(geometry);
        for (unsigned i = 0; i < v->size(); ++i) {
            int cell = int((*ids)[i] + 0.5f);
            if (cell < 0 || cell >= int(prisms.features.size())) continue;
            float ground = float(prisms.features[cell].groundZ - origin.z());
            prismVertices_.push_back({gi, i, cell, (*v)[i].z() > ground + 0.5f, (*n)[i].z() > 0.5f, ground});
        }
    }
    node_->removeChildren(0, node_->getNumChildren());
    node_->addChild(g);
    counts_.assign(cells_.size(), -1);  // nothing shown yet: the first counts reshape every prism
}

void GridChoropleth::reshapePrisms() {
    for (const PrismVertex& p : prismVertices_) {
        osg::Geometry& g = *prismGeometries_[p.geometry];
        auto& v = static_cast<osg::Vec3Array&>(*g.getVertexArray());
        auto& c = static_cast<osg::Vec4ubArray&>(*g.getColorArray());
        int n = counts_[p.cell];
        // An empty cell's prism flattens and sinks well below the lowest ground in its cell.
        double h = n > 0 ? prismHeight(n) : 0.0;
        v[p.index].z() = n == 0 ? p.groundZ - 50.0f : p.top ? p.groundZ + float(h) : p.groundZ;
        c[p.index] = p.roof ? roofColorForHeight(h) : wallColorForHeight(h);
    }
    for (auto& g : prismGeometries_) {
        g->getVertexArray()->dirty();
        g->getColorArray()->dirty();
        g->dirtyBound();
    }
}

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
