// Oblique photography (the real ContextCapture sample): it opens from the command line, shows
// textured pixels where it lies, pages deeper levels as the camera comes close, and reports the
// L20 children the export names but does not hold, once, without asking for them again.
#include <gtest/gtest.h>
#include <osg/PagedLOD>
#include <osgDB/DatabasePager>
#include <osgDB/ReadFile>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/test_support.h"
#include "twin/offscreen_render.h"
#include "twin/project_file.h"
#include "twin/scene_assembly.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

const std::string kSample = "reference/3d/oblique/ContextCapture_Production_5";

struct CountPagedLods : osg::NodeVisitor {
    CountPagedLods() : NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::PagedLOD& p) override {
        ++count;
        traverse(p);
    }
    int count = 0;
};

// The L20 names written inside the L19 files: an independent list of what the export lacks.
std::set<std::string> l20NamesInL19Files(const std::string& dir) {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.path().filename().string().find("_L19_") == std::string::npos) continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::regex name(R"(Tile_[+-]\d+_[+-]\d+_L20_\w+\.osgb)");
        for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), name); it != std::sregex_iterator(); ++it)
            names.insert(it->str());
    }
    return names;
}

// Close over the block, looking down: the deepest levels are wanted.
void lookCloselyAt(osgViewer::Viewer& viewer, const ObliqueScene& layer) {
    osg::BoundingSphere b = layer.node->getBound();
    viewer.getCamera()->setViewMatrixAsLookAt(b.center() + osg::Vec3d(0, -b.radius() * 0.15, b.radius() * 0.35),
                                              b.center(), osg::Vec3d(0, 0, 1));
}

// Frames until the pager has had nothing to do for 20 frames in a row (at most 600).
osgDB::DatabasePager* pageUntilQuiet(osgViewer::Viewer& viewer) {
    osgDB::DatabasePager* pager = viewer.getDatabasePager();
    for (int i = 0, quiet = 0; i < 600 && quiet < 20; ++i) {
        viewer.frame();
        bool busy = pager->getRequestsInProgress() || pager->getFileRequestListSize() > 0 || pager->getDataToMergeListSize() > 0;
        quiet = busy ? 0 : quiet + 1;
    }
    return pager;
}

// Frames for at least `seconds` of real time (the pager lets go of what was unseen for 0.1 s)
// and at least 25 frames (the budget is balanced every tenth), however slow the machine.
void framesFor(osgViewer::Viewer& viewer, double seconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (int n = 0; n < 25 || std::chrono::steady_clock::now() < end; ++n) {
        viewer.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

// One budget (--paged-memory) for the oblique mesh and the tilesets: a tileset may hold what the
// budget less the mesh holds, and once the mesh is off screen the pager lets go of its deep levels
// until it fits what the tilesets leave — not while the budget has room.
TEST(Oblique, SharesOneMemoryBudgetWithTilesets) {
    AppOptions o;
    o.demo = false;
    o.obliqueDirs = {test::sharedData(kSample)};
    o.tilesets = {test::sharedData("reference/3d/3dtiles/1.1/SparseImplicitQuadtree/tileset.json")};
    o.pagedMemoryMB = 1024;
    SceneModel scene = assembleScene(o);
    ASSERT_EQ(scene.oblique.size(), 1u) << (scene.errors.empty() ? "" : scene.errors[0]);
    ASSERT_EQ(scene.tilesets.size(), 1u) << (scene.errors.empty() ? "" : scene.errors[0]);
    osg::ref_ptr<osgViewer::Viewer> viewer = makeOffscreenViewer(scene.root.get(), 640, 400);
    const osg::BoundingSphere b = scene.oblique[0].node->getBound();
    const PagedMemoryUsage& usage = scene.pagedMemory->usage();
    auto lookAway = [&] {
        viewer->getCamera()->setViewMatrixAsLookAt(b.center() + osg::Vec3d(0, 0, 10 * b.radius()),
                                                  b.center() + osg::Vec3d(0, 0, 20 * b.radius()), osg::Vec3d(0, 1, 0));
    };
    lookAway();
    framesFor(*viewer, 0.3);
    const std::size_t rootsOnly = usage.oblique;
    ASSERT_GT(rootsOnly, 0u);

    lookCloselyAt(*viewer, scene.oblique[0]);
    pageUntilQuiet(*viewer);
    framesFor(*viewer, 0.3);
    const std::size_t close = usage.oblique;
    ASSERT_GT(close, rootsOnly + (1u << 20)) << "deeper levels paged in";
    EXPECT_EQ(scene.tilesets[0].node->memoryBudget(), (std::size_t(1024) << 20) - usage.oblique);  // less the mesh

    // Plenty of room: looking away keeps what was paged.
    lookAway();
    framesFor(*viewer, 1.0);
    EXPECT_GE(usage.oblique, close);

    // Less room than the mesh holds: looking away lets the deep levels go to fit.
    lookCloselyAt(*viewer, scene.oblique[0]);
    pageUntilQuiet(*viewer);
    const std::size_t budget = usage.tilesets + (rootsOnly + close) / 2;
    scene.pagedMemory->setBudget(budget);
    lookAway();
    framesFor(*viewer, 1.5);
    EXPECT_LT(usage.oblique, close);
    std::printf("oblique bytes: roots %zu, close %zu, after %zu (budget %zu, tilesets %zu, pager target %d of %zu)\n",
                rootsOnly, close, usage.oblique, budget, usage.tilesets, usage.pagerTarget, usage.obliqueNodes);
    EXPECT_LE(usage.tilesets + usage.oblique, budget) << usage.oblique << " of " << close << "; pager target "
                                                      << usage.pagerTarget << " of " << usage.obliqueNodes << " nodes";
    // The tileset: what the mesh leaves, but never less than a quarter of a small budget.
    std::size_t floor = std::min<std::size_t>(16u << 20, budget / 4);
    EXPECT_EQ(scene.tilesets[0].node->memoryBudget(), std::max(floor, budget - usage.oblique));
}

TEST(Oblique, SnapshotShowsTheTexturedMeshWhereItLies) {
    auto dir = test::scratchDir();
    std::string png = (dir / "o.png").string();
    auto r = test::run(std::string(JBT_VIEWER_EXE) + " --no-demo --hide-ui --oblique '" + test::sharedData(kSample) +
                       "' --view layer:ContextCapture_Production_5 --size 480x320 --snapshot '" + png + "' 2>/dev/null");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["oblique"].size(), 1u) << r.out;
    EXPECT_EQ(j["oblique"][0]["root_tiles"], 1);
    EXPECT_NEAR(j["oblique"][0]["centre"][0].get<double>(), 113.37998567, 1e-5);
    EXPECT_NEAR(j["oblique"][0]["centre"][1].get<double>(), 22.49513679, 1e-5);
    osg::ref_ptr<osg::Image> img = osgDB::readImageFile(png);
    ASSERT_TRUE(img);
    // The middle of the view is the photographed block: many colours (roofs, roads, trees),
    // where the flat ground around it is one.
    std::set<unsigned> colours;
    for (int y = img->t() * 2 / 5; y < img->t() * 3 / 5; ++y)
        for (int x = img->s() * 2 / 5; x < img->s() * 3 / 5; ++x) {
            const unsigned char* p = img->data(x, y);
            colours.insert((p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3));
        }
    EXPECT_GT(colours.size(), 300u);
}

TEST(Oblique, PagesDeeperLevelsAndReportsMissingChildrenOnce) {
    std::string sample = test::sharedData(kSample);
    AppOptions o;
    o.demo = false;
    o.obliqueDirs = {sample};
    SceneModel scene = assembleScene(o);
    ASSERT_EQ(scene.oblique.size(), 1u) << (scene.errors.empty() ? "" : scene.errors[0]);
    const ObliqueScene& layer = scene.oblique[0];
    CountPagedLods before;
    layer.node->accept(before);

    osg::ref_ptr<osgViewer::Viewer> viewer = makeOffscreenViewer(scene.root.get(), 640, 400);
    lookCloselyAt(*viewer, layer);
    osgDB::DatabasePager* pager = pageUntilQuiet(*viewer);
    CountPagedLods after;
    layer.node->accept(after);
    EXPECT_GT(after.count, before.count) << "deeper levels paged in";
    std::size_t missing = layer.stats.missing->count();
    std::set<std::string> l20 = l20NamesInL19Files(sample);
    ASSERT_FALSE(l20.empty());
    EXPECT_GT(missing, 0u);
    EXPECT_LE(missing, l20.size());
    EXPECT_NE(l20.count(std::filesystem::path(layer.stats.missing->first()).filename().string()), 0u)
        << layer.stats.missing->first();
    // Asked once: more frames neither ask again nor count again.
    for (int i = 0; i < 30; ++i) viewer->frame();
    EXPECT_EQ(layer.stats.missing->count(), missing);
    EXPECT_EQ(pager->getFileRequestListSize(), 0u);
}

// A copy of the export with one deep tile cut short, as a failed copy leaves it: read once,
// reported by name, never asked for again; the rest pages in as before.
TEST(Oblique, ADamagedChildTileIsReportedOnceAndTheRestPages) {
    auto dir = test::scratchDir();
    std::string sample = test::sharedData(kSample);
    std::filesystem::copy(sample, dir / "export", std::filesystem::copy_options::recursive);
    std::filesystem::path broken = dir / "export/Data/Tile_+000_+012/Tile_+000_+012_L18_0uuuu.osgb";
    ASSERT_TRUE(std::filesystem::exists(broken));
    std::filesystem::permissions(broken, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    std::filesystem::resize_file(broken, std::filesystem::file_size(broken) / 3);
    AppOptions o;
    o.demo = false;
    o.obliqueDirs = {(dir / "export").string()};
    SceneModel scene = assembleScene(o);
    ASSERT_EQ(scene.oblique.size(), 1u) << (scene.errors.empty() ? "" : scene.errors[0]);
    const ObliqueScene& layer = scene.oblique[0];
    osg::ref_ptr<osgViewer::Viewer> viewer = makeOffscreenViewer(scene.root.get(), 640, 400);
    lookCloselyAt(*viewer, layer);
    osgDB::DatabasePager* pager = pageUntilQuiet(*viewer);
    ASSERT_EQ(layer.stats.missing->damagedCount(), 1u);
    EXPECT_EQ(std::filesystem::path(layer.stats.missing->firstDamaged()).filename(), broken.filename());
    for (int i = 0; i < 30; ++i) viewer->frame();
    EXPECT_EQ(layer.stats.missing->damagedCount(), 1u);
    EXPECT_EQ(pager->getFileRequestListSize(), 0u);
}

// The import dialog's Open on a folder: the mesh joins the running scene, Ctrl+S keeps it (by a
// path relative to the project), and the reopened project shows it again.
TEST(Oblique, OpenedFromTheDialogSurvivesSaveAndReopen) {
    std::string sample = test::sharedData(kSample);
    auto dir = test::scratchDir();
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.centre = GeoPoint{113.38, 22.495};
    o.snapshotPath = (dir / "x.png").string();
    o.width = 320;
    o.height = 240;
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    EXPECT_EQ(app.state().openOblique((dir / "nothing").string()), (dir / "nothing").string() + ": no such folder");
    ASSERT_EQ(app.state().openOblique(sample), "");
    ASSERT_EQ(twin.scene().oblique.size(), 1u);
    app.renderImage(1);
    std::string project = (dir / "p.json").string();
    ProjectState state;
    state.options = twin.options();
    saveProject(project, state);
    ProjectState back = loadProject(project);
    ASSERT_EQ(back.options.obliqueDirs.size(), 1u);
    EXPECT_EQ(std::filesystem::weakly_canonical(back.options.obliqueDirs[0]), std::filesystem::weakly_canonical(sample));
    back.options.snapshotPath = o.snapshotPath;
    Twin reopened(back.options);
    ASSERT_EQ(reopened.scene().oblique.size(), 1u);
    EXPECT_EQ(reopened.scene().oblique[0].stats.rootTiles, 1);
}

}  // namespace
}  // namespace jbt
