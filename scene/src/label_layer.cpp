#include "scene/label_layer.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LineWidth>
#include <osgText/Text>
#include <osgUtil/CullVisitor>

#include <algorithm>

namespace jbt {
namespace {

// Approximate screen size of a label: CJK glyphs are about one character size wide, Latin half.
osg::Vec2 labelSizePx(const std::string& utf8, float charPx) {
    float line = 0, widest = 0;
    int lines = 1;
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c == '\n') {
            widest = std::max(widest, line);
            line = 0;
            ++lines;
            ++i;
            continue;
        }
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        line += len >= 3 ? charPx : charPx * 0.55f;
        i += len;
    }
    return {std::max(widest, line) + 8, lines * charPx * 1.25f + 6};
}

// Culls only the labels that fit: the rest are skipped for this frame.
class DeclutterCallback : public osg::NodeCallback {
public:
    struct Entry {
        osg::ref_ptr<osg::Node> node;
        osg::Vec3d anchor;
        osg::Vec2 size;
        int priority;
    };
    std::vector<Entry> entries;  // sorted by priority, highest first
    int visible = 0;

    void operator()(osg::Node*, osg::NodeVisitor* nv) override {
        auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv);
        if (!cv) return;
        osg::Matrixd mvpw = *cv->getModelViewMatrix() * *cv->getProjectionMatrix();
        if (const osg::Viewport* vp = cv->getViewport()) mvpw *= vp->computeWindowMatrix();
        std::vector<osg::Vec4> taken;  // x0, y0, x1, y1 in window pixels
        visible = 0;
        for (Entry& e : entries) {
            osg::Vec4d clip = osg::Vec4d(e.anchor, 1.0) * (*cv->getModelViewMatrix() * *cv->getProjectionMatrix());
            if (clip.w() <= 0) continue;  // behind the camera
            osg::Vec3d w = e.anchor * mvpw;
            osg::Vec4 box(float(w.x()) - e.size.x() / 2, float(w.y()), float(w.x()) + e.size.x() / 2, float(w.y()) + e.size.y());
            bool clash = std::any_of(taken.begin(), taken.end(), [&](const osg::Vec4& t) {
                return box.x() < t.z() && t.x() < box.z() && box.y() < t.w() && t.y() < box.w();
            });
            if (clash) continue;
            taken.push_back(box);
            e.node->accept(*nv);
            ++visible;
        }
    }
};

}  // namespace

osg::ref_ptr<osg::Group> buildLabelLayer(const std::vector<LabelSpec>& labels, const LabelLayerOptions& o) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName("labels");
    osg::ref_ptr<osgText::Font> font = o.fontFile.empty() ? nullptr : osgText::readRefFontFile(o.fontFile);

    // Pins: one line set for all places, always drawn.
    osg::ref_ptr<osg::Geometry> pins = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
    for (const LabelSpec& l : labels) {
        v->push_back(l.ground);
        v->push_back(l.anchor);
        c->push_back(l.color);
        c->push_back(l.color);
    }
    pins->setVertexArray(v);
    pins->setColorArray(c, osg::Array::BIND_PER_VERTEX);
    pins->addPrimitiveSet(new osg::DrawArrays(GL_LINES, 0, GLsizei(v->size())));
    osg::ref_ptr<osg::Geode> pinGeode = new osg::Geode;
    pinGeode->addDrawable(pins);
    pinGeode->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(2.f));
    pinGeode->getOrCreateStateSet()->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    root->addChild(pinGeode);

    osg::ref_ptr<osg::Group> texts = new osg::Group;
    osg::ref_ptr<DeclutterCallback> declutter = new DeclutterCallback;
    for (const LabelSpec& l : labels) {
        osg::ref_ptr<osgText::Text> t = new osgText::Text;
        if (font) t->setFont(font);
        t->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
        t->setCharacterSize(o.characterSizePx);
        t->setFontResolution(32, 32);
        t->setAxisAlignment(osgText::Text::SCREEN);
        t->setAlignment(osgText::Text::CENTER_BOTTOM);
        t->setPosition(l.anchor);
        t->setText(l.text, osgText::String::ENCODING_UTF8);
        t->setColor(l.color);
        t->setDrawMode(osgText::Text::TEXT | osgText::Text::FILLEDBOUNDINGBOX);
        t->setBoundingBoxColor(osg::Vec4(0.05f, 0.08f, 0.12f, 0.72f));
        t->setBoundingBoxMargin(3.f);
        t->setBackdropType(osgText::Text::OUTLINE);
        t->setBackdropColor(osg::Vec4(0, 0, 0, 0.9f));
        t->setDataVariance(osg::Object::STATIC);
        osg::ref_ptr<osg::Geode> g = new osg::Geode;
        g->addDrawable(t);
        t->setCullingActive(false);
        g->setCullingActive(false);
        texts->addChild(g);
        declutter->entries.push_back({g, l.anchor, labelSizePx(l.text, o.characterSizePx), l.priority});
    }
    std::stable_sort(declutter->entries.begin(), declutter->entries.end(),
                     [](const auto& a, const auto& b) { return a.priority > b.priority; });
    texts->setCullCallback(declutter);
    // Screen-sized text has no sensible world bound until drawn: never cull the group by it.
    texts->setCullingActive(false);
    // Labels are read over everything; they are never hidden behind a tower.
    osg::StateSet* ss = texts->getOrCreateStateSet();
    ss->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF | osg::StateAttribute::OVERRIDE);
    ss->setRenderBinDetails(50, "RenderBin");
    ss->setMode(GL_BLEND, osg::StateAttribute::ON);
    root->addChild(texts);
    return root;
}

int visibleLabelCount(const osg::Group& layer) {
    for (unsigned i = 0; i < layer.getNumChildren(); ++i)
        if (auto* d = dynamic_cast<const DeclutterCallback*>(layer.getChild(i)->getCullCallback())) return d->visible;
    return 0;
}

}  // namespace jbt
