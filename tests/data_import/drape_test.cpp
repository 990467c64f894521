#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "tests/data_import/outcome.h"
#include "data_import/drape_style.h"
#include "data_import/ogr_layer_reader.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

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

TEST(Drape, RoadsGetTheirClassColourWidthAndCentreLine) {
    LayerData l = roads();
    DrapeStyle st = defaultDrapeStyle(l, "");
    EXPECT_EQ(st.field, "highway");
    EXPECT_TRUE(st.roads);
    StyledLayer styled = applyDrapeStyle(l, st);
    ASSERT_EQ(styled.looks.size(), 2u);
    EXPECT_EQ(styled.looks[0].color, st.categories.at("primary"));
    EXPECT_EQ(styled.looks[0].widthM, 18);
    EXPECT_EQ(styled.looks[0].centre, FeatureLook::CentreLine::Solid);
    EXPECT_EQ(styled.looks[1].color, st.categories.at("service"));
    EXPECT_EQ(styled.looks[1].widthM, 5);
    EXPECT_EQ(styled.looks[1].centre, FeatureLook::CentreLine::None) << "service roads have no centre line";
    ASSERT_EQ(styled.legend.size(), 2u);
    EXPECT_EQ(styled.legend[0].label, "primary");
}

TEST(Drape, UnnamedValuesTakeThePaletteInTurn) {
    LayerData l;
    l.kind = LayerKind::Areas;
    for (const char* use : {"quarry", "orchard", "quarry"}) {
        Feature f;
        f.polygons.push_back({{{0, 0}, {10, 0}, {10, 10}}, {}});
        f.attributes = {{"landuse", use}};
        l.features.push_back(f);
    }
    StyledLayer styled = applyDrapeStyle(l, defaultDrapeStyle(l, ""));
    EXPECT_EQ(styled.looks[0].color, styled.looks[2].color) << "the same value, the same colour";
    EXPECT_NE(styled.looks[0].color, styled.looks[1].color);
    EXPECT_EQ(styled.legend.size(), 2u);
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
    StyledLayer styled = applyDrapeStyle(l, st);
    EXPECT_GT(styled.looks[0].color[1], styled.looks[4].color[1]) << "more events, redder";
    ASSERT_EQ(styled.legend.size(), 5u);
    EXPECT_EQ(styled.legend[4].label, "events ≤ 40");
}

TEST(Drape, BoundaryWithoutLandUseIsAnOutline) {
    LayerData l;
    l.kind = LayerKind::Areas;
    Feature f;
    f.polygons.push_back({{{100, 100}, {900, 100}, {900, 900}, {100, 900}}, {}});
    l.features = {f};
    DrapeStyle st = defaultDrapeStyle(l, "");
    EXPECT_TRUE(st.outlineOnly);
    EXPECT_EQ(st.outlinePx, 3.0f) << "a boundary is a line of constant screen width";
    EXPECT_EQ(applyDrapeStyle(l, st).looks[0].color, st.color);
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
