// Project files: a session survives the round trip, and a save killed mid-write leaves the
// previous file whole.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "tests/test_support.h"
#include "twin/project_file.h"
#include "twin/project_session.h"

namespace jbt {
namespace {

bool trySave(const std::string& path, const ProjectState& p, std::string& error) {
    error = test::errorOf([&] { saveProject(path, p); });
    return error.empty();
}

ProjectState sample() {
    ProjectState p;
    ImportOptions b;
    b.path = "/data/buildings.gpkg";
    b.sourceCrs = "EPSG:4545";
    b.datum = ChineseDatum::Gcj02;
    b.height.heightField = "高度";
    ImportOptions roads;
    roads.path = "/data/roads.shp";
    roads.kind = LayerKind::Lines;
    roads.styleField = "status";  // 路平工程 works coloured by status
    p.options.layers = {b, roads};
    p.options.eventSources = {"mqtt://127.0.0.1:1883/jiangbei/events"};
    p.options.demPath = "/data/dem.tif";
    p.options.styleField = "highway";
    p.options.language = "zh";
    p.options.uiScale = 2.0f;
    p.options.time = LocalTime{2026, 10, 1, 19.5};
    p.hasCamera = true;
    p.camera = {osg::Vec3d(100, -2000, 800), osg::Vec3d(120, 50, 250), osg::Vec3d(0, 0, 1)};
    p.options.userBookmarks.push_back({"user:1", "我的视点 1", "My view 1", {106.57, 29.57}, 1500, 30, 40});
    return p;
}

TEST(ProjectFile, RoundTripRestoresLayersStylesSourcesAndView) {
    auto dir = test::scratchDir();
    std::string path = (dir / "session.json").string(), error;
    ASSERT_TRUE(trySave(path, sample(), error)) << error;
    ProjectState back = loadProject(path);
    ASSERT_EQ(back.options.layers.size(), 2u);
    EXPECT_EQ(back.options.layers[0].path, "/data/buildings.gpkg");
    EXPECT_EQ(back.options.layers[0].sourceCrs, "EPSG:4545");
    EXPECT_EQ(back.options.layers[0].datum, ChineseDatum::Gcj02);
    EXPECT_EQ(back.options.layers[0].height.heightField, "高度");
    EXPECT_EQ(back.options.layers[1].kind, LayerKind::Lines);
    EXPECT_EQ(back.options.layers[1].styleField, "status");
    EXPECT_EQ(back.options.eventSources, sample().options.eventSources);
    EXPECT_EQ(back.options.demPath, "/data/dem.tif");
    EXPECT_EQ(back.options.styleField, "highway");
    EXPECT_EQ(back.options.language, "zh");
    EXPECT_FLOAT_EQ(back.options.uiScale, 2.0f);
    EXPECT_EQ(back.options.time.month, 10);
    EXPECT_DOUBLE_EQ(back.options.time.hours, 19.5);
    ASSERT_TRUE(back.hasCamera);
    EXPECT_EQ(back.camera.eye, osg::Vec3d(100, -2000, 800));
    EXPECT_EQ(back.camera.center, osg::Vec3d(120, 50, 250));
    ASSERT_EQ(back.options.userBookmarks.size(), 1u);
    EXPECT_EQ(back.options.userBookmarks[0].nameZh, "我的视点 1");
    EXPECT_DOUBLE_EQ(back.options.userBookmarks[0].headingDeg, 30);
}

TEST(ProjectFile, ASaveKilledMidWriteLeavesThePreviousFileIntact) {
    auto dir = test::scratchDir();
    std::string path = (dir / "session.json").string(), error;
    ASSERT_TRUE(trySave(path, sample(), error)) << error;
    std::string before = test::run("cat '" + path + "'").out;
    ProjectState huge = sample();
    huge.options.layers.assign(400000, huge.options.layers[0]);  // a save that takes a while
    for (int attempt = 0; attempt < 3; ++attempt) {
        pid_t child = fork();
        if (child == 0) {
            std::string e;
            trySave(path, huge, e);
            _exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(40 + 60 * attempt));
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        ProjectState now = loadProject(path);  // never half a file
        EXPECT_TRUE(now.options.layers.size() == 2u || now.options.layers.size() == 400000u);
    }
    // Whatever got killed, the file parses; and an unwritable place is a clear error.
    EXPECT_FALSE(trySave("/nonexistent/dir/p.json", sample(), error));
    EXPECT_NE(error.find("/nonexistent/dir/p.json.saving: cannot write"), std::string::npos) << error;
    EXPECT_FALSE(before.empty());
}

TEST(ProjectFile, NotAProjectIsNamed) {
    auto dir = test::scratchDir();
    std::string path = test::writeFile(dir / "x.json", R"({"hello": 1})");
    try {
        loadProject(path);
        FAIL();
    } catch (const std::exception& e) {
        EXPECT_EQ(std::string(e.what()), path + ": not a Jiangbei Twin project file");
    }
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// A project folder can be moved or shared: files inside it are kept relative to it and found
// again from wherever the project is opened; files elsewhere keep their absolute paths; the
// session's new fields (centre, layer display, UI layout, green/grid files) come back.
TEST(ProjectFile, PathsInsideTheProjectFolderAreRelativeToIt) {
    auto dir = test::scratchDir();
    std::filesystem::create_directories(dir / "a" / "data");
    ProjectState p;
    ImportOptions inside, outside;
    inside.path = (dir / "a" / "data" / "blocks.geojson").string();
    outside.path = "/srv/gis/roads.gpkg";
    p.options.layers = {inside, outside};
    p.options.demPath = (dir / "a" / "dem.tif").string();
    p.options.greenFiles = {(dir / "a" / "data" / "parks.geojson").string()};
    p.options.gridCellM = 500;
    p.options.centre = GeoPoint{7.42, 43.73};
    p.options.layerDisplay = {{"blocks.geojson", false, 0.5f}};
    p.options.uiLayout = R"({"sidebar":false,"tab":2})";
    std::string path = (dir / "a" / "city.json").string();
    saveProject(path, p);
    std::string text = test::run("cat '" + path + "'").out;
    EXPECT_NE(text.find("\"data/blocks.geojson\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"/srv/gis/roads.gpkg\""), std::string::npos);
    EXPECT_NE(text.find("\"dem.tif\""), std::string::npos);

    // Moved to another folder and opened from there.
    std::filesystem::rename(dir / "a", dir / "moved");
    ProjectState back = loadProject((dir / "moved" / "city.json").string());
    ASSERT_EQ(back.options.layers.size(), 2u);
    EXPECT_EQ(back.options.layers[0].path, (dir / "moved" / "data" / "blocks.geojson").string());
    EXPECT_EQ(back.options.layers[1].path, "/srv/gis/roads.gpkg");
    EXPECT_EQ(back.options.demPath, (dir / "moved" / "dem.tif").string());
    ASSERT_EQ(back.options.greenFiles.size(), 1u);
    EXPECT_EQ(back.options.greenFiles[0], (dir / "moved" / "data" / "parks.geojson").string());
    EXPECT_EQ(back.options.gridCellM, 500);
    ASSERT_TRUE(back.options.centre);
    EXPECT_DOUBLE_EQ(back.options.centre->lon, 7.42);
    ASSERT_EQ(back.options.layerDisplay.size(), 1u);
    EXPECT_FALSE(back.options.layerDisplay[0].visible);
    EXPECT_FLOAT_EQ(back.options.layerDisplay[0].opacity, 0.5f);
    EXPECT_EQ(back.options.uiLayout, R"({"sidebar":false,"tab":2})");
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// A project cannot ask for what the command line refuses, and a malformed value names its key.
TEST(ProjectFile, OutOfRangeAndMalformedValuesNameTheKey) {
    auto dir = test::scratchDir();
    auto load = [&](const std::string& body) {
        std::string path = test::writeFile(dir / "p.json", R"({"format":"jiangbei-twin-project",)" + body + "}");
        return std::make_pair(path, test::errorOf([&] { loadProject(path); }));
    };
    auto [p1, e1] = load(R"("ui_scale":0)");
    EXPECT_EQ(e1, p1 + ": ui_scale 0 is outside 0.5–6");
    auto [p2, e2] = load(R"("shadow_map":1000000)");
    EXPECT_EQ(e2, p2 + ": shadow_map 1000000 is outside 0–16384");
    auto [p3, e3] = load(R"("ui_scale":"big")");
    EXPECT_EQ(e3.rfind(p3 + ": malformed 'ui_scale': ", 0), 0u) << e3;
    auto [p4, e4] = load(R"("centre":[1e308, 29])");
    EXPECT_EQ(e4, p4 + ": centre is not a longitude/latitude");
    auto [p5, e5] = load(R"("layers":[{"kind":"buildings"}])");
    EXPECT_EQ(e5.rfind(p5 + ": malformed 'layers': ", 0), 0u) << e5;
}

// Switching panels is not an edit: the layout alone does not make the project unsaved (it is
// still written when the project is saved); hiding a layer does.
TEST(ProjectSession, ThePanelLayoutAloneDoesNotAskToSave) {
    ProjectSession session;
    ProjectState p;
    session.markSaved(p);
    ProjectState looked = p;
    looked.options.uiLayout = R"({"tab":5})";
    EXPECT_FALSE(session.dirty(looked));
    ProjectState edited = looked;
    LayerDisplay hidden;
    hidden.name = "演示建筑 demo buildings";
    hidden.visible = false;
    edited.options.layerDisplay.push_back(hidden);
    EXPECT_TRUE(session.dirty(edited));
}

}  // namespace
}  // namespace jbt
