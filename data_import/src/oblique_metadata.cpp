#include "data_import/oblique_metadata.h"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "model/error.h"
#include "xml_text.h"

namespace jbt {
namespace {

std::string unescapeXml(std::string s) {
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
        for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += std::strlen(to)) s.replace(p, std::strlen(from), to);
    return s;
}

// The text of <tag>…</tag>; empty when absent.
std::string element(const std::string& xml, const std::string& tag, bool& found) {
    std::size_t open = xml.find("<" + tag + ">");
    found = open != std::string::npos;
    if (!found) return {};
    open += tag.size() + 2;
    std::size_t close = xml.find("</" + tag + ">", open);
    if (close == std::string::npos) {
        found = false;
        return {};
    }
    return trim(unescapeXml(xml.substr(open, close - open)));
}

// Fills `srs` from the metadata's SRS text; the PROJ definition goes to `definition`.
void resolveSrs(const std::string& text, const std::string& file, OGRSpatialReference& srs, std::string& definition) {
    std::smatch m;
    if (std::regex_match(text, m, std::regex(R"(ENU:\s*([-+0-9.eE]+)\s*,\s*([-+0-9.eE]+))"))) {
        double lat = std::stod(m[1]), lon = std::stod(m[2]);
        if (!(std::fabs(lat) <= 90 && std::fabs(lon) <= 180))
            throw Error(file + ": the SRS '" + text + "' is not ENU:latitude,longitude");
        // A local east-north-up plane at that point: a transverse Mercator touching there agrees
        // with it to centimetres over a photographed block.
        char buf[256];
        std::snprintf(buf, sizeof buf, "+proj=tmerc +lat_0=%.10f +lon_0=%.10f +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
                      lat, lon);
        definition = buf;
    } else if (text.find('[') != std::string::npos) {
        // ContextCapture keeps the EPSG tag of the grid it started from after the parameters
        // changed (a local false northing, a shifted meridian); GDAL would take the tag.
        definition = std::regex_replace(text, std::regex(R"(,?\s*AUTHORITY\s*\[[^\]]*\])"), "");
    } else {
        definition = text;
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (definition.empty() || srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
        throw Error(file + ": unknown SRS '" + text.substr(0, 120) + "'");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.IsGeographic())
        throw Error(file + ": the SRS '" + text.substr(0, 120) + "' is in degrees; an oblique model needs a projected or local SRS");
}

std::unique_ptr<OGRCoordinateTransformation> transformTo(const ObliqueMetadata& meta, const std::string& target,
                                                         const std::string& file) {
    OGRSpatialReference src, dst;
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (src.SetFromUserInput(meta.projDefinition.c_str()) != OGRERR_NONE)
        throw Error(file + ": unknown SRS '" + meta.srs.substr(0, 120) + "'");
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    dst.SetFromUserInput(target.c_str());
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
    if (!ct) throw Error(file + ": PROJ cannot transform from '" + meta.srsName + "'");
    return ct;
}

}  // namespace

ObliqueMetadata parseObliqueMetadata(const std::string& xml, const std::string& file) {
    if (xml.find("<ModelMetadata") == std::string::npos) throw Error(file + ": not a ContextCapture metadata file (no <ModelMetadata>)");
    ObliqueMetadata meta;
    bool found = false;
    meta.srs = element(xml, "SRS", found);
    if (!found || meta.srs.empty()) throw Error(file + ": no <SRS>: the model cannot be placed");
    std::string origin = element(xml, "SRSOrigin", found);
    if (found) {
        std::replace(origin.begin(), origin.end(), ',', ' ');
        std::istringstream in(origin);
        for (double& v : meta.origin)
            if (!(in >> v) || !std::isfinite(v)) throw Error(file + ": <SRSOrigin> '" + origin + "' is not three numbers");
    }
    OGRSpatialReference srs;
    resolveSrs(meta.srs, file, srs, meta.projDefinition);
    meta.srsName = srs.GetName() ? srs.GetName() : "unnamed SRS";
    return meta;
}

ObliqueMetadata readObliqueMetadata(const std::string& dir) {
    std::string file = (std::filesystem::path(dir) / "metadata.xml").string();
    if (!std::filesystem::is_directory(dir)) throw Error(dir + ": no such folder");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(file + ": missing (an oblique export has metadata.xml beside its Data folder)");
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (xml.size() > 1 << 20) throw Error(file + ": over 1 MB; not a metadata file");
    return parseObliqueMetadata(xml, file);
}

ObliquePlacement placeOblique(const ObliqueMetadata& meta, const SceneFrame& frame, const std::string& file) {
    auto ct = transformTo(meta, frame.projString(), file);
    const double step = 100.0;
    double x[3] = {meta.origin[0], meta.origin[0] + step, meta.origin[0]};
    double y[3] = {meta.origin[1], meta.origin[1], meta.origin[1] + step};
    if (!ct->Transform(3, x, y) || !std::isfinite(x[0] + x[1] + x[2] + y[0] + y[1] + y[2]))
        throw Error(file + ": PROJ cannot place the origin " + std::to_string(meta.origin[0]) + ", " +
                    std::to_string(meta.origin[1]) + " of '" + meta.srsName + "' in the scene");
    ObliquePlacement p;
    // Row vectors: scene = (lx, ly, lz, 1) · M. Rows 0 and 1 are the images of the SRS axes.
    p.matrix = {(x[1] - x[0]) / step, (y[1] - y[0]) / step, 0, 0,
                (x[2] - x[0]) / step, (y[2] - y[0]) / step, 0, 0,
                0, 0, 1, 0,
                x[0], y[0], meta.origin[2], 1};
    p.originInScene = {x[0], y[0]};
    p.centre = frame.toWgs84(p.originInScene);
    return p;
}

GeoPoint obliqueCentre(const ObliqueMetadata& meta, const std::string& file) {
    auto ct = transformTo(meta, "EPSG:4326", file);
    double x = meta.origin[0], y = meta.origin[1];
    if (!ct->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y))
        throw Error(file + ": PROJ cannot place the origin of '" + meta.srsName + "' on the globe");
    return {x, y};
}

std::vector<std::string> obliqueRootTiles(const std::string& dir) {
    namespace fs = std::filesystem;
    fs::path data = fs::path(dir) / "Data";
    std::vector<std::string> out;
    std::error_code ec;
    if (fs::is_directory(data, ec))
        for (const auto& e : fs::directory_iterator(data, ec)) {
            fs::path root = e.path() / (e.path().filename().string() + ".osgb");
            if (e.is_directory() && fs::exists(root)) out.push_back(root.string());
        }
    if (out.empty()) throw Error(data.string() + ": no tiles (expected Data/Tile_…/Tile_….osgb)");
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace jbt
