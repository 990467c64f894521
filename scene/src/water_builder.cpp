#include "scene/water_builder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Texture2D>

#include <algorithm>

#include "scene/roof_triangulator.h"

namespace jbt {

namespace {

// The bed's heights as a float texture (every `step`-th sample: at most 2048 a side), with where
// its texels lie: u = ((x − originX) / texelM + 0.5) / width.
void addBed(osg::StateSet& ss, const HeightGrid& g) {
    int step = std::max(1, (std::max(g.cols, g.rows) + 2047) / 2048);
    int w = (g.cols + step - 1) / step, h = (g.rows + step - 1) / step;
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(w, h, 1, GL_LUMINANCE, GL_FLOAT);
    image->setInternalTextureFormat(GL_LUMINANCE32F_ARB);
    auto* out = reinterpret_cast<float*>(image->data());
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) out[std::size_t(r) * w + c] = g.at(c * step, r * step);
    osg::ref_ptr<osg::Texture2D> tex = new osg::Texture2D(image);
    tex->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR);
    tex->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    tex->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    tex->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    tex->setResizeNonPowerOfTwoHint(false);
    ss.setTextureAttributeAndModes(kWaterBedTextureUnit, tex, osg::StateAttribute::ON);
    ss.addUniform(new osg::Uniform("u_bed", kWaterBedTextureUnit));
    ss.addUniform(new osg::Uniform("u_bedGrid", osg::Vec4(float(g.originX), float(g.originY), float(g.spacing * step), 1.f)));
    ss.addUniform(new osg::Uniform("u_bedTexels", osg::Vec2(float(w), float(h))));
}

}  // namespace

osg::ref_ptr<osg::Group> buildWater(const std::vector<WaterBody>& water, osg::ref_ptr<osg::Program> program,
                                    const HeightGrid& bed) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName("water");
    if (program) root->getOrCreateStateSet()->setAttributeAndModes(program.get());
    if (!bed.empty()) addBed(*root->getOrCreateStateSet(), bed);
    else root->getOrCreateStateSet()->addUniform(new osg::Uniform("u_bedGrid", osg::Vec4(0, 0, 1, 0)));
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
