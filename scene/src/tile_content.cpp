#include "scene/tile_content.h"

#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Point>
#include <osg/Program>
#include <osg/Texture>
#include <osg/ValueObject>

#include <cmath>
#include <cstring>
#include <set>

#include "model/error.h"
#include "scene/building_mesh.h"
#include "scene/model_loader.h"
#include "tiles/feature_tables.h"
#include "tiles/tile_fetch.h"
#include "tiles/tile_format.h"

namespace jbt {
namespace {

using nlohmann::json;

osg::Vec3d vec3(const json* j) {
    if (!j || !j->is_array() || j->size() != 3 || !(*j)[0].is_number() || !(*j)[1].is_number() || !(*j)[2].is_number()) return {};
    return {(*j)[0].get<double>(), (*j)[1].get<double>(), (*j)[2].get<double>()};
}

std::size_t featureCount(const TileContentParts& p, const char* key) {
    const json* n = p.feature(key);
    return n && n->is_number_unsigned() ? n->get<std::size_t>() : 0;
}

std::size_t offsetOf(const json* j, const std::string& name) {
    if (!j || !j->is_object() || !j->contains("byteOffset") || !(*j)["byteOffset"].is_number_unsigned())
        throw Error(name + ": a feature-table property has no byteOffset");
    return (*j)["byteOffset"].get<std::size_t>();
}

// Instance positions (float or quantised) in the tile frame.
std::vector<osg::Vec3d> instancePositions(const TileContentParts& p, std::size_t n, const std::string& name) {
    std::vector<osg::Vec3d> out(n);
    if (const json* pos = p.feature("POSITION")) {
        const unsigned char* d = binaryProperty(p.featureBinary, offsetOf(pos, name), n, 3, 4, name + ": POSITION");
        for (std::size_t i = 0; i < n; ++i) {
            float f[3];
            std::memcpy(f, d + 12 * i, 12);
            out[i].set(f[0], f[1], f[2]);
        }
    } else if (const json* q = p.feature("POSITION_QUANTIZED")) {
        osg::Vec3d offset = vec3(p.feature("QUANTIZED_VOLUME_OFFSET")), scale = vec3(p.feature("QUANTIZED_VOLUME_SCALE"));
        const unsigned char* d = binaryProperty(p.featureBinary, offsetOf(q, name), n, 3, 2, name + ": POSITION_QUANTIZED");
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t u[3];
            std::memcpy(u, d + 6 * i, 6);
            for (int k = 0; k < 3; ++k) out[i][k] = offset[k] + u[k] / 65535.0 * scale[k];
        }
    } else {
        throw Error(name + ": no POSITION or POSITION_QUANTIZED");
    }
    return out;
}

class Builder {
public:
    Builder(std::string baseDir, TileContentNode& out, const Mat4* contentToEcef)
        : baseDir_(std::move(baseDir)), out_(out), contentToEcef_(contentToEcef) {
        if (contentToEcef_) ecefToContent_ = inverse(*contentToEcef_);
    }

    osg::ref_ptr<osg::Node> build(const TileContentParts& p, const std::string& name) {
        if (p.kind == "json") {
            out_.externalTileset = true;
            return nullptr;
        }
        if (p.kind == "cmpt") {
            osg::ref_ptr<osg::Group> g = new osg::Group;
            for (const TileContentParts& inner : p.inner)
                if (osg::ref_ptr<osg::Node> n = build(inner, name)) g->addChild(n);
            return g;
        }
        if (p.kind == "pnts") return points(p, name);
        osg::Vec3d rtc = vec3(p.feature("RTC_CENTER"));
        if (p.kind == "i3dm") return instances(p, name, rtc);
        LoadedModel m = gltfFromMemory(p.glb, name, baseDir_);
        out_.warnings.insert(out_.warnings.end(), m.warnings.begin(), m.warnings.end());
        osg::ref_ptr<osg::MatrixTransform> t = new osg::MatrixTransform(osg::Matrixd::translate(rtc));
        t->addChild(m.node);
        auto table = new TileFeatureTable;
        table->rows = p.kind == "b3dm" ? readBatchTable(p.batchTable, p.batchBinary, featureCount(p, "BATCH_LENGTH"))
                                       : readPropertyTable(p.glb);
        out_.features += table->rows.size();
        t->setUserData(table);
        return t;
    }

private:
    osg::ref_ptr<osg::Node> instances(const TileContentParts& p, const std::string& name, osg::Vec3d rtc) {
        std::size_t n = featureCount(p, "INSTANCES_LENGTH");
        if (n == 0) throw Error(name + ": INSTANCES_LENGTH is missing or zero");
        std::string bytes = p.gltfUri.empty() ? p.glb : TileFetcher().fetch(resolveUri(baseDir_, p.gltfUri));
        LoadedModel m = gltfFromMemory(bytes, name, baseDir_);
        std::vector<osg::Vec3d> pos = instancePositions(p, n, name);
        const json* up = p.feature("NORMAL_UP");
        const json* right = p.feature("NORMAL_RIGHT");
        const unsigned char *u = nullptr, *r = nullptr, *s = nullptr, *s3 = nullptr;
        if (up && right) {
            u = binaryProperty(p.featureBinary, offsetOf(up, name), n, 3, 4, name + ": NORMAL_UP");
            r = binaryProperty(p.featureBinary, offsetOf(right, name), n, 3, 4, name + ": NORMAL_RIGHT");
        }
        if (const json* sc = p.feature("SCALE")) s = binaryProperty(p.featureBinary, offsetOf(sc, name), n, 1, 4, name + ": SCALE");
        if (const json* sc = p.feature("SCALE_NON_UNIFORM"))
            s3 = binaryProperty(p.featureBinary, offsetOf(sc, name), n, 3, 4, name + ": SCALE_NON_UNIFORM");
        osg::ref_ptr<osg::Group> g = new osg::Group;
        const json* enuFlag = p.feature("EAST_NORTH_UP");
        const bool enu = enuFlag && enuFlag->is_boolean() && enuFlag->get<bool>();
        for (std::size_t i = 0; i < n; ++i) {
            osg::Matrixd rot;
            osg::Vec3d upv, rightv;
            bool turned = false;
            if (u && r) {
                float a[3], b[3];
                std::memcpy(a, u + 12 * i, 12);
                std::memcpy(b, r + 12 * i, 12);
                upv.set(a[0], a[1], a[2]), rightv.set(b[0], b[1], b[2]);
                turned = true;
            } else if (enu) {
                turned = eastNorthUp(pos[i] + rtc, upv, rightv);
            }
            if (turned) {
                osg::Vec3d fwd = upv ^ rightv;
                // The glTF model's x is right, its y up and its z right × up; the converted node
                // (Z up: x, −z, y) has x right, y up × right and z up. A rotation, not a mirror.
                rot.set(rightv.x(), rightv.y(), rightv.z(), 0, fwd.x(), fwd.y(), fwd.z(), 0, upv.x(), upv.y(), upv.z(), 0, 0, 0, 0, 1);
            }
            osg::Vec3d scale(1, 1, 1);
            if (s) { float f; std::memcpy(&f, s + 4 * i, 4); scale.set(f, f, f); }
            if (s3) { float f[3]; std::memcpy(f, s3 + 12 * i, 12); scale.set(f[0], f[1], f[2]); }
            osg::ref_ptr<osg::MatrixTransform> t =
                new osg::MatrixTransform(osg::Matrixd::scale(scale) * rot * osg::Matrixd::translate(pos[i] + rtc));
            t->addChild(m.node);
            t->setUserValue(kTileInstanceKey, int(i));
            g->addChild(t);
        }
        out_.features += n;
        auto table = new TileFeatureTable;
        table->rows = readBatchTable(p.batchTable, p.batchBinary, n);
        g->setUserData(table);
        return g;
    }

    osg::ref_ptr<osg::Node> points(const TileContentParts& p, const std::string& name) {
        std::size_t n = featureCount(p, "POINTS_LENGTH");
        if (n == 0) throw Error(name + ": POINTS_LENGTH is missing or zero");
        std::vector<osg::Vec3d> pos = instancePositions(p, n, name);
        osg::Vec3d rtc = vec3(p.feature("RTC_CENTER"));
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        auto* v = new osg::Vec3Array(n);
        for (std::size_t i = 0; i < n; ++i) (*v)[i] = osg::Vec3(pos[i]);
        g->setVertexArray(v);
        auto* c = new osg::Vec4ubArray(n);
        for (auto& x : *c) x.set(255, 255, 255, 255);
        if (const json* rgb = p.feature("RGB")) {
            const unsigned char* d = binaryProperty(p.featureBinary, offsetOf(rgb, name), n, 3, 1, name + ": RGB");
            for (std::size_t i = 0; i < n; ++i) (*c)[i].set(d[3 * i], d[3 * i + 1], d[3 * i + 2], 255);
        } else if (const json* rgba = p.feature("RGBA")) {
            const unsigned char* d = binaryProperty(p.featureBinary, offsetOf(rgba, name), n, 4, 1, name + ": RGBA");
            for (std::size_t i = 0; i < n; ++i) (*c)[i].set(d[4 * i], d[4 * i + 1], d[4 * i + 2], d[4 * i + 3]);
        }
        g->setColorArray(c, osg::Array::BIND_PER_VERTEX);
        pointFeatures(p, n, name, *g);
        g->addPrimitiveSet(new osg::DrawArrays(GL_POINTS, 0, GLsizei(n)));
        osg::StateSet* ss = g->getOrCreateStateSet();
        ss->setAttributeAndModes(new osg::Program, osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);  // fixed function: no normals to light
        ss->setAttributeAndModes(new osg::Point(3.0f));
        ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
        out_.points += n;
        osg::ref_ptr<osg::MatrixTransform> t = new osg::MatrixTransform(osg::Matrixd::translate(rtc));
        t->addChild(g);
        return t;
    }

    // A point cloud's batch table: a row per point, or (with BATCH_ID) a row per batch that each
    // point names, kept per vertex where picking reads feature ids. Without BATCH_ID a point's
    // feature is its own index.
    void pointFeatures(const TileContentParts& p, std::size_t n, const std::string& name, osg::Geometry& g) {
        const json* batchId = p.feature("BATCH_ID");
        std::size_t rows = batchId ? featureCount(p, "BATCH_LENGTH") : n;
        if (batchId) {
            std::string type = batchId->value("componentType", std::string("UNSIGNED_SHORT"));
            int bytes = type == "UNSIGNED_BYTE" ? 1 : type == "UNSIGNED_INT" ? 4 : 2;
            const unsigned char* d = binaryProperty(p.featureBinary, offsetOf(batchId, name), n, 1, bytes, name + ": BATCH_ID");
            osg::ref_ptr<osg::FloatArray> ids = new osg::FloatArray(n);
            for (std::size_t i = 0; i < n; ++i) {
                std::uint32_t v = 0;
                std::memcpy(&v, d + i * std::size_t(bytes), std::size_t(bytes));  // little-endian, as the format is
                (*ids)[i] = float(v);
            }
            g.setVertexAttribArray(kFeatureIdAttribute, ids, osg::Array::BIND_PER_VERTEX);
        }
        if (p.batchTable.empty() && p.batchBinary.empty()) return;
        auto table = new TileFeatureTable;
        table->rows = readBatchTable(p.batchTable, p.batchBinary, rows);
        out_.features += table->rows.size();
        g.setUserData(table);
    }

    // EAST_NORTH_UP: an instance without its own axes stands on the ellipsoid where it is, its
    // right to the east and its up to the sky, as the tile frame sees those directions.
    bool eastNorthUp(const osg::Vec3d& p, osg::Vec3d& up, osg::Vec3d& right) const {
        if (!contentToEcef_) return false;
        Vec3 ecef = contentToEcef_->point({p.x(), p.y(), p.z()});
        if (std::sqrt(ecef.x * ecef.x + ecef.y * ecef.y + ecef.z * ecef.z) < 6.0e6) return false;  // not on the Earth: a local frame
        Mat4 enu = enuToEcef(fromEcef(ecef));
        Vec3 u = ecefToContent_.direction(enu.direction({0, 0, 1})), r = ecefToContent_.direction(enu.direction({1, 0, 0}));
        up.set(u.x, u.y, u.z), right.set(r.x, r.y, r.z);
        up.normalize(), right.normalize();
        return true;
    }

    std::string baseDir_;
    TileContentNode& out_;
    const Mat4* contentToEcef_;
    Mat4 ecefToContent_;
};

// Whether every geometry carries its own per-vertex colours and none is textured.
class ColourCheck : public osg::NodeVisitor {
public:
    ColourCheck() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    bool any = false, all = true;
    void apply(osg::Drawable& d) override {
        const osg::Geometry* g = d.asGeometry();
        bool coloured = g && g->getColorArray() && g->getColorArray()->getBinding() == osg::Array::BIND_PER_VERTEX &&
                        !g->getTexCoordArray(0);
        any = true;
        all = all && coloured;
    }
};

class ByteCounter : public osg::NodeVisitor {
public:
    ByteCounter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    std::size_t bytes = 0;
    void apply(osg::Drawable& d) override {
        if (osg::Geometry* g = d.asGeometry()) {
            if (!seen_.insert(g).second) return;
            for (osg::Array* a : {g->getVertexArray(), g->getNormalArray(), g->getColorArray(), g->getTexCoordArray(0)})
                if (a) bytes += a->getTotalDataSize();
            for (unsigned i = 0; i < g->getNumVertexAttribArrays(); ++i)
                if (osg::Array* a = g->getVertexAttribArray(i)) bytes += a->getTotalDataSize();
            for (unsigned i = 0; i < g->getNumPrimitiveSets(); ++i)
                if (auto* e = dynamic_cast<osg::DrawElements*>(g->getPrimitiveSet(i))) bytes += e->getTotalDataSize();
        }
        countTextures(d.getStateSet());
    }
    void apply(osg::Node& n) override {
        countTextures(n.getStateSet());
        traverse(n);
    }

private:
    void countTextures(osg::StateSet* ss) {
        if (!ss) return;
        for (unsigned u = 0; u < ss->getTextureAttributeList().size(); ++u)
            if (auto* t = dynamic_cast<osg::Texture*>(ss->getTextureAttribute(u, osg::StateAttribute::TEXTURE)))
                if (seen_.insert(t).second)
                    for (unsigned i = 0; i < t->getNumImages(); ++i)
                        if (const osg::Image* im = t->getImage(i)) bytes += im->getTotalSizeInBytes() * 4 / 3;  // mipmaps
    }
    std::set<const void*> seen_;
};

// The colours a geometry came with, kept while a style paints over them.
struct OwnColours : osg::Referenced {
    osg::ref_ptr<osg::Array> colors;
    bool vertexColour = false;
};

class Styler : public osg::NodeVisitor {
public:
    explicit Styler(const FeatureStyle& style) : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), style_(style) {}
    void apply(osg::Node& n) override {
        const TileFeatureTable* saved = table_;
        if (auto* t = dynamic_cast<const TileFeatureTable*>(n.getUserData())) table_ = t;
        traverse(n);
        table_ = saved;
    }
    void apply(osg::Drawable& d) override {
        osg::Geometry* g = d.asGeometry();
        const auto* ids = g ? dynamic_cast<const osg::FloatArray*>(g->getVertexAttribArray(kFeatureIdAttribute)) : nullptr;
        if (!ids || !table_) return;
        auto* own = dynamic_cast<OwnColours*>(g->getUserData());
        if (!own) {
            own = new OwnColours;
            own->colors = g->getColorArray();
            float on = 0;
            const osg::StateSet* ss = g->getStateSet();
            if (ss && ss->getUniform("u_vertexColor")) ss->getUniform("u_vertexColor")->get(on);
            own->vertexColour = on > 0.5f;
            g->setUserData(own);
        }
        osg::StateSet* ss = g->getOrCreateStateSet();
        if (!style_.active()) {
            g->setColorArray(own->colors.get(), osg::Array::BIND_PER_VERTEX);
            ss->removeUniform("u_vertexColor");
            if (own->vertexColour) ss->addUniform(new osg::Uniform("u_vertexColor", 1.0f));
            return;
        }
        static const Attributes kNone;
        auto* c = new osg::Vec4Array(ids->size());
        for (std::size_t i = 0; i < ids->size(); ++i) {
            auto row = std::size_t((*ids)[i] + 0.5f);
            Rgba rgba = style_.colorOf(row < table_->rows.size() ? table_->rows[row] : kNone);
            (*c)[i].set(rgba[0] / 255.f, rgba[1] / 255.f, rgba[2] / 255.f, 1.f);
        }
        g->setColorArray(c, osg::Array::BIND_PER_VERTEX);
        ss->removeUniform("u_vertexColor");
        ss->addUniform(new osg::Uniform("u_vertexColor", 1.0f));
    }

private:
    const FeatureStyle& style_;
    const TileFeatureTable* table_ = nullptr;
};

class RowCollector : public osg::NodeVisitor {
public:
    explicit RowCollector(std::vector<const Attributes*>& rows) : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), rows_(rows) {}
    void apply(osg::Node& n) override {
        if (auto* t = dynamic_cast<const TileFeatureTable*>(n.getUserData()))
            for (const Attributes& r : t->rows) rows_.push_back(&r);
        traverse(n);
    }

private:
    std::vector<const Attributes*>& rows_;
};

}  // namespace

void styleTileContent(osg::Node& node, const FeatureStyle& style) {
    Styler s(style);
    node.accept(s);
}

void collectFeatureRows(osg::Node& node, std::vector<const Attributes*>& rows) {
    RowCollector c(rows);
    node.accept(c);
}

std::size_t nodeBytes(osg::Node& node) {
    ByteCounter c;
    node.accept(c);
    return c.bytes;
}

TileContentNode buildTileContent(const std::string& bytes, const std::string& name, const std::string& baseDir,
                                 const Mat4* contentToEcef) {
    TileContentNode out;
    TileContentParts parts = splitTileContent(bytes, name);
    Builder b(baseDir, out, contentToEcef);
    out.node = b.build(parts, name);
    if (out.node) {
        markTexturedStateSets(*out.node);
        out.triangles += countTriangles(*out.node);
        out.bytes = nodeBytes(*out.node);
        ColourCheck c;
        out.node->accept(c);
        out.vertexColoured = c.any && c.all && parts.kind != "pnts";
    }
    return out;
}

}  // namespace jbt
