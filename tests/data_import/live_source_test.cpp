// Live feeds against real peers on loopback: a file rewritten under the source, a local HTTP
// server, and a mosquitto broker that the test starts, stops and restarts.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <thread>

#include "tests/data_import/outcome.h"
#include "data_import/live_source.h"
#include "tests/support/mosquitto_broker.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

std::string events(int n, const std::string& status = "上报") {
    std::string s = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < n; ++i)
        s += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"id":"e)" + std::to_string(i) +
             R"(","time":"2026-11-24T08:0)" + std::to_string(i % 10) + R"(:00+08:00","category":"城市管理","status":")" +
             status + R"(","grid_id":"G01"},"geometry":{"type":"Point","coordinates":[106.57,29.57]}})";
    return s + "]}";
}

bool waitFor(const std::function<bool()>& done, double seconds = 15) {
    auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

LiveSourceOptions fast() {
    LiveSourceOptions o;
    o.pollSeconds = 0.1;
    o.timeoutSeconds = 1.0;
    return o;
}

TEST(GovernanceEvents, ParsesTimesCategoriesAndSkipsBadFeatures) {
    SceneFrame frame;
    EventSet set;
    std::string error;
    std::string payload = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"a","time":"2026-11-24T08:30:00+08:00","category":"路平工程","status":"处置中","grid_id":"G7","text":"坑洼"},"geometry":{"type":"Point","coordinates":[106.57,29.57]}},
      {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
      {"type":"Feature","properties":{"time":"yesterday"},"geometry":{"type":"Point","coordinates":[106.5,29.5]}}]})";
    ASSERT_TRUE(test::tryMerge(payload, "feed", frame, {}, set, error)) << error;
    ASSERT_EQ(set.byId.size(), 1u);
    const GovernanceEvent& e = set.byId.at("a");
    EXPECT_EQ(e.category, "路平工程");
    EXPECT_EQ(e.status, "处置中");
    EXPECT_EQ(e.time, 1795480200) << "2026-11-24 00:30 UTC (date -u -d ... +%s)";
    ASSERT_EQ(set.problems.size(), 2u);
    EXPECT_EQ(set.problems[0], "feed: feature 1: no Point geometry");
    EXPECT_EQ(set.problems[1], "feed: feature 2: no id");
    EXPECT_FALSE(test::tryMerge("{\"type\":\"Feat", "feed", frame, {}, set, error));
    EXPECT_EQ(error, "feed: not valid JSON (half written, or not GeoJSON)");
    EventParseOptions tiny;
    tiny.maxBytes = 10;
    EXPECT_FALSE(test::tryMerge(payload, "feed", frame, tiny, set, error));
    EXPECT_NE(error.find("over the 10-byte limit"), std::string::npos);
}

TEST(LiveSources, FileKeepsLastGoodDataThroughAHalfWrittenFile) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "events.geojson", events(2));
    std::string error;
    auto src = test::tryOpenSource(file, kJiangbeiCentre, fast(), error);
    ASSERT_TRUE(src) << error;
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Live; }));
    auto first = src->takeChanges();
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->whole) << "a file is read whole";
    EXPECT_EQ(first->events.byId.size(), 2u);
    std::string full = events(3);
    test::writeFile(dir / "events.geojson", full.substr(0, full.size() / 2));  // a writer caught mid-write
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Error; }));
    EXPECT_NE(src->status().reason.find("showing the last good data"), std::string::npos);
    EXPECT_FALSE(src->takeChanges()) << "nothing new to show";
    EXPECT_EQ(src->status().events, 2u) << "the last good data stays";
    test::writeFile(dir / "events.geojson", full);
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Live && src->status().events == 3; }));
    std::filesystem::remove(dir / "events.geojson");
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Stale; }));
    EXPECT_EQ(src->status().events, 3u);
}

TEST(LiveSources, HttpRecoversAfterTheServerComesBackAndNeverBlocksTheCaller) {
    int port = test::freePort();
    std::string body = events(4);
    auto serve = [&](httplib::Server& s) {
        s.Get("/events", [&](const httplib::Request&, httplib::Response& res) { res.set_content(body, "application/geo+json"); });
        s.Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
            std::this_thread::sleep_for(std::chrono::seconds(5));
            res.set_content(body, "application/geo+json");
        });
        s.listen("127.0.0.1", port);
    };
    auto server = std::make_unique<httplib::Server>();
    std::thread t([&] { serve(*server); });
    std::string error;
    auto src = test::tryOpenSource("http://127.0.0.1:" + std::to_string(port) + "/events", kJiangbeiCentre, fast(), error);
    ASSERT_TRUE(src) << error;
    ASSERT_TRUE(waitFor([&] { return src->status().events == 4; }));
    server->stop();
    t.join();
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Stale; }));
    EXPECT_NE(src->status().reason.find("unreachable"), std::string::npos) << src->status().reason;
    EXPECT_EQ(src->status().events, 4u);
    server = std::make_unique<httplib::Server>();
    std::thread t2([&] { serve(*server); });
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Live; }));

    LiveSourceOptions patient = fast();
    patient.timeoutSeconds = 10;
    auto slow = test::tryOpenSource("http://127.0.0.1:" + std::to_string(port) + "/slow", kJiangbeiCentre, patient, error);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the request is now hanging
    auto before = std::chrono::steady_clock::now();
    for (int frame = 0; frame < 100; ++frame) slow->takeChanges(), slow->status();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    EXPECT_LT(ms, 200) << "a frame asking a blocked source must not wait for it";
    slow.reset();
    server->stop();
    t2.join();
}

// Servers that never finish: an endless body and a trickle. The source refuses the first once
// past its cap, gives up on the second at its deadline, and either way lets go at once when
// destroyed (quitting never waits on the network).
TEST(LiveSources, HttpCapsEndlessAndTricklingAnswersAndStopsAtOnce) {
    int port = test::freePort();
    httplib::Server server;
    server.Get("/endless", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/geo+json", [](std::size_t, httplib::DataSink& sink) {
            static const std::string block(64 * 1024, ' ');
            return sink.write(block.data(), block.size());
        });
    });
    server.Get("/trickle", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/geo+json", [](std::size_t, httplib::DataSink& sink) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return sink.write(" ", 1);
        });
    });
    std::thread t([&] { server.listen("127.0.0.1", port); });
    ASSERT_TRUE(waitFor([&] { return server.is_running(); }));
    std::string base = "http://127.0.0.1:" + std::to_string(port), error;

    LiveSourceOptions capped = fast();
    capped.parse.maxBytes = 1u << 20;
    auto endless = test::tryOpenSource(base + "/endless", kJiangbeiCentre, capped, error);
    ASSERT_TRUE(endless) << error;
    ASSERT_TRUE(waitFor([&] { return endless->status().state == LiveStatus::State::Error; }));
    EXPECT_EQ(endless->status().reason, base + "/endless: the answer passed 1 MB and was refused; showing the last good data");

    LiveSourceOptions hurried = fast();
    hurried.deadlineSeconds = 1.0;
    auto trickle = test::tryOpenSource(base + "/trickle", kJiangbeiCentre, hurried, error);
    ASSERT_TRUE(trickle) << error;
    ASSERT_TRUE(waitFor([&] { return trickle->status().state == LiveStatus::State::Stale; }));
    EXPECT_EQ(trickle->status().reason,
              base + "/trickle: no complete answer within 1 s (a slow or endless server); showing the last good data");

    LiveSourceOptions patient = fast();
    patient.deadlineSeconds = 60;
    auto held = test::tryOpenSource(base + "/trickle", kJiangbeiCentre, patient, error);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // now in the middle of the trickle
    auto before = std::chrono::steady_clock::now();
    held.reset();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    EXPECT_LT(ms, 1000) << "destroying a source mid-request returns within a second";
    endless.reset();
    trickle.reset();
    server.stop();
    t.join();
}

TEST(LiveSources, MqttSurvivesTheBrokerGoingAwayAndComingBack) {
    if (test::run("command -v mosquitto >/dev/null && command -v mosquitto_pub >/dev/null").exitCode != 0)
        GTEST_SKIP() << "mosquitto is not installed (scripts/install_deps.sh installs it)";
    int port = test::freePort();
    test::Broker broker(port);
    std::string error;
    auto src = test::tryOpenSource("mqtt://127.0.0.1:" + std::to_string(port) + "/jiangbei/events", kJiangbeiCentre, fast(), error);
    ASSERT_TRUE(src) << error;
    // Messages are not kept for late subscribers: publish until the source has one, as a live feed would.
    auto publishUntil = [&](const std::string& payload, const std::function<bool()>& done) {
        return waitFor([&] {
            if (done()) return true;
            broker.publish("jiangbei/events", payload);
            return waitFor(done, 0.3);
        }, 20);
    };
    ASSERT_TRUE(publishUntil(events(2), [&] { return src->status().events == 2; })) << src->status().reason;
    ASSERT_TRUE(publishUntil(R"({"type":"Feature","properties":{"id":"e1","status":"已办结"},"geometry":{"type":"Point","coordinates":[106.58,29.58]}})",
                             [&] {
                                 // Only what changed: the one feature, not both events again.
                                 auto s = src->takeChanges();
                                 return s && !s->whole && s->events.byId.size() == 1 && s->events.byId.count("e1") &&
                                        s->events.byId.at("e1").status == "已办结";
                             }))
        << "a single feature updates its event";
    broker.publish("jiangbei/events", "garbage {");
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Error; }));
    EXPECT_EQ(src->status().events, 2u);
    broker.stop();
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Stale; }));
    EXPECT_EQ(src->status().events, 2u) << "the last good data stays while the broker is away";
    broker.start();
    ASSERT_TRUE(waitFor([&] { return src->status().state == LiveStatus::State::Live; }, 20)) << src->status().reason;
    ASSERT_TRUE(publishUntil(events(3), [&] { return src->status().events == 3; })) << "recovered by itself";
}

// A feed opened before its broker is up (a workstation booted before the server, or a broker
// slow to listen on a loaded machine) connects by itself once the broker is there.
TEST(LiveSources, MqttConnectsWhenTheBrokerComesUpLate) {
    if (test::run("command -v mosquitto >/dev/null && command -v mosquitto_pub >/dev/null").exitCode != 0)
        GTEST_SKIP() << "mosquitto is not installed (scripts/install_deps.sh installs it)";
    int port = test::freePort();
    test::Broker broker(port);
    broker.stop();
    std::string error;
    auto src = test::tryOpenSource("mqtt://127.0.0.1:" + std::to_string(port) + "/jiangbei/events", kJiangbeiCentre, fast(), error);
    ASSERT_TRUE(src) << error;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(src->status().state, LiveStatus::State::Stale);
    EXPECT_EQ(src->status().reason, "mqtt://127.0.0.1:" + std::to_string(port) +
                                        "/jiangbei/events: cannot reach the broker (Connection refused), retrying");
    broker.start();
    ASSERT_TRUE(waitFor([&] {
        if (src->status().events == 2) return true;
        broker.publish("jiangbei/events", events(2));
        return waitFor([&] { return src->status().events == 2; }, 0.3);
    }, 20)) << src->status().reason;
}

}  // namespace
}  // namespace jbt
