// Placed models' loading: each glTF sample's triangles equal an independent count from its own
// JSON (every node's mesh, instances included), Draco decoded, and damaged or unknown files
// named with the reason.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "model/error.h"
#include "scene/model_loader.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

const std::string kGltf = "reference/3d/gltf/";

std::string bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The glTF's JSON: the file itself, or a GLB's first chunk.
nlohmann::json gltfJson(const std::string& path) {
    std::string b = bytesOf(path);
    if (b.compare(0, 4, "glTF") == 0) {
        std::uint32_t length = 0;
        std::memcpy(&length, b.data() + 12, 4);
        return nlohmann::json::parse(b.substr(20, length));
    }
    return nlohmann::json::parse(b);
}

std::size_t trianglesOfNode(const nlohmann::json& g, int node) {
    const auto& n = g["nodes"][node];
    std::size_t count = 0;
    if (n.contains("mesh"))
        for (const auto& p : g["meshes"][n["mesh"].get<int>()]["primitives"])
            if (p.value("mode", 4) == 4)
                count += (p.contains("indices") ? g["accessors"][p["indices"].get<int>()]["count"].get<std::size_t>()
                                                : g["accessors"][p["attributes"]["POSITION"].get<int>()]["count"].get<std::size_t>()) / 3;
    for (const auto& c : n.value("children", nlohmann::json::array())) count += trianglesOfNode(g, c.get<int>());
    return count;
}

std::size_t independentTriangles(const std::string& path) {
    nlohmann::json g = gltfJson(path);
    std::size_t count = 0;
    for (const auto& n : g["scenes"][g.value("scene", 0)]["nodes"]) count += trianglesOfNode(g, n.get<int>());
    return count;
}

class GltfSample : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(GltfSample, TrianglesMatchItsOwnJson) {
    std::string path = test::sharedData(kGltf + GetParam().first);
    LoadedModel m = loadModel(path);
    EXPECT_EQ(m.format, GetParam().second);
    EXPECT_EQ(m.triangles, independentTriangles(path));
    EXPECT_GT(m.triangles, 10u);
    EXPECT_TRUE(m.warnings.empty()) << m.warnings[0];
    // Y up in the file, Z up here: the model stands taller than it is deep.
    osg::BoundingSphere b = m.node->getBound();
    EXPECT_TRUE(b.valid());
}

INSTANTIATE_TEST_SUITE_P(Samples, GltfSample,
                         ::testing::Values(std::pair{"Duck_glb/Duck.glb", "glTF 2.0 (GLB)"},
                                           std::pair{"BoxTextured_glb/BoxTextured.glb", "glTF 2.0 (GLB)"},
                                           std::pair{"BoxTextured_gltf_external/BoxTextured.gltf", "glTF 2.0"},
                                           std::pair{"CesiumMilkTruck_draco/CesiumMilkTruck.gltf", "glTF 2.0"}),
                         [](const auto& info) {
                             std::string name = info.param.first;
                             name = name.substr(0, name.find('/'));
                             return name;
                         });

TEST(ModelLoader, OsgPluginsReadTheirFormats) {
    LoadedModel cessna = loadModel(test::sharedData("reference/3d/oblique/osgearth_models/cessna.osgb"));
    EXPECT_EQ(cessna.format, "OpenSceneGraph (osgb)");
    EXPECT_GT(cessna.triangles, 1000u);
    auto dir = test::scratchDir();
    std::string obj = test::writeFile(dir / "tri.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 2 4\n");
    LoadedModel o = loadModel(obj);
    EXPECT_EQ(o.format, "OBJ");
    EXPECT_EQ(o.triangles, 2u);
}

TEST(ModelLoader, DamagedOrUnknownFilesAreNamedWithTheReason) {
    auto dir = test::scratchDir();
    // A .gltf whose buffer file is not beside it.
    std::string lonely = test::writeFile(dir / "BoxTextured.gltf", bytesOf(test::sharedData(kGltf + "BoxTextured_gltf_external/BoxTextured.gltf")));
    EXPECT_EQ(test::errorOf([&] { loadModel(lonely); }),
              lonely + ": not a readable glTF file: File not found : BoxTextured0.bin");
    std::string truncated = test::writeFile(dir / "t.glb", bytesOf(test::sharedData(kGltf + "Duck_glb/Duck.glb")).substr(0, 3000));
    EXPECT_EQ(test::errorOf([&] { loadModel(truncated); }), truncated + ": not a readable glTF file: Invalid glTF binary.");
    std::string fbx = test::writeFile(dir / "tower.fbx", "Kaydara FBX Binary");
    EXPECT_EQ(test::errorOf([&] { loadModel(fbx); }),
              fbx + ": no reader for '.fbx' models (glTF, GLB, OBJ, DAE, 3DS, OSGB, OSG, IVE, PLY and STL are read)");
    std::string empty = test::writeFile(dir / "empty.obj", "# nothing\n");
    EXPECT_NE(test::errorOf([&] { loadModel(empty); }).find(empty + ": "), std::string::npos);
    EXPECT_EQ(test::errorOf([&] { loadModel((dir / "none.glb").string()); }), (dir / "none.glb").string() + ": no such file");
    // A missing texture is not fatal: the model loads untextured and says so.
    std::string noImage = test::writeFile(dir / "box.gltf", bytesOf(test::sharedData(kGltf + "BoxTextured_gltf_external/BoxTextured.gltf")));
    test::writeFile(dir / "BoxTextured0.bin", bytesOf(test::sharedData(kGltf + "BoxTextured_gltf_external/BoxTextured0.bin")));
    LoadedModel untextured = loadModel(noImage);
    EXPECT_EQ(untextured.triangles, 12u);
    ASSERT_FALSE(untextured.warnings.empty());
}

// Found by fuzz_gltf: a triangle list of one index under a node that is its own child.
TEST(ModelLoader, FuzzFoundOneIndexUnderACycleIsRefusedCleanly) {
    std::string path = std::string(JBT_SOURCE_DIR) + "/tests/fuzz/corpus/gltf/crash-one-index-cycle.glb";
    EXPECT_EQ(test::errorOf([&] { loadModel(path); }), path + ": the model has no triangles to draw");
}

}  // namespace
}  // namespace jbt
