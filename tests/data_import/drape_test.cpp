#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "tests/data_import/outcome.h"
#include "data_import/drape_raster.h"
#include "data_import/ogr_layer_reader.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

Rgba pixelAt(const DrapeImage& img, double x, double y) {
    int px = int((x - img.originX) / img.pixelSize), py = int((y - img.originY) / img.pixelSize);
    const std::uint8_t* p = &img.rgba[(std::size_t(py) * img.width + px) * 4];
    return {p[0], p[1], p[2], p[3]};
}

LayerData roads() {
    LayerData l;
    l.kind = LayerKind::Lines;
    l.name = "roads";
    Feature primary, lane;
    primary.lines = {{{0, 500}, {1000, 500}}};
    primary.attributes = {{"highway", "primary"}};
    lane.lines = {{{500, 0}, {500, 1000}}};
    lane.attributes = {{"highway", "service"}};
    l.features = {primary, lane};
    return l;
}

TEST(Drape, RoadsAreBurntWithTheirClassColourAndWidth) {
    LayerData l = roads();
    DrapeStyle st = defaultDrapeStyle(l, "");
    EXPECT_EQ(st.field, "highway");
    std::vector<std::vector<LegendEntry>> legends;
    DrapeImage img = rasterizeDrapes({&l}, {st}, {0, 0, 1000, 1000}, 2.0, legends);
    ASSERT_EQ(img.width, 500);
    Rgba onPrimary = pixelAt(img, 250, 500), beside = pixelAt(img, 250, 500 + 12), far = pixelAt(img, 250, 800);
    EXPECT_EQ(onPrimary, st.categories.at("primary"));
    EXPECT_EQ(beside[3], 0) << "primary roads are 18 m wide: 12 m off the axis is outside";
    EXPECT_EQ(far[3], 0);
    EXPECT_EQ(pixelAt(img, 500, 250), st.categories.at("service"));
    ASSERT_EQ(legends[0].size(), 2u);
    EXPECT_EQ(legends[0][0].label, "primary");
}

TEST(Drape, GraduatedStyleFollowsTheNumbers) {
    LayerData l;
    l.kind = LayerKind::Areas;
    for (int i = 0; i < 5; ++i) {
        Feature f;
        double x = i * 200;
        f.polygons.push_back({{{x, 0}, {x + 200, 0}, {x + 200, 200}, {x, 200}}, {}});
        f.attributes = {{"events", std::to_string(i * 10)}};
        l.features.push_back(f);
    }
    DrapeStyle st = defaultDrapeStyle(l, "events");
    EXPECT_EQ(st.mode, DrapeStyle::Mode::Graduated);
    std::vector<std::vector<LegendEntry>> legends;
    DrapeImage img = rasterizeDrapes({&l}, {st}, {0, 0, 1000, 200}, 5.0, legends);
    Rgba low = pixelAt(img, 100, 100), high = pixelAt(img, 900, 100);
    EXPECT_GT(low[1], high[1]) << "more events, redder";
    EXPECT_EQ(legends[0].size(), 5u);
}

TEST(Drape, BoundaryWithoutLandUseIsAnOutline) {
    LayerData l;
    l.kind = LayerKind::Areas;
    Feature f;
    f.polygons.push_back({{{100, 100}, {900, 100}, {900, 900}, {100, 900}}, {}});
    l.features = {f};
    DrapeStyle st = defaultDrapeStyle(l, "");
    EXPECT_TRUE(st.outlineOnly);
    std::vector<std::vector<LegendEntry>> legends;
    DrapeImage img = rasterizeDrapes({&l}, {st}, {0, 0, 1000, 1000}, 4.0, legends);
    EXPECT_EQ(pixelAt(img, 100, 500), st.color) << "on the edge";
    EXPECT_EQ(pixelAt(img, 500, 500)[3], 0) << "the inside stays clear";
}

TEST(OsmLines, MonacoRoadsMatchOgrinfo) {
    std::string file = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " missing";
    auto r = test::run("ogrinfo -ro -q -sql \"SELECT COUNT(*) FROM lines\" '" + file + "'");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(COUNT_\* \(Integer\) = (\d+))")));
    ImportOptions o;
    o.path = file;
    o.kind = LayerKind::Lines;
    test::ImportResult res = test::tryImport(o, SceneFrame({7.4289, 43.7375}));
    ASSERT_TRUE(res.ok) << res.error;
    EXPECT_EQ(long(res.layer.report.featuresRead), std::stol(m[1]));
    EXPECT_EQ(res.layer.kind, LayerKind::Lines);
    long highways = 0;
    for (const Feature& f : res.layer.features)
        for (auto& [k, v] : f.attributes) highways += k == "highway";
    EXPECT_EQ(highways, 2361) << "PROVENANCE.md: 2,361 roads";
}

}  // namespace
}  // namespace jbt
