#include "scene/screen_notice.h"

#include <osg/Geode>
#include <osgText/Text>

namespace jbt {

osg::ref_ptr<osg::Camera> buildScreenNotice(const std::string& utf8, const std::string& fontFile, float characterSizePx) {
    osg::ref_ptr<osg::Camera> hud = new osg::Camera;
    hud->setName("screen notice");
    hud->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    hud->setRenderOrder(osg::Camera::POST_RENDER);
    hud->setClearMask(0);
    hud->setAllowEventFocus(false);
    // Unit square over whatever viewport draws it, so every display gets its own notice.
    hud->setProjectionMatrixAsOrtho2D(0, 1, 0, 1);
    hud->setViewMatrix(osg::Matrix::identity());
    osg::ref_ptr<osgText::Text> t = new osgText::Text;
    if (!fontFile.empty()) t->setFont(fontFile);
    t->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
    t->setCharacterSize(characterSizePx);
    t->setAlignment(osgText::Text::CENTER_BOTTOM);
    t->setPosition(osg::Vec3(0.5f, 0.015f, 0.f));
    t->setText(utf8, osgText::String::ENCODING_UTF8);
    t->setColor(osg::Vec4(1.0f, 0.85f, 0.3f, 1.0f));
    t->setBackdropType(osgText::Text::OUTLINE);
    t->setBackdropColor(osg::Vec4(0, 0, 0, 1));
    osg::ref_ptr<osg::Geode> g = new osg::Geode;
    g->addDrawable(t);
    g->getOrCreateStateSet()->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    g->getOrCreateStateSet()->setMode(GL_BLEND, osg::StateAttribute::ON);
    hud->addChild(g);
    return hud;
}

}  // namespace jbt
