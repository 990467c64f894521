// Place labels under Xvfb: Chinese glyphs reach the screen, and overlapping labels de-clutter.
#include <gtest/gtest.h>
#include <osgViewer/Viewer>

#include "scene/label_layer.h"
#include "scene/cjk_font.h"
#include "twin/offscreen_render.h"

namespace jbt {
namespace {

struct Shot {
    osg::ref_ptr<osg::Image> image;
    int visible = 0;
};

Shot render(const std::vector<LabelSpec>& labels) {
    std::string hint, error;
    LabelLayerOptions o;
    o.fontFile = findCjkFont(hint);
    EXPECT_FALSE(o.fontFile.empty()) << hint;
    osg::ref_ptr<osg::Group> layer = buildLabelLayer(labels, o);
    osg::ref_ptr<osg::GraphicsContext> gc = createOffscreenContext(400, 300);
    EXPECT_TRUE(gc) << error;
    osg::ref_ptr<osgViewer::Viewer> v = new osgViewer::Viewer;
    v->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    useOffscreenContext(*v, gc.get(), 400, 300);
    v->getCamera()->setClearColor(osg::Vec4(0, 0, 0, 1));
    v->setSceneData(layer);
    v->getCamera()->setViewMatrixAsLookAt(osg::Vec3d(0, -500, 200), osg::Vec3d(0, 0, 30), osg::Vec3d(0, 0, 1));
    osg::ref_ptr<FrameCapture> capture = new FrameCapture;
    v->getCamera()->setFinalDrawCallback(capture);
    v->realize();
    v->frame();
    capture->arm();
    v->frame();
    return {capture->image(), visibleLabelCount(*layer)};
}

TEST(Labels, ChineseLabelDrawsGlyphPixels) {
    Shot s = render({{osg::Vec3d(0, 0, 0), osg::Vec3d(0, 0, 50), "鸿恩寺", 1, osg::Vec4(1, 1, 1, 1)}});
    ASSERT_TRUE(s.image);
    EXPECT_EQ(s.visible, 1);
    int bright = 0;
    for (int y = 0; y < 300; ++y)
        for (int x = 0; x < 400; ++x) {
            osg::Vec4 c = s.image->getColor(x, y);
            bright += c.r() > 0.8f && c.g() > 0.8f && c.b() > 0.8f;
        }
    // Three CJK glyphs at 18 px are a few hundred lit pixels, far more than the 1-px pin.
    EXPECT_GT(bright, 150);
}

TEST(Labels, OverlappingLabelsDeclutterByPriority) {
    osg::Vec3d g(0, 0, 0), a(0, 0, 50);
    EXPECT_EQ(render({{g, a, "江北嘴", 3, {1, 1, 1, 1}}, {g + osg::Vec3d(5, 0, 0), a + osg::Vec3d(5, 0, 0), "北仓", 1, {1, 1, 1, 1}}}).visible, 1);
    EXPECT_EQ(render({{g, a, "江北嘴", 3, {1, 1, 1, 1}}, {g + osg::Vec3d(300, 0, 0), a + osg::Vec3d(300, 0, 0), "北仓", 1, {1, 1, 1, 1}}}).visible, 2);
}

}  // namespace
}  // namespace jbt
