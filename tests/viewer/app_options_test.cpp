#include "twin/project_file.h"
#include "viewer/command_line.h"

#include "tests/test_support.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

bool parse(std::vector<std::string> args, AppOptions& o, int& code, std::string& msg) {
    args.insert(args.begin(), "jiangbei-twin");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    try {
        o = resolveOptions(parseCommandLine(int(argv.size()), argv.data()));
        return true;
    } catch (const CommandLineExit& e) {
        code = e.code;
        msg = e.what();
        return false;
    }
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

// Every option a project can also set: the command line wins where it names the option, the
// project where it does not, the default where neither does; lists are the project's followed
// by the command line's.
TEST(AppOptions, CommandLineOverProjectOverDefaults) {
    auto dir = test::scratchDir();
    std::string path = (dir / "p.json").string();
    ProjectState p;
    ImportOptions layer;
    layer.path = "project.gpkg";
    p.options.layers = {layer};
    p.options.water = {layer};
    p.options.eventSources = {"project-events.geojson"};
    p.options.demPath = "project-dem.tif";
    p.options.styleField = "project_field";
    p.options.waterWidthM = 111;
    p.options.view = "guanyinqiao";
    p.options.demo = false;
    p.options.time = LocalTime{2026, 1, 2, 3.5};
    p.options.language = "zh";
    p.options.uiScale = 2;
    p.options.highContrast = true;
    p.options.shadowMapSize = 1024;
    saveProject(path, p);

    AppOptions o;
    int code = 0;
    std::string msg;
    ASSERT_TRUE(parse({"--project", path}, o, code, msg)) << msg;  // the project alone
    // Paths given relative to the working folder are kept as where they are (absolute, as they
    // lie outside the project's folder).
    auto inProject = [](const char* name) { return std::filesystem::absolute(name).lexically_normal().string(); };
    ASSERT_EQ(o.layers.size(), 1u);
    EXPECT_EQ(o.layers[0].path, inProject("project.gpkg"));
    EXPECT_EQ(o.water.size(), 1u);
    EXPECT_EQ(o.eventSources, std::vector<std::string>{inProject("project-events.geojson")});
    EXPECT_EQ(o.demPath, inProject("project-dem.tif"));
    EXPECT_EQ(o.styleField, "project_field");
    EXPECT_EQ(o.waterWidthM, 111);
    EXPECT_EQ(o.view, "guanyinqiao");
    EXPECT_FALSE(o.demo);
    EXPECT_EQ(o.time.month, 1);
    EXPECT_DOUBLE_EQ(o.time.hours, 3.5);
    EXPECT_EQ(o.language, "zh");
    EXPECT_EQ(o.uiScale, 2);
    EXPECT_TRUE(o.highContrast);
    EXPECT_EQ(o.shadowMapSize, 1024);

    ASSERT_TRUE(parse({"--project", path, "--layer", "cli.geojson", "--water", "cli-river.geojson", "--events", "cli.geojson",
                       "--dem", "cli-dem.tif", "--style-field", "cli_field", "--water-width", "222", "--view", "overview",
                       "--time", "2026-07-08T09:15", "--lang", "en", "--ui-scale", "1.5", "--theme", "dark", "--shadows", "4096"},
                      o, code, msg))
        << msg;
    ASSERT_EQ(o.layers.size(), 2u);
    EXPECT_EQ(o.layers[0].path, inProject("project.gpkg"));
    EXPECT_EQ(o.layers[1].path, "cli.geojson");
    EXPECT_EQ(o.water.size(), 2u);
    EXPECT_EQ(o.eventSources, (std::vector<std::string>{inProject("project-events.geojson"), "cli.geojson"}));
    EXPECT_EQ(o.demPath, "cli-dem.tif");
    EXPECT_EQ(o.styleField, "cli_field");
    EXPECT_EQ(o.waterWidthM, 222);
    EXPECT_EQ(o.view, "overview");
    EXPECT_EQ(o.time.month, 7);
    EXPECT_DOUBLE_EQ(o.time.hours, 9.25);
    EXPECT_EQ(o.language, "en");
    EXPECT_EQ(o.uiScale, 1.5f);
    EXPECT_FALSE(o.highContrast) << "--theme dark beats the project's contrast";
    EXPECT_EQ(o.shadowMapSize, 4096) << "--shadows beats the project";

    p.options.demo = true;
    saveProject(path, p);
    ASSERT_TRUE(parse({"--project", path, "--no-demo"}, o, code, msg)) << msg;
    EXPECT_FALSE(o.demo);

    ASSERT_TRUE(parse({}, o, code, msg)) << msg;  // neither: the defaults
    AppOptions defaults;
    EXPECT_TRUE(o.layers.empty());
    EXPECT_EQ(o.language, defaults.language);
    EXPECT_EQ(o.uiScale, defaults.uiScale);
    EXPECT_EQ(o.shadowMapSize, defaults.shadowMapSize);
    EXPECT_EQ(o.view, defaults.view);
    EXPECT_TRUE(o.demo);
}

// --quality picks a preset (shadows with it unless --shadows says), --fog the haze; a project
// keeps the look and the command line wins over it.
TEST(AppOptions, QualityAndFogFromTheCommandLineAndProjects) {
    AppOptions o;
    int code = 0;
    std::string msg;
    ASSERT_TRUE(parse({"--quality", "low"}, o, code, msg)) << msg;
    EXPECT_EQ(o.graphics.quality, Quality::Low);
    EXPECT_FALSE(o.graphics.sky);
    EXPECT_EQ(o.graphics.msaaSamples, 0);
    EXPECT_EQ(o.shadowMapSize, 0);
    ASSERT_TRUE(parse({"--quality", "high", "--shadows", "1024", "--fog", "0.8"}, o, code, msg)) << msg;
    EXPECT_EQ(o.graphics.msaaSamples, 8);
    EXPECT_EQ(o.shadowMapSize, 1024);
    EXPECT_FLOAT_EQ(o.graphics.fog, 0.8f);
    EXPECT_FALSE(parse({"--quality", "ultra"}, o, code, msg));
    EXPECT_EQ(code, 105);  // CLI11: a validation error
    EXPECT_NE(msg.find("--quality: ultra not in {low,medium,high}"), std::string::npos) << msg;
    EXPECT_FALSE(parse({"--fog", "2"}, o, code, msg));
    EXPECT_NE(msg.find("--fog"), std::string::npos) << msg;

    auto dir = test::scratchDir();
    std::string path = (dir / "look.json").string();
    ProjectState p;
    p.options.graphics = graphicsFor(Quality::High);
    p.options.graphics.fog = 0.7f;
    p.options.graphics.sky = false;
    saveProject(path, p);
    ASSERT_TRUE(parse({"--project", path}, o, code, msg)) << msg;
    EXPECT_EQ(o.graphics.quality, Quality::High);
    EXPECT_FLOAT_EQ(o.graphics.fog, 0.7f);
    EXPECT_FALSE(o.graphics.sky);
    ASSERT_TRUE(parse({"--project", path, "--fog", "0.1"}, o, code, msg)) << msg;
    EXPECT_FLOAT_EQ(o.graphics.fog, 0.1f);
    EXPECT_FALSE(o.graphics.sky);

    std::string bad = test::writeFile(dir / "bad.json", R"({"format":"jiangbei-twin-project","version":1,"graphics":{"quality":"ultra"}})");
    EXPECT_EQ(test::errorOf([&] { loadProject(bad); }), bad + ": 'graphics': quality 'ultra' is not low, medium or high");
}

// --imagery and its offset from the command line and projects; an offset that is none of the
// three is refused with the option's name.
TEST(AppOptions, ImageryFromTheCommandLineAndProjects) {
    AppOptions o;
    int code = 0;
    std::string msg;
    ASSERT_TRUE(parse({"--imagery", "https://tiles.example/{z}/{x}/{y}.png", "--imagery-offset", "gcj02"}, o, code, msg)) << msg;
    EXPECT_EQ(o.imagery, "https://tiles.example/{z}/{x}/{y}.png");
    EXPECT_EQ(o.imageryOffset, "gcj02");
    EXPECT_FALSE(parse({"--imagery-offset", "mars"}, o, code, msg));
    EXPECT_NE(msg.find("'mars' is not gcj02, bd09 or none"), std::string::npos) << msg;

    auto dir = test::scratchDir();
    std::string path = (dir / "imagery.json").string();
    ProjectState p;
    p.options.imagery = "ortho.tif";
    p.options.imageryOffset = "bd09";
    saveProject(path, p);
    ASSERT_TRUE(parse({"--project", path}, o, code, msg)) << msg;
    EXPECT_EQ(o.imagery, "ortho.tif");
    EXPECT_EQ(o.imageryOffset, "bd09");
    ASSERT_TRUE(parse({"--project", path, "--imagery", "other.tif"}, o, code, msg)) << msg;
    EXPECT_EQ(o.imagery, "other.tif");
    std::string bad = test::writeFile(dir / "bad.json", R"({"format":"jiangbei-twin-project","version":1,"imagery":{"source":"a.tif","offset":"mars"}})");
    EXPECT_EQ(test::errorOf([&] { loadProject(bad); }), bad + ": 'imagery': offset 'mars' is not gcj02, bd09 or none");
}

TEST(AppOptions, UnreadableProjectIsNamed) {
    auto dir = test::scratchDir();
    std::string path = test::writeFile(dir / "p.json", "{\"format\": \"jiangbei-twin-project\", \"layers\": 7}");
    AppOptions o;
    int code = 0;
    std::string msg;
    EXPECT_FALSE(parse({"--project", path}, o, code, msg));
    EXPECT_EQ(code, 2);
    EXPECT_EQ(msg.rfind(path + ": malformed", 0), 0u) << msg;
}

}  // namespace
}  // namespace jbt
