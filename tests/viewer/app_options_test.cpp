#include "viewer/app_options.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

bool parse(std::vector<std::string> args, AppOptions& o, int& code, std::string& msg) {
    args.insert(args.begin(), "jiangbei-twin");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return parseAppOptions(int(argv.size()), argv.data(), o, code, msg);
}

TEST(AppOptions, LayersShareCrsDatumAndHeightOptions) {
    AppOptions o;
    int code = 0;
    std::string msg;
    ASSERT_TRUE(parse({"--layer", "a.shp", "--layer", "b.geojson", "--source-crs", "EPSG:4545", "--datum", "gcj02",
                       "--height-field", "高度", "--size", "1920x1080"},
                      o, code, msg))
        << msg;
    ASSERT_EQ(o.layers.size(), 2u);
    EXPECT_EQ(o.layers[1].path, "b.geojson");
    EXPECT_EQ(o.layers[1].sourceCrs, "EPSG:4545");
    EXPECT_EQ(o.layers[0].datum, ChineseDatum::Gcj02);
    EXPECT_EQ(o.layers[0].height.heightField, "高度");
    EXPECT_EQ(o.width, 1920);
    EXPECT_EQ(o.height, 1080);
}

TEST(AppOptions, BadSizeAndDatumAreClearErrors) {
    AppOptions o;
    int code = 0;
    std::string msg;
    EXPECT_FALSE(parse({"--size", "big"}, o, code, msg));
    EXPECT_EQ(code, 2);
    EXPECT_EQ(msg, "--size: expected WxH such as 1920x1080, got 'big'\n");
    EXPECT_FALSE(parse({"--datum", "mars"}, o, code, msg));
    EXPECT_NE(code, 0);
    EXPECT_NE(msg.find("--datum"), std::string::npos);
}

}  // namespace
}  // namespace jbt
