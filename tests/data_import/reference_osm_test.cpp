// Import counts and heights against ogrinfo on the real OSM extracts in shared/data/reference.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "tests/data_import/outcome.h"
#include "data_import/ogr_layer_reader.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

long ogrCount(const std::string& file, const std::string& where) {
    auto r = test::run("ogrinfo -ro -q -sql \"SELECT COUNT(*) FROM multipolygons WHERE " + where + "\" '" + file + "'");
    std::smatch m;
    if (!std::regex_search(r.out, m, std::regex(R"(COUNT_\* \(Integer\) = (\d+))"))) return -1;
    return std::stol(m[1]);
}

const char* kBuilding = "building IS NOT NULL AND building <> 'no'";
const char* kWithHeight =
    "building IS NOT NULL AND building <> 'no' AND (other_tags LIKE '%\\\"building:levels\\\"%' OR other_tags LIKE '%\\\"height\\\"%')";

TEST(ReferenceOsm, MonacoBuildingsMatchOgrinfo) {
    std::string file = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " missing";
    long buildings = ogrCount(file, kBuilding), withHeight = ogrCount(file, kWithHeight);
    ASSERT_GT(buildings, 1000);
    ASSERT_GT(withHeight, 50);
    SceneFrame frame({7.4289, 43.7375});
    test::ImportResult r = test::tryImport({file}, frame);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(long(r.layer.report.featuresRead), buildings);
    EXPECT_EQ(long(r.layer.report.featuresImported + r.layer.report.skippedTotal()), buildings);
    EXPECT_EQ(long(r.layer.report.featuresRead - r.layer.report.heightsDefaulted - r.layer.report.skippedTotal()), withHeight);
    double tallest = 0;
    for (const Feature& f : r.layer.features) tallest = std::max(tallest, f.height);
    EXPECT_DOUBLE_EQ(tallest, 111) << "the tallest height tag in the extract";
}

TEST(ReferenceOsm, LiechtensteinHasNoHeightsSoAllDefault) {
    std::string file = test::sharedData("reference/liechtenstein-2013-08-03.osm.pbf");
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " missing";
    long buildings = ogrCount(file, kBuilding);
    ASSERT_GT(buildings, 3000);
    test::ImportResult r = test::tryImport({file}, SceneFrame({9.55, 47.15}));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(long(r.layer.report.featuresRead), buildings);
    EXPECT_EQ(long(r.layer.report.heightsDefaulted + r.layer.report.skippedTotal()), buildings);
}

}  // namespace
}  // namespace jbt
