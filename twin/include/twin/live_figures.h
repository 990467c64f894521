#pragma once
// The live panels' figures — cases by status and by category, closure rate, median time to
// close — worked out again only when a layer has changed and at most every `interval` seconds:
// at thousands of events a second, counting every case each frame would cost the frame more than
// the feed itself (a dashboard is read at that pace anyway).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "twin/live_layers.h"

namespace jbt {

struct LiveFigures {
    std::map<std::string, int> byStatus, byCategory;
    CaseStats cases;
    std::size_t events = 0;
};

class LiveFiguresCache {
public:
    explicit LiveFiguresCache(double interval = 0.5) : interval_(interval) {}
    // `only`: one layer's figures (the Live panel's per-source lines, without case statistics);
    // null: all layers'.
    // `now`: seconds on any steady clock.
    const LiveFigures& get(const std::vector<std::unique_ptr<LiveLayer>>& layers, double now, const LiveLayer* only = nullptr);
    std::size_t recounts() const { return recounts_; }  // how often the figures were worked out

private:
    double interval_;
    double last_ = -1e300;
    std::vector<std::size_t> seen_;  // each layer's set and generation when last counted
    LiveFigures figures_;
    std::size_t recounts_ = 0;
};

}  // namespace jbt
