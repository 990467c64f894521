#include "scene/ground_plane.h"

#include <osg/Geometry>
#include <osg/PolygonOffset>

namespace jbt {

osg::ref_ptr<osg::Geode> buildGroundPlane(double minX, double minY, double maxX, double maxY,
                                          osg::ref_ptr<osg::Program> program) {
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    v->push_back({float(minX), float(minY), 0});
    v->push_back({float(maxX), float(minY), 0});
    v->push_back({float(maxX), float(maxY), 0});
    v->push_back({float(minX), float(maxY), 0});
    osg::ref_ptr<osg::Vec3Array> n = new osg::Vec3Array;
    n->push_back({0, 0, 1});
    osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
    c->push_back({0.50f, 0.56f, 0.44f, 1.f});
    g->setVertexArray(v);
    g->setNormalArray(n, osg::Array::BIND_OVERALL);
    g->setColorArray(c, osg::Array::BIND_OVERALL);
    g->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, 4));
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->setName("ground");
    geode->addDrawable(g);
    osg::StateSet* ss = geode->getOrCreateStateSet();
    if (program) ss->setAttributeAndModes(program.get());
    // Pushed back so building footprints at z = 0 never fight with it.
    ss->setAttributeAndModes(new osg::PolygonOffset(1.0f, 4.0f));
    return geode;
}

}  // namespace jbt
