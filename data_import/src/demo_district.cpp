#include "data_import/demo_district.h"

#include <cmath>

#include "data_import/demo_landscape.h"
#include <algorithm>
#include <set>
#include <string>

namespace jbt {
namespace {

// splitmix64: the same sequence on every platform, unlike std:: distributions.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    double uniform() {  // [0, 1)
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
    }
    double range(double a, double b) { return a + (b - a) * uniform(); }

private:
    std::uint64_t s_;
};

struct ZoneStyle {
    double minH, maxH;       // metres
    double minSide, maxSide; // footprint side, metres
    double courtyardShare;   // share of buildings with an inner courtyard
    double towerShare;       // share of slender octagonal towers
};

ZoneStyle styleFor(const std::string& kind) {
    if (kind == "cbd") return {120, 330, 30, 55, 0.0, 0.5};
    if (kind == "commercial") return {50, 200, 25, 60, 0.1, 0.3};
    if (kind == "residential") return {18, 90, 18, 40, 0.15, 0.1};
    if (kind == "renewal") return {9, 30, 25, 60, 0.4, 0.0};
    if (kind == "heritage") return {5, 12, 10, 24, 0.5, 0.0};
    if (kind == "industrial") return {8, 18, 50, 120, 0.0, 0.0};
    return {6, 12, 10, 20, 0.2, 0.0};  // forest lodges and villages
}

Ring rectangle(double cx, double cy, double w, double d, double angle) {
    double c = std::cos(angle), s = std::sin(angle);
    Ring r;
    for (auto [u, v] : {std::pair{-w, -d}, {w, -d}, {w, d}, {-w, d}})
        r.push_back({cx + 0.5 * (u * c - v * s), cy + 0.5 * (u * s + v * c)});
    return r;
}

Ring octagon(double cx, double cy, double radius, double angle) {
    Ring r;
    for (int i = 0; i < 8; ++i) {
        double a = angle + i * M_PI / 4;
        r.push_back({cx + radius * std::cos(a), cy + radius * std::sin(a)});
    }
    return r;
}

// Each quarter's street grid: its direction and block pitch, drawn from the same random stream
// the buildings use, so streets run between the blocks.
// FNV-1a: a stable per-place seed (std::hash may differ between standard libraries).
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

struct StreetGrid {
    double angle, pitch;
};

StreetGrid streetGridFor(const ZoneStyle& st, Rng& rng) {
    double angle = rng.range(0, M_PI / 2);
    return {angle, st.maxSide + 12.0};
}

}  // namespace

LayerData generateDemoDistrict(const std::vector<Place>& places, const SceneFrame& frame,
                               const DemoDistrictOptions& options) {
    LayerData layer;
    layer.generated = true;
    layer.name = "演示建筑 demo buildings";
    layer.sourcePath = "(generated demo data)";
    layer.sourceCrs = "generated in the scene CRS";
    Rng rng(options.seed);
    std::int64_t fid = 0;
    for (const Place& place : places) {
        if (place.zone.count <= 0) continue;
        ZoneStyle st = styleFor(place.zone.kind);
        Vec2 centre = frame.toScene(place.position);
        // Blocks on a street lattice, turned to the quarter's own grid direction; the zone's
        // edge wobbles so quarters do not read as discs.
        Rng gridRng(options.seed ^ fnv1a(place.id));
        StreetGrid grid = streetGridFor(st, gridRng);
        double street = grid.angle, cs = std::cos(street), sn = std::sin(street);
        double pitch = grid.pitch;
        double phase1 = rng.range(0, 2 * M_PI), phase2 = rng.range(0, 2 * M_PI);
        int cells = static_cast<int>(place.zone.radiusM / pitch) + 1;
        std::set<std::pair<int, int>> taken;
        int placed = 0;
        for (int attempt = 0; attempt < place.zone.count * 30 && placed < place.zone.count; ++attempt) {
            int i = static_cast<int>(std::floor(rng.range(-cells, cells + 1)));
            int j = static_cast<int>(std::floor(rng.range(-cells, cells + 1)));
            double u = i * pitch, v = j * pitch;
            double rr = std::hypot(u, v), a = std::atan2(v, u);
            double edge = place.zone.radiusM * (1.0 + 0.25 * std::sin(3 * a + phase1) + 0.12 * std::sin(7 * a + phase2));
            if (rr > edge || !taken.insert({i, j}).second) continue;
            double w = rng.range(st.minSide, st.maxSide), d = rng.range(st.minSide, st.maxSide);
            Vec2 c{centre.x + u * cs - v * sn, centre.y + u * sn + v * cs};
            if (options.rivers && options.rivers->contains(c, 40 + 0.5 * std::hypot(w, d))) continue;

            Feature f;
            f.sourceFid = fid++;
            Polygon poly;
            if (rng.uniform() < st.towerShare) {
                poly.outer = octagon(c.x, c.y, 0.5 * std::min(w, d), street + M_PI / 8);
            } else {
                poly.outer = rectangle(c.x, c.y, w, d, street);
                if (rng.uniform() < st.courtyardShare && w > 16 && d > 16)
                    poly.holes.push_back(rectangle(c.x, c.y, w * 0.45, d * 0.45, street));
            }
            f.polygons.push_back(std::move(poly));
            // Taller towards the zone's centre, like real centres.
            double centrality = 1.0 - std::min(1.0, rr / edge);
            double t = std::pow(rng.uniform(), 1.5) * 0.6 + 0.4 * centrality;
            f.height = std::round(st.minH + (st.maxH - st.minH) * t);
            f.heightSource = HeightSource::Field;
            int levels = std::max(1, static_cast<int>(f.height / 3.2));
            f.attributes = {{"name", place.nameZh + " 演示建筑 " + std::to_string(placed + 1)},
                            {"zone", place.nameZh + " " + place.nameEn},
                            {"zone_kind", place.zone.kind},
                            {"height", std::to_string(static_cast<int>(f.height))},
                            {"building:levels", std::to_string(levels)},
                            {"source", "演示数据 demo data (generated)"}};
            layer.features.push_back(std::move(f));
            ++placed;
        }
    }
    layer.report.featuresRead = layer.report.featuresImported = layer.features.size();
    return layer;
}

LayerData generateDemoRoads(const std::vector<Place>& places, const SceneFrame& frame, const DemoDistrictOptions& options) {
    LayerData roads;
    roads.generated = true;
    roads.name = "演示道路 demo roads";
    roads.kind = LayerKind::Lines;
    roads.sourcePath = "(generated demo data)";
    roads.sourceCrs = "generated in the scene CRS";
    std::int64_t fid = 0;
    auto add = [&](std::vector<Vec2> line, const char* cls, const std::string& name) {
        Feature f;
        f.sourceFid = fid++;
        f.lines.push_back(std::move(line));
        f.attributes = {{"highway", cls}, {"name", name}, {"source", "演示数据 demo data (generated)"}};
        roads.features.push_back(std::move(f));
    };
    for (const Place& place : places) {
        // Forest lodges and heritage sites sit on lanes, not on a street grid.
        if (place.zone.count <= 0 || place.zone.kind == "forest" || place.zone.kind == "heritage") continue;
        ZoneStyle st = styleFor(place.zone.kind);
        Rng gridRng(options.seed ^ fnv1a(place.id));
        StreetGrid grid = streetGridFor(st, gridRng);
        Vec2 c = frame.toScene(place.position);
        double cs = std::cos(grid.angle), sn = std::sin(grid.angle), r = place.zone.radiusM * 1.1;
        auto at = [&](double u, double v) { return Vec2{c.x + u * cs - v * sn, c.y + u * sn + v * cs}; };
        int n = int(r / grid.pitch);
        for (int i = -n; i < n; ++i) {
            double u = (i + 0.5) * grid.pitch, half = std::sqrt(std::max(0.0, r * r - u * u));
            const char* cls = i % 4 == 0 ? "secondary" : "residential";
            add({at(u, -half), at(u, half)}, cls, place.nameZh + "街 street");
            add({at(-half, u), at(half, u)}, cls, place.nameZh + "路 road");
        }
    }
    // Trunk roads: every place to its two nearest neighbours (bridges cross the rivers freely).
    std::set<std::pair<std::size_t, std::size_t>> joined;
    for (std::size_t a = 0; a < places.size(); ++a) {
        std::vector<std::pair<double, std::size_t>> near;
        Vec2 pa = frame.toScene(places[a].position);
        for (std::size_t b = 0; b < places.size(); ++b) {
            if (a == b) continue;
            Vec2 pb = frame.toScene(places[b].position);
            near.push_back({std::hypot(pa.x - pb.x, pa.y - pb.y), b});
        }
        std::sort(near.begin(), near.end());
        for (std::size_t k = 0; k < std::min<std::size_t>(2, near.size()); ++k) {
            auto key = std::minmax(a, near[k].second);
            if (!joined.insert(key).second) continue;
            Vec2 pb = frame.toScene(places[near[k].second].position);
            add({pa, pb}, near[k].first > 4000 ? "trunk" : "primary",
                places[a].nameZh + " – " + places[near[k].second].nameZh);
        }
    }
    roads.report.featuresRead = roads.report.featuresImported = roads.features.size();
    return roads;
}

}  // namespace jbt
