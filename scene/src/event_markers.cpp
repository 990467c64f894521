#include "scene/event_markers.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Point>
#include <osg/PointSprite>

namespace jbt {

osg::Vec4 eventCategoryColor(const std::string& c) {
    if (c == "城市管理") return {0.20f, 0.55f, 0.95f, 1};
    if (c == "矛盾纠纷") return {0.85f, 0.30f, 0.80f, 1};
    if (c == "安全隐患") return {0.95f, 0.20f, 0.15f, 1};
    if (c == "路平工程") return {1.00f, 0.60f, 0.10f, 1};
    if (c == "环境卫生") return {0.20f, 0.75f, 0.35f, 1};
    std::size_t h = 0;
    for (unsigned char ch : c) h = h * 131 + ch;
    return {0.5f + 0.5f * float(h % 7) / 7, 0.5f + 0.5f * float(h / 7 % 5) / 5, 0.6f, 1};
}

osg::ref_ptr<osg::Node> buildEventMarkers(const EventSet& events, const HeightGrid& terrain,
                                           const std::map<std::string, double>& arrival,
                                           osg::ref_ptr<osg::Program> program, const EventMarkerStyle& style) {
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
    osg::ref_ptr<osg::Vec2Array> extra = new osg::Vec2Array;  // x: size in px, y: arrival time
    // Positions relative to the first event keep the floats small.
    osg::Vec3d origin;
    if (!events.byId.empty()) {
        const Vec2& p = events.byId.begin()->second.scene;
        origin = osg::Vec3d(p.x, p.y, 0);
    }
    for (const auto& [id, e] : events.byId) {
        double ground = terrain.empty() ? 0.0 : terrain.sample(e.scene.x, e.scene.y);
        v->push_back(osg::Vec3(float(e.scene.x - origin.x()), float(e.scene.y - origin.y()), float(ground + style.heightAboveGround)));
        osg::Vec4 color = eventCategoryColor(e.category);
        bool closed = e.closed();
        if (closed) color.a() = 0.55f;
        c->push_back(color);
        auto it = arrival.find(id);
        extra->push_back(osg::Vec2(style.sizePx * (closed ? 0.6f : 1.0f), it == arrival.end() ? -1e6f : float(it->second)));
    }
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    g->setUseVertexBufferObjects(true);
    g->setVertexArray(v);
    g->setColorArray(c, osg::Array::BIND_PER_VERTEX);
    g->setVertexAttribArray(7, extra, osg::Array::BIND_PER_VERTEX);
    g->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, GLsizei(v->size())));
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("events");
    geode->addDrawable(g);
    osg::StateSet* ss = geode->getOrCreateStateSet();
    if (program) {
        program->addBindAttribLocation("a_marker", 7);
        ss->setAttributeAndModes(program.get());
    }
    ss->setTextureAttributeAndModes(0, new osg::PointSprite, osg::StateAttribute::ON);
    ss->setMode(GL_VERTEX_PROGRAM_POINT_SIZE, osg::StateAttribute::ON);
    ss->setMode(GL_BLEND, osg::StateAttribute::ON);
    // Always on top, like map pins: a case behind a tower must still be seen.
    ss->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    ss->setRenderBinDetails(40, "RenderBin");
    osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform(osg::Matrixd::translate(origin));
    xf->addChild(geode);
    return xf;
}

}  // namespace jbt
