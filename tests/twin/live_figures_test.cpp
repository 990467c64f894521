// The live panels' figures follow the feed, counted again only when a layer has changed and at
// most twice a second: a thousand updates in a second are counted twice, not a thousand times.
#include <gtest/gtest.h>

#include "twin/live_figures.h"

namespace jbt {
namespace {

std::shared_ptr<const EventSet> cases(int open, int closed) {
    auto s = std::make_shared<EventSet>();
    for (int i = 0; i < open + closed; ++i) {
        GovernanceEvent e;
        e.id = "c" + std::to_string(i);
        e.category = i % 2 ? "路平工程" : "环境卫生";
        e.status = i < open ? "处置中" : kClosedStatus;
        s->byId[e.id] = e;
    }
    return s;
}

TEST(LiveFigures, CountedAgainWhenChangedAndNoFasterThanTwiceASecond) {
    std::vector<std::unique_ptr<LiveLayer>> layers;
    layers.push_back(std::make_unique<LiveLayer>());
    LiveLayer& l = *layers[0];
    l.events = cases(3, 1);
    LiveFiguresCache cache(0.5);
    const LiveFigures& f = cache.get(layers, 10.0);
    EXPECT_EQ(f.events, 4u);
    EXPECT_EQ(f.byStatus, (std::map<std::string, int>{{"处置中", 3}, {kClosedStatus, 1}}));
    EXPECT_EQ(f.byCategory, (std::map<std::string, int>{{"环境卫生", 2}, {"路平工程", 2}}));
    // A thousand updates within the next second: shown at most twice more.
    for (int i = 1; i <= 1000; ++i) {
        l.events = cases(3 + i, 1);
        ++l.generation;
        cache.get(layers, 10.0 + i / 1000.0);
    }
    EXPECT_LE(cache.recounts(), 3u);
    // Half a second after the last: the newest figures.
    EXPECT_EQ(cache.get(layers, 11.6).events, 1004u);
    std::size_t counted = cache.recounts();
    // Nothing new: not counted again, however long.
    cache.get(layers, 60.0);
    EXPECT_EQ(cache.recounts(), counted);
    // One layer's own figures beside all of them.
    layers.push_back(std::make_unique<LiveLayer>());
    layers[1]->events = cases(0, 5);
    LiveFiguresCache own;
    EXPECT_EQ(own.get(layers, 0, layers[1].get()).byStatus, (std::map<std::string, int>{{kClosedStatus, 5}}));
    EXPECT_EQ(cache.get(layers, 61.0).events, 1009u);
}

}  // namespace
}  // namespace jbt
