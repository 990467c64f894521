// The look on screen: a sky that is not a flat colour (deep overhead, pale at the horizon), stars
// after dark, the quality preset and the Graphics panel's switches taking effect at once.
#include <gtest/gtest.h>
#include <osg/Image>

#include "tests/test_support.h"
#include "twin/twin.h"
#include "viewer/viewer_app.h"

namespace jbt {
namespace {

// Looking level over flat ground: the top half of the picture is sky.
AppOptions levelView(const std::filesystem::path& dir, const char* time) {
    AppOptions o;
    o.demo = false;
    o.hideUi = true;
    o.snapshotPath = (dir / "unused.png").string();
    o.width = 320;
    o.height = 240;
    o.shadowMapSize = 0;
    o.time = *parseLocalTime(time, o.time);
    o.startCamera = {0, 0, 60, 0, 1000, 60};
    return o;
}

float blueness(const osg::Vec4& c) { return c.b() - c.r(); }

TEST(Graphics, TheSkyDeepensOverheadAndPalesToTheHorizon) {
    auto dir = test::scratchDir();
    Twin twin(levelView(dir, "2026-04-15T10:30"));
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    osg::ref_ptr<osg::Image> img = app.renderImage();
    osg::Vec4 top = img->getColor(160, 235), horizon = img->getColor(160, 125);
    EXPECT_GT(blueness(top), blueness(horizon) + 0.15f) << "top " << top.r() << " " << top.g() << " " << top.b()
                                                        << ", horizon " << horizon.r() << " " << horizon.g() << " " << horizon.b();
    // Off (the Graphics panel, or --quality low): one flat haze colour behind the scene.
    GraphicsSettings g = twin.graphics();
    g.sky = false;
    twin.setGraphics(g);
    img = app.renderImage();
    top = img->getColor(160, 235), horizon = img->getColor(160, 125);
    EXPECT_NEAR(top.r(), horizon.r(), 0.01f);
    EXPECT_NEAR(top.b(), horizon.b(), 0.01f);
}

TEST(Graphics, StarsAfterDarkAndFogHidesThem) {
    auto dir = test::scratchDir();
    AppOptions o = levelView(dir, "2026-04-15T23:30");
    o.startCamera = {0, 0, 60, 0, 300, 400};  // looking up
    Twin twin(o);
    ViewerApp app(twin);
    ASSERT_EQ(test::errorOf([&] { app.open(); }), "");
    auto stars = [&] {
        osg::ref_ptr<osg::Image> img = app.renderImage();
        int n = 0;
        for (int y = 140; y < 240; ++y)
            for (int x = 0; x < 320; ++x) n += img->getColor(x, y).g() > 0.35f;
        return n;
    };
    EXPECT_GE(stars(), 5);
    GraphicsSettings g = twin.graphics();
    g.fog = 1.0f;
    twin.setGraphics(g);
    EXPECT_EQ(stars(), 0);
}

}  // namespace
}  // namespace jbt
