// Features are converted on worker threads while one thread reads: the layer, its order and its
// report (counts, and which messages are kept) must be what one thread gives.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <filesystem>

#include "data_import/ogr_layer_reader.h"
#include "data_import/ogr_polygons.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

// 3,000 squares, with every kind of trouble the converter counts sprinkled through them: bowties
// (repaired), heights that are not numbers, empty geometries.
std::string troubledCollection() {
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < 3000; ++i) {
        double x = 106.5 + 0.002 * (i % 60), y = 29.5 + 0.002 * (i / 60), d = 0.001;
        char geometry[400], height[32];
        if (i % 101 == 7) std::snprintf(geometry, sizeof geometry, R"({"type":"Polygon","coordinates":[[]]})");
        else if (i % 37 == 3)  // a bowtie: GEOS splits it in two
            std::snprintf(geometry, sizeof geometry, R"({"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]})",
                          x, y, x + d, y + d, x + d, y, x, y + d, x, y);
        else
            std::snprintf(geometry, sizeof geometry, R"({"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]})",
                          x, y, x + d, y, x + d, y + d, x, y + d, x, y);
        if (i % 97 == 5) std::snprintf(height, sizeof height, R"("tall%d")", i);
        else std::snprintf(height, sizeof height, "%d", 10 + i % 40);
        out += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"height":)" + height + R"(,"n":)" +
               std::to_string(i) + R"(},"geometry":)" + geometry + "}";
    }
    return out + "]}";
}

ImportOptions onThreads(const std::string& file, int threads) {
    ImportOptions o{file};
    o.threads = threads;
    return o;
}

void expectSameLayer(const LayerData& a, const LayerData& b) {
    ASSERT_EQ(a.features.size(), b.features.size());
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        const Feature &f = a.features[i], &g = b.features[i];
        ASSERT_EQ(f.sourceFid, g.sourceFid) << "feature " << i;
        EXPECT_EQ(f.height, g.height);
        EXPECT_EQ(f.attributes, g.attributes);
        ASSERT_EQ(f.polygons.size(), g.polygons.size());
        for (std::size_t p = 0; p < f.polygons.size(); ++p)
            for (std::size_t v = 0; v < f.polygons[p].outer.size(); ++v) {
                EXPECT_EQ(f.polygons[p].outer[v].x, g.polygons[p].outer[v].x);
                EXPECT_EQ(f.polygons[p].outer[v].y, g.polygons[p].outer[v].y);
            }
    }
    EXPECT_EQ(a.report.featuresRead, b.report.featuresRead);
    EXPECT_EQ(a.report.featuresImported, b.report.featuresImported);
    EXPECT_EQ(a.report.geometriesRepaired, b.report.geometriesRepaired);
    EXPECT_EQ(a.report.heightsUnreadable, b.report.heightsUnreadable);
    EXPECT_EQ(a.report.skipped, b.report.skipped);
    EXPECT_EQ(a.report.messages, b.report.messages);
}

TEST(ParallelImport, WorkersGiveWhatOneThreadGives) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "troubled.geojson", troubledCollection());
    SceneFrame frame({106.56, 29.56});
    LayerData alone = importLayer(onThreads(file, 1), frame);
    EXPECT_EQ(alone.report.featuresRead, 3000u);
    EXPECT_EQ(alone.report.skipped.at("no_geometry"), 30u);  // i % 101 == 7 below 3000
    EXPECT_EQ(alone.report.heightsUnreadable, 31u);
    EXPECT_GT(alone.report.geometriesRepaired, 70u);
    // The first five of each reason, in the file's order.
    EXPECT_EQ(alone.report.messages[0], file + ": feature 5: height 'tall5' is not a number; the default 10 m is used");
    EXPECT_EQ(alone.report.messages[1], file + ": feature 7: no_geometry");
    EXPECT_EQ(alone.report.messages.size(), 10u) << "five of each reason";
    for (int threads : {2, 3, 8}) {
        SCOPED_TRACE(threads);
        expectSameLayer(alone, importLayer(onThreads(file, threads), frame));
    }
}

TEST(ParallelImport, BatchesArriveInTheSourcesOrderAndHoldEveryFeature) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "troubled.geojson", troubledCollection());
    SceneFrame frame({106.56, 29.56});
    std::size_t batches = 0;
    std::vector<std::int64_t> fids;
    LayerData layer = importLayerInBatches(onThreads(file, 3), frame, [&](std::vector<Feature>&& batch) {
        ++batches;
        for (const Feature& f : batch) fids.push_back(f.sourceFid);
    });
    EXPECT_TRUE(layer.features.empty()) << "the sink has them";
    EXPECT_GT(batches, 5u);
    EXPECT_EQ(fids.size(), layer.report.featuresImported);
    EXPECT_TRUE(std::is_sorted(fids.begin(), fids.end()));
    LayerData whole = importLayer({file}, frame);
    ASSERT_EQ(whole.features.size(), fids.size());
    EXPECT_EQ(whole.features.back().sourceFid, fids.back());
    EXPECT_EQ(whole.report.messages, layer.report.messages);
}

TEST(ParallelImport, RealOsmExtractTheSameOnEveryCount) {
    std::string file = test::sharedData("reference/liechtenstein-2013-08-03.osm.pbf");
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    SceneFrame frame({9.55, 47.15});
    LayerData a = importLayer(onThreads(file, 1), frame);
    EXPECT_GT(a.features.size(), 3000u);
    expectSameLayer(a, importLayer(onThreads(file, 4), frame));
}

// The shortcut past GEOS may only ever say "valid" where GEOS does, on rings of every shape:
// rectangles and L-shapes it should settle itself, bowties, spikes, touching corners and
// repeated points it must leave to GEOS.
TEST(ParallelImport, ClearlyValidNeverDisagreesWithGeos) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    auto polygonOf = [](const std::vector<std::pair<double, double>>& pts) {
        OGRLinearRing ring;
        for (auto [x, y] : pts) ring.addPoint(x, y);
        ring.closeRings();
        OGRPolygon p;
        p.addRing(&ring);
        return p;
    };
    std::size_t settled = 0, total = 0;
    for (int k = 0; k < 20000; ++k) {
        std::vector<std::pair<double, double>> pts;
        int n = 3 + int(u(rng) * 10);
        double cx = 106.5 + u(rng), cy = 29.5 + u(rng), r = 1e-4 * (1 + 9 * u(rng));
        bool star = k % 3 == 0, grid = k % 5 == 0;
        for (int i = 0; i < n; ++i) {
            double a = star ? 2 * M_PI * u(rng) : 2 * M_PI * i / n, rr = r * (0.3 + 0.7 * u(rng));
            double x = cx + rr * std::cos(a), y = cy + rr * std::sin(a);
            if (grid) x = std::round(x * 2e4) / 2e4, y = std::round(y * 2e4) / 2e4;  // touching and repeated corners
            pts.push_back({x, y});
        }
        OGRPolygon p = polygonOf(pts);
        ++total;
        if (clearlyValid(p)) {
            ++settled;
            ASSERT_TRUE(p.IsValid()) << "case " << k;
        }
    }
    EXPECT_GT(settled, total / 4) << "it settles the ordinary ones";
    EXPECT_TRUE(clearlyValid(polygonOf({{0, 0}, {10, 0}, {10, 5}, {0, 5}})));
    EXPECT_TRUE(clearlyValid(polygonOf({{0, 0}, {10, 0}, {10, 5}, {5, 5}, {5, 10}, {0, 10}}))) << "an L";
    EXPECT_FALSE(clearlyValid(polygonOf({{0, 0}, {10, 10}, {10, 0}, {0, 10}}))) << "a bowtie";
    EXPECT_FALSE(clearlyValid(polygonOf({{0, 0}, {10, 0}, {10, 0}, {10, 5}, {0, 5}}))) << "a repeated corner";
    EXPECT_FALSE(clearlyValid(polygonOf({{0, 0}, {10, 0}, {15, 0}, {10, 0}, {10, 5}, {0, 5}}))) << "a spike";
    EXPECT_FALSE(clearlyValid(polygonOf({{0, 0}, {10, 0}, {10, 10}, {5, 0}, {0, 10}}))) << "touching itself";
}

}  // namespace
}  // namespace jbt
