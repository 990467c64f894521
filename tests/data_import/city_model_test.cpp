// CityGML (1.0, 2.0, 3.0) and CityJSON (1.1, 2.0) samples read in place from ../shared: building
// counts against an independent count of Building objects in the file, a known vertex where
// cs2cs puts it, semantic surfaces kept, and bad files named with the reason.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data_import/city_model.h"
#include "model/error.h"
#include "tests/support/textured_city_model.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

const std::string kGml = "reference/3d/citygml/";
const std::string kJson = "reference/3d/cityjson/";

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t countMatches(const std::string& text, const std::regex& re) {
    return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

// Where cs2cs puts a source coordinate in the scene frame: a check that shares no code with import.
Vec2 cs2cs(const std::string& from, double x, double y, const SceneFrame& frame) {
    char cmd[512];
    std::snprintf(cmd, sizeof cmd, "echo %.6f %.6f | cs2cs -f %%.4f %s +to %s", x, y, from.c_str(), frame.projString().c_str());
    std::istringstream out(test::run(cmd).out);
    Vec2 v{NAN, NAN};
    out >> v.x >> v.y;
    return v;
}

// The distance from p to the nearest vertex the layer holds (surfaces, else footprints).
double nearestVertex(const LayerData& layer, Vec2 p) {
    double best = INFINITY;
    for (const Feature& f : layer.features) {
        for (const Surface& s : f.surfaces)
            for (const auto& ring : s.rings)
                for (const Vec3& v : ring) best = std::min(best, std::hypot(v.x - p.x, v.y - p.y));
        for (const Polygon& poly : f.polygons)
            for (const Vec2& v : poly.outer) best = std::min(best, std::hypot(v.x - p.x, v.y - p.y));
    }
    return best;
}

std::size_t surfacesOfKind(const LayerData& layer, SurfaceKind kind) {
    std::size_t n = 0;
    for (const Feature& f : layer.features)
        for (const Surface& s : f.surfaces) n += s.kind == kind;
    return n;
}

LayerData import(const std::string& path, const SceneFrame& frame, const std::string& crs = "",
                 const std::string& lod = "") {
    ImportOptions o;
    o.path = path;
    o.sourceCrs = crs;
    o.levelOfDetail = lod;
    return importLayer(o, frame);
}

TEST(CityModel, RecognisedByContentWhateverTheExtension) {
    auto dir = test::scratchDir();
    EXPECT_EQ(sniffCityFormat(test::sharedData(kGml + "berlin_open_data_sample_lod2/berlin_open_data_sample_data.citygml")),
              CityFormat::CityGml);
    EXPECT_EQ(sniffCityFormat(test::sharedData(kJson + "zurich_lod2_v1.1/zurich_subset_lod2.city.json")), CityFormat::CityJson);
    std::string renamed = test::writeFile(dir / "model.txt", readAll(test::sharedData(kJson + "multi_lod_v2.0/multi_lod.city.json")));
    EXPECT_EQ(sniffCityFormat(renamed), CityFormat::CityJson);
    EXPECT_EQ(sniffCityFormat(test::writeFile(dir / "a.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}")),
              CityFormat::None);
    EXPECT_EQ(sniffCityFormat(test::writeFile(dir / "a.gml", "<gml:FeatureCollection xmlns:gml=\"http://www.opengis.net/gml\"/>")),
              CityFormat::None);
}

TEST(CityModel, BerlinCityGml1Lod2) {
    std::string path = test::sharedData(kGml + "berlin_open_data_sample_lod2/berlin_open_data_sample_data.citygml");
    std::string text = readAll(path);
    SceneFrame frame({13.35, 52.51});
    LayerData layer = import(path, frame);
    EXPECT_EQ(layer.format, "CityGML 1.0");
    EXPECT_EQ(layer.features.size(), countMatches(text, std::regex("<bldg:Building[ >]")));
    EXPECT_EQ(layer.features.size(), 61u);
    EXPECT_EQ(layer.levelOfDetail, "2");
    EXPECT_GT(surfacesOfKind(layer, SurfaceKind::Roof), 61u);
    EXPECT_GT(surfacesOfKind(layer, SurfaceKind::Wall), 61u * 4);
    EXPECT_GE(surfacesOfKind(layer, SurfaceKind::Ground), 61u);
    // The first coordinate in the file, as cs2cs places it.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, std::regex("<gml:posList[^>]*>\\s*([0-9.]+) ([0-9.]+) ([0-9.]+)")));
    Vec2 expected = cs2cs("+init=epsg:25833", std::stod(m[1]), std::stod(m[2]), frame);
    ASSERT_TRUE(std::isfinite(expected.x));
    EXPECT_LT(nearestVertex(layer, expected), 1.0);
    for (const Feature& f : layer.features) {
        EXPECT_FALSE(f.polygons.empty());
        EXPECT_GT(f.height, 0.1);
        EXPECT_LT(f.height, 120.0);
    }
    EXPECT_NE(layer.sourceCrs.find("25833"), std::string::npos) << layer.sourceCrs;
}

TEST(CityModel, CityGml3ResolvesSolidsThatPointAtBoundarySurfaces) {
    SceneFrame frame({8.43, 49.1});
    for (const char* name : {"Building_LOD2-EPSG25832.citygml3.gml", "Building_LOD2-EPSG25832.citygml2.gml"}) {
        std::string path = test::sharedData(kGml + "ogc_citygml3_fzk_examples/" + name);
        LayerData layer = import(path, frame);
        ASSERT_EQ(layer.features.size(), 1u) << name;
        EXPECT_EQ(layer.format, std::string(name).find("citygml3") != std::string::npos ? "CityGML 3.0" : "CityGML 2.0");
        const Feature& f = layer.features[0];
        // A gabled house: four walls, two roof planes, one ground; no surface twice.
        EXPECT_EQ(surfacesOfKind(layer, SurfaceKind::Roof), 2u) << name;
        EXPECT_EQ(surfacesOfKind(layer, SurfaceKind::Wall), 4u) << name;
        EXPECT_EQ(surfacesOfKind(layer, SurfaceKind::Ground), 1u) << name;
        EXPECT_NEAR(f.height, 5.0, 0.01) << name;  // its measuredHeight: 5.0
        EXPECT_NE(layer.sourceCrs.find("25832"), std::string::npos) << layer.sourceCrs;
        EXPECT_EQ(layer.report.skippedTotal(), 0u) << name;
    }
}

TEST(CityModel, BuildingPartsJoinTheirBuilding) {
    std::string path = test::sharedData(kGml + "ogc_citygml3_fzk_examples/Building_and_garage_LOD2-EPSG25832.citygml3.gml");
    LayerData layer = import(path, SceneFrame({8.43, 49.1}));
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(*findAttribute(layer.features[0].attributes, "building_parts"), "1");
    EXPECT_GT(layer.features[0].surfaces.size(), 7u);
}

TEST(CityModel, LoD0FootprintIsExtrudedByItsMeasuredHeight) {
    std::string path = test::sharedData(kGml + "libcitygml_small/FZK-Haus-LoD0-KIT-IAI-KHH-B36-V1.gml");
    LayerData layer = import(path, SceneFrame({8.43, 49.1}));  // srsName urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH
    ASSERT_EQ(layer.features.size(), 1u);
    const Feature& f = layer.features[0];
    EXPECT_TRUE(f.surfaces.empty());
    ASSERT_EQ(f.polygons.size(), 1u);
    // The footprint (12 m × 10 m in the file), not the roof edge that overhangs it by 0.5 m.
    EXPECT_NEAR(std::fabs(signedArea(f.polygons[0].outer)), 120.0, 0.5);
    EXPECT_DOUBLE_EQ(f.height, 6.52);
    EXPECT_EQ(layer.levelOfDetail, "0");
}

TEST(CityModel, ZurichCityJson11CountsBuildingsNotParts) {
    std::string path = test::sharedData(kJson + "zurich_lod2_v1.1/zurich_subset_lod2.city.json");
    nlohmann::json doc = nlohmann::json::parse(readAll(path));
    std::size_t buildings = 0;
    for (auto& [id, o] : doc["CityObjects"].items()) buildings += o["type"] == "Building";
    SceneFrame frame({8.54, 47.37});
    LayerData layer = import(path, frame);
    EXPECT_EQ(layer.format, "CityJSON 1.1");
    EXPECT_EQ(layer.features.size(), buildings);
    EXPECT_EQ(buildings, 49u);
    EXPECT_GT(surfacesOfKind(layer, SurfaceKind::Roof), 0u);
    const auto& v0 = doc["vertices"][0];
    const auto& t = doc["transform"];
    double x = v0[0].get<double>() * t["scale"][0].get<double>() + t["translate"][0].get<double>();
    double y = v0[1].get<double>() * t["scale"][1].get<double>() + t["translate"][1].get<double>();
    Vec2 expected = cs2cs("+init=epsg:2056", x, y, frame);
    EXPECT_LT(nearestVertex(layer, expected), 1.0);
    std::size_t parts = 0;
    for (const Feature& f : layer.features)
        if (const std::string* p = findAttribute(f.attributes, "building_parts")) parts += std::stoul(*p);
    EXPECT_EQ(parts, 161u);
}

TEST(CityModel, ALevelOfDetailIsChosenPerLayer) {
    std::string path = test::sharedData(kJson + "multi_lod_v2.0/multi_lod.city.json");
    SceneFrame frame({4.37, 52.0});
    // The file names no CRS (it is the Dutch RD grid): the user is told what to pass.
    EXPECT_EQ(test::errorOf([&] { import(path, frame); }),
              path + ": the file names no reference system; pass --source-crs (e.g. EPSG:28992)");
    LayerData highest = import(path, frame, "EPSG:28992");
    EXPECT_EQ(highest.features.size(), 10u);
    EXPECT_EQ(highest.levelsOfDetail, (std::vector<std::string>{"1.2", "1.3", "2.2"}));
    EXPECT_EQ(highest.levelOfDetail, "2.2");
    LayerData block = import(path, frame, "EPSG:28992", "1");
    EXPECT_EQ(block.levelOfDetail, "1.3");
    EXPECT_EQ(import(path, frame, "EPSG:28992", "1.2").levelOfDetail, "1.2");
    std::size_t s1 = 0, s2 = 0;
    for (const Feature& f : block.features) s1 += f.surfaces.size();
    for (const Feature& f : highest.features) s2 += f.surfaces.size();
    EXPECT_LT(s1, s2);
}

TEST(CityModel, CityJsonSeqReadsOneFeaturePerLine) {
    auto dir = test::scratchDir();
    std::string cube = R"("geometry":[{"type":"Solid","lod":"1.2","boundaries":[[[[0,3,2,1]],[[4,5,6,7]],[[0,1,5,4]],[[1,2,6,5]],[[2,3,7,6]],[[3,0,4,7]]]]}]})";
    std::string verts = R"("vertices":[[0,0,0],[10,0,0],[10,10,0],[0,10,0],[0,0,30],[10,0,30],[10,10,30],[0,10,30]])";
    std::string path = test::writeFile(dir / "seq.jsonl",
        R"({"type":"CityJSON","version":"2.0","transform":{"scale":[1,1,1],"translate":[500000,3280000,200]},)"
        R"("metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/4545"},"CityObjects":{},"vertices":[]})" "\n"
        R"({"type":"CityJSONFeature","id":"a","CityObjects":{"a":{"type":"Building",)" + cube + "}," + verts + "}\n" +
        R"({"type":"CityJSONFeature","id":"b","CityObjects":{"b":{"type":"Building","attributes":{"name":"b"},)" + cube + "}," + verts + "}\n");
    LayerData layer = import(path, SceneFrame({105, 29.6}));
    EXPECT_EQ(layer.format, "CityJSON 2.0 (CityJSONSeq)");
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_DOUBLE_EQ(layer.features[1].height, 30.0);
    EXPECT_EQ(*findAttribute(layer.features[1].attributes, "base_elevation_m"), "200.00");
    // Unnamed faces are classed by slope: one roof, one ground, four walls.
    EXPECT_EQ(surfacesOfKind(layer, SurfaceKind::Roof), 2u);
    EXPECT_EQ(surfacesOfKind(layer, SurfaceKind::Ground), 2u);
    EXPECT_EQ(surfacesOfKind(layer, SurfaceKind::Wall), 8u);
    EXPECT_NEAR(std::fabs(signedArea(layer.features[0].polygons.at(0).outer)), 100.0, 0.5);  // the grid scale 3° off its meridian
}

TEST(CityModel, ChooseLevelOfDetail) {
    std::vector<std::string> l{"1", "2.2", "1.3", "3"};
    EXPECT_EQ(chooseLevelOfDetail(l, ""), "3");
    EXPECT_EQ(chooseLevelOfDetail(l, "2"), "2.2");
    EXPECT_EQ(chooseLevelOfDetail(l, "1"), "1.3");
    EXPECT_EQ(chooseLevelOfDetail(l, "0"), "1");
    EXPECT_EQ(chooseLevelOfDetail({}, "2"), "");
}

TEST(CityModel, BadFilesAreNamedWithTheReason) {
    auto dir = test::scratchDir();
    SceneFrame frame;
    std::string oob = test::writeFile(dir / "oob.city.json", R"({"type":"CityJSON","version":"2.0",
      "metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/4547"},
      "transform":{"scale":[1,1,1],"translate":[500000,3280000,0]},
      "CityObjects":{
        "good":{"type":"Building","geometry":[{"type":"Solid","lod":"1","boundaries":[[[[0,1,2,3]],[[4,5,6,7]]]]}]},
        "bad":{"type":"Building","geometry":[{"type":"MultiSurface","lod":"1","boundaries":[[[0,1,99]]]}]}},
      "vertices":[[0,0,0],[10,0,0],[10,10,0],[0,10,0],[0,0,20],[10,0,20],[10,10,20],[0,10,20]]})");
    LayerData layer = import(oob, frame);
    EXPECT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.report.skipped.at("vertex_index_out_of_range"), 1u);
    EXPECT_EQ(layer.report.skipped.at("no_geometry"), 1u);
    EXPECT_EQ(layer.report.messages.at(0),
              oob + ": object 'bad': vertex index 99 is out of range (the file has 8 vertices); surface left out");

    std::string unknown = test::writeFile(dir / "unknown.gml", R"(<?xml version="1.0"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml">
<gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::999999"/></gml:boundedBy>
<core:cityObjectMember><bldg:Building gml:id="b1"/></core:cityObjectMember></core:CityModel>)");
    EXPECT_EQ(test::errorOf([&] { import(unknown, frame); }),
              unknown + ": unknown reference system 'urn:ogc:def:crs:EPSG::999999'");

    std::string broken = test::writeFile(dir / "broken.gml", R"(<?xml version="1.0"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:gml="http://www.opengis.net/gml">
<core:cityObjectMember><bldg:Building)");
    EXPECT_EQ(test::errorOf([&] { import(broken, frame); }),
              broken + ": not well-formed XML at line 3: unclosed token");
    std::string truncated = test::writeFile(dir / "t.city.json", R"({"type":"CityJSON","version":"2.0","CityObjects":{)");
    EXPECT_NE(test::errorOf([&] { import(truncated, frame); }).find(truncated + ": not valid JSON: "), std::string::npos);
}

// Appearances: each encoding's south wall draped with its image by the file's coordinates, the
// roof in its material colour, the wall whose image is missing drawn in its colour and named.
class CityAppearance : public ::testing::TestWithParam<std::string> {};

const Surface* facing(const Feature& f, double nx, double ny, double nz) {
    for (const Surface& s : f.surfaces) {
        Vec3 n = ringNormal(s.rings[0]);
        if (n.x * nx + n.y * ny + n.z * nz > 0.99) return &s;
    }
    return nullptr;
}

TEST_P(CityAppearance, TexturesAndMaterialsReachTheirFaces) {
    auto dir = test::scratchDir();
    test::writeFile(dir / "facade.png", "not decoded on import");
    std::string path = GetParam() == "CityJSON" ? test::writeTexturedCityJson(dir) : test::writeTexturedCityGml(dir, GetParam());
    SceneFrame frame({106.57, 29.58});
    LayerData layer = import(path, frame);
    ASSERT_EQ(layer.features.size(), 1u) << (layer.report.messages.empty() ? "" : layer.report.messages[0]);
    const Feature& f = layer.features[0];
    ASSERT_EQ(f.surfaces.size(), 6u);
    ASSERT_EQ(layer.textures.size(), 2u);
    EXPECT_EQ(layer.textures[0], (dir / "facade.png").string());
    EXPECT_EQ(layer.texturedSurfaces, 1u);
    EXPECT_EQ(layer.coloredSurfaces, 1u);

    const Surface* south = facing(f, 0, -1, 0);
    ASSERT_TRUE(south && south->appearance);
    ASSERT_EQ(south->appearance->texture, 0);
    ASSERT_EQ(south->appearance->uvs.size(), 1u);
    const std::vector<Vec2> expected{{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    ASSERT_EQ(south->appearance->uvs[0].size(), south->rings[0].size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(south->appearance->uvs[0][i].x, expected[i].x) << i;
        EXPECT_EQ(south->appearance->uvs[0][i].y, expected[i].y) << i;
    }
    const Surface* east = facing(f, 1, 0, 0);
    ASSERT_TRUE(east);
    EXPECT_FALSE(east->appearance);
    const Surface* roof = facing(f, 0, 0, 1);
    ASSERT_TRUE(roof && roof->appearance && roof->appearance->color);
    EXPECT_FALSE(roof->appearance->textured());
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR((*roof->appearance->color)[i], test::kRoofColor[i], 1e-6);
    EXPECT_EQ(layer.report.skipped.at("missing_texture"), 1u);
    EXPECT_NE(std::find(layer.report.messages.begin(), layer.report.messages.end(),
                        path + ": texture image '" + (dir / "missing.png").string() +
                            "' is missing; the faces it covers are drawn in their colours"),
              layer.report.messages.end());
}

INSTANTIATE_TEST_SUITE_P(Encodings, CityAppearance, ::testing::Values("2.0", "3.0", "CityJSON"),
                         [](const auto& info) { return info.param == "CityJSON" ? std::string("CityJson11")
                                                                                 : "CityGml" + info.param.substr(0, 1); });

TEST(CityAppearance, CoordinatesThatDoNotFitTheRingAreNamed) {
    auto dir = test::scratchDir();
    test::writeFile(dir / "facade.png", "x");
    std::string text = readAll(test::writeTexturedCityGml(dir, "2.0"));
    std::string bad = std::regex_replace(text, std::regex(">0 0 1 0 1 1 0 1 0 0<"), ">0 0 1 0 1 1<",
                                         std::regex_constants::format_first_only);
    std::string path = test::writeFile(dir / "short_uv.gml", bad);
    LayerData layer = import(path, SceneFrame({106.57, 29.58}));
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.texturedSurfaces, 0u);
    EXPECT_EQ(layer.report.skipped.at("texture_coordinates_mismatch"), 1u);
    EXPECT_NE(std::find(layer.report.messages.begin(), layer.report.messages.end(),
                        path + ": building 'textured_box': a textured ring has 3 texture coordinates for 4 "
                               "vertices; drawn untextured"),
              layer.report.messages.end());
}

}  // namespace
}  // namespace jbt
