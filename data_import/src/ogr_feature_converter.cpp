#include "ogr_feature_converter.h"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "data_import/ogr_polygons.h"
#include "data_import/osm_tags.h"

namespace jbt {
namespace {

constexpr std::size_t kMaxVerticesPerFeature = 200000;
// Unreadable heights are not skipped features; their messages are capped under this key.
constexpr const char* kUnreadableHeight = "height_unreadable";

class FeatureConverter {
public:
    FeatureConverter(const ImportOptions& o, ConvertedBatch& out) : o_(o), out_(out) {}

    void skip(GIntBig fid, const std::string& reason, const std::string& detail) {
        ++out_.report.skipped[reason];
        out_.notes.emplace_back(reason, o_.path + ": feature " + std::to_string(fid) + ": " + reason +
                                            (detail.empty() ? "" : " (" + detail + ")"));
    }

    // A transformed ring, in scene metres.
    bool convertRing(const OGRLinearRing& ring, Ring& out) {
        int n = ring.getNumPoints();
        out.clear();
        out.reserve(n);
        for (int i = 0; i < n; ++i) {
            Vec2 p{ring.getX(i), ring.getY(i)};
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
        ++out_.report.featuresRead;
        OGRGeometry* src = f.GetGeometryRef();
        if (!src || src->IsEmpty()) return skip(fid, "no_geometry", "");
        // A single feature of millions of vertices (a whole coastline as one ring) would take
        // minutes and gigabytes to repair and extrude: counted and left out.
        if (std::size_t n = vertexCount(*src); n > kMaxVerticesPerFeature)
            return skip(fid, "too_many_vertices", std::to_string(n) + " vertices, over " + std::to_string(kMaxVerticesPerFeature));
        // Taken from the feature, not copied: the feature is dropped once converted.
        std::unique_ptr<OGRGeometry> g(f.StealGeometry());
        if (g->hasCurveGeometry()) g.reset(g->getLinearGeometry());
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
            if (h.source == HeightSource::Default) ++out_.report.heightsDefaulted;
            if (!h.unreadable.empty()) {
                ++out_.report.heightsUnreadable;
                out_.notes.emplace_back(kUnreadableHeight, o_.path + ": feature " + std::to_string(fid) + ": height '" +
                                                               h.unreadable + "' is not a number; the default " +
                                                               std::to_string(int(o_.height.defaultHeight)) + " m is used");
            }
        }
        if (repaired) ++out_.report.geometriesRepaired;
        out_.features.push_back(std::move(out));
        ++out_.report.featuresImported;
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
        if (!(polys.size() == 1 && clearlyValid(*polys[0])) && !g->IsValid()) {
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


    bool convertPoints(std::unique_ptr<OGRGeometry> g, OGRCoordinateTransformation* ct, Feature& out,
                       std::string& reason, std::string& detail) {
        if (ct && g->transform(ct) != OGRERR_NONE) {
            reason = "transform_failed";
            return false;
        }
        auto add = [&](const OGRPoint& p) {
            Vec2 v{p.getX(), p.getY()};
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
                Vec2 p{l->getX(i), l->getY(i)};
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
    ConvertedBatch& out_;
};

}  // namespace

void convertFeature(OGRFeature& feature, OGRCoordinateTransformation* ct, const ImportOptions& options,
                    ConvertedBatch& out) {
    FeatureConverter(options, out).convert(feature, ct);
}

void mergeReport(ConvertedBatch& batch, ImportReport& into, std::map<std::string, std::size_t>& noted,
                 std::size_t perReason) {
    const ImportReport& r = batch.report;
    into.featuresRead += r.featuresRead;
    into.featuresImported += r.featuresImported;
    into.geometriesRepaired += r.geometriesRepaired;
    into.heightsDefaulted += r.heightsDefaulted;
    into.heightsUnreadable += r.heightsUnreadable;
    for (const auto& [reason, n] : r.skipped) into.skipped[reason] += n;
    for (auto& [reason, message] : batch.notes)
        if (++noted[reason] <= perReason) into.messages.push_back(std::move(message));
}

}  // namespace jbt
