#include "data_import/ogr_polygons.h"

namespace jbt {

std::unique_ptr<OGRPolygon> toOgrPolygon(const Polygon& p) {
    auto poly = std::make_unique<OGRPolygon>();
    auto ring = [](const Ring& r) {
        auto* lr = new OGRLinearRing;
        for (const Vec2& v : r) lr->addPoint(v.x, v.y);
        if (!r.empty()) lr->addPoint(r[0].x, r[0].y);
        return lr;
    };
    poly->addRingDirectly(ring(p.outer));
    for (const Ring& h : p.holes) poly->addRingDirectly(ring(h));
    return poly;
}

void appendPolygons(const OGRGeometry& g, std::vector<Polygon>& out) {
    auto t = wkbFlatten(g.getGeometryType());
    if (t == wkbPolygon) {
        const OGRPolygon& p = *g.toPolygon();
        auto open = [](const OGRLinearRing& r) {
            Ring out;
            for (const OGRPoint& pt : r) out.push_back({pt.getX(), pt.getY()});
            if (out.size() > 1) out.pop_back();
            return out;
        };
        Polygon poly{open(*p.getExteriorRing()), {}};
        for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.holes.push_back(open(*p.getInteriorRing(i)));
        out.push_back(std::move(poly));
    } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection()) appendPolygons(*part, out);
    }
}

}  // namespace jbt
