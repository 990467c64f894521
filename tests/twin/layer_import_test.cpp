// Quitting while an import runs returns at once: the worker stops at its next 2000 features.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "tests/test_support.h"
#include "twin/layer_import.h"

namespace jbt {
namespace {

TEST(LayerImport, QuittingMidImportReturnsWithinASecond) {
    auto dir = test::scratchDir();
    std::string path = (dir / "many.geojson").string();
    {
        std::ofstream out(path);
        out << R"({"type":"FeatureCollection","features":[)";
        for (int i = 0; i < 80000; ++i) {
            double x = 106.5 + (i % 400) * 0.0005, y = 29.5 + (i / 400) * 0.0005;
            out << (i ? "," : "") << R"({"type":"Feature","properties":{"height":12},"geometry":{"type":"Polygon","coordinates":[[[)"
                << x << "," << y << "],[" << x + 0.0002 << "," << y << "],[" << x + 0.0002 << "," << y + 0.0002 << "],[" << x
                << "," << y << "]]]}}";
        }
        out << "]}";
    }
    auto import = std::make_unique<LayerImport>();
    ImportOptions o;
    o.path = path;
    import->start(o, kJiangbeiCentre);
    // Wait until it reads features (the file's opening is GDAL's, not ours to cut short).
    for (int i = 0; i < 1000 && import->status().progress <= 0; ++i) {
        import->take();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(import->status().running);
    ASSERT_GT(import->status().progress, 0.0);
    auto before = std::chrono::steady_clock::now();
    import.reset();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    EXPECT_LT(ms, 1000) << "the import stops instead of reading the other 78000 features";
}

}  // namespace
}  // namespace jbt
