// The import dialog's path: inspect a file, import it off the render thread with progress, and
// find the layer in the scene and in the project that Ctrl+S would save.
#include <gtest/gtest.h>

#include <thread>

#include "tests/test_support.h"
#include "twin/project_file.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

TEST(ImportDialog, InspectsThenImportsWhileFramesGoOn) {
    std::string file = test::sharedData("reference/monaco-2021-04-21.osm.pbf");
    if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " missing";
    DatasetInfo info;
    std::string inspectError = test::errorOf([&] { info = inspectDataset(file); });
    ASSERT_EQ(inspectError, "");
    EXPECT_EQ(info.driver, "OSM");
    ASSERT_GE(info.layers.size(), 5u);
    EXPECT_EQ(info.layers[0].name, "points");
    EXPECT_FALSE(info.layers[0].fields.empty());
    EXPECT_EQ(test::errorOf([] { inspectDataset("/nonexistent.gpkg"); }), "/nonexistent.gpkg: no such file");

    auto dir = test::scratchDir();  // once: each call empties the folder
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "x.png").string();
    o.width = 320;
    o.height = 240;
    ImportOptions first;
    first.path = test::writeFile(dir / "seed.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"height":20},"geometry":{"type":"Polygon","coordinates":[[[7.42,43.73],[7.4205,43.73],[7.4205,43.7305],[7.42,43.73]]]}}]})");
    o.layers.push_back(first);  // puts the scene near Monaco
    o.projectPath = (dir / "project.json").string();
    Twin twin(o);
    SceneModel& scene = twin.scene();
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    std::size_t before = scene.layers.size();
    ASSERT_TRUE(scene.errors.empty()) << scene.errors.front();
    ImportOptions add;
    add.path = file;
    app.state().import(add);
    EXPECT_TRUE(app.state().importStatus.running);
    int frames = 0;
    while (app.state().importStatus.running && frames < 3000) {
        app.renderImage(1);  // frames keep coming while the import runs
        ++frames;
    }
    ASSERT_FALSE(app.state().importStatus.running);
    EXPECT_EQ(scene.layers.size(), before + 1);
    EXPECT_EQ(scene.layers.back().data.features.size(), 1207u);
    EXPECT_NE(app.state().importStatus.message.find("1207 imported"), std::string::npos) << app.state().importStatus.message;
    EXPECT_DOUBLE_EQ(app.state().importStatus.progress, 1.0);
    // A bookmarked view comes back as the same view.
    CameraPose here;
    ASSERT_TRUE(app.state().camera->currentPose(here));
    app.state().bookmarkThisView();
    const Bookmark& mine = scene.bookmarks.back();
    EXPECT_EQ(mine.id, "user:1");
    CameraPose again = poseForBookmark(mine, *scene.frame, &scene.terrain);
    EXPECT_LT((again.eye - here.eye).length(), 1.0);
    // Saved with the project, so it is there again after a restart.
    std::string message;
    ASSERT_TRUE(app.state().saveProject(message)) << message;
    ProjectState saved = loadProject(o.projectPath);
    ASSERT_EQ(saved.options.layers.size(), 2u);
    EXPECT_EQ(saved.options.layers[1].path, file);
    ASSERT_EQ(saved.options.userBookmarks.size(), 1u);
}

}  // namespace
}  // namespace jbt
