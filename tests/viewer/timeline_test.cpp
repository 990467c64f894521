// History playback: the markers and the per-grid counts follow the timeline's window.
#include <gtest/gtest.h>

#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

TEST(Timeline, GridCountsFollowTheReplayWindow) {
    auto dir = test::scratchDir();
    // 48 events, one every half hour from 00:00 China time on 2026-11-24.
    std::string features;
    for (int i = 0; i < 48; ++i) {
        char f[400];
        std::snprintf(f, sizeof f,
                      R"(%s{"type":"Feature","properties":{"id":"e%d","time":"%d","category":"城市管理","status":"上报"},"geometry":{"type":"Point","coordinates":[106.66,29.61]}})",
                      i ? "," : "", i, 1795478400 + i * 1800);
        features += f;
    }
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "x.png").string();
    o.width = 320;
    o.height = 240;
    o.gridCellM = 1000;
    o.eventSources = {test::writeFile(dir / "events.geojson", R"({"type":"FeatureCollection","features":[)" + features + "]}")};
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    waitForFirstData(app.liveLayers(), 5);
    app.renderImage(2);
    EXPECT_EQ(app.gridEvents(), 48);
    EventTimeline& t = app.state().timeline;
    t.active = true;
    t.cursor = 1795478400 + 10 * 3600;  // 10:00
    t.windowSeconds = 3 * 3600;         // 07:00 < time <= 10:00: events 15..20
    ++t.version;
    app.renderImage(1);
    EXPECT_EQ(app.gridEvents(), 6);
    t.active = false;
    ++t.version;
    app.renderImage(1);
    EXPECT_EQ(app.gridEvents(), 48);
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

TEST(CaseStats, MedianTimeToCloseFromReportsAndClosures) {
    std::vector<std::unique_ptr<LiveLayer>> layers;
    layers.push_back(std::make_unique<LiveLayer>());
    LiveLayer& l = *layers.back();
    auto event = [](const char* id, const char* status, std::int64_t t) {
        GovernanceEvent e;
        e.id = id;
        e.status = status;
        e.time = t;
        return e;
    };
    EventSet first;
    for (auto e : {event("a", "上报", 0), event("b", "上报", 0), event("c", "上报", 3600), event("d", "派遣", 0)})
        first.byId[e.id] = e;
    trackLifecycle(l, first);
    EventSet later = first;
    later.byId["a"] = event("a", "已办结", 2 * 3600);   // 2 h
    later.byId["b"] = event("b", "处置中", 5 * 3600);
    later.byId["c"] = event("c", "已办结", 7 * 3600);   // 6 h
    trackLifecycle(l, later);
    later.byId["b"] = event("b", "已办结", 10 * 3600);  // 10 h
    trackLifecycle(l, later);
    EventSet seenClosed;
    seenClosed.byId["z"] = event("z", "已办结", 9 * 3600);  // closed before we ever saw it
    trackLifecycle(l, seenClosed);
    CaseStats s = caseStats(layers);
    EXPECT_EQ(s.total, 5);
    EXPECT_EQ(s.closed, 4);
    EXPECT_DOUBLE_EQ(s.medianCloseHours, 6.0) << "the case first seen closed has no time to close";
}

}  // namespace
}  // namespace jbt
