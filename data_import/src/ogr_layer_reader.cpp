#include "data_import/ogr_layer_reader.h"
#include "ogr_import.h"

#include <cpl_conv.h>
#include <cpl_error.h>

#include "model/error.h"
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <mutex>

#include "data_import/osm_tags.h"

namespace jbt {
namespace {

constexpr std::size_t kMessagesPerReason = 5;

void registerGdalOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // GDAL's own chatter would interleave with our messages; we report its last error text.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string lastGdalError() {
    const char* m = CPLGetLastErrorMsg();
    return m && *m ? std::string(" (GDAL: ") + m + ")" : std::string();
}

bool isPgConnection(const std::string& path) { return path.rfind("PG:", 0) == 0; }

}  // namespace

std::string defaultLayerName(const ImportOptions& o) {
    if (!o.displayName.empty()) return o.displayName;
    if (isPgConnection(o.path)) return o.layerName.empty() ? "postgis" : o.layerName;
    return std::filesystem::path(o.path).filename().string();
}

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

bool isGdalVirtual(const std::string& path) { return path.rfind("/vsi", 0) == 0; }

DatasetPtr openDataset(const ImportOptions& o) {
    registerGdalOnce();
    std::string ext = std::filesystem::path(o.path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // GDAL's virtual files (/vsizip/, /vsimem/, /vsicurl/…) as they are; a .zip (a zipped
    // shapefile, as data is usually handed over) is read inside, without unpacking.
    std::string path = o.path;
    if (isGdalVirtual(path)) {
        VSIStatBufL st;
        if (VSIStatL(path.c_str(), &st) != 0) throw Error(o.path + ": no such file");
    } else if (!isPgConnection(path)) {
        if (!std::filesystem::exists(path)) throw Error(o.path + ": no such file");
        if (ext == ".zip") path = "/vsizip/" + path;
    }
    CPLStringList openOptions;
    if (ext == ".csv") {
        openOptions.AddString("GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom");
        openOptions.AddString("KEEP_GEOM_COLUMNS=NO");
    }
    CPLErrorReset();
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                       nullptr, openOptions.List(), nullptr)));
    if (!ds) throw Error(o.path + ": not a readable vector data set" + lastGdalError());
    return ds;
}

bool isOsm(GDALDataset& ds) {
    return ds.GetDriver() && std::string(ds.GetDriver()->GetDescription()) == "OSM";
}

bool fitsKind(OGRwkbGeometryType t, LayerKind kind) {
    t = wkbFlatten(t);
    if (t == wkbUnknown || t == wkbGeometryCollection) return true;
    if (kind == LayerKind::Points) return t == wkbPoint || t == wkbMultiPoint;
    if (kind == LayerKind::Lines)
        return t == wkbLineString || t == wkbMultiLineString || t == wkbCompoundCurve || t == wkbMultiCurve ||
               t == wkbCircularString;
    return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface;
}

// The layers of `ds` that hold o.kind; empty when there are none.
std::vector<OGRLayer*> layersOfKind(GDALDataset& ds, const ImportOptions& o) {
    std::vector<OGRLayer*> out;
    if (!o.layerName.empty()) {
        if (OGRLayer* l = ds.GetLayerByName(o.layerName.c_str())) out.push_back(l);
        else throw Error(o.path + ": no layer named '" + o.layerName + "'");
        return out;
    }
    if (isOsm(ds)) {
        OGRLayer* l = ds.GetLayerByName(o.kind == LayerKind::Lines    ? "lines"
                                        : o.kind == LayerKind::Points ? "points"
                                                                        : "multipolygons");
        if (l && o.kind == LayerKind::Points) l->SetAttributeFilter("name IS NOT NULL");  // landmarks have names
        // The multipolygons layer holds buildings and landuse/park/water areas together.
        if (l && o.kind == LayerKind::Buildings) l->SetAttributeFilter("building IS NOT NULL AND building <> 'no'");
        if (l && o.kind == LayerKind::Areas) l->SetAttributeFilter("building IS NULL");
        if (l) out.push_back(l);
        return out;
    }
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* l = ds.GetLayer(i);
        if (fitsKind(l->GetGeomType(), o.kind)) out.push_back(l);
    }
    return out;
}

std::vector<OGRLayer*> selectLayers(GDALDataset& ds, const ImportOptions& o) {
    std::vector<OGRLayer*> out = layersOfKind(ds, o);
    if (out.empty())
        throw Error(o.path + (o.kind == LayerKind::Points  ? ": has no point layer"
                              : o.kind == LayerKind::Lines ? ": has no line layer to drape"
                              : o.kind == LayerKind::Areas ? ": has no polygon layer to drape"
                                                             : ": has no polygon layer to extrude"));
    return out;
}

// The CRS the coordinates are in: forced, from the file, or WGS84 for lon/lat-looking data.
std::string describeSrs(const OGRSpatialReference& srs);

constexpr std::size_t kMaxVerticesPerFeature = 200000;

// Where most of a layer lies, in its own coordinates: the median of its features' centres (the
// first thousand), so one stray vertex (1e308, null island) moves nothing. OSM files give their
// header's box, as reading their features one layer at a time would scan the whole file.
std::optional<Vec2> typicalPoint(GDALDataset& ds, OGRLayer& layer) {
    if (isOsm(ds)) {
        OGREnvelope env;
        if (layer.GetExtent(&env, TRUE) != OGRERR_NONE) return std::nullopt;
        Vec2 c{0.5 * (env.MinX + env.MaxX), 0.5 * (env.MinY + env.MaxY)};
        if (!std::isfinite(c.x) || !std::isfinite(c.y)) return std::nullopt;
        return c;
    }
    std::vector<double> xs, ys;
    layer.ResetReading();
    for (int n = 0; n < 1000; ++n) {
        std::unique_ptr<OGRFeature> f(layer.GetNextFeature());
        if (!f) break;
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) continue;
        OGREnvelope env;
        g->getEnvelope(&env);
        double x = 0.5 * (env.MinX + env.MaxX), y = 0.5 * (env.MinY + env.MaxY);
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        xs.push_back(x);
        ys.push_back(y);
    }
    layer.ResetReading();
    if (xs.empty()) return std::nullopt;
    // The lower median: of one good feature and one stray, the good one.
    std::size_t mid = (xs.size() - 1) / 2;
    std::nth_element(xs.begin(), xs.begin() + long(mid), xs.end());
    std::nth_element(ys.begin(), ys.begin() + long(mid), ys.end());
    return Vec2{xs[mid], ys[mid]};
}

void sourceSrs(GDALDataset& ds, OGRLayer& layer, const ImportOptions& o, OGRSpatialReference& srs, std::string& note) {
    if (!o.sourceCrs.empty()) {
        if (srs.SetFromUserInput(o.sourceCrs.c_str()) != OGRERR_NONE)
            throw Error(o.path + ": unknown CRS '" + o.sourceCrs + "'" + lastGdalError());
    } else if (const OGRSpatialReference* s = layer.GetSpatialRef()) {
        srs = *s;
    } else {
        srs.importFromEPSG(4326);
        note = o.path + ": layer '" + layer.GetName() + "' has no CRS; assumed WGS84 lon/lat (EPSG:4326)";
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // Survey exports in projected metres often say nothing of their CRS (GeoJSON then claims
    // WGS84): coordinates that cannot be longitude and latitude say so instead of being read as such.
    if (srs.IsGeographic()) {
        std::optional<Vec2> p = typicalPoint(ds, layer);
        if (p && (std::fabs(p->x) > 180 || std::fabs(p->y) > 90)) {
            char at[96];
            std::snprintf(at, sizeof at, "(%.10g, %.10g)", p->x, p->y);
            throw Error(o.path + ": layer '" + layer.GetName() + "': coordinates such as " + at +
                        " are not longitude/latitude, though the file's CRS is " + describeSrs(srs) +
                        "; they look like projected metres: pass --source-crs (e.g. EPSG:4545)");
        }
    }
}

std::string describeSrs(const OGRSpatialReference& srs) {
    const char* name = srs.GetName();
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    std::string s = name ? name : "unnamed CRS";
    if (auth && code) s += std::string(" (") + auth + ":" + code + ")";
    return s;
}

class FeatureConverter {
public:
    FeatureConverter(const ImportOptions& o, const SceneFrame& frame, LayerData& layer)
        : o_(o), frame_(frame), layer_(layer) {}

    void skip(GIntBig fid, const std::string& reason, const std::string& detail) {
        std::size_t n = ++layer_.report.skipped[reason];
        if (n <= kMessagesPerReason)
            layer_.report.messages.push_back(o_.path + ": feature " + std::to_string(fid) + ": " + reason +
                                             (detail.empty() ? "" : " (" + detail + ")"));
    }

    // Transformed ring → scene metres, applying the Chinese offset where the source uses one.
    bool convertRing(const OGRLinearRing& ring, Ring& out) {
        int n = ring.getNumPoints();
        out.clear();
        out.reserve(n);
        for (int i = 0; i < n; ++i) {
            Vec2 p = toSceneXY(ring.getX(i), ring.getY(i));
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
            out.push_back(p);
        }
        if (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y) out.pop_back();
        return true;
    }

    void collectPolygons(const OGRGeometry& g, std::vector<const OGRPolygon*>& out) {
        auto t = wkbFlatten(g.getGeometryType());
        if (t == wkbPolygon) {
            out.push_back(g.toPolygon());
        } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
            for (const OGRGeometry* part : *g.toGeometryCollection()) collectPolygons(*part, out);
        }
    }

    static std::size_t vertexCount(const OGRGeometry& g) {
        OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
        if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
            std::size_t n = 0;
            for (const OGRGeometry* part : *g.toGeometryCollection()) n += vertexCount(*part);
            return n;
        }
        if (OGR_GT_IsSubClassOf(t, wkbCurvePolygon)) {
            std::size_t n = 0;
            for (const OGRCurve* ring : *g.toCurvePolygon()) n += std::size_t(ring->getNumPoints());
            return n;
        }
        if (OGR_GT_IsCurve(t)) return std::size_t(g.toCurve()->getNumPoints());
        return 1;
    }

    static bool degenerate(const OGRLinearRing* r) { return !r || r->getNumPoints() < 3; }

    static bool hasDegenerateRing(const std::vector<const OGRPolygon*>& polys) {
        for (const OGRPolygon* p : polys) {
            if (degenerate(p->getExteriorRing())) return true;
            for (int i = 0; i < p->getNumInteriorRings(); ++i)
                if (degenerate(p->getInteriorRing(i))) return true;
        }
        return false;
    }

    static std::unique_ptr<OGRGeometry> withoutDegenerateRings(const std::vector<const OGRPolygon*>& polys) {
        auto out = std::make_unique<OGRMultiPolygon>();
        for (const OGRPolygon* p : polys) {
            if (degenerate(p->getExteriorRing())) continue;
            OGRPolygon clean;
            clean.addRing(const_cast<OGRLinearRing*>(p->getExteriorRing()));  // addRing copies
            for (int i = 0; i < p->getNumInteriorRings(); ++i)
                if (!degenerate(p->getInteriorRing(i))) clean.addRing(const_cast<OGRLinearRing*>(p->getInteriorRing(i)));
            out->addGeometry(&clean);
        }
        return out;
    }

    // Envelopes silently skip NaN, so every vertex is looked at.
    static bool allFinite(const std::vector<const OGRPolygon*>& polys) {
        for (const OGRPolygon* p : polys)
            for (const OGRLinearRing* r : *p)
                for (int i = 0; i < r->getNumPoints(); ++i)
                    if (!std::isfinite(r->getX(i)) || !std::isfinite(r->getY(i))) return false;
        return true;
    }

    void convert(OGRFeature& f, OGRCoordinateTransformation* ct) {
        GIntBig fid = f.GetFID();
        ++layer_.report.featuresRead;
        OGRGeometry* src = f.GetGeometryRef();
        if (!src || src->IsEmpty()) return skip(fid, "no_geometry", "");
        // A single feature of millions of vertices (a whole coastline as one ring) would take
        // minutes and gigabytes to repair and extrude: counted and left out.
        if (std::size_t n = vertexCount(*src); n > kMaxVerticesPerFeature)
            return skip(fid, "too_many_vertices", std::to_string(n) + " vertices, over " + std::to_string(kMaxVerticesPerFeature));
        std::unique_ptr<OGRGeometry> g(src->hasCurveGeometry() ? src->getLinearGeometry() : src->clone());
        Feature out;
        out.sourceFid = fid;
        bool repaired = false;
        std::string reason, detail;
        bool ok = o_.kind == LayerKind::Lines    ? convertLines(std::move(g), ct, out, reason, detail)
                  : o_.kind == LayerKind::Points ? convertPoints(std::move(g), ct, out, reason, detail)
                                                   : convertPolygons(std::move(g), ct, out, repaired, reason, detail);
        if (!ok) return skip(fid, reason, detail);
        if (double d = farthestFromCentre(out); d > kRegionRadiusM)
            return skip(fid, "outside_region", "lies " + std::to_string(int(d / 1000)) +
                                                   " km from the scene centre; a scene holds the 500 km around it");
        for (int i = 0; i < f.GetFieldCount(); ++i) {
            if (!f.IsFieldSetAndNotNull(i)) continue;
            const char* name = f.GetFieldDefnRef(i)->GetNameRef();
            const char* value = f.GetFieldAsString(i);
            if (!value || !*value) continue;
            if (std::string(name) == "other_tags") appendHstoreTags(value, out.attributes);
            else out.attributes.emplace_back(name, value);
        }
        if (o_.kind == LayerKind::Buildings) {
            HeightResult h = resolveHeight(out.attributes, o_.height);
            if (!h.ok) return skip(fid, h.reason, h.detail);
            out.height = h.height;
            out.minHeight = h.minHeight;
            out.heightSource = h.source;
            if (h.source == HeightSource::Default) ++layer_.report.heightsDefaulted;
            if (!h.unreadable.empty() && ++layer_.report.heightsUnreadable <= kMessagesPerReason)
                layer_.report.messages.push_back(o_.path + ": feature " + std::to_string(fid) + ": height '" + h.unreadable +
                                                 "' is not a number; the default " +
                                                 std::to_string(int(o_.height.defaultHeight)) + " m is used");
        }
        if (repaired) ++layer_.report.geometriesRepaired;
        layer_.features.push_back(std::move(out));
        ++layer_.report.featuresImported;
    }

private:
    // Scene coordinates are metres from the centre: the largest distance of any vertex.
    static double farthestFromCentre(const Feature& f) {
        double d2 = 0;
        auto see = [&](const Vec2& v) { d2 = std::max(d2, v.x * v.x + v.y * v.y); };
        for (const Polygon& p : f.polygons)
            for (const Vec2& v : p.outer) see(v);
        for (const auto& line : f.lines)
            for (const Vec2& v : line) see(v);
        for (const Vec2& v : f.points) see(v);
        return std::sqrt(d2);
    }

    bool convertPolygons(std::unique_ptr<OGRGeometry> g, OGRCoordinateTransformation* ct, Feature& out, bool& repaired,
                         std::string& reason, std::string& detail) {
        std::vector<const OGRPolygon*> polys;
        collectPolygons(*g, polys);
        if (polys.empty()) {
            reason = "not_polygon";
            detail = OGRGeometryTypeToName(g->getGeometryType());
            return false;
        }
        reason = "nan_coordinate";
        if (!allFinite(polys)) return false;
        // Rings too short to enclose anything (an empty hole, say): holes are dropped, a
        // polygon whose outline is one is dropped; GDAL's ring calls would read past them.
        if (hasDegenerateRing(polys)) {
            g = withoutDegenerateRings(polys);
            repaired = true;
            polys.clear();
            collectPolygons(*g, polys);
            if (polys.empty()) {
                reason = "degenerate_ring";
                detail = "every outline has fewer than 3 points";
                return false;
            }
        }
        for (const OGRPolygon* p : polys)
            for (const OGRLinearRing* r : *p)
                if (!r->get_IsClosed()) repaired = true;
        if (repaired) g->closeRings();
        if (!g->IsValid()) {
            std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
            if (!fixed || fixed->IsEmpty()) {
                reason = "invalid_geometry";
                detail = "GEOS could not repair it";
                return false;
            }
            g = std::move(fixed);
            repaired = true;
        }
        if (ct && g->transform(ct) != OGRERR_NONE) {
            reason = "transform_failed";
            return false;
        }
        polys.clear();
        collectPolygons(*g, polys);
        for (const OGRPolygon* p : polys) {
            Polygon poly;
            const OGRLinearRing* ext = p->getExteriorRing();
            if (!ext || !convertRing(*ext, poly.outer)) return false;
            double area = std::fabs(signedArea(poly.outer));
            for (int i = 0; i < p->getNumInteriorRings(); ++i) {
                Ring hole;
                if (!convertRing(*p->getInteriorRing(i), hole)) return false;
                if (hole.size() < 3) continue;
                area -= std::fabs(signedArea(hole));
                poly.holes.push_back(std::move(hole));
            }
            if (poly.outer.size() >= 3 && area > 0.01) out.polygons.push_back(std::move(poly));
        }
        reason = "zero_area";
        detail = "footprint has no area";
        return !out.polygons.empty();
    }

    static void collectLines(const OGRGeometry& g, std::vector<const OGRLineString*>& out) {
        auto t = wkbFlatten(g.getGeometryType());
        if (t == wkbLineString) out.push_back(g.toLineString());
        else if (t == wkbMultiLineString || t == wkbGeometryCollection)
            for (const OGRGeometry* part : *g.toGeometryCollection()) collectLines(*part, out);
    }

    Vec2 toSceneXY(double x, double y) const {
        if (o_.datum == ChineseDatum::None) return {x, y};
        Vec2 w = toWgs84(o_.datum, x, y);
        return frame_.toScene({w.x, w.y});
    }

    bool convertPoints(std::unique_ptr<OGRGeometry> g, OGRCoordinateTransformation* ct, Feature& out,
                       std::string& reason, std::string& detail) {
        if (ct && g->transform(ct) != OGRERR_NONE) {
            reason = "transform_failed";
            return false;
        }
        auto add = [&](const OGRPoint& p) {
            Vec2 v = toSceneXY(p.getX(), p.getY());
            if (std::isfinite(v.x) && std::isfinite(v.y)) out.points.push_back(v);
        };
        auto t = wkbFlatten(g->getGeometryType());
        if (t == wkbPoint) add(*g->toPoint());
        else if (t == wkbMultiPoint)
            for (const OGRPoint* p : *g->toMultiPoint()) add(*p);
        reason = t == wkbPoint || t == wkbMultiPoint ? "nan_coordinate" : "not_point";
        detail = t == wkbPoint || t == wkbMultiPoint ? "" : OGRGeometryTypeToName(g->getGeometryType());
        return !out.points.empty();
    }

    bool convertLines(std::unique_ptr<OGRGeometry> g, OGRCoordinateTransformation* ct, Feature& out,
                      std::string& reason, std::string& detail) {
        std::vector<const OGRLineString*> lines;
        collectLines(*g, lines);
        if (lines.empty()) {
            reason = "not_line";
            detail = OGRGeometryTypeToName(g->getGeometryType());
            return false;
        }
        if (ct && g->transform(ct) != OGRERR_NONE) {
            reason = "transform_failed";
            return false;
        }
        lines.clear();
        collectLines(*g, lines);
        reason = "nan_coordinate";
        for (const OGRLineString* l : lines) {
            std::vector<Vec2> line;
            for (int i = 0; i < l->getNumPoints(); ++i) {
                Vec2 p = toSceneXY(l->getX(i), l->getY(i));
                if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
                line.push_back(p);
            }
            if (line.size() >= 2) out.lines.push_back(std::move(line));
        }
        reason = "zero_length";
        detail = "";
        return !out.lines.empty();
    }

    const ImportOptions& o_;
    const SceneFrame& frame_;
    LayerData& layer_;
};

}  // namespace

LayerData importOgrLayer(const ImportOptions& o, const SceneFrame& frame) {
    LayerData layer;
    layer.name = defaultLayerName(o);
    layer.kind = o.kind;
    layer.sourcePath = o.path;
    DatasetPtr ds = openDataset(o);
    std::vector<OGRLayer*> layers = selectLayers(*ds, o);

    OGRSpatialReference target;
    if (o.datum == ChineseDatum::None) target.importFromProj4(frame.projString().c_str());
    else target.importFromEPSG(4326);  // offsets are defined on lon/lat; the frame takes it from there
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    FeatureConverter converter(o, frame, layer);
    for (OGRLayer* l : layers) {
        OGRSpatialReference src;
        std::string note;
        sourceSrs(*ds, *l, o, src, note);
        if (!note.empty()) layer.report.messages.push_back(note);
        if (!layer.sourceCrs.empty()) layer.sourceCrs += "; ";
        layer.sourceCrs += describeSrs(src);
        if (o.datum != ChineseDatum::None) layer.sourceCrs += std::string(" + ") + chineseDatumName(o.datum);
        CPLErrorReset();
        std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &target));
        if (!ct) throw Error(o.path + ": cannot transform from " + describeSrs(src) + " to the scene CRS" + lastGdalError());
        l->ResetReading();
        CPLErrorReset();
        GIntBig total = o.progress ? l->GetFeatureCount(FALSE) : -1;  // cheap counts only
        std::size_t done = 0;
        for (auto& f : *l) {
            converter.convert(*f, ct.get());
            CPLErrorReset();  // a feature's own failure (counted) is not the reader's
            if (++done % 2000 != 0) continue;
            if (o.cancelled && o.cancelled()) throw Error(o.path + ": import cancelled");
            if (o.progress && total > 0) o.progress(std::min(1.0, double(done) / double(total)));
        }
        if (o.progress) o.progress(1.0);
        // A truncated or corrupt file ends the feature loop early with a GDAL error.
        if (CPLGetLastErrorType() >= CE_Failure) {
            std::string msg = CPLGetLastErrorMsg();
            if (layer.report.featuresRead == 0) throw Error(o.path + ": cannot read features" + lastGdalError());
            layer.report.messages.push_back(o.path + ": reading stopped early: " + msg);
        }
    }
    if (layer.report.featuresRead == 0) layer.report.messages.push_back(o.path + ": the layer has no features");
    return layer;
}

bool hasOgrLayerOfKind(const ImportOptions& o) {
    try {
        DatasetPtr ds = openDataset(o);
        return !layersOfKind(*ds, o).empty();
    } catch (const Error&) {
        return false;  // unreadable: the import that follows says why
    }
}

DatasetInfo inspectOgrDataset(const std::string& path) {
    DatasetInfo info;
    ImportOptions o;
    o.path = path;
    DatasetPtr ds = openDataset(o);
    info.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
        OGRLayer* l = ds->GetLayer(i);
        DatasetLayerInfo li;
        li.name = l->GetName();
        li.geometry = OGRGeometryTypeToName(l->GetGeomType());
        li.crs = l->GetSpatialRef() ? describeSrs(*l->GetSpatialRef()) : "none (lon/lat assumed, or pass a CRS)";
        li.features = isOsm(*ds) ? -1 : l->GetFeatureCount(FALSE);
        OGRFeatureDefn* defn = l->GetLayerDefn();
        for (int f = 0; f < defn->GetFieldCount(); ++f) li.fields.push_back(defn->GetFieldDefn(f)->GetNameRef());
        info.layers.push_back(std::move(li));
    }
    return info;
}

std::optional<GeoPoint> probeOgrCentre(const ImportOptions& o) {
    DatasetPtr ds = openDataset(o);
    std::vector<OGRLayer*> layers = selectLayers(*ds, o);
    for (OGRLayer* l : layers) {
        std::optional<Vec2> p = typicalPoint(*ds, *l);
        if (!p) continue;
        OGRSpatialReference src, wgs;
        std::string note;
        sourceSrs(*ds, *l, o, src, note);
        wgs.importFromEPSG(4326);
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &wgs));
        double x = p->x, y = p->y;
        if (!ct || !ct->Transform(1, &x, &y)) continue;
        Vec2 w = toWgs84(o.datum, x, y);
        if (!std::isfinite(w.x) || !std::isfinite(w.y) || std::fabs(w.x) > 180 || std::fabs(w.y) > 90) continue;
        return GeoPoint{w.x, w.y};
    }
    return std::nullopt;
}

}  // namespace jbt
