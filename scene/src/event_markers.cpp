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

EventMarkers::EventMarkers(const HeightGrid& terrain, osg::ref_ptr<osg::Program> program, EventMarkerStyle style)
    : terrain_(terrain), style_(style), root_(new osg::MatrixTransform), geometry_(new osg::Geometry),
      positions_(new osg::Vec3Array), colors_(new osg::Vec4Array), extra_(new osg::Vec2Array),
      points_(new osg::DrawArrays(GL_POINTS, 0, 0)) {
    geometry_->setUseDisplayList(false);
    geometry_->setUseVertexBufferObjects(true);
    geometry_->setDataVariance(osg::Object::DYNAMIC);
    geometry_->setVertexArray(positions_);
    geometry_->setColorArray(colors_, osg::Array::BIND_PER_VERTEX);
    geometry_->setVertexAttribArray(7, extra_, osg::Array::BIND_PER_VERTEX);
    geometry_->addPrimitiveSet(points_);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("events");
    geode->addDrawable(geometry_);
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
    root_->addChild(geode);
}

void EventMarkers::write(std::size_t slot, const std::string& id, const GovernanceEvent& e,
                         const std::map<std::string, double>& arrival) {
    double ground = terrain_.empty() ? 0.0 : terrain_.sample(e.scene.x, e.scene.y);
    (*positions_)[slot] = osg::Vec3(float(e.scene.x - origin_.x()), float(e.scene.y - origin_.y()),
                                    float(ground + style_.heightAboveGround));
    osg::Vec4 color = eventCategoryColor(e.category);
    bool closed = e.closed();
    if (closed) color.a() = 0.55f;
    (*colors_)[slot] = color;
    auto it = arrival.find(id);
    (*extra_)[slot] = osg::Vec2(style_.sizePx * (closed ? 0.6f : 1.0f), it == arrival.end() ? -1e6f : float(it->second));
}

void EventMarkers::rebuild(const EventSet& events, const std::map<std::string, double>& arrival) {
    slots_.clear();
    origin_ = osg::Vec3d();
    if (!events.byId.empty()) {
        const Vec2& p = events.byId.begin()->second.scene;
        origin_ = osg::Vec3d(p.x, p.y, 0);
    }
    root_->setMatrix(osg::Matrixd::translate(origin_));
    std::size_t n = events.byId.size();
    positions_->resize(n), colors_->resize(n), extra_->resize(n);
    std::size_t slot = 0;
    for (const auto& [id, e] : events.byId) {
        slots_.emplace(id, slot);
        write(slot++, id, e, arrival);
    }
    points_->setCount(GLsizei(n));
    positions_->dirty(), colors_->dirty(), extra_->dirty();
    geometry_->dirtyBound();
}

void EventMarkers::update(const EventSet& events, const std::vector<std::string>& changed,
                          const std::map<std::string, double>& arrival) {
    if (slots_.empty()) return rebuild(events, arrival);
    for (const std::string& id : changed) {
        auto e = events.byId.find(id);
        if (e == events.byId.end()) continue;
        auto [it, added] = slots_.emplace(id, positions_->size());
        if (added) positions_->resize(it->second + 1), colors_->resize(it->second + 1), extra_->resize(it->second + 1);
        write(it->second, id, e->second, arrival);
    }
    points_->setCount(GLsizei(positions_->size()));
    positions_->dirty(), colors_->dirty(), extra_->dirty();
    geometry_->dirtyBound();
}

}  // namespace jbt
