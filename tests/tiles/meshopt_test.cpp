// EXT_meshopt_compression: a packed tile decodes to the very triangles of the plain one (same
// positions, normals, colours and feature ids, whatever order the packing chose), its property
// table untouched; bad packed views are named with the reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "model/error.h"
#include "tests/test_support.h"
#include "tiles/feature_tables.h"
#include "tiles/glb_chunks.h"
#include "tiles/glb_writer.h"
#include "tiles/meshopt_glb.h"

namespace jbt {
namespace {

using nlohmann::json;

// `n` boxes of different sizes in a row, a face's four corners apart (as buildings are meshed).
TileMesh boxes(int n) {
    TileMesh m;
    for (int b = 0; b < n; ++b) {
        float x0 = float(b * 30), y0 = float((b * 7) % 50), w = 10.f + float(b % 5), h = 8.f + float(b % 13) * 3.f;
        float lo[3] = {x0, y0, 0}, hi[3] = {x0 + w, y0 + w * 0.7f, h};
        for (int axis = 0; axis < 3; ++axis)
            for (int side = 0; side < 2; ++side) {
                auto first = std::uint32_t(m.vertexCount());
                int u = (axis + 1) % 3, v = (axis + 2) % 3;
                for (int c = 0; c < 4; ++c) {
                    float p[3];
                    p[axis] = side ? hi[axis] : lo[axis];
                    p[u] = (c == 1 || c == 2) ? hi[u] : lo[u];
                    p[v] = c >= 2 ? hi[v] : lo[v];
                    m.positions.insert(m.positions.end(), p, p + 3);
                    float nrm[3] = {0, 0, 0};
                    nrm[axis] = side ? 1.f : -1.f;
                    m.normals.insert(m.normals.end(), nrm, nrm + 3);
                    m.colors.insert(m.colors.end(), {std::uint8_t(200 - b), 180, std::uint8_t(b * 3), 255});
                    m.featureIds.push_back(std::uint32_t(b));
                }
                m.indices.insert(m.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
            }
    }
    return m;
}

// Every triangle of a GLB's one primitive as its three vertices' bytes (position, normal,
// colour, feature id), each started at its smallest vertex so the winding is kept; sorted.
std::vector<std::string> triangles(const std::string& glb) {
    GlbChunks c = splitGlb(glb, "t.glb");
    const json& j = c.json;
    auto bytes = [&](int accessor, std::size_t i, std::size_t size) {
        const json& a = j["accessors"][accessor];
        const json& v = j["bufferViews"][a["bufferView"].get<int>()];
        EXPECT_EQ(v.value("buffer", 0), 0);
        std::size_t stride = v.value("byteStride", size);
        return c.binary.substr(v.value("byteOffset", std::size_t(0)) + i * stride, size);
    };
    const json& pr = j["meshes"][0]["primitives"][0];
    const json& at = pr["attributes"];
    std::vector<std::string> out;
    std::size_t count = j["accessors"][pr["indices"].get<int>()]["count"];
    for (std::size_t t = 0; t < count / 3; ++t) {
        std::array<std::string, 3> corner;
        for (int k = 0; k < 3; ++k) {
            std::uint32_t i;
            std::memcpy(&i, bytes(pr["indices"], 3 * t + k, 4).data(), 4);
            corner[k] = bytes(at["POSITION"], i, 12) + bytes(at["NORMAL"], i, 12) + bytes(at["COLOR_0"], i, 4) +
                        bytes(at["_FEATURE_ID_0"], i, 4);
        }
        auto first = std::min_element(corner.begin(), corner.end()) - corner.begin();
        out.push_back(corner[first] + corner[(first + 1) % 3] + corner[(first + 2) % 3]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

FeatureProperties properties(int n) {
    FeatureProperties p;
    p.count = std::size_t(n);
    PropertyColumn height{"height", true, {}, {}}, name{"name", false, {}, {}};
    for (int b = 0; b < n; ++b) height.numbers.push_back(8 + b % 13 * 3), name.texts.push_back("楼 " + std::to_string(b));
    p.columns = {height, name};
    return p;
}

std::string noBuffers(const std::string&) { throw Error("no external buffers here"); }

TEST(MeshoptGlb, PackedTileDecodesToTheSameTriangles) {
    TileMesh m = boxes(200);
    FeatureProperties p = properties(200);
    std::string plain = writeTileGlb(m, p), packed = writeTileGlb(m, p, GlbCompression::Meshopt);
    json pj = splitGlb(packed, "t.glb").json;
    EXPECT_EQ(pj["extensionsRequired"], json::array({"EXT_meshopt_compression"}));
    EXPECT_EQ(pj["buffers"].size(), 2u);
    EXPECT_TRUE(pj["buffers"][1]["extensions"]["EXT_meshopt_compression"]["fallback"].get<bool>());
    EXPECT_LT(packed.size(), plain.size() / 2) << packed.size() << " of " << plain.size();

    std::string decoded = decodeMeshoptViews(packed, "t.glb", noBuffers);
    json dj = splitGlb(decoded, "t.glb").json;
    EXPECT_FALSE(dj.contains("extensionsRequired"));
    EXPECT_EQ(dj["extensionsUsed"], json::array({"EXT_mesh_features", "EXT_structural_metadata"}));
    EXPECT_EQ(dj["buffers"], json::array({{{"byteLength", splitGlb(decoded, "t.glb").binary.size()}}}));
    std::vector<std::string> a = triangles(plain), b = triangles(decoded);
    EXPECT_EQ(a.size(), 200u * 12);
    EXPECT_TRUE(a == b);
    EXPECT_EQ(readPropertyTable(decoded), readPropertyTable(plain));
    EXPECT_EQ(dj["accessors"][0]["min"], splitGlb(plain, "t.glb").json["accessors"][0]["min"]);
    EXPECT_EQ(decodeMeshoptViews(plain, "t.glb", noBuffers), plain);  // nothing packed: as it was
}

TEST(MeshoptGlb, BadPackedViewsAreNamedWithTheReason) {
    std::string packed = writeTileGlb(boxes(20), properties(20), GlbCompression::Meshopt);
    auto with = [&](const std::function<void(json&)>& change) {
        GlbChunks c = splitGlb(packed, "t.glb");
        change(c.json["bufferViews"][0]["extensions"]["EXT_meshopt_compression"]);
        return test::errorOf([&] { decodeMeshoptViews(joinGlb(c.json, c.binary), "t.glb", noBuffers); });
    };
    EXPECT_EQ(with([](json& e) { e["byteLength"] = 20; }), "t.glb: buffer view 0: its packed bytes do not decode (corrupt or truncated)");
    EXPECT_EQ(with([](json& e) { e["byteOffset"] = 1 << 30; }), "t.glb: buffer view 0: its packed bytes lie outside their buffer");
    EXPECT_EQ(with([](json& e) { e["mode"] = "POINTS"; }), "t.glb: buffer view 0: unknown mode \"POINTS\"");
    EXPECT_EQ(with([](json& e) { e["filter"] = "OCTAHEDRAL"; }), "t.glb: buffer view 0: the octahedral filter needs 4 or 8 bytes an element");
    EXPECT_EQ(with([](json& e) { e["count"] = 1ull << 40; }), "t.glb: buffer view 0: an impossible size (1099511627776 × 12 bytes)");
    EXPECT_EQ(with([](json& e) { e["buffer"] = 1; }), "t.glb: buffer view 0: its packed bytes lie in buffer 1, which has no data");
    EXPECT_EQ(test::errorOf([&] { decodeMeshoptViews(packed.substr(0, 40), "t.glb", noBuffers); }),
              "t.glb: its JSON chunk is missing or runs past the end (truncated?)");
}

TEST(MeshoptGlb, EncodedIndicesAndSequencesDecode) {
    std::vector<std::uint16_t> tris = {0, 1, 2, 2, 1, 3, 3, 1, 4}, seq = {7, 3, 9, 1000, 2};
    for (auto [mode, data, name] : {std::make_tuple(MeshoptMode::Triangles, &tris, "TRIANGLES"), std::make_tuple(MeshoptMode::Indices, &seq, "INDICES")}) {
        std::string packed = meshoptEncode(data->data(), data->size(), 2, mode);
        json j = {{"asset", {{"version", "2.0"}}}, {"extensionsUsed", {"EXT_meshopt_compression"}},
                  {"buffers", {{{"byteLength", packed.size()}}, {{"byteLength", data->size() * 2}, {"extensions", {{"EXT_meshopt_compression", {{"fallback", true}}}}}}}},
                  {"bufferViews", {{{"buffer", 1}, {"byteLength", data->size() * 2},
                                   {"extensions", {{"EXT_meshopt_compression", {{"buffer", 0}, {"byteLength", packed.size()}, {"byteStride", 2}, {"count", data->size()}, {"mode", name}}}}}}}}};
        GlbChunks out = splitGlb(decodeMeshoptViews(joinGlb(j, packed), "i.glb", noBuffers), "i.glb");
        std::size_t at = out.json["bufferViews"][0]["byteOffset"];
        ASSERT_EQ(out.json["bufferViews"][0]["byteLength"], data->size() * 2);
        EXPECT_EQ(std::memcmp(out.binary.data() + at, data->data(), data->size() * 2), 0) << name;
        EXPECT_FALSE(out.json.contains("extensionsUsed"));
    }
}

}  // namespace
}  // namespace jbt
