// Inputs that used to abort the viewer (issue 13), each fed as it comes and answered with a
// clear message while the rest of the file loads.
#include <gtest/gtest.h>

#include <cmath>

#include "data_import/ogr_layer_reader.h"
#include "tests/data_import/outcome.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

std::string feature(double lon, double lat, const std::string& extraRing = "", const std::string& height = "20") {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  R"({"type":"Feature","properties":{"height":%s},"geometry":{"type":"Polygon","coordinates":[[[%.10g,%.10g],[%.10g,%.10g],[%.10g,%.10g],[%.10g,%.10g]]%s]}})",
                  height.c_str(), lon, lat, lon + 0.001, lat, lon + 0.001, lat + 0.001, lon, lat, extraRing.c_str());
    return buf;
}

std::string collection(const std::vector<std::string>& features) {
    std::string out = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < features.size(); ++i) out += (i ? "," : "") + features[i];
    return out + "]}";
}

TEST(CrashClasses, AnEmptyInnerRingIsDroppedNotASegfault) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "hole.geojson", collection({feature(106.60, 29.60, ",[]"), feature(106.61, 29.60)}));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 2u);
    EXPECT_EQ(r.layer.report.geometriesRepaired, 1u);
    EXPECT_TRUE(r.layer.features[0].polygons[0].holes.empty());
}

TEST(CrashClasses, AnEmptyOutlineIsSkippedWithItsReason) {
    auto dir = test::scratchDir();
    std::string empty = R"({"type":"Feature","properties":{"height":20},"geometry":{"type":"Polygon","coordinates":[[]]}})";
    std::string file = test::writeFile(dir / "outline.geojson", collection({empty, feature(106.61, 29.60)}));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 1u);
    EXPECT_EQ(r.layer.report.skippedTotal(), 1u);
}

TEST(CrashClasses, OneHugeVertexNeitherMovesTheSceneNorStopsTheRest) {
    auto dir = test::scratchDir();
    std::string bad = feature(106.60, 29.60);
    bad.replace(bad.find("106.601"), 7, "1e308");
    std::string file = test::writeFile(dir / "inf.geojson", collection({bad, feature(106.61, 29.60)}));
    std::optional<GeoPoint> c = probeCentre({file});
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->lon, 106.61, 0.01) << "the typical feature, not the stray vertex, places the scene";
    test::ImportResult r = test::tryImport({file}, SceneFrame(*c));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 1u);
    EXPECT_EQ(r.layer.report.skippedTotal(), 1u);
    for (const std::string& m : r.layer.report.messages) EXPECT_EQ(m.find("reading stopped early"), std::string::npos) << m;
}

TEST(CrashClasses, AStrayFeatureAtNullIslandIsSkippedAsOutsideTheRegion) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "stray.geojson",
                                       collection({feature(0, 0), feature(106.61, 29.60), feature(106.62, 29.60)}));
    std::optional<GeoPoint> c = probeCentre({file});
    ASSERT_TRUE(c);
    EXPECT_NEAR(c->lon, 106.6, 0.1);
    test::ImportResult r = test::tryImport({file}, SceneFrame(*c));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 2u);
    EXPECT_EQ(r.layer.report.skipped.at("outside_region"), 1u);
    EXPECT_NE(r.layer.report.messages.front().find("feature 0: outside_region (lies "), std::string::npos)
        << r.layer.report.messages.front();
}

TEST(CrashClasses, ProjectedMetresWithoutACrsSaySo) {
    auto dir = test::scratchDir();
    std::string metres = R"({"type":"Feature","properties":{"height":20},"geometry":{"type":"Polygon","coordinates":[[[500000,3300000],[500050,3300000],[500050,3300050],[500000,3300000]]]}})";
    std::string file = test::writeFile(dir / "survey.geojson", collection({metres}));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, file + ": layer 'survey': coordinates such as (500025, 3300025) are not longitude/latitude, though "
                              "the file's CRS is WGS 84 (EPSG:4326); they look like projected metres: pass --source-crs "
                              "(e.g. EPSG:4545)");
    EXPECT_EQ(test::errorOf([&] { probeCentre({file}); }), r.error) << "no scene centre from it either";
}

TEST(CrashClasses, HeightsThatAreNotNumbersAreCountedAndNamed) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "h.geojson", collection({feature(106.60, 29.60, "", R"("abc")"),
                                                                      feature(106.61, 29.60, "", R"("NaN")"),
                                                                      feature(106.62, 29.60, "", R"("1e400")"),
                                                                      feature(106.63, 29.60, "", R"("９０")")}));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.layer.features.size(), 4u);
    EXPECT_EQ(r.layer.report.heightsUnreadable, 3u);
    EXPECT_DOUBLE_EQ(r.layer.features[3].height, 90.0) << "full-width digits are digits";
    EXPECT_EQ(r.layer.report.messages[0], file + ": feature 0: height 'abc' is not a number; the default 10 m is used");
}

TEST(CrashClasses, AFileNameThatIsNotUtf8Loads) {
    auto dir = test::scratchDir();
    std::string file = test::writeFile(dir / "gbk_\xb9\xfa.geojson", collection({feature(106.60, 29.60)}));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 1u);
}

// Found by fuzz_events: a geometry "type" that is not a string escaped as a json exception.
TEST(CrashClasses, AnEventWhoseGeometryTypeIsNotTextIsAProblemNotAnEscape) {
    std::string payload = R"({"type":"Feature","*properties":{"id":"b-1(Z"},"geometry":{"type":[212.6,29.6]}})";
    EventSet events;
    std::string error;
    ASSERT_TRUE(test::tryMerge(payload, "feed", SceneFrame{}, {}, events, error)) << error;
    EXPECT_TRUE(events.byId.empty());
    ASSERT_EQ(events.problems.size(), 1u);
    EXPECT_EQ(events.problems[0], "feed: feature 0: no Point geometry");
}

TEST(CrashClasses, AFeatureOfMillionsOfVerticesIsSkippedWithItsCount) {
    auto dir = test::scratchDir();
    std::string ring;
    const int n = 300000;
    for (int i = 0; i <= n; ++i) {
        double a = 2 * 3.141592653589793 * (i % n) / n;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s[%.7f,%.7f]", i ? "," : "", 106.60 + 0.01 * std::cos(a), 29.60 + 0.01 * std::sin(a));
        ring += buf;
    }
    std::string huge = R"({"type":"Feature","properties":{"height":20},"geometry":{"type":"Polygon","coordinates":[[)" + ring + "]]}}";
    std::string file = test::writeFile(dir / "huge.geojson", collection({huge, feature(106.61, 29.60)}));
    test::ImportResult r = test::tryImport({file}, SceneFrame{});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.layer.features.size(), 1u);
    EXPECT_EQ(r.layer.report.skipped.at("too_many_vertices"), 1u);
    EXPECT_EQ(r.layer.report.messages.front(), file + ": feature 0: too_many_vertices (300001 vertices, over 200000)");
}

}  // namespace
}  // namespace jbt
