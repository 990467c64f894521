#include "scene/classification.h"

#include <osg/BlendFunc>
#include <osg/ColorMask>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Program>
#include <osg/Stencil>
#include <osg/StencilTwoSided>

#include "scene/roof_triangulator.h"

namespace jbt {
namespace {

// The closed prism, every face wound counter-clockwise seen from outside (the stencil tells
// front from back by winding), relative to `origin` so floats stay precise.
osg::ref_ptr<osg::Geometry> prism(const std::vector<Polygon>& footprint, double z0, double z1, const osg::Vec3d& origin) {
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    auto at = [&](const Vec2& p, double z) {
        return osg::Vec3(float(p.x - origin.x()), float(p.y - origin.y()), float(z - origin.z()));
    };
    RoofTriangulator tess;
    std::vector<Vec2> points;
    std::vector<std::uint32_t> tris;
    for (const Polygon& poly : footprint) {
        auto walls = [&](const Ring& ring, bool ccw) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const Vec2& a = ring[ccw ? i : (i + 1) % ring.size()];
                const Vec2& b = ring[ccw ? (i + 1) % ring.size() : i];
                for (osg::Vec3 p : {at(a, z0), at(b, z0), at(b, z1), at(a, z0), at(b, z1), at(a, z1)}) v->push_back(p);
            }
        };
        walls(poly.outer, signedArea(poly.outer) > 0);
        for (const Ring& h : poly.holes) walls(h, signedArea(h) < 0);
        if (!tess.triangulate(poly, points, tris)) continue;
        for (std::size_t t = 0; t + 2 < tris.size(); t += 3) {
            for (int k : {0, 1, 2}) v->push_back(at(points[tris[t + k]], z1));  // top: counter-clockwise from above
            for (int k : {0, 2, 1}) v->push_back(at(points[tris[t + k]], z0));  // bottom: from below
        }
    }
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    g->setVertexArray(v);
    g->addPrimitiveSet(new osg::DrawArrays(GL_TRIANGLES, 0, GLsizei(v->size())));
    g->setUseDisplayList(false);
    g->setUseVertexBufferObjects(true);
    return g;
}

}  // namespace

ClassificationHighlight::ClassificationHighlight(osg::Vec4 colour, int binBase)
    : root_(new osg::MatrixTransform), count_(new osg::Geode), tint_(new osg::Geode), colours_(new osg::Vec4Array(1, &colour)) {
    root_->setName("classification");
    // Pass 1: no colour, no depth writes; where the prism's faces lie behind the mesh, count.
    osg::StateSet* c = count_->getOrCreateStateSet();
    c->setRenderBinDetails(binBase, "RenderBin");
    c->setAttributeAndModes(new osg::ColorMask(false, false, false, false));
    c->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0.0, 1.0, false));
    c->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    osg::ref_ptr<osg::StencilTwoSided> counting = new osg::StencilTwoSided;
    counting->setFunction(osg::StencilTwoSided::FRONT, osg::StencilTwoSided::ALWAYS, 0, ~0u);
    counting->setOperation(osg::StencilTwoSided::FRONT, osg::StencilTwoSided::KEEP, osg::StencilTwoSided::DECR_WRAP,
                           osg::StencilTwoSided::KEEP);
    counting->setFunction(osg::StencilTwoSided::BACK, osg::StencilTwoSided::ALWAYS, 0, ~0u);
    counting->setOperation(osg::StencilTwoSided::BACK, osg::StencilTwoSided::KEEP, osg::StencilTwoSided::INCR_WRAP,
                           osg::StencilTwoSided::KEEP);
    c->setAttributeAndModes(counting);
    // Pass 2: colour where the count is not zero, clearing it as it goes (each pixel once).
    osg::StateSet* t = tint_->getOrCreateStateSet();
    t->setRenderBinDetails(binBase + 1, "RenderBin");
    t->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
    t->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    osg::ref_ptr<osg::Stencil> tinting = new osg::Stencil;
    tinting->setFunction(osg::Stencil::NOTEQUAL, 0, ~0u);
    tinting->setOperation(osg::Stencil::ZERO, osg::Stencil::ZERO, osg::Stencil::ZERO);
    t->setAttributeAndModes(tinting);
    t->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    t->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    // Fixed function: one flat colour (the scene's programs are not wanted here).
    root_->getOrCreateStateSet()->setAttributeAndModes(new osg::Program, osg::StateAttribute::ON | osg::StateAttribute::PROTECTED);
    root_->addChild(count_);
    root_->addChild(tint_);
    root_->setNodeMask(0);
}

void ClassificationHighlight::show(const std::vector<Polygon>& footprint, double zBottom, double zTop) {
    count_->removeDrawables(0, count_->getNumDrawables());
    tint_->removeDrawables(0, tint_->getNumDrawables());
    osg::Vec3d origin;
    if (!footprint.empty() && !footprint[0].outer.empty()) origin.set(footprint[0].outer[0].x, footprint[0].outer[0].y, zBottom);
    osg::ref_ptr<osg::Geometry> g = prism(footprint, zBottom, zTop, origin);
    osg::ref_ptr<osg::Geometry> tinted = new osg::Geometry(*g, osg::CopyOp::SHALLOW_COPY);
    tinted->setColorArray(colours_, osg::Array::BIND_OVERALL);
    count_->addDrawable(g);
    tint_->addDrawable(tinted);
    root_->setMatrix(osg::Matrix::translate(origin));  // the prism's floats are relative to its first corner
    root_->setNodeMask(~0u);
    shown_ = true;
}

void ClassificationHighlight::hide() {
    root_->setNodeMask(0);
    shown_ = false;
}

}  // namespace jbt
