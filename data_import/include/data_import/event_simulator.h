#pragma once
// Plausible governance events for demos, tests and benchmarks: cases reported around the named
// places, moving through 上报 → 派遣 → 处置中 → 已办结 over time.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "data_import/places.h"

namespace jbt {

class EventSimulator {
public:
    EventSimulator(std::vector<Place> places, std::uint64_t seed, std::int64_t startTime);

    // Advances one step: a new case (most of the time) or the next status of an open one.
    // Returns the changed event as a GeoJSON Feature.
    std::string step();
    // Every event so far as a FeatureCollection.
    std::string collection() const;
    std::size_t size() const { return events_.size(); }

private:
    struct Case {
        std::string id, category, grid;
        int status = 0;
        double lon, lat;
        std::int64_t time;
    };
    std::string feature(const Case& c) const;

    std::vector<Place> places_;
    std::mt19937_64 rng_;
    std::int64_t clock_;
    std::vector<Case> events_;
};

}  // namespace jbt
