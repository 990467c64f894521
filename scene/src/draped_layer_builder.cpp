#include "scene/draped_layer_builder.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LOD>
#include <osg/MatrixTransform>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>

#include "scene/per_camera_uniform.h"
#include "scene/roof_triangulator.h"

namespace jbt {
namespace {

// Passes of a layer, drawn in this order (nested bins of the layer's bin).
enum Pass { kFill = 1, kCasing, kLine, kCentreSolid, kCentreDashed, kOutline };

// One pass's vertices. Per vertex: the centre on the ground (relative to the layer's origin);
// gl_Normal: the way to widen it (xy, mitre-long) and the ground's rise per metre that way (z);
// texcoord 0: half width in metres, least half width in pixels, metres along, side (−1, 0, +1);
// texcoord 1: the ground's normal, for lighting.
struct PassMesh {
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array, widen = new osg::Vec3Array, groundNormal = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> shape = new osg::Vec4Array;
    osg::ref_ptr<osg::Vec4ubArray> colour = new osg::Vec4ubArray;
    osg::ref_ptr<osg::DrawElementsUInt> tris = new osg::DrawElementsUInt(GL_TRIANGLES);

    GLuint add(const osg::Vec3& p, const osg::Vec3& w, const osg::Vec4& s, const Vec3& n, const Rgba& c) {
        v->push_back(p);
        widen->push_back(w);
        shape->push_back(s);
        groundNormal->push_back(osg::Vec3(float(n.x), float(n.y), float(n.z)));
        colour->push_back(osg::Vec4ub(c[0], c[1], c[2], c[3]));
        return GLuint(v->size() - 1);
    }
};

class LayerMeshes {
public:
    explicit LayerMeshes(const GroundClamp& ground) : ground_(ground) {}

    // What follows belongs to the tile of this point (a feature stays whole in its first point's
    // tile): tiles are culled on their own, so a street view draws the streets near it.
    void beginFeature(const Vec2& p) {
        std::pair<long, long> key{long(std::floor(p.x / kTileM)), long(std::floor(p.y / kTileM))};
        tile_ = &tiles_[key];
        nearOnly_ = false;
        origin_ = {key.first * kTileM, key.second * kTileM};
    }

    // What is added next is drawn only while its tile is large on screen (streets too narrow to
    // see from afar, centre lines): far tiles draw the rest, and cost a software renderer less.
    void nearOnly(bool on) { nearOnly_ = on; }

    void area(const Polygon& polygon, const Rgba& c) {
        if (!tess_.triangulate(polygon, points_, indices_)) return;
        cut_.clear();
        for (std::size_t t = 0; t + 2 < indices_.size(); t += 3)
            ground_.cutTriangle(points_[indices_[t]], points_[indices_[t + 1]], points_[indices_[t + 2]], cut_);
        // Pieces share corners: each corner is one vertex (the vertex shader runs once for it).
        PassMesh& m = mesh(kFill);
        shared_.clear();
        for (const Vec2& p : cut_) {
            auto [it, added] = shared_.try_emplace({p.x, p.y}, 0u);
            if (added) it->second = m.add(local(p, ground_.height(p.x, p.y)), {}, {}, ground_.normal(p.x, p.y), c);
            m.tris->push_back(it->second);
        }
    }

    // A band along the line: `halfWidthM` on the ground, never under `minHalfPx` pixels on screen
    // (0 m: a line of constant screen width). Closed rings join their last point to the first.
    void band(Pass pass, std::vector<Vec2> line, bool closed, double halfWidthM, float minHalfPx, const Rgba& c) {
        line.erase(std::unique(line.begin(), line.end(), [](const Vec2& a, const Vec2& b) { return a.x == b.x && a.y == b.y; }),
                   line.end());
        if (closed && line.size() > 2 && line.front().x == line.back().x && line.front().y == line.back().y) line.pop_back();
        if (line.size() < 2) return;
        if (closed) line.push_back(line.front());
        double step = ground_.spacing() > 0 ? ground_.spacing() / 2 : 0;
        line = GroundClamp::densify(line, step);
        PassMesh& m = mesh(pass);
        std::size_t n = line.size();
        auto dir = [&](std::size_t i) {  // unit direction of segment i → i+1
            double dx = line[i + 1].x - line[i].x, dy = line[i + 1].y - line[i].y, len = std::hypot(dx, dy);
            return Vec2{dx / len, dy / len};
        };
        double along = 0;
        GLuint prevLeft = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0) along += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
            // The left normal, mitred between the segments before and after (capped at sharp turns).
            bool hasIn = i > 0 || closed, hasOut = i + 1 < n || closed;
            Vec2 in = hasIn ? dir(i > 0 ? i - 1 : n - 2) : dir(i), out = hasOut ? dir(i + 1 < n ? i : 0) : in;
            if (!hasIn) in = out;
            Vec2 ln{-in.y - out.y, in.x + out.x};
            double len = std::hypot(ln.x, ln.y);
            ln = len > 1e-9 ? Vec2{ln.x / len, ln.y / len} : Vec2{-in.y, in.x};
            double mitre = std::min(1.0 / std::max(ln.x * -in.y + ln.y * in.x, 0.25), 4.0);
            const Vec2& p = line[i];
            double h = ground_.heightForLine(p.x, p.y);
            Vec3 normal = ground_.normal(p.x, p.y);
            GLuint pair[2];
            for (int side : {1, -1}) {
                Vec2 w{ln.x * mitre * side, ln.y * mitre * side};
                double rise = 0;
                if (halfWidthM > 0)
                    rise = (ground_.heightForLine(p.x + w.x * halfWidthM, p.y + w.y * halfWidthM) - h) / halfWidthM;
                pair[side > 0 ? 0 : 1] = m.add(local(p, h), osg::Vec3(float(w.x), float(w.y), float(rise)),
                                              osg::Vec4(float(halfWidthM), minHalfPx, float(along), float(side)), normal, c);
            }
            if (i > 0)
                for (GLuint k : {prevLeft, prevLeft + 1, pair[1], prevLeft, pair[1], pair[0]}) m.tris->push_back(k);
            prevLeft = pair[0];
        }
    }

    osg::ref_ptr<osg::Group> node(int order, std::size_t& triangles) {
        osg::ref_ptr<osg::Group> layer = new osg::Group;
        for (auto& [key, tile] : tiles_) {
            osg::ref_ptr<osg::MatrixTransform> xf =
                new osg::MatrixTransform(osg::Matrixd::translate(key.first * kTileM, key.second * kTileM, 0));
            osg::ref_ptr<osg::Geode> far = new osg::Geode, near = new osg::Geode;
            for (auto* passes : {&tile.all, &tile.nearOnly})
                for (auto& [pass, m] : *passes) {
                    if (m.tris->empty()) continue;
                    triangles += m.tris->size() / 3;
                    osg::ref_ptr<osg::Geometry> g = geometry(pass, m);
                    near->addDrawable(g);  // shared with the far child: drawn once either way
                    if (passes == &tile.all) far->addDrawable(g);
                }
            if (tile.nearOnly.empty()) {
                xf->addChild(near);
            } else {
                // By the tile's size on screen, so a 4K wall keeps streets a monitor drops.
                osg::ref_ptr<osg::LOD> lod = new osg::LOD;
                lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
                lod->addChild(far, 0, kNearFromPx);
                lod->addChild(near, kNearFromPx, FLT_MAX);
                xf->addChild(lod);
            }
            layer->addChild(xf);
        }
        layer->getOrCreateStateSet()->setRenderBinDetails(order, "RenderBin");
        layer->getOrCreateStateSet()->addUniform(new osg::Uniform("u_opacity", 1.0f));
        return layer;
    }

private:
    static constexpr double kTileM = 2000;
    // A tile's bounding sphere (≈ 2.9 km across) this many pixels wide puts a 5 m street at
    // about 1.4 px: narrower than that it is faded to nothing anyway.
    static constexpr float kNearFromPx = 800;

    struct Tile {
        std::map<Pass, PassMesh> all, nearOnly;
    };
    PassMesh& mesh(Pass pass) { return (nearOnly_ ? tile_->nearOnly : tile_->all)[pass]; }

    osg::Vec3 local(const Vec2& p, double z) const { return osg::Vec3(float(p.x - origin_.x), float(p.y - origin_.y), float(z)); }

    static osg::ref_ptr<osg::Geometry> geometry(Pass pass, PassMesh& m) {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        g->setUseDisplayList(false);
        g->setUseVertexBufferObjects(true);
        g->setVertexArray(m.v);
        g->setNormalArray(m.widen, osg::Array::BIND_PER_VERTEX);
        g->setTexCoordArray(0, m.shape, osg::Array::BIND_PER_VERTEX);
        g->setTexCoordArray(1, m.groundNormal, osg::Array::BIND_PER_VERTEX);
        m.colour->setNormalize(true);
        g->setColorArray(m.colour, osg::Array::BIND_PER_VERTEX);
        g->addPrimitiveSet(m.tris);
        osg::StateSet* ss = g->getOrCreateStateSet();
        ss->setRenderBinDetails(pass, "RenderBin");
        ss->addUniform(new osg::Uniform("u_dashLength", pass == kCentreDashed ? 6.0f : 0.0f));
        ss->addUniform(new osg::Uniform("u_streetLights", pass == kLine ? 1.0f : 0.0f));
        return g;
    }

    const GroundClamp& ground_;
    std::map<std::pair<long, long>, Tile> tiles_;
    Tile* tile_ = nullptr;
    bool nearOnly_ = false;
    Vec2 origin_;
    RoofTriangulator tess_;
    std::vector<Vec2> points_, cut_;
    std::vector<std::uint32_t> indices_;
    std::map<std::pair<double, double>, GLuint> shared_;  // one polygon's corners
};

Rgba shade(const Rgba& c, double k, std::uint8_t alpha) {
    return {std::uint8_t(c[0] * k), std::uint8_t(c[1] * k), std::uint8_t(c[2] * k), alpha};
}

}  // namespace

osg::ref_ptr<osg::Group> makeDrapedRoot(osg::ref_ptr<osg::Program> program) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName("draped layers");
    osg::StateSet* ss = root->getOrCreateStateSet();
    if (program) ss->setAttributeAndModes(program.get());
    // After the opaque scene (bin 0), before the sky (9) and what is see-through (10).
    ss->setRenderBinDetails(2, "RenderBin");
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0, 1, false));
    // The colour blends; the framebuffer's alpha stays opaque.
    ss->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA));
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    // Each camera's viewport size (video-wall tiles differ), for widths in pixels.
    root->setCullCallback(new PerCameraUniform(new osg::Uniform("u_viewport", osg::Vec2f(1, 1)), [](osgUtil::CullVisitor& cv, osg::Uniform& u) {
        if (!cv.getViewport()) return false;
        u.set(osg::Vec2f(float(cv.getViewport()->width()), float(cv.getViewport()->height())));
        return true;
    }));
    return root;
}

osg::ref_ptr<osg::Group> buildDrapedLayer(const LayerData& layer, const DrapeStyle& style,
                                          const std::vector<FeatureLook>& looks, const GroundClamp& ground, int order,
                                          DrapedLayerStats& stats) {
    LayerMeshes meshes(ground);
    for (std::size_t i = 0; i < layer.features.size() && i < looks.size(); ++i) {
        const Feature& f = layer.features[i];
        const FeatureLook& look = looks[i];
        bool area = !f.polygons.empty() && !f.polygons[0].outer.empty(), line = !f.lines.empty() && !f.lines[0].empty();
        if (look.color[3] == 0 || (!area && !line)) continue;
        meshes.beginFeature(area ? f.polygons[0].outer[0] : f.lines[0][0]);
        ++stats.features;
        for (const Polygon& p : f.polygons) {
            if (!style.outlineOnly) meshes.area(p, look.color);
            if (style.outlinePx <= 0) continue;
            Rgba edge = style.outlineOnly ? look.color : shade(look.color, 0.7, std::max<std::uint8_t>(look.color[3], 220));
            float px = style.outlinePx / 2;
            meshes.band(kOutline, p.outer, true, 0, px, edge);
            for (const Ring& h : p.holes) meshes.band(kOutline, h, true, 0, px, edge);
        }
        double hw = look.widthM / 2;
        for (const auto& line : f.lines) {
            if (!style.roads) {
                meshes.band(kLine, line, false, hw, 0.75f, look.color);
                continue;
            }
            // Roads: opaque, pavements either side of the wider ones; major roads stay visible
            // from afar.
            float minPx = look.widthM >= 14 ? 1.0f : look.widthM >= 7 ? 0.6f : 0.35f;
            Rgba fill = look.color;
            fill[3] = 255;
            const bool major = look.widthM >= 14;
            meshes.nearOnly(!major);
            if (look.widthM >= 7) meshes.band(kCasing, line, false, hw + 2.0, look.widthM >= 11 ? minPx + 0.5f : 0.f, {214, 210, 200, 255});
            meshes.band(kLine, line, false, hw, minPx, fill);
            meshes.nearOnly(true);
            if (look.centre == FeatureLook::CentreLine::Solid) meshes.band(kCentreSolid, line, false, 0.2, 0, {250, 200, 60, 235});
            if (look.centre == FeatureLook::CentreLine::Dashed) meshes.band(kCentreDashed, line, false, 0.15, 0, {248, 248, 240, 225});
            meshes.nearOnly(false);
        }
    }
    return meshes.node(order, stats.triangles);
}

void setDrapedOpacity(osg::Group& layer, float opacity) {
    if (osg::Uniform* u = layer.getOrCreateStateSet()->getUniform("u_opacity")) u->set(opacity);
}

}  // namespace jbt
