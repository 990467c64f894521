// A live MQTT feed applied change by change (issue 10): after every burst of moves, closures and
// new cases, the grid's counts equal a brute-force count over the events held and the markers
// stand exactly where the events are.
#include <gtest/gtest.h>

#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/NodeVisitor>

#include <chrono>
#include <set>
#include <thread>

#include "tests/support/mosquitto_broker.h"
#include "tests/support/offscreen_options.h"
#include "tests/test_support.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

std::string feature(int id, double lon, double lat, const std::string& status) {
    char f[400];
    std::snprintf(f, sizeof f,
                  R"({"type":"Feature","properties":{"id":"c%d","time":"2026-11-24T09:00:00+08:00","category":"城市管理","status":"%s"},"geometry":{"type":"Point","coordinates":[%.5f,%.5f]}})",
                  id, status.c_str(), lon, lat);
    return f;
}

std::string collection(const std::vector<std::string>& features) {
    std::string s = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) s += (i ? "," : "") + features[i];
    return s + "]}";
}

// Marker positions (x, y rounded to the decimetre) in scene metres, from the drawn geometry.
std::multiset<std::pair<long, long>> markerPositions(osg::Node& node) {
    struct Collect : osg::NodeVisitor {
        Collect() : NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
        void apply(osg::Geometry& g) override {
            osg::Matrixd m = osg::computeLocalToWorld(getNodePath());
            auto* v = dynamic_cast<osg::Vec3Array*>(g.getVertexArray());
            auto* draw = dynamic_cast<osg::DrawArrays*>(g.getPrimitiveSet(0));
            for (GLsizei i = 0; v && draw && i < draw->getCount(); ++i) {
                osg::Vec3d p = osg::Vec3d((*v)[std::size_t(i)]) * m;
                at.insert({std::lround(p.x() * 10), std::lround(p.y() * 10)});
            }
        }
        std::multiset<std::pair<long, long>> at;
    } collect;
    node.accept(collect);
    return collect.at;
}

TEST(LiveStream, GridCountsAndMarkersFollowEveryChange) {
    ASSERT_EQ(test::run("command -v mosquitto >/dev/null && command -v mosquitto_pub >/dev/null").exitCode, 0)
        << "mosquitto is not installed (scripts/install_deps.sh installs it)";
    int port = test::freePort();
    test::Broker broker(port);
    auto dir = test::scratchDir();
    AppOptions o = test::offscreenOptions(dir);
    o.gridCellM = 800;
    o.eventSources = {"mqtt://127.0.0.1:" + std::to_string(port) + "/jiangbei/cases"};
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    const LiveLayer& layer = *app.liveLayers().at(0);
    const GridChoropleth& grid = *twin.grid();

    // Each burst: what every case looks like now; published until the viewer shows all of it.
    std::map<int, std::string> cases;
    auto burst = [&](const std::vector<std::pair<int, std::string>>& changes) {
        std::vector<std::string> features;
        for (auto& [id, f] : changes) cases[id] = f, features.push_back(f);
        std::string payload = collection(features);
        auto shown = [&] {
            if (!layer.events || layer.events->byId.size() != cases.size()) return false;
            for (auto& [id, f] : changes) {
                auto it = layer.events->byId.find("c" + std::to_string(id));
                if (it == layer.events->byId.end() || f.find(it->second.status) == std::string::npos) return false;
            }
            return true;
        };
        for (int tries = 0; tries < 40 && !shown(); ++tries) {
            broker.publish("jiangbei/cases", payload);  // a subscriber may join late: publish again
            for (int k = 0; k < 10 && !shown(); ++k) {
                app.renderImage(1);
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        ASSERT_TRUE(shown());
        app.renderImage(1);
        // The grid against a count over every cell's polygon.
        std::vector<int> brute(grid.cells().size(), 0);
        for (const auto& [id, e] : layer.events->byId)
            for (std::size_t c = 0; c < grid.cells().size(); ++c)
                if (contains(grid.cells()[c].shape, e.scene)) {
                    ++brute[c];
                    break;
                }
        EXPECT_EQ(grid.counts(), brute);
        // The markers: one per case, where the case is.
        std::multiset<std::pair<long, long>> expected;
        for (const auto& [id, e] : layer.events->byId) expected.insert({std::lround(e.scene.x * 10), std::lround(e.scene.y * 10)});
        EXPECT_EQ(markerPositions(*layer.node), expected);
    };
    std::vector<std::pair<int, std::string>> first;
    for (int i = 0; i < 30; ++i) first.push_back({i, feature(i, 106.55 + 0.004 * (i % 10), 29.56 + 0.004 * (i / 10), "上报")});
    burst(first);
    EXPECT_EQ(grid.total(), 30);
    // Five cases move across the district, three close, ten new ones come in.
    std::vector<std::pair<int, std::string>> second;
    for (int i = 0; i < 5; ++i) second.push_back({i, feature(i, 106.68 - 0.003 * i, 29.63, "派遣")});
    for (int i = 10; i < 13; ++i) second.push_back({i, feature(i, 106.55 + 0.004 * (i % 10), 29.56 + 0.004 * (i / 10), "已办结")});
    for (int i = 30; i < 40; ++i) second.push_back({i, feature(i, 106.60 + 0.002 * (i - 30), 29.59, "上报")});
    burst(second);
    EXPECT_EQ(grid.total(), 40);
    // And moved back, one by one.
    for (int i = 0; i < 3; ++i) burst({{i, feature(i, 106.55 + 0.004 * i, 29.56, "处置中")}});
}

}  // namespace
}  // namespace jbt
