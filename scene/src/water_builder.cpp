#include "scene/water_builder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>

#include "scene/roof_triangulator.h"

namespace jbt {

osg::ref_ptr<osg::Group> buildWater(const std::vector<WaterBody>& water, osg::ref_ptr<osg::Program> program) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName("water");
    if (program) root->getOrCreateStateSet()->setAttributeAndModes(program.get());
    RoofTriangulator triangulator;
    std::vector<Vec2> points;
    std::vector<std::uint32_t> tris;
    for (const WaterBody& w : water) {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
        osg::ref_ptr<osg::DrawElementsUInt> idx = new osg::DrawElementsUInt(GL_TRIANGLES);
        // Local origin at the first vertex keeps the floats small.
        if (w.polygons.empty() || w.polygons[0].outer.empty()) continue;
        Vec2 origin = w.polygons[0].outer[0];
        for (const Polygon& p : w.polygons) {
            if (!triangulator.triangulate(p, points, tris)) continue;
            auto base = GLuint(v->size());
            for (const Vec2& q : points) v->push_back(osg::Vec3(float(q.x - origin.x), float(q.y - origin.y), 0.f));
            for (std::uint32_t t : tris) idx->push_back(base + t);
        }
        osg::ref_ptr<osg::Vec3Array> n = new osg::Vec3Array;
        n->push_back(osg::Vec3(0, 0, 1));
        osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
        c->push_back(osg::Vec4(0.22f, 0.40f, 0.50f, 1.f));
        g->setVertexArray(v);
        g->setNormalArray(n, osg::Array::BIND_OVERALL);
        g->setColorArray(c, osg::Array::BIND_OVERALL);
        g->addPrimitiveSet(idx);
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        geode->setName(w.nameZh + " " + w.nameEn);
        geode->addDrawable(g);
        osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform(osg::Matrixd::translate(origin.x, origin.y, w.level));
        xf->addChild(geode);
        root->addChild(xf);
    }
    return root;
}

}  // namespace jbt
