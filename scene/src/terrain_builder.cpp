#include "scene/terrain_builder.h"

#include <osg/Geode>
#include <osg/Geometry>
#include <osg/LOD>
#include <osg/MatrixTransform>
#include <osg/Texture2D>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <string>

namespace jbt {
namespace {

// The terrain's two programs, kept with its node: setTerrainImagery switches between them.
struct TerrainPrograms : osg::Referenced {
    osg::ref_ptr<osg::Program> plain, withImagery;
    TerrainPrograms(osg::Program* p, osg::Program* i) : plain(p), withImagery(i) {}
};

osg::Vec3 normalAt(const HeightGrid& g, int c, int r) {
    int c0 = std::max(c - 1, 0), c1 = std::min(c + 1, g.cols - 1);
    int r0 = std::max(r - 1, 0), r1 = std::min(r + 1, g.rows - 1);
    double dx = (g.at(c1, r) - g.at(c0, r)) / ((c1 - c0) * g.spacing);
    double dy = (g.at(c, r1) - g.at(c, r0)) / ((r1 - r0) * g.spacing);
    osg::Vec3 n(float(-dx), float(-dy), 1.f);
    n.normalize();
    return n;
}

// Smooth random relief of the forest's edge (value noise on a 700 m lattice): woods climb down
// gullies and stop short on spurs instead of following one contour line.
float edgeNoise(double x, double y) {
    auto hash = [](long i, long j) {
        std::uint64_t k = std::uint64_t(i) * 0x9E3779B97F4A7C15ull ^ std::uint64_t(j) * 0xC2B2AE3D27D4EB4Full;
        k ^= k >> 29;
        k *= 0xBF58476D1CE4E5B9ull;
        return float((k >> 40) & 0xFFFF) / 65535.f;
    };
    double u = x / 700, v = y / 700;
    long i = long(std::floor(u)), j = long(std::floor(v));
    float fu = float(u - i), fv = float(v - j);
    fu = fu * fu * (3 - 2 * fu);
    fv = fv * fv * (3 - 2 * fv);
    float a = hash(i, j) + (hash(i + 1, j) - hash(i, j)) * fu, b = hash(i, j + 1) + (hash(i + 1, j + 1) - hash(i, j + 1)) * fu;
    return a + (b - a) * fv;
}

osg::Vec4ub colorAt(float h, const osg::Vec3& n, double x, double y, const TerrainOptions& o) {
    auto mix = [](osg::Vec3 a, osg::Vec3 b, float t) { return a * (1 - t) + b * t; };
    osg::Vec3 lowland(0.58f, 0.62f, 0.48f), forest(0.26f, 0.42f, 0.24f), rock(0.55f, 0.52f, 0.45f), bank(0.62f, 0.58f, 0.50f);
    float forestT = std::clamp((h + 120.f * (edgeNoise(x, y) - 0.5f) - float(o.forestFromM)) / 90.f, 0.f, 1.f);
    osg::Vec3 c = mix(lowland, forest, forestT);
    c = mix(c, rock, std::clamp((0.86f - n.z()) / 0.2f, 0.f, 1.f) * 0.6f);
    c = mix(c, bank, std::clamp((float(o.waterLevelM) + 6.f - h) / 6.f, 0.f, 1.f));
    if (o.seaAtZero && h <= 0.f) c = osg::Vec3(0.22f, 0.40f, 0.50f);
    return {static_cast<unsigned char>(c.x() * 255), static_cast<unsigned char>(c.y() * 255),
            static_cast<unsigned char>(c.z() * 255), 255};
}

// One resolution of one chunk: grid points every `step` samples, plus skirts along the edges.
osg::ref_ptr<osg::Geode> chunkMesh(const HeightGrid& g, int c0, int r0, int c1, int r1, int step,
                                   const TerrainOptions& o, std::size_t& triangles) {
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> n = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> col = new osg::Vec4ubArray;
    std::vector<int> cs, rs;
    for (int c = c0; c < c1; c += step) cs.push_back(c);
    cs.push_back(c1);
    for (int r = r0; r < r1; r += step) rs.push_back(r);
    rs.push_back(r1);
    double ox = g.originX + c0 * g.spacing, oy = g.originY + r0 * g.spacing;
    auto add = [&](int c, int r, float drop) {
        float h = g.at(c, r);
        osg::Vec3 normal = normalAt(g, c, r);
        v->push_back(osg::Vec3(float(g.originX + c * g.spacing - ox), float(g.originY + r * g.spacing - oy), h - drop));
        n->push_back(normal);
        col->push_back(colorAt(h, normal, g.originX + c * g.spacing, g.originY + r * g.spacing, o));
        return GLuint(v->size() - 1);
    };
    int w = int(cs.size()), hgt = int(rs.size());
    for (int j = 0; j < hgt; ++j)
        for (int i = 0; i < w; ++i) add(cs[i], rs[j], 0.f);
    osg::ref_ptr<osg::DrawElementsUInt> tris = new osg::DrawElementsUInt(GL_TRIANGLES);
    for (int j = 0; j + 1 < hgt; ++j)
        for (int i = 0; i + 1 < w; ++i) {
            GLuint a = j * w + i, b = a + 1, c = a + w, d = c + 1;
            for (GLuint k : {a, b, d, a, d, c}) tris->push_back(k);
        }
    // Skirts: each edge gets a strip hanging down far enough to cover the coarser neighbour.
    float drop = float(4 * step * g.spacing * 0.5 + 15.0);
    auto skirt = [&](std::vector<GLuint> edge) {
        for (std::size_t k = 0; k + 1 < edge.size(); ++k) {
            GLuint top0 = edge[k], top1 = edge[k + 1];
            osg::Vec3 p0 = (*v)[top0], p1 = (*v)[top1];
            v->push_back(p0 - osg::Vec3(0, 0, drop));
            n->push_back((*n)[top0]);
            col->push_back((*col)[top0]);
            v->push_back(p1 - osg::Vec3(0, 0, drop));
            n->push_back((*n)[top1]);
            col->push_back((*col)[top1]);
            GLuint b0 = GLuint(v->size() - 2), b1 = b0 + 1;
            // Both windings: a skirt is seen from either side depending on the neighbour.
            for (GLuint x : {top0, b0, b1, top0, b1, top1, top0, b1, b0, top0, top1, b1}) tris->push_back(x);
        }
    };
    std::vector<GLuint> south, north, west, east;
    for (int i = 0; i < w; ++i) {
        south.push_back(GLuint(i));
        north.push_back(GLuint((hgt - 1) * w + i));
    }
    for (int j = 0; j < hgt; ++j) {
        west.push_back(GLuint(j * w));
        east.push_back(GLuint(j * w + w - 1));
    }
    for (auto* e : {&south, &north, &west, &east}) skirt(*e);
    triangles += tris->size() / 3;

    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    geom->setUseVertexBufferObjects(true);
    geom->setVertexArray(v);
    geom->setNormalArray(n, osg::Array::BIND_PER_VERTEX);
    col->setNormalize(true);
    geom->setColorArray(col, osg::Array::BIND_PER_VERTEX);
    geom->addPrimitiveSet(tris);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(geom);
    return geode;
}

}  // namespace

osg::ref_ptr<osg::Group> buildTerrain(const HeightGrid& g, const TerrainOptions& o, TerrainStats& stats) {
    osg::ref_ptr<osg::Group> root = new osg::Group;
    root->setName("terrain");
    setTerrainImagery(*root, nullptr, {}, {1, 1}, 0);
    setTerrainImagery(*root, nullptr, {}, {1, 1}, 1);
    if (g.empty()) return root;
    if (o.program) root->getOrCreateStateSet()->setAttributeAndModes(o.program.get());
    if (o.program && o.imageryProgram) root->setUserData(new TerrainPrograms(o.program.get(), o.imageryProgram.get()));
    // After the opaque bin (buildings, water, models): the ground they cover fails the depth test
    // before its shader runs, which on a software renderer is most of a city view's cost. Before
    // the draped layers (bin 2), which test against its depth.
    root->getOrCreateStateSet()->setRenderBinDetails(1, "RenderBin");
    const int n = o.chunkCells;
    const double size = n * g.spacing;
    for (int r0 = 0; r0 < g.rows - 1; r0 += n)
        for (int c0 = 0; c0 < g.cols - 1; c0 += n) {
            int c1 = std::min(c0 + n, g.cols - 1), r1 = std::min(r0 + n, g.rows - 1);
            osg::ref_ptr<osg::LOD> lod = new osg::LOD;
            double near = 0;
            for (int level = 0; level < o.levels; ++level) {
                int step = 1 << level;
                std::size_t tris = 0;
                osg::ref_ptr<osg::Geode> mesh = chunkMesh(g, c0, r0, c1, r1, step, o, tris);
                if (level == 0) stats.fullResolutionTriangles += tris;
                double far = level + 1 == o.levels ? FLT_MAX : size * (level == 0 ? 2.5 : 7.0);
                lod->addChild(mesh, float(near), float(far));
                near = far;
            }
            osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform(
                osg::Matrixd::translate(g.originX + c0 * g.spacing, g.originY + r0 * g.spacing, 0));
            xf->addChild(lod);
            root->addChild(xf);
            ++stats.chunks;
        }
    return root;
}

void setTerrainImagery(osg::Group& terrain, osg::ref_ptr<osg::Image> image, osg::Vec2d origin, osg::Vec2d size, int level) {
    osg::StateSet* ss = terrain.getOrCreateStateSet();
    if (auto* programs = dynamic_cast<TerrainPrograms*>(terrain.getUserData()); programs && level == 0)
        ss->setAttributeAndModes(image ? programs->withImagery.get() : programs->plain.get());
    std::string suffix = level == 0 ? "" : "Fine";
    auto set = [&](const std::string& name, auto value) {
        if (osg::Uniform* u = ss->getUniform(name + suffix)) u->set(value);
        else ss->addUniform(new osg::Uniform((name + suffix).c_str(), value));
    };
    set("u_imagery", kImageryTextureUnit + level);
    set("u_hasImagery", image ? 1.0f : 0.0f);
    set("u_imageryOrigin", osg::Vec2f(float(origin.x()), float(origin.y())));
    set("u_imagerySize", osg::Vec2f(float(size.x()), float(size.y())));
    if (!image) {  // a transparent pixel keeps the sampler valid
        image = new osg::Image;
        image->allocateImage(1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE);
        std::fill(image->data(), image->data() + 4, 0);
    }
    osg::ref_ptr<osg::Texture2D> tex = new osg::Texture2D(image);
    tex->setResizeNonPowerOfTwoHint(false);
    tex->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
    tex->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
    tex->setMaxAnisotropy(8);
    tex->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    tex->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    ss->setTextureAttributeAndModes(kImageryTextureUnit + level, tex, osg::StateAttribute::ON);
}

}  // namespace jbt
