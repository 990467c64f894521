#include "twin/live_figures.h"

namespace jbt {

const LiveFigures& LiveFiguresCache::get(const std::vector<std::unique_ptr<LiveLayer>>& layers, double now, const LiveLayer* only) {
    // What each layer shows: its set and update number (a layer opened anew has another set).
    std::vector<std::size_t> generations;
    for (const auto& l : layers)
        if (!only || l.get() == only) {
            generations.push_back(reinterpret_cast<std::size_t>(l->events.get()));
            generations.push_back(l->generation);
        }
    bool changed = generations != seen_;
    if (recounts_ > 0 && (!changed || now - last_ < interval_)) return figures_;
    std::vector<const EventSet*> sets;
    for (const auto& l : layers)
        if ((!only || l.get() == only) && l->events) sets.push_back(l->events.get());
    figures_.byStatus = countEventsBy(sets, false);
    figures_.byCategory = countEventsBy(sets, true);
    figures_.events = 0;
    for (const EventSet* s : sets) figures_.events += s->byId.size();
    figures_.cases = only ? CaseStats{} : caseStats(layers);  // the dashboard's, over all layers
    seen_ = std::move(generations);
    last_ = now;
    ++recounts_;
    return figures_;
}

}  // namespace jbt
