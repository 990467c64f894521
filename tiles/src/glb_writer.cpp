#include "tiles/glb_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>
#include <set>

#include <meshoptimizer.h>

#include "tiles/glb_chunks.h"
#include "tiles/meshopt_glb.h"

namespace jbt {
namespace {

using nlohmann::json;

constexpr int kFloat = 5126, kUnsignedByte = 5121, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

// The binary chunk, each view starting on 8 bytes (what EXT_structural_metadata requires of
// property tables; it keeps every vertex attribute aligned too). Packed views
// (EXT_meshopt_compression) keep their packed bytes here and their place in buffer 1, the
// fallback buffer that holds nothing, which a reader without the extension cannot fill.
class BinaryBuilder {
public:
    explicit BinaryBuilder(std::size_t expected) { bin_.reserve(expected); }
    int addView(const void* data, std::size_t bytes, int target, json& views) {
        json v = {{"buffer", 0}, {"byteOffset", append(data, bytes)}, {"byteLength", bytes}};
        if (target) v["target"] = target;
        views.push_back(v);
        return int(views.size()) - 1;
    }
    int addPackedView(const void* data, std::size_t count, std::size_t stride, int target, json& views) {
        bool indices = target == kElementArrayBuffer;
        std::string packed = meshoptEncode(data, count, stride, indices ? MeshoptMode::Triangles : MeshoptMode::Attributes);
        json ext = {{"buffer", 0}, {"byteOffset", append(packed.data(), packed.size())}, {"byteLength", packed.size()},
                    {"byteStride", stride}, {"count", count}, {"mode", indices ? "TRIANGLES" : "ATTRIBUTES"}};
        while (fallback_ % 8) ++fallback_;
        json v = {{"buffer", 1}, {"byteOffset", fallback_}, {"byteLength", count * stride}, {"target", target}};
        if (!indices) v["byteStride"] = stride;
        v["extensions"]["EXT_meshopt_compression"] = ext;
        fallback_ += count * stride;
        views.push_back(v);
        return int(views.size()) - 1;
    }
    std::vector<unsigned char>& bytes() { return bin_; }
    std::size_t fallbackBytes() const { return fallback_; }

private:
    std::size_t append(const void* data, std::size_t bytes) {
        while (bin_.size() % 8) bin_.push_back(0);
        std::size_t at = bin_.size();
        const auto* p = static_cast<const unsigned char*>(data);
        bin_.insert(bin_.end(), p, p + bytes);
        return at;
    }
    std::vector<unsigned char> bin_;
    std::size_t fallback_ = 0;
};

// Packing works best on vertices in the order the triangles first use them, and on triangles in
// the order a vertex cache meets them: both orders made here (the mesh is the same mesh).
void orderForPacking(std::vector<float>& pos, std::vector<float>& nor, std::vector<std::uint8_t>& colors,
                     std::vector<float>& ids, std::vector<std::uint32_t>& indices) {
    std::size_t n = ids.size();
    meshopt_optimizeVertexCache(indices.data(), indices.data(), indices.size(), n);
    std::vector<unsigned int> remap(n);
    std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), indices.data(), indices.size(), n);
    meshopt_remapVertexBuffer(pos.data(), pos.data(), n, 12, remap.data());
    meshopt_remapVertexBuffer(nor.data(), nor.data(), n, 12, remap.data());
    meshopt_remapVertexBuffer(colors.data(), colors.data(), n, 4, remap.data());
    meshopt_remapVertexBuffer(ids.data(), ids.data(), n, 4, remap.data());
    meshopt_remapIndexBuffer(indices.data(), indices.data(), indices.size(), remap.data());
    pos.resize(3 * used), nor.resize(3 * used), colors.resize(4 * used), ids.resize(used);
}

}  // namespace

std::string propertyIdentifier(const std::string& name) {
    std::string id;
    for (char c : name) id += (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 128) || c == '_' ? c : '_';
    if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "_" + id;
    return id;
}

std::string writeTileGlb(const TileMesh& mesh, const FeatureProperties& properties, GlbCompression compression) {
    json gltf;
    gltf["asset"] = {{"version", "2.0"}, {"generator", "Jiangbei Twin bake"}};
    json views = json::array(), accessors = json::array();
    std::size_t n = mesh.vertexCount();
    // Vertex attributes and indices, and room for the property table: grown once, not doubled.
    BinaryBuilder bin(32 * n + 4 * mesh.indices.size() + 64 * properties.count * (properties.columns.size() + 1) + 1024);

    // Z up to Y up: (x, y, z) → (x, z, −y).
    std::vector<float> pos(3 * n), nor(3 * n), ids(n);
    for (std::size_t i = 0; i < n; ++i) {
        pos[3 * i] = mesh.positions[3 * i], pos[3 * i + 1] = mesh.positions[3 * i + 2], pos[3 * i + 2] = -mesh.positions[3 * i + 1];
        nor[3 * i] = mesh.normals[3 * i], nor[3 * i + 1] = mesh.normals[3 * i + 2], nor[3 * i + 2] = -mesh.normals[3 * i + 1];
        ids[i] = float(mesh.featureIds[i]);
    }
    bool packed = compression == GlbCompression::Meshopt && !mesh.indices.empty();
    std::vector<std::uint8_t> colors;
    std::vector<std::uint32_t> indices;
    if (packed) {
        colors = mesh.colors, indices = mesh.indices;
        orderForPacking(pos, nor, colors, ids, indices);
        n = ids.size();
    }
    float lo[3] = {std::numeric_limits<float>::max(), std::numeric_limits<float>::max(), std::numeric_limits<float>::max()};
    float hi[3] = {std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
    for (std::size_t i = 0; i < 3 * n; ++i) lo[i % 3] = std::min(lo[i % 3], pos[i]), hi[i % 3] = std::max(hi[i % 3], pos[i]);
    const std::vector<std::uint8_t>& rgba = packed ? colors : mesh.colors;
    const std::vector<std::uint32_t>& tris = packed ? indices : mesh.indices;
    auto vertexView = [&](const void* data, std::size_t stride, std::size_t count, int target) {
        return packed ? bin.addPackedView(data, count, stride, target, views) : bin.addView(data, count * stride, target, views);
    };
    auto accessor = [&](int view, int componentType, std::size_t count, const char* type, bool normalized = false) {
        json a = {{"bufferView", view}, {"componentType", componentType}, {"count", count}, {"type", type}};
        if (normalized) a["normalized"] = true;
        accessors.push_back(a);
        return int(accessors.size()) - 1;
    };
    int position = accessor(vertexView(pos.data(), 12, n, kArrayBuffer), kFloat, n, "VEC3");
    accessors[position]["min"] = {lo[0], lo[1], lo[2]};
    accessors[position]["max"] = {hi[0], hi[1], hi[2]};
    int normal = accessor(vertexView(nor.data(), 12, n, kArrayBuffer), kFloat, n, "VEC3");
    int color = accessor(vertexView(rgba.data(), 4, n, kArrayBuffer), kUnsignedByte, n, "VEC4", true);
    int featureId = accessor(vertexView(ids.data(), 4, n, kArrayBuffer), kFloat, n, "SCALAR");
    int index = accessor(vertexView(tris.data(), 4, tris.size(), kElementArrayBuffer), kUnsignedInt, tris.size(), "SCALAR");

    json primitive = {{"attributes", {{"POSITION", position}, {"NORMAL", normal}, {"COLOR_0", color}, {"_FEATURE_ID_0", featureId}}},
                      {"indices", index},
                      {"material", 0},
                      {"mode", 4}};
    primitive["extensions"]["EXT_mesh_features"]["featureIds"] =
        json::array({{{"featureCount", properties.count}, {"attribute", 0}, {"propertyTable", 0}}});
    gltf["meshes"] = json::array({{{"primitives", json::array({primitive})}}});
    gltf["materials"] = json::array(
        {{{"pbrMetallicRoughness", {{"baseColorFactor", {1, 1, 1, 1}}, {"metallicFactor", 0}, {"roughnessFactor", 1}}}}});
    gltf["nodes"] = json::array({{{"mesh", 0}}});
    gltf["scenes"] = json::array({{{"nodes", {0}}}});
    gltf["scene"] = 0;

    // The schema and the table: one class, a property per column.
    json classProperties = json::object(), tableProperties = json::object();
    std::set<std::string> used;
    for (const PropertyColumn& c : properties.columns) {
        std::string id = propertyIdentifier(c.name);
        for (int k = 2; used.count(id); ++k) id = propertyIdentifier(c.name) + "_" + std::to_string(k);
        used.insert(id);
        json def = {{"name", c.name}};
        if (c.numeric) {
            def["type"] = "SCALAR";
            def["componentType"] = "FLOAT64";
            std::vector<double> values(c.numbers);
            values.resize(properties.count, 0.0);
            tableProperties[id] = {{"values", bin.addView(values.data(), values.size() * 8, 0, views)}};
        } else {
            def["type"] = "STRING";
            std::string chars;
            std::vector<std::uint32_t> offsets{0};
            for (std::size_t i = 0; i < properties.count; ++i) {
                if (i < c.texts.size()) chars += c.texts[i];
                offsets.push_back(std::uint32_t(chars.size()));
            }
            int values = bin.addView(chars.data(), chars.size(), 0, views);
            int offs = bin.addView(offsets.data(), offsets.size() * 4, 0, views);
            tableProperties[id] = {{"values", values}, {"stringOffsets", offs}, {"stringOffsetType", "UINT32"}};
        }
        classProperties[id] = def;
    }
    gltf["extensions"]["EXT_structural_metadata"] = {
        {"schema", {{"id", "jiangbei_twin"}, {"classes", {{"building", {{"name", "Building"}, {"properties", classProperties}}}}}}},
        {"propertyTables",
         json::array({{{"class", "building"}, {"count", properties.count}, {"properties", tableProperties}}})}};
    gltf["extensionsUsed"] = {"EXT_mesh_features", "EXT_structural_metadata"};

    std::vector<unsigned char>& data = bin.bytes();
    while (data.size() % 4) data.push_back(0);
    gltf["buffers"] = json::array({{{"byteLength", data.size()}}});
    if (packed) {
        gltf["buffers"].push_back({{"byteLength", bin.fallbackBytes()}, {"extensions", {{"EXT_meshopt_compression", {{"fallback", true}}}}}});
        gltf["extensionsUsed"].push_back("EXT_meshopt_compression");
        gltf["extensionsRequired"] = {"EXT_meshopt_compression"};
    }
    gltf["bufferViews"] = views;
    gltf["accessors"] = accessors;

    return joinGlb(gltf, data.data(), data.size());
}

}  // namespace jbt
