// The workspace holds at every window size and UI scale: no two panels overlap, every panel lies
// inside the window, and at 1280×720 the 3D view keeps at least 70 % of it. The Inspector is
// open (a building selected), so all three columns are there.
#include <gtest/gtest.h>

#include "tests/test_support.h"
#include "twin/tour_player.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

struct Size {
    int w, h;
};

bool overlap(const ImGuiLayer::WindowRect& a, const ImGuiLayer::WindowRect& b) {
    // Shared edges are not overlaps; a pixel of area is.
    return a.x + a.w > b.x + 0.5f && b.x + b.w > a.x + 0.5f && a.y + a.h > b.y + 0.5f && b.y + b.h > a.y + 0.5f;
}

TEST(Layout, NoPanelsOverlapAtAnySizeOrScale) {
    for (Size size : {Size{1280, 720}, Size{1920, 1080}, Size{3840, 2160}}) {
        for (float scale : {1.0f, 1.5f, 2.0f, 4.0f}) {
            SCOPED_TRACE(std::to_string(size.w) + "x" + std::to_string(size.h) + " at UI scale " + std::to_string(scale));
            AppOptions o;
            o.snapshotPath = (test::scratchDir() / "x.png").string();
            o.width = size.w;
            o.height = size.h;
            o.uiScale = scale;
            o.shadowMapSize = 0;
            Twin twin(o);
            ViewerApp app(twin);
            ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
            int buildings = -1;
            for (std::size_t i = 0; i < twin.scene().layers.size(); ++i)
                if (twin.scene().layers[i].buildings()) buildings = int(i);
            ASSERT_GE(buildings, 0);
            select(app.state(), {buildings, 0});
            app.renderImage(3);
            std::vector<ImGuiLayer::WindowRect> rects = app.imgui().windowRects();
            std::vector<std::string> names;
            for (const auto& r : rects) names.push_back(r.name);
            // Menu, sidebar, inspector and status bar, plus the demo-data banner over the view.
            ASSERT_GE(rects.size(), 5u) << testing::PrintToString(names);
            for (std::size_t i = 0; i < rects.size(); ++i) {
                const auto& a = rects[i];
                EXPECT_GE(a.x, -0.5f) << a.name;
                EXPECT_GE(a.y, -0.5f) << a.name;
                EXPECT_LE(a.x + a.w, size.w + 0.5f) << a.name;
                EXPECT_LE(a.y + a.h, size.h + 0.5f) << a.name;
                for (std::size_t k = i + 1; k < rects.size(); ++k)
                    EXPECT_FALSE(overlap(a, rects[k])) << a.name << " overlaps " << rects[k].name;
            }
            const ScreenRect& v = app.state().view;
            double share = double(v.w) * v.h / (double(size.w) * size.h);
            if (size.w == 1280 && scale == 1.0f) {
                // On start (nothing selected) the view has at least 70 %; with the Inspector open, less.
                select(app.state(), {});
                app.renderImage(2);
                const ScreenRect& start = app.state().view;
                EXPECT_GE(double(start.w) * start.h / (1280.0 * 720.0), 0.70);
            }
            EXPECT_GE(share, 0.15) << "the view never vanishes, even at scale 4 on a small window";
        }
    }
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// A tour's caption shows while it plays and is gone once the tour has finished.
TEST(Layout, AFinishedTourLeavesNoCaption) {
    AppOptions o;
    o.snapshotPath = (test::scratchDir() / "x.png").string();
    o.width = 640;
    o.height = 360;
    o.shadowMapSize = 0;
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    ASSERT_EQ(test::errorOf([&] { app.startTour("pearl_chain", 1.0); }), "");
    auto captionShown = [&] {
        app.renderImage(2);
        for (const auto& r : app.imgui().windowRects())
            if (r.name == "##tour_caption") return true;
        return false;
    };
    EXPECT_TRUE(captionShown()) << "while the tour plays";
    const TourPlayer* tour = app.state().camera->tour();
    ASSERT_NE(tour, nullptr);
    app.state().camera->seekTour(tour->duration() + 1);
    EXPECT_FALSE(captionShown()) << "after its end";
}

}  // namespace
}  // namespace jbt
