// A city model (from either reader) → a building layer in scene metres: the file's CRS (or
// --source-crs) to the scene's by PROJ, the LOD chosen, unnamed surfaces classed by slope, each
// building stood on its lowest point with a footprint from its upward and downward faces.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <mutex>
#include <memory>
#include <filesystem>

#include <cpl_error.h>
#include <ogr_spatialref.h>

#include "data_import/city_model.h"
#include "data_import/ogr_polygons.h"
#include "model/error.h"

namespace jbt {
namespace {

constexpr std::size_t kMessagesPerReason = 3;

// German surveying offices write AdV names that PROJ does not know.
std::string srsForProj(const std::string& srsName) {
    const std::string adv = "urn:adv:crs:";
    if (srsName.rfind(adv, 0) != 0) return srsName;
    static const std::pair<const char*, const char*> kAdv[] = {
        {"ETRS89_UTM32", "25832"}, {"ETRS89_UTM33", "25833"}, {"DE_DHDN_3GK2", "31466"},
        {"DE_DHDN_3GK3", "31467"}, {"DE_DHDN_3GK4", "31468"}, {"DE_DHHN92_NH", "5783"}, {"DE_DHHN2016_NH", "7837"}};
    std::string out;
    std::string rest = srsName.substr(adv.size());
    for (std::size_t start = 0; start <= rest.size();) {
        std::size_t star = rest.find('*', start);
        std::string part = rest.substr(start, star == std::string::npos ? std::string::npos : star - start);
        for (auto& [name, code] : kAdv)
            if (part == name) out += (out.empty() ? "EPSG:" : "+") + std::string(code);
        if (star == std::string::npos) break;
        start = star + 1;
    }
    return out.empty() ? srsName : out;
}

SurfaceKind bySlope(const Vec3& n) {
    if (n.z > 0.3) return SurfaceKind::Roof;
    if (n.z < -0.3) return SurfaceKind::Ground;
    return SurfaceKind::Wall;
}

std::unique_ptr<OGRSpatialReference> sourceSrs(const ImportOptions& o, const CityDocument& doc) {
    std::string named = o.sourceCrs.empty() ? doc.crs : o.sourceCrs;
    if (named.empty())
        throw Error(o.path + ": the file names no reference system; pass --source-crs (e.g. EPSG:28992)");
    auto srs = std::make_unique<OGRSpatialReference>();
    CPLErrorReset();
    if (srs->SetFromUserInput(srsForProj(named).c_str()) != OGRERR_NONE)
        throw Error(o.path + ": unknown reference system '" + named + "'");
    if (srs->IsCompound()) srs->StripVertical();  // heights are kept as they are
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Faces whose image is not there keep their colour; each missing image named once.
void dropMissingTextures(const std::string& path, CityDocument& doc) {
    std::vector<char> missing(doc.textures.size(), 0), named(doc.textures.size(), 0);
    bool any = false;
    for (std::size_t i = 0; i < doc.textures.size(); ++i) {
        std::error_code ec;
        missing[i] = std::filesystem::is_regular_file(doc.textures[i], ec) ? 0 : 1;
        any = any || missing[i];
    }
    if (!any) return;
    for (CityBuilding& b : doc.buildings)
        for (auto& [lod, surfaces] : b.lods)
            for (CitySurface& s : surfaces) {
                if (!s.appearance || !s.appearance->textured()) continue;
                auto t = static_cast<std::size_t>(s.appearance->texture);
                if (!missing[t]) continue;
                if (!named[t]) {
                    named[t] = 1;
                    noteSkipped(doc, "missing_texture",
                                path + ": texture image '" + doc.textures[t] +
                                    "' is missing; the faces it covers are drawn in their colours");
                }
                SurfaceAppearance a = *s.appearance;
                a.texture = -1;
                a.uvs.clear();
                s.appearance = a.color ? std::make_shared<const SurfaceAppearance>(std::move(a)) : nullptr;
            }
}

CityDocument readFile(const std::string& path) {
    CityFormat f = sniffCityFormat(path);
    if (f == CityFormat::None) throw Error(path + ": not a CityGML or CityJSON file");
    CityDocument doc = f == CityFormat::CityGml ? readCityGml(path) : readCityJson(path);
    dropMissingTextures(path, doc);
    return doc;
}

// The scene's centre is found from the first layer before it is imported: the document read for
// that is kept (one, until the next read) so the import does not parse the file again.
class LastRead {
public:
    // `keep`: leave it for a next call (probing); else hand it over (importing).
    std::shared_ptr<const CityDocument> read(const std::string& path, bool keep) {
        std::error_code ec;
        auto stamp = std::filesystem::last_write_time(path, ec);
        auto size = std::filesystem::file_size(path, ec);
        std::unique_lock<std::mutex> lock(mutex_);
        if (doc_ && path == path_ && stamp == stamp_ && size == size_) {
            std::shared_ptr<const CityDocument> doc = doc_;
            if (!keep) doc_.reset();
            return doc;
        }
        lock.unlock();
        auto doc = std::make_shared<const CityDocument>(readFile(path));
        lock.lock();
        if (keep) path_ = path, stamp_ = stamp, size_ = size, doc_ = doc;
        return doc;
    }

private:
    std::mutex mutex_;
    std::string path_;
    std::filesystem::file_time_type stamp_;
    std::uintmax_t size_ = 0;
    std::shared_ptr<const CityDocument> doc_;
};

std::shared_ptr<const CityDocument> readCityModel(const ImportOptions& o, bool keep) {
    static LastRead last;
    return last.read(o.path, keep);
}

double lodValue(const std::string& lod) { return std::atof(lod.c_str()); }

void sortByLevel(std::vector<std::string>& lods) {
    std::sort(lods.begin(), lods.end(), [](auto& a, auto& b) { return lodValue(a) < lodValue(b); });
}

// Every level of detail the document holds, ascending.
std::vector<std::string> levelsIn(const CityDocument& doc) {
    std::set<std::string> lods;
    for (const CityBuilding& b : doc.buildings)
        for (auto& [lod, surfaces] : b.lods) lods.insert(lod);
    std::vector<std::string> out(lods.begin(), lods.end());
    sortByLevel(out);
    return out;
}

// Upward and downward faces seen from above cover the building's ground plan. Faces seen from
// above often cross themselves (a roof's slopes over its eaves): GEOS repairs them, and its
// warning is no news to the user, so it is kept off the terminal.
std::vector<Polygon> footprintOf(const std::vector<Surface>& surfaces, bool allFaces) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    struct Pop {
        ~Pop() { CPLPopErrorHandler(); }
    } pop;
    OGRMultiPolygon parts;
    for (const Surface& s : surfaces) {
        if (!allFaces && std::fabs(ringNormal(s.rings[0]).z) < 0.05) continue;
        Polygon p;
        for (std::size_t r = 0; r < s.rings.size(); ++r) {
            Ring flat;
            for (const Vec3& v : s.rings[r]) flat.push_back({v.x, v.y});
            if (std::fabs(signedArea(flat)) < 1e-6) {
                if (r == 0) break;
                continue;
            }
            if (r == 0) p.outer = std::move(flat);
            else p.holes.push_back(std::move(flat));
        }
        if (p.outer.empty()) continue;
        std::unique_ptr<OGRGeometry> g(toOgrPolygon(p));
        if (!g->IsValid()) g.reset(g->MakeValid());
        if (!g) continue;
        std::vector<Polygon> valid;
        appendPolygons(*g, valid);
        for (Polygon& v : valid) parts.addGeometryDirectly(toOgrPolygon(v).release());
    }
    std::vector<Polygon> out;
    if (parts.IsEmpty()) return out;
    CPLErrorReset();
    std::unique_ptr<OGRGeometry> merged(parts.UnionCascaded());
    if (merged) appendPolygons(*merged, out);
    return out;
}

}  // namespace

std::optional<SurfaceKind> semanticSurfaceKind(const std::string& n) {
    if (n == "RoofSurface" || n == "OuterFloorSurface") return SurfaceKind::Roof;
    if (n == "WallSurface" || n == "OuterCeilingSurface" || n == "Window" || n == "Door") return SurfaceKind::Wall;
    if (n == "GroundSurface") return SurfaceKind::Ground;
    if (n == "ClosureSurface") return SurfaceKind::Closure;
    return std::nullopt;
}

void noteSkipped(CityDocument& doc, const std::string& reason, const std::string& message) {
    if (doc.skipped[reason]++ < kMessagesPerReason) doc.messages.push_back(message);
}

CityFormat sniffCityFormat(const std::string& path) {
    if (path.rfind("/vsi", 0) == 0 || path.rfind("PG:", 0) == 0) return CityFormat::None;
    std::ifstream in(path, std::ios::binary);
    if (!in) return CityFormat::None;
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos) return CityFormat::None;
    if (head[first] == '{' && head.find("\"CityJSON") != std::string::npos) return CityFormat::CityJson;
    if (head[first] == '<' && head.find("www.opengis.net/citygml") != std::string::npos) return CityFormat::CityGml;
    return CityFormat::None;
}

std::string chooseLevelOfDetail(const std::vector<std::string>& available, const std::string& wanted) {
    if (available.empty()) return "";
    std::vector<std::string> sorted = available;
    sortByLevel(sorted);
    if (wanted.empty()) return sorted.back();
    double limit = lodValue(wanted) + (wanted.find('.') == std::string::npos ? 0.99 : 1e-9);
    std::string best;
    for (const std::string& l : sorted)
        if (lodValue(l) <= limit) best = l;
    return best.empty() ? sorted.front() : best;
}

LayerData importCityModel(const ImportOptions& o, const SceneFrame& frame) {
    std::shared_ptr<const CityDocument> read = readCityModel(o, false);
    const CityDocument& doc = *read;
    LayerData layer;
    layer.name = defaultLayerName(o);
    layer.kind = LayerKind::Buildings;
    layer.sourcePath = o.path;
    layer.format = doc.format;
    std::unique_ptr<OGRSpatialReference> src = sourceSrs(o, doc);
    layer.sourceCrs = src->GetName() ? src->GetName() : "unnamed CRS";
    if (const char* code = src->GetAuthorityCode(nullptr)) layer.sourceCrs += std::string(" (EPSG:") + code + ")";
    OGRSpatialReference target;
    target.importFromProj4(frame.projString().c_str());
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(src.get(), &target));
    if (!ct) throw Error(o.path + ": cannot transform from " + layer.sourceCrs + " to the scene CRS");

    layer.levelsOfDetail = levelsIn(doc);
    layer.levelOfDetail = chooseLevelOfDetail(layer.levelsOfDetail, o.levelOfDetail);

    ImportReport& report = layer.report;
    report.featuresRead = doc.buildings.size();
    for (std::size_t bi = 0; bi < doc.buildings.size(); ++bi) {
        const CityBuilding& b = doc.buildings[bi];
        std::vector<std::string> has;
        for (auto& [lod, surfaces] : b.lods) has.push_back(lod);
        std::string lod = chooseLevelOfDetail(has, layer.levelOfDetail);
        auto found = b.lods.find(lod);
        Feature f;
        f.sourceFid = static_cast<std::int64_t>(bi);
        double minZ = INFINITY, maxZ = -INFINITY;
        if (found != b.lods.end()) {
            for (const CitySurface& cs : found->second) {
                Surface s;
                s.appearance = cs.appearance;
                bool ringDropped = false;
                for (const auto& ring : cs.rings) {
                    if (ring.size() < 3) {
                        ringDropped = true;
                        continue;
                    }
                    std::vector<double> x, y;
                    for (const Vec3& v : ring) x.push_back(v.x), y.push_back(v.y);
                    if (!ct->Transform(x.size(), x.data(), y.data())) {
                        ringDropped = true;
                        continue;
                    }
                    std::vector<Vec3> out;
                    for (std::size_t i = 0; i < ring.size(); ++i) {
                        out.push_back({x[i], y[i], ring[i].z});
                        minZ = std::min(minZ, ring[i].z), maxZ = std::max(maxZ, ring[i].z);
                    }
                    s.rings.push_back(std::move(out));
                }
                if (s.rings.empty() || !std::isfinite(minZ)) continue;
                s.kind = cs.kind ? *cs.kind : bySlope(ringNormal(s.rings[0]));
                if (ringDropped && s.appearance && s.appearance->textured()) s.appearance = nullptr;  // uvs no longer line up
                if (s.appearance) (s.appearance->textured() ? layer.texturedSurfaces : layer.coloredSurfaces)++;
                f.surfaces.push_back(std::move(s));
            }
        }
        if (f.surfaces.empty()) {
            if (report.skipped["no_geometry"]++ < kMessagesPerReason)
                report.messages.push_back(o.path + ": building '" + b.id + "': no surfaces in LOD " +
                                          (lod.empty() ? "any" : lod) + "; not imported");
            continue;
        }
        for (Surface& s : f.surfaces)
            for (auto& ring : s.rings)
                for (Vec3& v : ring) v.z -= minZ;
        bool flat = lodValue(lod) < 1;  // LoD0: footprints and roof edges, extruded like a footprint
        if (flat && std::any_of(f.surfaces.begin(), f.surfaces.end(), [](auto& s) { return s.kind == SurfaceKind::Ground; }))
            f.surfaces.erase(std::remove_if(f.surfaces.begin(), f.surfaces.end(),
                                            [](auto& s) { return s.kind != SurfaceKind::Ground; }),
                             f.surfaces.end());
        f.polygons = footprintOf(f.surfaces, flat);
        if (f.polygons.empty()) {
            if (report.skipped["no_footprint"]++ < kMessagesPerReason)
                report.messages.push_back(o.path + ": building '" + b.id + "': its surfaces enclose no area; not imported");
            continue;
        }
        f.height = maxZ - minZ;
        f.heightSource = HeightSource::Field;
        f.attributes.emplace_back("id", b.id);
        for (auto& a : b.attributes) f.attributes.push_back(a);
        f.attributes.emplace_back("lod", lod);
        if (b.parts) f.attributes.emplace_back("building_parts", std::to_string(b.parts));
        char elevation[32];
        std::snprintf(elevation, sizeof elevation, "%.2f", minZ);
        f.attributes.emplace_back("base_elevation_m", elevation);
        if (flat) {
            f.surfaces.clear();
            const std::string* measured = findAttribute(f.attributes, "measuredHeight");
            double h = measured ? std::atof(measured->c_str()) : 0;
            f.height = h > 0 ? h : f.height > 0.5 ? f.height : o.height.defaultHeight;
            if (h <= 0 && f.height == o.height.defaultHeight) f.heightSource = HeightSource::Default;
        }
        layer.features.push_back(std::move(f));
    }
    report.featuresImported = layer.features.size();
    layer.textures = doc.textures;
    for (auto& [reason, n] : doc.skipped) report.skipped[reason] += n;
    report.messages.insert(report.messages.begin(), doc.messages.begin(), doc.messages.end());
    if (!doc.otherObjects.empty()) {
        std::string list;
        for (auto& [type, n] : doc.otherObjects) list += (list.empty() ? "" : ", ") + std::to_string(n) + " " + type;
        report.messages.push_back(o.path + ": not buildings, not imported: " + list);
    }
    if (doc.buildings.empty()) report.messages.push_back(o.path + ": the file holds no buildings");
    return layer;
}

std::optional<GeoPoint> probeCityModelCentre(const ImportOptions& o) {
    std::shared_ptr<const CityDocument> read = readCityModel(o, true);
    const CityDocument& doc = *read;
    std::unique_ptr<OGRSpatialReference> src = sourceSrs(o, doc);
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    for (const CityBuilding& b : doc.buildings)
        for (auto& [lod, surfaces] : b.lods)
            for (const CitySurface& s : surfaces)
                for (const auto& ring : s.rings)
                    for (const Vec3& v : ring) {
                        lo[0] = std::min(lo[0], v.x), lo[1] = std::min(lo[1], v.y);
                        hi[0] = std::max(hi[0], v.x), hi[1] = std::max(hi[1], v.y);
                    }
    if (!std::isfinite(lo[0])) return std::nullopt;
    OGRSpatialReference wgs;
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(src.get(), &wgs));
    double x = (lo[0] + hi[0]) / 2, y = (lo[1] + hi[1]) / 2;
    if (!ct || !ct->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    return GeoPoint{x, y};
}

DatasetInfo inspectCityModel(const std::string& path) {
    ImportOptions o;
    o.path = path;
    std::shared_ptr<const CityDocument> read = readCityModel(o, true);  // Import follows
    const CityDocument& doc = *read;
    DatasetInfo info;
    info.driver = doc.format;
    DatasetLayerInfo l;
    l.name = "buildings";
    l.geometry = "3D surfaces, LOD";
    for (const std::string& lod : levelsIn(doc)) l.geometry += " " + lod;
    l.crs = doc.crs.empty() ? "none (pass a CRS)" : doc.crs;
    l.features = static_cast<long long>(doc.buildings.size());
    std::set<std::string> fields;
    for (std::size_t i = 0; i < doc.buildings.size() && i < 50; ++i)
        for (auto& [k, v] : doc.buildings[i].attributes)
            if (fields.insert(k).second) l.fields.push_back(k);
    info.layers.push_back(std::move(l));
    return info;
}

}  // namespace jbt
