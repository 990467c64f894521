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
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "ogr_conversion_pool.h"

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

// GDAL's GeoJSON driver parses the whole file to learn its fields when it opens it (5 s for a
// million footprints), and a scene's centre is probed from a source just before importing it:
// the probe's data set is kept (one, per thread) for that import instead of opened twice.
struct KeptDataset {
    std::string path;
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    DatasetPtr ds;
};
thread_local KeptDataset kept;

bool sameFile(const std::string& path, std::filesystem::file_time_type& modified, std::uintmax_t& size) {
    std::error_code ec;
    modified = std::filesystem::last_write_time(path, ec);
    size = std::filesystem::file_size(path, ec);
    return !ec;
}

void keepForImport(const ImportOptions& o, DatasetPtr ds) {
    kept = {};
    if (isGdalVirtual(o.path) || isPgConnection(o.path) || isOsm(*ds)) return;  // OSM reads layers interleaved
    if (!sameFile(o.path, kept.modified, kept.size)) return;
    kept.path = o.path;
    kept.ds = std::move(ds);
}

DatasetPtr openOrTakeKept(const ImportOptions& o) {
    KeptDataset k = std::move(kept);
    kept = {};
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    if (k.ds && k.path == o.path && sameFile(o.path, modified, size) && modified == k.modified && size == k.size)
        return std::move(k.ds);
    return openDataset(o);
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

}  // namespace

// Features handed to a worker at once: enough to keep locking rare, few enough to stay small.
constexpr std::size_t kBatchSize = 256;

LayerData importOgrLayer(const ImportOptions& o, const SceneFrame& frame, const FeatureSink& sink) {
    LayerData layer;
    layer.name = defaultLayerName(o);
    layer.kind = o.kind;
    layer.sourcePath = o.path;
    DatasetPtr ds = openOrTakeKept(o);
    std::vector<OGRLayer*> layers = selectLayers(*ds, o);
    const int workers = o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));

    std::map<std::string, std::size_t> noted;
    auto deliver = [&](ConvertedBatch&& b) {
        mergeReport(b, layer.report, noted, kMessagesPerReason);
        if (!b.features.empty()) sink(std::move(b.features));
    };
    std::size_t read = 0;
    for (OGRLayer* l : layers) {
        OGRSpatialReference src;
        std::string note;
        sourceSrs(*ds, *l, o, src, note);
        if (!note.empty()) layer.report.messages.push_back(note);
        if (!layer.sourceCrs.empty()) layer.sourceCrs += "; ";
        layer.sourceCrs += describeSrs(src);
        if (o.datum != ChineseDatum::None) layer.sourceCrs += std::string(" + ") + chineseDatumName(o.datum);
        char* wkt = nullptr;
        const char* wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
        src.exportToWkt(&wkt, wktOptions);
        LayerTransform transform{wkt ? wkt : "", frame.projString(), o.datum, frame.origin()};
        CPLFree(wkt);
        CPLErrorReset();
        std::unique_ptr<OGRCoordinateTransformation> ct = makeTransformation(transform);
        if (!ct) throw Error(o.path + ": cannot transform from " + describeSrs(src) + " to the scene CRS" + lastGdalError());
        std::optional<ConversionPool> pool;
        if (workers > 1) pool.emplace(o, transform, workers, deliver);
        std::vector<std::unique_ptr<OGRFeature>> batch;
        auto flush = [&] {
            if (pool) {
                pool->submit(std::move(batch));
            } else {
                ConvertedBatch b;
                for (auto& f : batch) convertFeature(*f, ct.get(), o, b);
                deliver(std::move(b));
            }
            batch.clear();
        };
        l->ResetReading();
        CPLErrorReset();
        GIntBig total = o.progress ? l->GetFeatureCount(FALSE) : -1;  // cheap counts only
        std::size_t done = 0;
        while (OGRFeature* f = l->GetNextFeature()) {
            batch.emplace_back(f);
            ++read;
            if (batch.size() == kBatchSize) flush();
            CPLErrorReset();  // a feature's own failure (counted) is not the reader's
            if (++done % 2000 != 0) continue;
            if (o.cancelled && o.cancelled()) throw Error(o.path + ": import cancelled");
            if (o.progress && total > 0) o.progress(std::min(1.0, double(done) / double(total)));
        }
        // A truncated or corrupt file ends the feature loop early with a GDAL error.
        std::string stopped = CPLGetLastErrorType() >= CE_Failure ? CPLGetLastErrorMsg() : "";
        std::string stoppedDetail = lastGdalError();
        if (!batch.empty()) flush();
        if (pool) pool->finish();
        if (o.progress) o.progress(1.0);
        if (!stopped.empty()) {
            if (read == 0) throw Error(o.path + ": cannot read features" + stoppedDetail);
            layer.report.messages.push_back(o.path + ": reading stopped early: " + stopped);
        }
    }
    if (layer.report.featuresRead == 0) layer.report.messages.push_back(o.path + ": the layer has no features");
    return layer;
}

LayerData importOgrLayer(const ImportOptions& o, const SceneFrame& frame) {
    std::vector<Feature> features;
    LayerData layer = importOgrLayer(o, frame, [&](std::vector<Feature>&& batch) {
        if (features.empty()) features = std::move(batch);
        else features.insert(features.end(), std::make_move_iterator(batch.begin()), std::make_move_iterator(batch.end()));
    });
    layer.features = std::move(features);
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

namespace {

std::optional<GeoPoint> probeCentreOf(GDALDataset& ds, const ImportOptions& o) {
    std::vector<OGRLayer*> layers = selectLayers(ds, o);
    for (OGRLayer* l : layers) {
        std::optional<Vec2> p = typicalPoint(ds, *l);
        if (!p) continue;
        OGRSpatialReference src, wgs;
        std::string note;
        sourceSrs(ds, *l, o, src, note);
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

}  // namespace

std::optional<GeoPoint> probeOgrCentre(const ImportOptions& o) {
    DatasetPtr ds = openDataset(o);
    std::optional<GeoPoint> centre = probeCentreOf(*ds, o);
    keepForImport(o, std::move(ds));
    return centre;
}

}  // namespace jbt
