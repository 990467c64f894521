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
    if (kind == "estate") return {24, 100, 30, 45, 0.0, 0.0};  // 8–33 storeys, as Chongqing builds
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
    } else if (kind == "estate") {
        // Rows of slabs facing south and point towers, far enough apart for winter sun; some
        // plots left open.
        int rows = std::max(2, int(inner / 55)), cols = 2;
        for (int j = 0; j < rows; ++j)
            for (int i = 0; i < cols; ++i) {
                if (rng.uniform() < 0.15) continue;
                Lot l;
                bool point = rng.uniform() < 0.3;
                l.w = point ? rng.range(20, 26) : rng.range(st.minSide, st.maxSide);
                l.d = point ? l.w : rng.range(12, 16);
                l.u = -inner / 4 + i * inner / 2 + rng.range(-6, 6);
                l.v = -inner / 2 + (j + 0.5) * inner / rows;
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

// The blocks each quarter filled, for the streets between them. Housing estates between the
// quarters (小区: gated superblocks of two by two of their quarter's blocks, its streets
// carried on round them) are quarters of their own, of kind "estate".
struct QuarterBlocks {
    const Place* place;
    std::string kind;
    Vec2 centre;
    StreetGrid grid;
    std::set<std::pair<int, int>> blocks;

    bool has(std::pair<int, int> cell) const { return blocks.count(cell) > 0; }
    // A block's centre (or a point at (du, dv) from it) in scene coordinates.
    Vec2 at(int i, int j, double du = 0, double dv = 0) const {
        double u = i * grid.pitch + du, v = j * grid.pitch + dv, cs = std::cos(grid.angle), sn = std::sin(grid.angle);
        return {centre.x + u * cs - v * sn, centre.y + u * sn + v * cs};
    }
};

// The quarter's frame: u along its streets, v across, from its centre.
Vec2 inQuarter(const QuarterBlocks& q, const Vec2& p) {
    double dx = p.x - q.centre.x, dy = p.y - q.centre.y, cs = std::cos(q.grid.angle), sn = std::sin(q.grid.angle);
    return {dx * cs + dy * sn, -dx * sn + dy * cs};
}

std::pair<int, int> cellOf(const QuarterBlocks& q, const Vec2& p) {
    Vec2 uv = inQuarter(q, p);
    return {int(std::lround(uv.x / q.grid.pitch)), int(std::lround(uv.y / q.grid.pitch))};
}

// Whether a point lies in a block some quarter filled (streets round it included); `except`
// is left out of the search.
bool inBlock(const std::vector<QuarterBlocks>& quarters, const Vec2& p, const QuarterBlocks* except = nullptr) {
    for (const QuarterBlocks& q : quarters)
        if (&q != except && q.has(cellOf(q, p))) return true;
    return false;
}

// Whether a block of one quarter would overlap a block another filled: where quarters grow
// into each other they meet at their streets instead of crossing.
// Sampled every 45 m or closer inside the block, clear of its edges (which lie on streets that
// neighbours may share): the smallest block (a heritage compound's 70 m) cannot slip between.
bool overlapsOthers(const std::vector<QuarterBlocks>& quarters, const QuarterBlocks& q, int i, int j) {
    const int n = int(std::ceil(0.94 * q.grid.pitch / 45.0)) + 1;
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            double fu = -0.47 + 0.94 * a / (n - 1), fv = -0.47 + 0.94 * b / (n - 1);
            if (inBlock(quarters, q.at(i, j, fu * q.grid.pitch, fv * q.grid.pitch), &q)) return true;
        }
    return false;
}

// Puts at most `budget` of one block's buildings into the layer; returns how many (none: all
// in the river). `centrality` (0–1) raises heights towards a quarter's centre, like real centres.
int placeBlock(const QuarterBlocks& q, int i, int j, const std::string& kind, double centrality, int budget, Rng& rng,
               const DemoDistrictOptions& options, LayerData& layer) {
    const ZoneStyle st = styleFor(kind);
    const double street = q.grid.angle;
    int placed = 0;
    for (const Lot& lot : lotsFor(kind, q.grid.pitch, st, rng)) {
        if (placed >= budget) break;
        Vec2 c = q.at(i, j, lot.u, lot.v);
        if (options.rivers && options.rivers->contains(c, 30 + 0.5 * std::hypot(lot.w, lot.d))) continue;
        Feature f;
        f.sourceFid = static_cast<std::int64_t>(layer.features.size());
        Polygon poly;
        if (lot.tower) {
            poly.outer = octagon(c.x, c.y, 0.5 * std::min(lot.w, lot.d), street + M_PI / 8);
        } else {
            poly.outer = rectangle(c.x, c.y, lot.w, lot.d, street);
            if (lot.courtyard) poly.holes.push_back(rectangle(c.x, c.y, lot.w * 0.5, lot.d * 0.5, street));
        }
        f.polygons.push_back(std::move(poly));
        double t = std::pow(rng.uniform(), 1.5) * 0.6 + 0.4 * centrality;
        f.height = std::round(st.minH + (st.maxH - st.minH) * t);
        f.heightSource = HeightSource::Field;
        int levels = std::max(1, static_cast<int>(f.height / 3.2));
        const Place& place = *q.place;
        f.attributes = {{"name", place.nameZh + " 演示建筑 " + std::to_string(layer.features.size() + 1)},
                        {"zone", place.nameZh + " " + place.nameEn},
                        {"zone_kind", kind},
                        {"height", std::to_string(static_cast<int>(f.height))},
                        {"building:levels", std::to_string(levels)},
                        {"source", "演示数据 demo data (generated)"}};
        layer.features.push_back(std::move(f));
        ++placed;
    }
    return placed;
}

// Quarters whose street grid carries on into the housing round them.
bool growsEstates(const std::string& kind) {
    return kind == "cbd" || kind == "commercial" || kind == "residential" || kind == "renewal";
}

// Housing estates between the quarters, inside the built-up area: on each quarter's lattice
// doubled, every superblock whose centre is nearer that quarter than any other and clear of
// every other block; one in eight stays open (pocket parks, schools' grounds).
void fillBetweenQuarters(std::vector<QuarterBlocks>& quarters, const DemoDistrictOptions& options, Rng& rng,
                         LayerData& layer) {
    Polygon area{options.urbanArea, {}};
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (const Vec2& p : options.urbanArea) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    const std::size_t named = quarters.size();
    auto nearest = [&](const Vec2& p) {
        std::size_t best = named;
        double bestD = 1e300;
        for (std::size_t k = 0; k < named; ++k) {
            double d = std::hypot(p.x - quarters[k].centre.x, p.y - quarters[k].centre.y);
            if (growsEstates(quarters[k].kind) && d < bestD) bestD = d, best = k;
        }
        return best;
    };
    quarters.reserve(2 * named);  // the estates' references below stay valid
    for (std::size_t k = 0; k < named; ++k) {
        if (!growsEstates(quarters[k].kind)) continue;
        const QuarterBlocks& q = quarters[k];
        // Its edges on the quarter's street lines: centres half a block off the quarter's.
        double half = 0.5 * q.grid.pitch;
        quarters.push_back({q.place, "estate", q.at(0, 0, half, half), {q.grid.angle, 2 * q.grid.pitch}, {}});
        QuarterBlocks& estates = quarters.back();
        int lo[2] = {INT32_MAX, INT32_MAX}, hi[2] = {INT32_MIN, INT32_MIN};
        for (Vec2 corner : {Vec2{minX, minY}, Vec2{maxX, minY}, Vec2{maxX, maxY}, Vec2{minX, maxY}}) {
            auto [ci, cj] = cellOf(estates, corner);
            lo[0] = std::min(lo[0], ci), hi[0] = std::max(hi[0], ci);
            lo[1] = std::min(lo[1], cj), hi[1] = std::max(hi[1], cj);
        }
        for (int i = lo[0]; i <= hi[0]; ++i)
            for (int j = lo[1]; j <= hi[1]; ++j) {
                Vec2 c = estates.at(i, j);
                if (!contains(area, c) || nearest(c) != k) continue;
                if (rng.uniform() < 0.125 || overlapsOthers(quarters, estates, i, j)) continue;
                if (placeBlock(estates, i, j, "estate", 0.0, INT32_MAX, rng, options, layer) > 0) estates.blocks.insert({i, j});
            }
    }
}

LayerData fillDistrict(const std::vector<Place>& places, const SceneFrame& frame, const DemoDistrictOptions& options,
                       std::vector<QuarterBlocks>* out) {
    std::vector<QuarterBlocks> quarters;
    LayerData layer = generatedLayer("演示建筑 demo buildings", LayerKind::Buildings);
    Rng rng(options.seed);
    for (const Place& place : places) {
        if (place.zone.count <= 0) continue;
        Rng gridRng(options.seed ^ fnv1a(place.id));
        StreetGrid grid = streetGridFor(place.zone.kind, gridRng);
        double phase1 = rng.range(0, 2 * M_PI), phase2 = rng.range(0, 2 * M_PI);
        quarters.push_back({&place, place.zone.kind, frame.toScene(place.position), grid, {}});
        QuarterBlocks& used = quarters.back();
        int placed = 0;
        const bool village = place.zone.kind == "forest";  // lodges and hamlets: a house per lot, scattered
        for (auto [i, j] : blocksInOrder(place.zone.radiusM, grid.pitch, phase1, phase2)) {
            if (placed >= place.zone.count) break;
            if (village && rng.uniform() < 0.85) continue;
            double distance = std::hypot(i * grid.pitch, j * grid.pitch);
            if (village && distance > place.zone.radiusM * 1.3) continue;
            if (overlapsOthers(quarters, used, i, j)) continue;
            double centrality = 1.0 - std::min(1.0, distance / place.zone.radiusM);
            int n = placeBlock(used, i, j, place.zone.kind, centrality, place.zone.count - placed, rng, options, layer);
            placed += n;
            if (n > 0) used.blocks.insert({i, j});
        }
    }
    if (options.urbanArea.size() >= 3) fillBetweenQuarters(quarters, options, rng, layer);
    if (out) *out = std::move(quarters);
    layer.report.featuresRead = layer.report.featuresImported = layer.features.size();
    return layer;
}

// Each filled block's ground inside its streets, as land use by the quarter's kind: paving
// round towers and shops, lawns between housing, a yard in a heritage compound.
LayerData blocksFor(const std::vector<QuarterBlocks>& quarters) {
    LayerData layer = generatedLayer("演示街区 demo blocks", LayerKind::Areas);
    std::int64_t fid = 0;
    for (const QuarterBlocks& q : quarters) {
        const std::string& kind = q.kind;
        // Estates are green between their slabs (their ground is the terrain's); forest lodges
        // have none.
        if (kind == "forest" || kind == "estate") continue;
        double side = q.grid.pitch - (kind == "heritage" ? 30 : 12);  // inside the streets and pavements
        for (auto [i, j] : q.blocks) {
            Vec2 c = q.at(i, j);
            Feature f;
            f.sourceFid = fid++;
            f.polygons.push_back({rectangle(c.x, c.y, side, side, q.grid.angle), {}});
            f.attributes = {{"landuse", kind},
                            {"zone", q.place->nameZh + " " + q.place->nameEn},
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
        if (qb.kind == "forest" || qb.kind == "heritage") continue;  // on lanes, not streets
        const double half = qb.grid.pitch / 2;
        std::set<std::tuple<int, int, int>> drawn;  // (direction, line, segment)
        for (auto [i, j] : qb.blocks) {
            // Lines of constant u (2i±1) and constant v (2j±1), in half-pitch units.
            for (int side : {-1, 1}) {
                if (drawn.insert({0, 2 * i + side, j}).second)
                    add({qb.at(i, j, side * half, -half), qb.at(i, j, side * half, half)},
                        (2 * i + side + 1) % 8 == 0 ? "secondary" : "residential", place->nameZh + "街 street");
                if (drawn.insert({1, 2 * j + side, i}).second)
                    add({qb.at(i, j, -half, side * half), qb.at(i, j, half, side * half)},
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
                    {"residential", {176, 180, 166, 210}}, {"renewal", {206, 196, 180, 210}},
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
