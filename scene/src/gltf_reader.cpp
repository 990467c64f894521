// glTF 2.0 → OSG: the default scene's node tree with its transforms, each primitive one
// Geometry (positions, normals, first texture coordinates, vertex colours, indices), base colour
// and base-colour texture as material and texture; Y up turned to Z up at the root.
#define TINYGLTF_IMPLEMENTATION
#define TINYGLTF_ENABLE_DRACO
#define TINYGLTF_NO_STB_IMAGE_WRITE
#include <tiny_gltf.h>

#include <osg/Geometry>
#include <osg/Material>
#include <osg/MatrixTransform>
#include <osg/Texture2D>
#include <osgUtil/SmoothingVisitor>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "model/error.h"
#include "scene/building_mesh.h"
#include "scene/model_loader.h"
#include "tiles/meshopt_glb.h"
#include "tiles/tile_fetch.h"

namespace jbt {
namespace {

// Where an accessor's elements lie in its buffer, checked to be inside it; nullopt when the
// accessor, its view or its buffer is missing or too short.
struct AccessorBytes {
    const tinygltf::Accessor* accessor = nullptr;
    const unsigned char* first = nullptr;
    std::size_t stride = 0;
    int componentBytes = 0;
};

std::optional<AccessorBytes> locate(const tinygltf::Model& m, int index) {
    if (index < 0 || index >= int(m.accessors.size())) return std::nullopt;
    const tinygltf::Accessor& a = m.accessors[index];
    if (a.bufferView < 0 || a.bufferView >= int(m.bufferViews.size())) return std::nullopt;
    const tinygltf::BufferView& v = m.bufferViews[a.bufferView];
    if (v.buffer < 0 || v.buffer >= int(m.buffers.size())) return std::nullopt;
    const std::vector<unsigned char>& data = m.buffers[v.buffer].data;
    int size = tinygltf::GetComponentSizeInBytes(a.componentType);
    int comps = tinygltf::GetNumComponentsInType(a.type);
    if (size <= 0 || comps <= 0) return std::nullopt;
    std::size_t element = std::size_t(size * comps);
    std::size_t stride = v.byteStride ? v.byteStride : element;
    std::size_t start = v.byteOffset + a.byteOffset;
    if (a.count > 0 && start + (a.count - 1) * stride + element > data.size()) return std::nullopt;
    return AccessorBytes{&a, data.data() + start, stride, size};
}

// An accessor's elements as floats, `comps` per element: normalised integers scaled to 0…1
// (signed: −1…1), other integers as they are (KHR_mesh_quantization's positions).
// `normalised`: read integers as normalised whatever the accessor says (colours are, always).
bool readFloats(const tinygltf::Model& m, int index, int comps, std::vector<float>& out, bool normalised = false) {
    std::optional<AccessorBytes> at = locate(m, index);
    if (!at || tinygltf::GetNumComponentsInType(at->accessor->type) < comps) return false;
    const tinygltf::Accessor& a = *at->accessor;
    bool norm = a.normalized || normalised;
    out.resize(a.count * comps);
    for (std::size_t i = 0; i < a.count; ++i)
        for (int c = 0; c < comps; ++c) {
            const unsigned char* p = at->first + i * at->stride + std::size_t(c * at->componentBytes);
            float f = 0;
            switch (a.componentType) {
                case TINYGLTF_COMPONENT_TYPE_FLOAT: std::memcpy(&f, p, 4); break;
                case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: f = norm ? *p / 255.f : *p; break;
                case TINYGLTF_COMPONENT_TYPE_BYTE: {
                    auto b = static_cast<std::int8_t>(*p);
                    f = norm ? std::max(b / 127.f, -1.f) : b;
                    break;
                }
                case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
                    std::uint16_t s;
                    std::memcpy(&s, p, 2);
                    f = norm ? s / 65535.f : s;
                    break;
                }
                case TINYGLTF_COMPONENT_TYPE_SHORT: {
                    std::int16_t s;
                    std::memcpy(&s, p, 2);
                    f = norm ? std::max(s / 32767.f, -1.f) : s;
                    break;
                }
                default: return false;
            }
            out[i * comps + c] = f;
        }
    return true;
}

bool readIndices(const tinygltf::Model& m, int index, std::vector<std::uint32_t>& out) {
    std::optional<AccessorBytes> at = locate(m, index);
    if (!at || (at->componentBytes != 1 && at->componentBytes != 2 && at->componentBytes != 4)) return false;
    out.resize(at->accessor->count);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const unsigned char* p = at->first + i * at->stride;
        std::uint32_t x = 0;
        if (at->componentBytes == 1) x = *p;
        else if (at->componentBytes == 2) { std::uint16_t s; std::memcpy(&s, p, 2); x = s; }
        else std::memcpy(&x, p, 4);
        out[i] = x;
    }
    return true;
}

class Converter {
public:
    Converter(const tinygltf::Model& m, std::string path, LoadedModel& out) : m_(m), path_(std::move(path)), out_(out) {}

    osg::ref_ptr<osg::Node> convertScene() {
        osg::ref_ptr<osg::MatrixTransform> root = new osg::MatrixTransform(osg::Matrixd::rotate(osg::PI_2, osg::X_AXIS));
        int scene = m_.defaultScene >= 0 && m_.defaultScene < int(m_.scenes.size()) ? m_.defaultScene : 0;
        if (scene < int(m_.scenes.size())) {
            for (int n : m_.scenes[scene].nodes) addNode(*root, n, 0);
        } else {
            for (std::size_t i = 0; i < m_.meshes.size(); ++i) root->addChild(mesh(int(i)));  // a file without scenes
        }
        return root;
    }

private:
    void addNode(osg::Group& parent, int index, int depth) {
        if (index < 0 || index >= int(m_.nodes.size()) || depth > 64) return;  // a cycle ends here
        const tinygltf::Node& n = m_.nodes[index];
        osg::ref_ptr<osg::MatrixTransform> t = new osg::MatrixTransform;
        if (n.matrix.size() == 16) {
            t->setMatrix(osg::Matrixd(n.matrix.data()));
        } else {
            osg::Matrixd m;
            if (n.scale.size() == 3) m.postMultScale(osg::Vec3d(n.scale[0], n.scale[1], n.scale[2]));
            if (n.rotation.size() == 4) m.postMultRotate(osg::Quat(n.rotation[0], n.rotation[1], n.rotation[2], n.rotation[3]));
            if (n.translation.size() == 3) m.postMultTranslate(osg::Vec3d(n.translation[0], n.translation[1], n.translation[2]));
            t->setMatrix(m);
        }
        t->setName(n.name);
        if (n.mesh >= 0) t->addChild(mesh(n.mesh));
        for (int c : n.children) addNode(*t, c, depth + 1);
        parent.addChild(t);
    }

    osg::ref_ptr<osg::Node> mesh(int index) {
        auto found = meshes_.find(index);
        if (found != meshes_.end()) return found->second;  // instanced: drawn again, built once
        osg::ref_ptr<osg::Group> g = new osg::Group;
        if (index >= 0 && index < int(m_.meshes.size())) {
            const tinygltf::Mesh& mesh = m_.meshes[index];
            g->setName(mesh.name);
            for (std::size_t p = 0; p < mesh.primitives.size(); ++p)
                if (osg::ref_ptr<osg::Geometry> geom = primitive(mesh.primitives[p], mesh.name, p)) g->addChild(geom);
        }
        meshes_[index] = g;
        return g;
    }

    osg::ref_ptr<osg::Geometry> primitive(const tinygltf::Primitive& pr, const std::string& meshName, std::size_t n) {
        auto attr = [&](const char* name) {
            auto it = pr.attributes.find(name);
            return it == pr.attributes.end() ? -1 : it->second;
        };
        std::vector<float> pos, nor, uv, col;
        if (!readFloats(m_, attr("POSITION"), 3, pos) || pos.empty()) {
            warn("mesh '" + meshName + "' primitive " + std::to_string(n) + ": no readable positions; left out");
            return nullptr;
        }
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        auto* v = new osg::Vec3Array(pos.size() / 3);
        for (std::size_t i = 0; i < v->size(); ++i) (*v)[i].set(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
        g->setVertexArray(v);
        featureIds(pr, *g, v->size());
        if (readFloats(m_, attr("NORMAL"), 3, nor) && nor.size() == pos.size()) {
            auto* a = new osg::Vec3Array(nor.size() / 3);
            for (std::size_t i = 0; i < a->size(); ++i) (*a)[i].set(nor[3 * i], nor[3 * i + 1], nor[3 * i + 2]);
            g->setNormalArray(a, osg::Array::BIND_PER_VERTEX);
        }
        if (readFloats(m_, attr("TEXCOORD_0"), 2, uv) && uv.size() / 2 == pos.size() / 3) {
            textureTransform(pr.material, uv);
            auto* a = new osg::Vec2Array(uv.size() / 2);
            for (std::size_t i = 0; i < a->size(); ++i) (*a)[i].set(uv[2 * i], uv[2 * i + 1]);
            g->setTexCoordArray(0, a, osg::Array::BIND_PER_VERTEX);
        }
        int comps = attr("COLOR_0") >= 0 ? tinygltf::GetNumComponentsInType(m_.accessors[attr("COLOR_0")].type) : 0;
        if ((comps == 3 || comps == 4) && readFloats(m_, attr("COLOR_0"), comps, col, true) && col.size() / comps == pos.size() / 3) {
            auto* a = new osg::Vec4Array(col.size() / comps);
            for (std::size_t i = 0; i < a->size(); ++i)
                (*a)[i] = osg::Vec4(col[i * comps], col[i * comps + 1], col[i * comps + 2], comps == 4 ? col[i * comps + 3] : 1.f);
            g->setColorArray(a, osg::Array::BIND_PER_VERTEX);
            g->getOrCreateStateSet()->addUniform(new osg::Uniform("u_vertexColor", 1.0f));
        }
        GLenum mode = pr.mode == TINYGLTF_MODE_TRIANGLE_STRIP ? GL_TRIANGLE_STRIP
                      : pr.mode == TINYGLTF_MODE_TRIANGLE_FAN ? GL_TRIANGLE_FAN
                      : pr.mode == TINYGLTF_MODE_POINTS       ? GL_POINTS
                      : pr.mode == TINYGLTF_MODE_LINE         ? GL_LINES
                      : pr.mode == TINYGLTF_MODE_LINE_STRIP   ? GL_LINE_STRIP
                                                              : GL_TRIANGLES;
        std::vector<std::uint32_t> idx;
        if (pr.indices >= 0) {
            if (!readIndices(m_, pr.indices, idx)) {
                warn("mesh '" + meshName + "' primitive " + std::to_string(n) + ": indices unreadable; left out");
                return nullptr;
            }
            for (std::uint32_t i : idx)
                if (i >= v->size()) {
                    warn("mesh '" + meshName + "' primitive " + std::to_string(n) + ": index " + std::to_string(i) +
                         " past its " + std::to_string(v->size()) + " vertices; left out");
                    return nullptr;
                }
            if (mode == GL_TRIANGLES) idx.resize(idx.size() / 3 * 3);  // a partial last triangle draws nothing
            g->addPrimitiveSet(new osg::DrawElementsUInt(mode, idx.begin(), idx.end()));
        } else {
            g->addPrimitiveSet(new osg::DrawArrays(mode, 0, GLsizei(mode == GL_TRIANGLES ? v->size() / 3 * 3 : v->size())));
        }
        bool triangles = mode == GL_TRIANGLES || mode == GL_TRIANGLE_STRIP || mode == GL_TRIANGLE_FAN;
        if (triangles && (pr.indices >= 0 ? idx.size() : v->size()) < 3) {
            warn("mesh '" + meshName + "' primitive " + std::to_string(n) + ": fewer than three vertices; left out");
            return nullptr;
        }
        if (!g->getNormalArray() && triangles) osgUtil::SmoothingVisitor::smooth(*g);
        material(pr.material, *g);
        return g;
    }

    // KHR_texture_transform on the base colour texture (quantised coordinates come with one):
    // applied to the coordinates, offset · rotation · scale.
    void textureTransform(int material, std::vector<float>& uv) {
        if (material < 0 || material >= int(m_.materials.size())) return;
        const tinygltf::ExtensionMap& ext = m_.materials[material].pbrMetallicRoughness.baseColorTexture.extensions;
        auto found = ext.find("KHR_texture_transform");
        if (found == ext.end() || !found->second.IsObject()) return;
        const tinygltf::Value& t = found->second;
        auto pair = [&](const char* key, double a, double b) {
            const tinygltf::Value& v = t.Get(key);
            if (v.IsArray() && v.ArrayLen() == 2 && v.Get(0).IsNumber() && v.Get(1).IsNumber())
                return std::make_pair(v.Get(0).GetNumberAsDouble(), v.Get(1).GetNumberAsDouble());
            return std::make_pair(a, b);
        };
        auto [ox, oy] = pair("offset", 0, 0);
        auto [sx, sy] = pair("scale", 1, 1);
        double r = t.Get("rotation").IsNumber() ? t.Get("rotation").GetNumberAsDouble() : 0;
        double c = std::cos(r), s = std::sin(r);
        for (std::size_t i = 0; i + 1 < uv.size(); i += 2) {
            double u = uv[i] * sx, v = uv[i + 1] * sy;
            uv[i] = float(c * u + s * v + ox), uv[i + 1] = float(-s * u + c * v + oy);
        }
    }

    // 3D Tiles feature ids (1.1's _FEATURE_ID_0, 1.0's _BATCHID) in the slot picking reads.
    void featureIds(const tinygltf::Primitive& pr, osg::Geometry& g, std::size_t vertices) {
        for (const char* name : {"_FEATURE_ID_0", "_BATCHID", "BATCHID"}) {
            auto it = pr.attributes.find(name);
            if (it == pr.attributes.end()) continue;
            std::optional<AccessorBytes> at = locate(m_, it->second);
            if (!at || at->accessor->count != vertices) return;
            osg::ref_ptr<osg::FloatArray> ids = new osg::FloatArray(vertices);
            for (std::size_t i = 0; i < vertices; ++i) {
                const unsigned char* p = at->first + i * at->stride;
                float f = 0;
                if (at->accessor->componentType == TINYGLTF_COMPONENT_TYPE_FLOAT) std::memcpy(&f, p, 4);
                else if (at->componentBytes == 1) f = *p;
                else if (at->componentBytes == 2) { std::uint16_t u; std::memcpy(&u, p, 2); f = u; }
                else { std::uint32_t u; std::memcpy(&u, p, 4); f = float(u); }
                (*ids)[i] = f;
            }
            g.setVertexAttribArray(kFeatureIdAttribute, ids, osg::Array::BIND_PER_VERTEX);
            g.getOrCreateStateSet()->addUniform(new osg::Uniform("u_featureIds", 1.0f));  // the model program tints the picked one
            return;
        }
    }

    void material(int index, osg::Geometry& g) {
        if (index < 0 || index >= int(m_.materials.size())) return;
        const tinygltf::Material& mat = m_.materials[index];
        const auto& f = mat.pbrMetallicRoughness.baseColorFactor;
        osg::StateSet* ss = g.getOrCreateStateSet();
        osg::ref_ptr<osg::Material> m = new osg::Material;
        if (f.size() == 4) m->setDiffuse(osg::Material::FRONT_AND_BACK, osg::Vec4(float(f[0]), float(f[1]), float(f[2]), float(f[3])));
        ss->setAttribute(m);
        if (mat.alphaMode == "BLEND") {
            ss->setMode(GL_BLEND, osg::StateAttribute::ON);
            ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
        }
        int tex = mat.pbrMetallicRoughness.baseColorTexture.index;
        if (tex >= 0 && tex < int(m_.textures.size()) && g.getTexCoordArray(0))
            if (osg::ref_ptr<osg::Texture2D> t = texture(m_.textures[tex]))
                ss->setTextureAttributeAndModes(0, t, osg::StateAttribute::ON);
    }

    osg::ref_ptr<osg::Texture2D> texture(const tinygltf::Texture& t) {
        if (t.source < 0 || t.source >= int(m_.images.size())) return nullptr;
        auto found = textures_.find(t.source);
        if (found != textures_.end()) return found->second;
        const tinygltf::Image& im = m_.images[t.source];
        osg::ref_ptr<osg::Texture2D> tex;
        if (im.width > 0 && im.height > 0 && im.bits == 8 && (im.component == 3 || im.component == 4) &&
            im.image.size() >= std::size_t(im.width) * im.height * im.component) {
            osg::ref_ptr<osg::Image> img = new osg::Image;
            auto* bytes = new unsigned char[im.image.size()];
            std::memcpy(bytes, im.image.data(), im.image.size());
            GLenum format = im.component == 4 ? GL_RGBA : GL_RGB;
            img->setImage(im.width, im.height, 1, GLint(format), format, GL_UNSIGNED_BYTE, bytes, osg::Image::USE_NEW_DELETE);
            // As stored: glTF's v = 0 is the image's first row, which is OpenGL's t = 0 row.
            tex = new osg::Texture2D(img);
            tex->setWrap(osg::Texture::WRAP_S, osg::Texture::REPEAT);
            tex->setWrap(osg::Texture::WRAP_T, osg::Texture::REPEAT);
            tex->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
            tex->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
        } else {
            warn("image " + std::to_string(t.source) + " ('" + im.uri + "') could not be decoded; drawn untextured");
        }
        textures_[t.source] = tex;
        return tex;
    }

    void warn(const std::string& w) { out_.warnings.push_back(path_ + ": " + w); }

    const tinygltf::Model& m_;
    std::string path_;
    LoadedModel& out_;
    std::map<int, osg::ref_ptr<osg::Group>> meshes_;
    std::map<int, osg::ref_ptr<osg::Texture2D>> textures_;
};

}  // namespace

namespace {

std::string oneLine(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    for (char& c : s)
        if (c == '\n') c = ';';
    return s;
}

LoadedModel convert(tinygltf::Model& model, const std::string& name, const std::string& warn, bool binary) {
    LoadedModel out;
    out.format = binary ? "glTF 2.0 (GLB)" : "glTF 2.0";
    if (!warn.empty()) out.warnings.push_back(name + ": " + oneLine(warn));
    Converter c(model, name, out);
    out.node = c.convertScene();
    out.triangles = countTriangles(*out.node);
    return out;
}

// Bytes as tinygltf reads them: EXT_meshopt_compression's views decoded first (it does not
// know the extension), then a GLB (by its magic, or `binary` as the caller knows it) or JSON.
// `what` begins the message when tinygltf cannot read them.
LoadedModel parseGltf(const std::string& packed, const std::string& name, const std::string& baseDir, bool binary,
                      const char* what) {
    std::string bytes = packed.find("EXT_meshopt_compression") == std::string::npos
                            ? packed
                            : decodeMeshoptViews(packed, name, [&](const std::string& uri) { return TileFetcher().fetch(resolveUri(baseDir, uri)); });
    binary = binary || (bytes.size() >= 4 && bytes.compare(0, 4, "glTF") == 0);
    tinygltf::Model model;
    tinygltf::TinyGLTF loader;
    std::string err, warn;
    bool ok = binary ? loader.LoadBinaryFromMemory(&model, &err, &warn, reinterpret_cast<const unsigned char*>(bytes.data()),
                                                   unsigned(bytes.size()), baseDir)
                     : loader.LoadASCIIFromString(&model, &err, &warn, bytes.data(), unsigned(bytes.size()), baseDir);
    if (!ok) throw Error(name + ": " + what + ": " + (err.empty() ? "unknown reason" : oneLine(err)));
    return convert(model, name, warn, binary);
}

}  // namespace

LoadedModel loadGltf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw Error(path + ": not a readable glTF file: cannot be read");
    bool glb = path.size() >= 4 && (path.compare(path.size() - 4, 4, ".glb") == 0 || path.compare(path.size() - 4, 4, ".GLB") == 0);
    LoadedModel out = parseGltf(bytes.str(), path, parentOf(path), glb, "not a readable glTF file");
    if (out.triangles == 0) throw Error(path + ": the model has no triangles to draw");
    return out;
}

LoadedModel gltfFromMemory(const std::string& bytes, const std::string& name, const std::string& baseDir) {
    return parseGltf(bytes, name, baseDir, false, "not a readable glTF");
}

}  // namespace jbt
