#include "data_import/demo_landscape.h"

#include "data_import/ogr_polygons.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/error.h"

namespace jbt {
namespace {

std::vector<GeoPoint> readLine(const nlohmann::json& j) {
    std::vector<GeoPoint> out;
    for (const auto& p : j) out.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
    return out;
}

// Chaikin's corner cutting: each pass replaces a corner by two points a quarter along its
// segments; the ends stay where they are.
std::vector<GeoPoint> smoothed(std::vector<GeoPoint> line, int passes) {
    for (int k = 0; k < passes && line.size() > 2; ++k) {
        std::vector<GeoPoint> out{line.front()};
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            const GeoPoint &a = line[i], &b = line[i + 1];
            if (i > 0) out.push_back({0.75 * a.lon + 0.25 * b.lon, 0.75 * a.lat + 0.25 * b.lat});
            if (i + 2 < line.size()) out.push_back({0.25 * a.lon + 0.75 * b.lon, 0.25 * a.lat + 0.75 * b.lat});
        }
        out.push_back(line.back());
        line = std::move(out);
    }
    return line;
}

std::vector<Vec2> toScene(const std::vector<GeoPoint>& line, const SceneFrame& frame) {
    std::vector<Vec2> out;
    for (const GeoPoint& g : line) out.push_back(frame.toScene(g));
    return out;
}

double distanceToPolyline(const std::vector<Vec2>& line, Vec2 p) {
    double best = std::numeric_limits<double>::max();
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        Vec2 a = line[i], b = line[i + 1];
        double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
        double ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy);
        best = std::min(best, ex * ex + ey * ey);  // squared: one root at the end (hypot is slow)
    }
    return std::sqrt(best);
}

// Smooth value noise from an integer hash: the same hills on every machine.
double hashUnit(std::int64_t x, std::int64_t y) {
    std::uint64_t h = std::uint64_t(x) * 0x9E3779B97F4A7C15ull ^ (std::uint64_t(y) + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    return double(h >> 11) * 0x1.0p-53;
}

double valueNoise(double x, double y) {
    double fx = std::floor(x), fy = std::floor(y);
    double u = x - fx, v = y - fy;
    u = u * u * (3 - 2 * u);
    v = v * v * (3 - 2 * v);
    auto ix = std::int64_t(fx), iy = std::int64_t(fy);
    double a = hashUnit(ix, iy), b = hashUnit(ix + 1, iy), c = hashUnit(ix, iy + 1), d = hashUnit(ix + 1, iy + 1);
    return (a * (1 - u) + b * u) * (1 - v) + (c * (1 - u) + d * u) * v;
}

double hills(double x, double y) {
    double sum = 0, amp = 1, freq = 1.0 / 3500.0, norm = 0;
    for (int o = 0; o < 4; ++o) {
        sum += amp * (valueNoise(x * freq, y * freq) * 2 - 1);
        norm += amp;
        amp *= 0.5;
        freq *= 2.1;
    }
    return sum / norm;
}

double smoothstep(double e0, double e1, double x) {
    double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

}  // namespace

DemoLandscape loadDemoLandscape(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    DemoLandscape l;
    try {
        nlohmann::json j = nlohmann::json::parse(in);
        l.baseHeightM = j.value("base_height_m", 250.0);
        l.hillsAmplitudeM = j.value("hills_amplitude_m", 50.0);
        l.gridSpacingM = j.value("grid_spacing_m", 60.0);
        const auto& e = j.at("extent");
        l.southWest = {e.at("west").get<double>(), e.at("south").get<double>()};
        l.northEast = {e.at("east").get<double>(), e.at("north").get<double>()};
        // Rivers bend, they do not turn corners: the hand-written courses are a few points each.
        for (const auto& r : j.at("rivers"))
            l.rivers.push_back({r.at("id"), r.at("name_zh"), r.at("name_en"), smoothed(readLine(r.at("course")), 3),
                                r.at("width_m").get<double>(), r.at("water_level_m").get<double>()});
        for (const auto& r : j.at("ridges"))
            l.ridges.push_back({r.at("id"), r.at("name_zh"), r.at("name_en"), readLine(r.at("crest")),
                                r.at("height_m").get<double>(), r.at("half_width_m").get<double>()});
        if (j.contains("urban_area")) l.urbanArea = readLine(j.at("urban_area"));
    } catch (const nlohmann::json::exception& ex) {
        throw Error(path + ": malformed: " + ex.what());
    }
    return l;
}

// The foreshore between a demo river's water and its bank: two grid cells, so the ground's
// crossing of the water level never falls on the water's edge.
namespace {
double bankStripM(const DemoLandscape& l) { return 2 * l.gridSpacingM; }
}  // namespace

HeightGrid generateDemoTerrain(const DemoLandscape& l, const SceneFrame& frame) {
    Vec2 sw = frame.toScene(l.southWest), ne = frame.toScene(l.northEast);
    HeightGrid g;
    g.spacing = l.gridSpacingM;
    g.originX = std::floor(sw.x / g.spacing) * g.spacing;
    g.originY = std::floor(sw.y / g.spacing) * g.spacing;
    g.cols = int((ne.x - g.originX) / g.spacing) + 2;
    g.rows = int((ne.y - g.originY) / g.spacing) + 2;
    g.heights.resize(std::size_t(g.cols) * g.rows);
    std::vector<std::vector<Vec2>> rivers, ridges;
    for (const River& r : l.rivers) rivers.push_back(toScene(r.course, frame));
    for (const Ridge& r : l.ridges) ridges.push_back(toScene(r.crest, frame));
    for (int row = 0; row < g.rows; ++row)
        for (int col = 0; col < g.cols; ++col) {
            Vec2 p{g.originX + col * g.spacing, g.originY + row * g.spacing};
            double h = l.baseHeightM + l.hillsAmplitudeM * hills(p.x, p.y);
            for (std::size_t i = 0; i < ridges.size(); ++i) {
                double d = distanceToPolyline(ridges[i], p) / l.ridges[i].halfWidthM;
                // Sharper crests than a Gaussian: the Chongqing ridges are long narrow anticlines.
                h = std::max(h, h + (l.ridges[i].heightM - l.baseHeightM) * std::exp(-d * d) * (0.85 + 0.3 * hills(p.y, p.x)));
            }
            for (std::size_t i = 0; i < rivers.size(); ++i) {
                double half = l.rivers[i].widthM / 2, level = l.rivers[i].waterLevelM;
                double d = distanceToPolyline(rivers[i], p);
                // The bed under the water, and a strip of low foreshore beyond it (Chongqing's
                // rivers fall and rise by metres): the ground meets the water level inside the
                // strip, not at the water's edge, so the shore is the water polygon's own smooth
                // outline instead of the terrain grid's stair-stepped contour.
                double strip = bankStripM(l);
                if (d < half) h = std::min(h, level - 10 + 6 * d / half);
                else if (d < half + strip) h = std::min(h, level - 4 + 5 * (d - half) / strip);
                else h = std::min(h, level + 1 + (h - level - 1) * smoothstep(half + strip, half + strip + 1100, d));
            }
            g.heights[std::size_t(row) * g.cols + col] = float(h);
        }
    return g;
}

std::vector<WaterBody> demoWater(const DemoLandscape& l, const SceneFrame& frame) {
    std::vector<WaterBody> out;
    // Water stops where the generated terrain stops.
    Vec2 sw = frame.toScene(l.southWest), ne = frame.toScene(l.northEast);
    OGRLinearRing box;
    for (Vec2 p : {sw, Vec2{ne.x, sw.y}, ne, Vec2{sw.x, ne.y}, sw}) box.addPoint(p.x, p.y);
    OGRPolygon extent;
    extent.addRing(&box);
    for (const River& r : l.rivers) {
        OGRLineString line;
        for (const Vec2& p : toScene(r.course, frame)) line.addPoint(p.x, p.y);
        std::unique_ptr<OGRGeometry> widened(line.Buffer(r.widthM / 2, 8));
        std::unique_ptr<OGRGeometry> area(widened ? widened->Intersection(&extent) : nullptr);
        WaterBody w{r.id, r.nameZh, r.nameEn, {}, r.waterLevelM};
        if (area) appendPolygons(*area, w.polygons);
        out.push_back(std::move(w));
    }
    return out;
}

LayerData demoGreenSpace(const DemoLandscape& l, const SceneFrame& frame) {
    LayerData layer;
    layer.generated = true;
    layer.name = "演示绿地 demo green space";
    layer.kind = LayerKind::Areas;
    layer.sourcePath = "(generated demo data)";
    std::int64_t fid = 0;
    for (const Ridge& r : l.ridges) {
        if (r.halfWidthM < 1000) continue;  // hills, not forest parks
        OGRLineString crest;
        for (const Vec2& p : toScene(r.crest, frame)) crest.addPoint(p.x, p.y);
        std::unique_ptr<OGRGeometry> area(crest.Buffer(r.halfWidthM * 0.8, 8));
        Feature f;
        f.sourceFid = fid++;
        if (area) appendPolygons(*area, f.polygons);
        f.attributes = {{"name", r.nameZh + " " + r.nameEn}, {"type", "forest_park"}, {"source", "演示数据 demo data (generated)"}};
        if (!f.polygons.empty()) layer.features.push_back(std::move(f));
    }
    layer.report.featuresRead = layer.report.featuresImported = layer.features.size();
    return layer;
}

RiverMask::RiverMask(const DemoLandscape& l, const SceneFrame& frame) {
    for (const River& r : l.rivers) lines_.push_back({toScene(r.course, frame), r.widthM / 2 + bankStripM(l)});
}

bool RiverMask::contains(Vec2 p, double margin) const {
    for (const Line& l : lines_)
        if (distanceToPolyline(l.points, p) < l.halfWidth + margin) return true;
    return false;
}

}  // namespace jbt
