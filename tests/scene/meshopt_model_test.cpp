// glTF packed by an encoder not ours (gltfpack: EXT_meshopt_compression with the octahedral
// filter, KHR_mesh_quantization, KHR_texture_transform) loads as the plain sample does: the
// same triangles, the same extent, the same texture coordinates, within the quantisation's step.
#include <gtest/gtest.h>

#include <osg/ComputeBoundsVisitor>
#include <osg/Geometry>
#include <osg/NodeVisitor>

#include <filesystem>

#include "scene/model_loader.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

// The texture coordinates' range over every geometry, and whether any geometry is textured.
struct UvRange : osg::NodeVisitor {
    UvRange() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Geometry& g) override {
        if (auto* uv = dynamic_cast<osg::Vec2Array*>(g.getTexCoordArray(0)))
            for (const osg::Vec2& t : *uv) lo.x() = std::min(lo.x(), t.x()), lo.y() = std::min(lo.y(), t.y()), hi.x() = std::max(hi.x(), t.x()), hi.y() = std::max(hi.y(), t.y());
        if (g.getStateSet() && g.getStateSet()->getTextureAttribute(0, osg::StateAttribute::TEXTURE)) textured = true;
    }
    osg::Vec2 lo{1e9f, 1e9f}, hi{-1e9f, -1e9f};
    bool textured = false;
};

class PackedByGltfpack : public ::testing::TestWithParam<const char*> {};

TEST_P(PackedByGltfpack, LoadsAsThePlainSample) {
    std::string sample = test::sharedData(std::string("reference/3d/gltf/") + GetParam());
    std::string packed = (test::scratchDir() / (std::string("packed") + (std::string(GetParam()).find(".gltf") != std::string::npos ? ".gltf" : ".glb"))).string();
    test::CommandResult r = test::run("gltfpack -cc -i '" + sample + "' -o '" + packed + "' 2>&1");
    ASSERT_EQ(r.exitCode, 0) << r.out << "(scripts/install_deps.sh installs gltfpack)";
    // gltfpack names an external texture as the source did: it is kept beside, as a user would.
    std::filesystem::path source(sample);
    if (source.extension() == ".gltf")
        std::filesystem::copy_file(source.parent_path() / "CesiumLogoFlat.png", std::filesystem::path(packed).parent_path() / "CesiumLogoFlat.png",
                                   std::filesystem::copy_options::overwrite_existing);
    LoadedModel plain = loadModel(sample), m = loadModel(packed);
    EXPECT_EQ(m.triangles, plain.triangles);
    EXPECT_TRUE(m.warnings.empty()) << m.warnings[0];
    osg::ComputeBoundsVisitor a, b;
    plain.node->accept(a);
    m.node->accept(b);
    float step = a.getBoundingBox().radius() / 4000;  // 14-bit positions
    for (int k = 0; k < 3; ++k) {
        EXPECT_NEAR(b.getBoundingBox()._min[k], a.getBoundingBox()._min[k], step) << k;
        EXPECT_NEAR(b.getBoundingBox()._max[k], a.getBoundingBox()._max[k], step) << k;
    }
    UvRange ua, ub;
    plain.node->accept(ua);
    m.node->accept(ub);
    EXPECT_EQ(ub.textured, ua.textured);
    for (int k = 0; k < 2; ++k) {
        EXPECT_NEAR(ub.lo[k], ua.lo[k], 2e-3) << k;
        EXPECT_NEAR(ub.hi[k], ua.hi[k], 2e-3) << k;
    }
}

INSTANTIATE_TEST_SUITE_P(Samples, PackedByGltfpack,
                         ::testing::Values("Duck_glb/Duck.glb", "BoxTextured_glb/BoxTextured.glb",
                                           "BoxTextured_gltf_external/BoxTextured.gltf"),
                         [](const auto& info) {
                             std::string name = info.param;
                             return name.substr(0, name.find('/'));
                         });

}  // namespace
}  // namespace jbt
