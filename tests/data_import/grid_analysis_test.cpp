#include "data_import/grid_analysis.h"

#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <random>

namespace jbt {
namespace {

// A 10 km × 6 km district with a bite out of its north-east corner.
std::vector<Polygon> district() {
    return {{{{0, 0}, {10000, 0}, {10000, 4000}, {7000, 4000}, {7000, 6000}, {0, 6000}}, {}}};
}

TEST(GridAnalysis, CellsCoverTheDistrictExactlyAndAreClipped) {
    auto cells = makeGrid(district(), 1000);
    double total = 0;
    for (const GridCell& c : cells) total += c.area;
    EXPECT_NEAR(total, 10000.0 * 6000 - 3000.0 * 2000, 1.0);
    EXPECT_EQ(cells.size(), 60u - 6u) << "the six squares in the bite are dropped";
    EXPECT_EQ(cells.front().id, "R00C00");
}

TEST(GridAnalysis, EventCountsEqualAnIndependentCount) {
    auto cells = makeGrid(district(), 1000);
    EventSet events;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> x(-500, 10500), y(-500, 6500);
    std::map<std::pair<int, int>, int> expected;
    for (int i = 0; i < 2000; ++i) {
        GovernanceEvent e;
        e.id = "e" + std::to_string(i);
        e.scene = {x(rng), y(rng)};
        e.time = i;
        bool inDistrict = e.scene.x >= 0 && e.scene.x < 10000 && e.scene.y >= 0 && e.scene.y < 6000 &&
                          !(e.scene.x > 7000 && e.scene.y > 4000);
        if (inDistrict && e.time >= 500 && e.time < 1500) ++expected[{int(e.scene.y / 1000), int(e.scene.x / 1000)}];
        events.byId[e.id] = e;
    }
    auto counts = countEventsPerCell(cells, events, 500, 1500);
    int total = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        int r = std::stoi(cells[i].id.substr(1, 2)), c = std::stoi(cells[i].id.substr(4, 2));
        int want = expected[std::make_pair(r, c)];
        EXPECT_EQ(counts[i], want) << cells[i].id;
        total += counts[i];
    }
    int expectedTotal = 0;
    for (auto& [k, n] : expected) expectedTotal += n;
    EXPECT_EQ(total, expectedTotal);
}

TEST(GridAnalysis, GreenCoverageEqualsAGeosAreaComputation) {
    auto cells = makeGrid(district(), 1000);
    // Two overlapping parks and a forest strip reaching outside the district.
    std::vector<Polygon> green = {{{{500, 500}, {2500, 500}, {2500, 2500}, {500, 2500}}, {}},
                                  {{{1500, 1500}, {3500, 1500}, {3500, 3500}, {1500, 3500}}, {}},
                                  {{{8000, -1000}, {11000, -1000}, {11000, 3000}, {8000, 3000}}, {}}};
    GreenCoverage cov = greenCoverage(cells, green);
    // Independently: union the green with OGR/GEOS, intersect with the district, divide areas.
    OGRPolygon d;
    OGRLinearRing r;
    for (auto [px, py] : {std::pair{0, 0}, {10000, 0}, {10000, 4000}, {7000, 4000}, {7000, 6000}, {0, 6000}, {0, 0}})
        r.addPoint(px, py);
    d.addRing(&r);
    std::unique_ptr<OGRGeometry> acc;
    for (const Polygon& p : green) {
        OGRPolygon g;
        OGRLinearRing gr;
        for (const Vec2& v : p.outer) gr.addPoint(v.x, v.y);
        gr.addPoint(p.outer[0].x, p.outer[0].y);
        g.addRing(&gr);
        acc = acc ? std::unique_ptr<OGRGeometry>(acc->Union(&g)) : std::unique_ptr<OGRGeometry>(g.clone());
    }
    std::unique_ptr<OGRGeometry> inside(acc->Intersection(&d));
    double expected = dynamic_cast<OGRSurface*>(inside.get()) ? dynamic_cast<OGRSurface*>(inside.get())->get_Area()
                                                              : dynamic_cast<OGRMultiSurface*>(inside.get())->get_Area();
    EXPECT_NEAR(cov.district, expected / d.get_Area(), 1e-9);
    EXPECT_NEAR(expected, 4e6 + 4e6 - 1e6 + 2000.0 * 3000, 1.0) << "overlap counted once, outside part cut";
    LayerData layer = gridLayer(cells, countEventsPerCell(cells, EventSet{}), cov);
    EXPECT_EQ(layer.kind, LayerKind::Areas);
    EXPECT_EQ(layer.features.size(), cells.size());
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// The index finds, for every point, the cell a scan of all cells finds (clipped cells at the
// boundary, points outside, on no cell).
TEST(CellIndex, AgreesWithAScanOfEveryCell) {
    Polygon boundary{{{0, 0}, {3000, 200}, {2600, 2500}, {400, 2900}, {-300, 1200}}, {{{1200, 1200}, {1500, 1200}, {1500, 1500}, {1200, 1500}}}};
    std::vector<GridCell> cells = makeGrid({boundary}, 250);
    ASSERT_GT(cells.size(), 50u);
    CellIndex index(cells);
    std::size_t inside = 0;
    for (int i = 0; i < 20000; ++i) {
        Vec2 p{-500.0 + (i * 7919 % 4000), -500.0 + (i * 104729 % 3900)};
        int expected = -1;
        for (std::size_t c = 0; c < cells.size() && expected < 0; ++c) {
            EventSet one;
            GovernanceEvent e;
            e.scene = p;
            one.byId["e"] = e;
            if (countEventsPerCell({cells[c]}, one)[0] == 1) expected = int(c);
        }
        ASSERT_EQ(index.cellOf(p), expected) << p.x << "," << p.y;
        inside += expected >= 0;
    }
    EXPECT_GT(inside, 5000u);
}

}  // namespace
}  // namespace jbt
