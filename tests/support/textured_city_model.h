#pragma once
// One textured LOD2 building written as CityGML 2.0 (a global appearance after the buildings,
// as 3DCityDB and FME export), CityGML 3.0 (a local appearance with TextureAssociations) and
// CityJSON 1.1, because none of the reference samples carries appearances. A 20 × 12 × 10 m box
// in UTM 48N (EPSG:32648): the south wall draped with facade.png, the east wall with an image
// that is not there, the roof an X3DMaterial / CityJSON material of kRoofColor.
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace jbt::test {

constexpr double kBoxX0 = 651000, kBoxY0 = 3273000, kBoxW = 20, kBoxD = 12, kBoxH = 10, kBoxZ = 200;
constexpr std::array<float, 3> kRoofColor{0.1f, 0.3f, 0.9f};

struct BoxFace {
    const char* id;
    const char* kind;  // RoofSurface, WallSurface, GroundSurface
    std::array<std::array<double, 3>, 4> corners;  // counter-clockwise seen from outside
};

inline std::array<BoxFace, 6> boxFaces() {
    const double x0 = kBoxX0, x1 = kBoxX0 + kBoxW, y0 = kBoxY0, y1 = kBoxY0 + kBoxD, b = kBoxZ, t = kBoxZ + kBoxH;
    return {{{"wall_s", "WallSurface", {{{x0, y0, b}, {x1, y0, b}, {x1, y0, t}, {x0, y0, t}}}},
             {"wall_e", "WallSurface", {{{x1, y0, b}, {x1, y1, b}, {x1, y1, t}, {x1, y0, t}}}},
             {"wall_n", "WallSurface", {{{x1, y1, b}, {x0, y1, b}, {x0, y1, t}, {x1, y1, t}}}},
             {"wall_w", "WallSurface", {{{x0, y1, b}, {x0, y0, b}, {x0, y0, t}, {x0, y1, t}}}},
             {"roof", "RoofSurface", {{{x0, y0, t}, {x1, y0, t}, {x1, y1, t}, {x0, y1, t}}}},
             {"ground", "GroundSurface", {{{x0, y0, b}, {x0, y1, b}, {x1, y1, b}, {x1, y0, b}}}}}};
}

inline std::string posList(const BoxFace& f) {
    std::ostringstream s;
    s.precision(12);
    for (int k = 0; k < 5; ++k) {
        const auto& c = f.corners[static_cast<std::size_t>(k % 4)];
        s << c[0] << ' ' << c[1] << ' ' << c[2] << ' ';
    }
    return s.str();
}

// version "2.0" or "3.0"; returns the file's path.
inline std::string writeTexturedCityGml(const std::filesystem::path& dir, const std::string& version) {
    const bool v3 = version == "3.0";
    const std::string gmlNs = v3 ? "http://www.opengis.net/gml/3.2" : "http://www.opengis.net/gml";
    std::ostringstream x;
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/"
      << version << "\" xmlns:bldg=\"http://www.opengis.net/citygml/building/" << version
      << "\" xmlns:app=\"http://www.opengis.net/citygml/appearance/" << version << "\" xmlns:gml=\"" << gmlNs
      << "\">\n<core:cityObjectMember><bldg:Building gml:id=\"textured_box\">\n";
    std::ostringstream look;  // the appearance: local in 3.0, global after the buildings in 2.0
    const std::string uv = "0 0 1 0 1 1 0 1 0 0";
    look << "<app:Appearance><app:theme>rgbTexture</app:theme>\n";
    for (const char* image : {"facade.png", "missing.png"}) {
        std::string wall = std::string(image) == "facade.png" ? "wall_s" : "wall_e";
        look << (v3 ? "<app:surfaceData>" : "<app:surfaceDataMember>") << "<app:ParameterizedTexture><app:imageURI>"
             << image << "</app:imageURI>";
        if (v3)
            look << "<app:textureParameterization><app:TextureAssociation><app:target>#" << wall
                 << "</app:target><app:textureParameterization><app:TexCoordList><app:textureCoordinates>" << uv
                 << "</app:textureCoordinates><app:ring>#" << wall
                 << "_r</app:ring></app:TexCoordList></app:textureParameterization></app:TextureAssociation>"
                    "</app:textureParameterization>";
        else
            look << "<app:target uri=\"#" << wall << "\"><app:TexCoordList><app:textureCoordinates ring=\"#" << wall
                 << "_r\">" << uv << "</app:textureCoordinates></app:TexCoordList></app:target>";
        look << "</app:ParameterizedTexture>" << (v3 ? "</app:surfaceData>" : "</app:surfaceDataMember>") << "\n";
    }
    look << (v3 ? "<app:surfaceData>" : "<app:surfaceDataMember>") << "<app:X3DMaterial><app:diffuseColor>"
         << kRoofColor[0] << ' ' << kRoofColor[1] << ' ' << kRoofColor[2]
         << "</app:diffuseColor><app:target>#roof</app:target></app:X3DMaterial>"
         << (v3 ? "</app:surfaceData>" : "</app:surfaceDataMember>") << "\n</app:Appearance>\n";
    if (v3) x << "<core:appearance>" << look.str() << "</core:appearance>\n";
    x << "<bldg:measuredHeight uom=\"m\">10</bldg:measuredHeight>\n";
    for (const BoxFace& f : boxFaces()) {
        x << (v3 ? "<core:boundary>" : "<bldg:boundedBy>") << "<bldg:" << f.kind << " gml:id=\"" << f.id
          << "_surface\"><bldg:lod2MultiSurface><gml:MultiSurface srsName=\"EPSG:32648\" srsDimension=\"3\">"
          << "<gml:surfaceMember><gml:Polygon gml:id=\"" << f.id << "\"><gml:exterior><gml:LinearRing gml:id=\""
          << f.id << "_r\"><gml:posList>" << posList(f) << "</gml:posList></gml:LinearRing></gml:exterior>"
          << "</gml:Polygon></gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:" << f.kind << ">"
          << (v3 ? "</core:boundary>" : "</bldg:boundedBy>") << "\n";
    }
    x << "</bldg:Building></core:cityObjectMember>\n";
    if (!v3) x << "<core:appearanceMember>" << look.str() << "</core:appearanceMember>\n";
    x << "</core:CityModel>\n";
    std::filesystem::path path = dir / ("textured_box_citygml" + std::string(v3 ? "3" : "2") + ".gml");
    std::ofstream(path) << x.str();
    return path.string();
}

inline std::string writeTexturedCityJson(const std::filesystem::path& dir) {
    std::ostringstream j;
    j.precision(12);
    j << "{\"type\":\"CityJSON\",\"version\":\"1.1\",\"transform\":{\"scale\":[0.001,0.001,0.001],"
         "\"translate\":[0,0,0]},\"metadata\":{\"referenceSystem\":\"https://www.opengis.net/def/crs/EPSG/0/32648\"},"
         "\"appearance\":{\"materials\":[{\"name\":\"roof\",\"diffuseColor\":["
      << kRoofColor[0] << ',' << kRoofColor[1] << ',' << kRoofColor[2]
      << "]}],\"textures\":[{\"type\":\"PNG\",\"image\":\"facade.png\"},{\"type\":\"PNG\",\"image\":\"missing.png\"}],"
         "\"vertices-texture\":[[0,0],[1,0],[1,1],[0,1]]},\"vertices\":[";
    auto faces = boxFaces();
    int n = 0;
    for (const BoxFace& f : faces)
        for (const auto& c : f.corners)
            j << (n++ ? "," : "") << '[' << static_cast<long long>(c[0] * 1000) << ','
              << static_cast<long long>(c[1] * 1000) << ',' << static_cast<long long>(c[2] * 1000) << ']';
    j << "],\"CityObjects\":{\"textured_box\":{\"type\":\"Building\",\"attributes\":{\"measuredHeight\":10},"
         "\"geometry\":[{\"type\":\"Solid\",\"lod\":\"2\",\"boundaries\":[[";
    for (int i = 0; i < 6; ++i)
        j << (i ? "," : "") << "[[" << 4 * i << ',' << 4 * i + 1 << ',' << 4 * i + 2 << ',' << 4 * i + 3 << "]]";
    j << "]],\"semantics\":{\"surfaces\":[{\"type\":\"WallSurface\"},{\"type\":\"RoofSurface\"},"
         "{\"type\":\"GroundSurface\"}],\"values\":[[0,0,0,0,1,2]]},"
         "\"material\":{\"rgbTexture\":{\"values\":[[null,null,null,null,0,null]]}},"
         "\"texture\":{\"rgbTexture\":{\"values\":[[[[0,0,1,2,3]],[[1,0,1,2,3]],[[null]],[[null]],[[null]],[[null]]]]}}"
         "}]}}}\n";
    std::filesystem::path path = dir / "textured_box.city.json";
    std::ofstream(path) << j.str();
    return path.string();
}

}  // namespace jbt::test
