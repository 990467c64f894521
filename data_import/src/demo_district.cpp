#include "data_import/demo_district.h"

#include <cmath>

#include "data_import/demo_landscape.h"
#include <algorithm>
#include <set>
#include <tuple>
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

// An empty layer of generated demo data in the scene CRS.
LayerData generatedLayer(const char* name, LayerKind kind) {
    LayerData layer;
    layer.generated = true;
    layer.name = name;
    layer.kind = kind;
    layer.sourcePath = "(generated demo data)";
    layer.sourceCrs = "generated in the scene CRS";
    return layer;
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

// Street spacing by quarter: a block between streets holds a few plots.
double blockPitch(const std::string& kind) {
    if (kind == "cbd") return 130;
    if (kind == "commercial") return 120;
    if (kind == "residential") return 150;
    if (kind == "renewal") return 110;
    if (kind == "heritage") return 70;
    if (kind == "industrial") return 220;
    return 60;
}

StreetGrid streetGridFor(const std::string& kind, Rng& rng) {
    double angle = rng.range(0, M_PI / 2);
    return {angle, blockPitch(kind)};
}

// One building's footprint in the block's own frame (u along the streets, v across), metres.
struct Lot {
    double u, v, w, d;
    bool tower = false, courtyard = false;
};

// The buildings of one block, set back from its streets, by the quarter's kind: CBD towers on
// four plots, shops and offices on four, housing slabs in rows facing the same way (south in
// Chongqing's 小区), renewal blocks round a courtyard, sheds in pairs, and heritage compounds —
// a hall, two side halls and a gate round a yard.
std::vector<Lot> lotsFor(const std::string& kind, double pitch, const ZoneStyle& st, Rng& rng) {
    const double inner = pitch - 24;  // streets and pavements
    std::vector<Lot> lots;
    auto grid = [&](int nu, int nv, double setback, double towerShare, double courtyardShare) {
        double pu = inner / nu, pv = inner / nv;
        for (int i = 0; i < nu; ++i)
            for (int j = 0; j < nv; ++j) {
                Lot l;
                l.u = -inner / 2 + (i + 0.5) * pu;
                l.v = -inner / 2 + (j + 0.5) * pv;
                l.w = std::clamp(rng.range(st.minSide, st.maxSide), 8.0, pu - setback);
                l.d = std::clamp(rng.range(st.minSide, st.maxSide), 8.0, pv - setback);
                l.tower = rng.uniform() < towerShare;
                l.courtyard = rng.uniform() < courtyardShare && l.w > 16 && l.d > 16;
                lots.push_back(l);
            }
    };
    if (kind == "cbd" || kind == "commercial") {
        grid(2, 2, 12, st.towerShare, st.courtyardShare);
    } else if (kind == "residential") {
        int rows = 4;
        double rowPitch = inner / rows;
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < 2; ++i) {
                Lot l;
                l.w = rng.range(38, 50);
                l.d = rng.range(12, 15);
                l.u = -inner / 4 + i * inner / 2;
                l.v = -inner / 2 + (j + 0.5) * rowPitch;
                lots.push_back(l);
            }
    } else if (kind == "renewal") {
        if (rng.uniform() < 0.5) {
            lots.push_back({0, 0, inner - 12, inner - 12, false, true});
        } else {
            grid(2, 2, 10, 0, 0.3);
        }
    } else if (kind == "industrial") {
        for (int i = 0; i < 2; ++i) lots.push_back({0, -inner / 4 + i * inner / 2, inner - 30, rng.range(40, 70), false, false});
    } else if (kind == "heritage") {
        lots.push_back({0, 12, 20, 11});   // main hall
        lots.push_back({-13, -2, 8, 14});  // side halls
        lots.push_back({13, -2, 8, 14});
        lots.push_back({0, -16, 9, 5});    // gate
    } else {
        grid(1, 1, 20, 0, st.courtyardShare);
    }
    return lots;
}

// Blocks of one quarter, nearest its centre first, measured against a wobbling edge so that
// quarters grow as irregular shapes rather than discs, as far as their building count needs.
std::vector<std::pair<int, int>> blocksInOrder(double radius, double pitch, double phase1, double phase2) {
    int cells = static_cast<int>(2.0 * radius / pitch) + 2;
    std::vector<std::pair<double, std::pair<int, int>>> order;
    for (int i = -cells; i <= cells; ++i)
        for (int j = -cells; j <= cells; ++j) {
            double u = i * pitch, v = j * pitch, a = std::atan2(v, u);
            double edge = 1.0 + 0.25 * std::sin(3 * a + phase1) + 0.12 * std::sin(7 * a + phase2);
            order.push_back({std::hypot(u, v) / edge, {i, j}});
        }
    std::sort(order.begin(), order.end());
    std::vector<std::pair<int, int>> out;
    for (auto& [d, key] : order) out.push_back(key);
    return out;
}

// The blocks each quarter filled, for the streets between them.
struct QuarterBlocks {
    const Place* place;
    Vec2 centre;
    StreetGrid grid;
    std::set<std::pair<int, int>> blocks;
};

LayerData fillDistrict(const std::vector<Place>& places, const SceneFrame& frame, const DemoDistrictOptions& options,
                       std::vector<QuarterBlocks>* quarters) {
    LayerData layer = generatedLayer("演示建筑 demo buildings", LayerKind::Buildings);
    Rng rng(options.seed);
    std::int64_t fid = 0;
    for (const Place& place : places) {
        if (place.zone.count <= 0) continue;
        ZoneStyle st = styleFor(place.zone.kind);
        Vec2 centre = frame.toScene(place.position);
        Rng gridRng(options.seed ^ fnv1a(place.id));
        StreetGrid grid = streetGridFor(place.zone.kind, gridRng);
        double street = grid.angle, cs = std::cos(street), sn = std::sin(street);
        double phase1 = rng.range(0, 2 * M_PI), phase2 = rng.range(0, 2 * M_PI);
        QuarterBlocks used{&place, centre, grid, {}};
        int placed = 0;
        const bool village = place.zone.kind == "forest";  // lodges and hamlets: a house per lot, scattered
        for (auto [i, j] : blocksInOrder(place.zone.radiusM, grid.pitch, phase1, phase2)) {
            if (placed >= place.zone.count) break;
            if (village && rng.uniform() < 0.85) continue;
            double bu = i * grid.pitch, bv = j * grid.pitch;
            if (village && std::hypot(bu, bv) > place.zone.radiusM * 1.3) continue;
            double centrality = 1.0 - std::min(1.0, std::hypot(bu, bv) / place.zone.radiusM);
            bool any = false;
            for (const Lot& lot : lotsFor(place.zone.kind, grid.pitch, st, rng)) {
                if (placed >= place.zone.count) break;
                double u = bu + lot.u, v = bv + lot.v;
                Vec2 c{centre.x + u * cs - v * sn, centre.y + u * sn + v * cs};
                if (options.rivers && options.rivers->contains(c, 30 + 0.5 * std::hypot(lot.w, lot.d))) continue;
                Feature f;
                f.sourceFid = fid++;
                Polygon poly;
                if (lot.tower) {
                    poly.outer = octagon(c.x, c.y, 0.5 * std::min(lot.w, lot.d), street + M_PI / 8);
                } else {
                    poly.outer = rectangle(c.x, c.y, lot.w, lot.d, street);
                    if (lot.courtyard) poly.holes.push_back(rectangle(c.x, c.y, lot.w * 0.5, lot.d * 0.5, street));
                }
                f.polygons.push_back(std::move(poly));
                // Taller towards the quarter's centre, like real centres.
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
                any = true;
            }
            if (any) used.blocks.insert({i, j});
        }
        if (quarters) quarters->push_back(std::move(used));
    }
    layer.report.featuresRead = layer.report.featuresImported = layer.features.size();
    return layer;
}

// The quarter's frame: u along its streets, v across, from its centre.
Vec2 inQuarter(const QuarterBlocks& q, const Vec2& p) {
    double dx = p.x - q.centre.x, dy = p.y - q.centre.y, cs = std::cos(q.grid.angle), sn = std::sin(q.grid.angle);
    return {dx * cs + dy * sn, -dx * sn + dy * cs};
}

// Whether a point lies in a block some quarter filled (streets round it included).
bool inBlock(const std::vector<QuarterBlocks>& quarters, const Vec2& p) {
    for (const QuarterBlocks& q : quarters) {
        Vec2 uv = inQuarter(q, p);
        if (q.blocks.count({int(std::lround(uv.x / q.grid.pitch)), int(std::lround(uv.y / q.grid.pitch))})) return true;
    }
    return false;
}

// Each filled block's ground inside its streets, as land use by the quarter's kind: paving
// round towers and shops, lawns between housing, a yard in a heritage compound.
LayerData blocksFor(const std::vector<QuarterBlocks>& quarters) {
    LayerData layer = generatedLayer("演示街区 demo blocks", LayerKind::Areas);
    std::int64_t fid = 0;
    for (const QuarterBlocks& q : quarters) {
        const std::string& kind = q.place->zone.kind;
        if (kind == "forest") continue;
        double cs = std::cos(q.grid.angle), sn = std::sin(q.grid.angle);
        double side = q.grid.pitch - (kind == "heritage" ? 30 : 12);  // inside the streets and pavements
        for (auto [i, j] : q.blocks) {
            double u = i * q.grid.pitch, v = j * q.grid.pitch;
            Feature f;
            f.sourceFid = fid++;
            f.polygons.push_back({rectangle(q.centre.x + u * cs - v * sn, q.centre.y + u * sn + v * cs, side, side, q.grid.angle), {}});
            f.attributes = {{"landuse", kind}, {"zone", q.place->nameZh + " " + q.place->nameEn},
                            {"source", "演示数据 demo data (generated)"}};
            layer.features.push_back(std::move(f));
        }
    }
    layer.report.featuresRead = layer.report.featuresImported = layer.features.size();
    return layer;
}

// Streets round the blocks the quarters filled, and trunk roads between the places.
LayerData roadsFor(const std::vector<Place>& places, const SceneFrame& frame, const std::vector<QuarterBlocks>& quarters) {
    LayerData roads = generatedLayer("演示道路 demo roads", LayerKind::Lines);
    std::int64_t fid = 0;
    auto add = [&](std::vector<Vec2> line, const char* cls, const std::string& name) {
        Feature f;
        f.sourceFid = fid++;
        f.lines.push_back(std::move(line));
        f.attributes = {{"highway", cls}, {"name", name}, {"source", "演示数据 demo data (generated)"}};
        roads.features.push_back(std::move(f));
    };
    // Streets round every block a quarter filled: the block's four sides, each once; every
    // fourth line of the lattice a secondary road, the rest residential streets.
    for (const QuarterBlocks& qb : quarters) {
        const Place* place = qb.place;
        if (place->zone.kind == "forest" || place->zone.kind == "heritage") continue;  // on lanes, not streets
        double cs = std::cos(qb.grid.angle), sn = std::sin(qb.grid.angle), half = qb.grid.pitch / 2;
        auto at = [&](double u, double v) { return Vec2{qb.centre.x + u * cs - v * sn, qb.centre.y + u * sn + v * cs}; };
        std::set<std::tuple<int, int, int>> drawn;  // (direction, line, segment)
        for (auto [i, j] : qb.blocks) {
            double u = i * qb.grid.pitch, v = j * qb.grid.pitch;
            // Lines of constant u (2i±1) and constant v (2j±1), in half-pitch units.
            for (int side : {-1, 1}) {
                if (drawn.insert({0, 2 * i + side, j}).second)
                    add({at(u + side * half, v - half), at(u + side * half, v + half)},
                        (2 * i + side + 1) % 8 == 0 ? "secondary" : "residential", place->nameZh + "街 street");
                if (drawn.insert({1, 2 * j + side, i}).second)
                    add({at(u - half, v + side * half), at(u + half, v + side * half)},
                        (2 * j + side + 1) % 8 == 0 ? "secondary" : "residential", place->nameZh + "路 road");
            }
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
            // Only between the quarters: inside one its own streets carry the traffic, and a
            // trunk road must not run under its buildings.
            std::vector<Vec2> run;
            double length = near[k].first;
            int steps = std::max(1, int(length / 10));
            auto flush = [&] {
                if (run.size() > 1 && std::hypot(run.back().x - run.front().x, run.back().y - run.front().y) > 40)
                    add({run.front(), run.back()}, length > 4000 ? "trunk" : "primary",
                        places[a].nameZh + " – " + places[near[k].second].nameZh);
                run.clear();
            };
            for (int s = 0; s <= steps; ++s) {
                Vec2 p{pa.x + (pb.x - pa.x) * s / steps, pa.y + (pb.y - pa.y) * s / steps};
                if (inBlock(quarters, p)) flush();
                else run.push_back(p);
            }
            flush();
        }
    }
    roads.report.featuresRead = roads.report.featuresImported = roads.features.size();
    return roads;
}

}  // namespace

LayerData generateDemoDistrict(const std::vector<Place>& places, const SceneFrame& frame,
                               const DemoDistrictOptions& options) {
    return fillDistrict(places, frame, options, nullptr);
}

DrapeStyle demoBlockStyle() {
    DrapeStyle s;
    s.mode = DrapeStyle::Mode::Categorical;
    s.field = "landuse";
    s.categories = {{"cbd", {206, 203, 196, 215}},        {"commercial", {210, 204, 194, 210}},
                    {"residential", {188, 196, 170, 200}}, {"renewal", {206, 196, 180, 210}},
                    {"heritage", {200, 186, 158, 215}},    {"industrial", {192, 190, 184, 210}}};
    s.outlinePx = 0;
    return s;
}

DemoCity generateDemoCity(const std::vector<Place>& places, const SceneFrame& frame, const DemoDistrictOptions& options) {
    std::vector<QuarterBlocks> quarters;
    DemoCity city;
    city.buildings = fillDistrict(places, frame, options, &quarters);
    city.roads = roadsFor(places, frame, quarters);
    city.blocks = blocksFor(quarters);
    return city;
}

}  // namespace jbt
