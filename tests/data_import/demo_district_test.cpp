#include "data_import/demo_district.h"
#include "data_import/demo_landscape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace jbt {
namespace {

std::vector<Place> somePlaces() {
    Place cbd{"jbz", "江北嘴", "Jiangbeizui", "", "", "", {106.5745, 29.5745}, {"cbd", 500, 40}};
    Place ind{"gc", "港城园区", "Gangcheng", "", "", "", {106.63, 29.615}, {"industrial", 600, 40}};
    Place none{"cjh", "长嘉汇", "Changjiahui", "", "", "", {106.585, 29.57}, {}};
    return {cbd, ind, none};
}

TEST(DemoDistrict, IsDeterministic) {
    SceneFrame frame;
    LayerData a = generateDemoDistrict(somePlaces(), frame), b = generateDemoDistrict(somePlaces(), frame);
    ASSERT_EQ(a.features.size(), b.features.size());
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        EXPECT_EQ(a.features[i].height, b.features[i].height);
        EXPECT_EQ(a.features[i].polygons[0].outer[0].x, b.features[i].polygons[0].outer[0].x);
    }
}

TEST(DemoDistrict, CbdTowersOutgrowIndustrialSheds) {
    LayerData l = generateDemoDistrict(somePlaces(), SceneFrame{});
    std::map<std::string, std::pair<double, int>> byKind;
    for (const Feature& f : l.features) {
        for (auto& [k, v] : f.attributes)
            if (k == "zone_kind") {
                byKind[v].first += f.height;
                byKind[v].second++;
            }
    }
    ASSERT_EQ(byKind["cbd"].second, 40);
    ASSERT_EQ(byKind["industrial"].second, 40);
    EXPECT_GT(byKind["cbd"].first / 40, 100.0);
    EXPECT_LT(byKind["industrial"].first / 40, 20.0);
}

TEST(DemoDistrict, SaysItIsDemoData) {
    LayerData l = generateDemoDistrict(somePlaces(), SceneFrame{});
    ASSERT_FALSE(l.features.empty());
    EXPECT_NE(l.name.find("demo"), std::string::npos);
    bool tagged = false;
    for (auto& [k, v] : l.features[0].attributes) tagged |= k == "source" && v.find("demo data") != std::string::npos;
    EXPECT_TRUE(tagged);
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

TEST(PlaceSearch, FindsHongenTempleByPinyinChineseAndEnglish) {
    std::vector<Place> places = loadPlaces(std::string(JBT_SOURCE_DIR) + "/assets/places.json");
    for (const char* q : {"hongen", "鸿恩", "Hong'en Temple", "HONGENSI", "hong en"}) {
        auto hits = searchPlaces(places, q);
        ASSERT_FALSE(hits.empty()) << q;
        EXPECT_EQ(hits[0]->nameZh, "鸿恩寺") << q;
    }
    EXPECT_TRUE(searchPlaces(places, "nowhere at all").empty());
    EXPECT_TRUE(searchPlaces(places, "").empty());
}

TEST(PlaceSearch, GazetteerListsThePlacesThePlannersAskFor) {
    std::vector<Place> places = loadPlaces(std::string(JBT_SOURCE_DIR) + "/assets/places.json");
    for (const char* name : {"江北嘴", "国金中心", "观音桥", "北仓", "铁山坪", "明月山", "鸿恩寺", "保定门", "莺花渡",
                             "盘溪汉阙", "徐悲鸿旧居", "长嘉汇", "港城园区", "鱼嘴"}) {
        auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.nameZh == name; });
        ASSERT_NE(it, places.end()) << name;
        EXPECT_FALSE(it->category.empty()) << name;
        EXPECT_FALSE(it->description.empty()) << name;
        EXPECT_GT(it->position.lon, 106.44) << name;
        EXPECT_LT(it->position.lon, 106.90) << name;
        EXPECT_GT(it->position.lat, 29.54) << name;
        EXPECT_LT(it->position.lat, 29.70) << name;
    }
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

// The shipped demo city: quarters round the named places, estates between them in the
// built-up area, none of it overlapping (quarters meet at streets, they do not cross).
struct ShippedCity {
    std::vector<Place> places = loadPlaces(std::string(JBT_SOURCE_DIR) + "/assets/places.json");
    DemoLandscape landscape = loadDemoLandscape(std::string(JBT_SOURCE_DIR) + "/assets/demo_landscape.json");
    SceneFrame frame;
    DemoCity city;
    std::vector<Vec2> urban;

    ShippedCity() {
        RiverMask rivers(landscape, frame);
        DemoDistrictOptions o;
        o.rivers = &rivers;
        for (const GeoPoint& p : landscape.urbanArea) urban.push_back(frame.toScene(p));
        o.urbanArea = urban;
        city = generateDemoCity(places, frame, o);
    }
};

Vec2 centreOf(const Ring& r) {
    Vec2 c{0, 0};
    for (const Vec2& p : r) c.x += p.x / r.size(), c.y += p.y / r.size();
    return c;
}

TEST(DemoCity, EstatesFillTheBuiltUpAreaBetweenQuarters) {
    ShippedCity s;
    ASSERT_GE(s.urban.size(), 3u);
    std::size_t estates = 0, estatesInside = 0;
    for (const Feature& f : s.city.buildings.features)
        for (auto& [k, v] : f.attributes)
            if (k == "zone_kind" && v == "estate") {
                ++estates;
                estatesInside += contains(Polygon{s.urban, {}}, centreOf(f.polygons[0].outer)) ? 1 : 0;
            }
    EXPECT_GT(estates, 2000u);
    // Estates stand on superblocks whose centres are inside; a slab may reach a little past.
    EXPECT_GT(double(estatesInside) / estates, 0.97);
    // Halfway between Guanyinqiao and Wulidian (1.9 km of what were fields) stand buildings now.
    Vec2 a = s.frame.toScene({106.533, 29.579}), b = s.frame.toScene({106.568, 29.593}), mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    std::size_t near = 0;
    for (const Feature& f : s.city.buildings.features) {
        Vec2 c = centreOf(f.polygons[0].outer);
        near += std::hypot(c.x - mid.x, c.y - mid.y) < 400 ? 1 : 0;
    }
    EXPECT_GT(near, 10u);
}

TEST(DemoCity, NoTwoBuildingsOverlap) {
    ShippedCity s;
    const auto& fs = s.city.buildings.features;
    // Buckets of 200 m: footprints are under 130 m across, so overlapping ones share or neighbour.
    std::map<std::pair<int, int>, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < fs.size(); ++i) {
        Vec2 c = centreOf(fs[i].polygons[0].outer);
        buckets[{int(std::floor(c.x / 200)), int(std::floor(c.y / 200))}].push_back(i);
    }
    std::size_t overlaps = 0;
    for (std::size_t i = 0; i < fs.size(); ++i) {
        const Polygon& pi = fs[i].polygons[0];
        Vec2 c = centreOf(pi.outer);
        int bx = int(std::floor(c.x / 200)), by = int(std::floor(c.y / 200));
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                auto it = buckets.find({bx + dx, by + dy});
                if (it == buckets.end()) continue;
                for (std::size_t j : it->second) {
                    if (j == i) continue;
                    // Any corner of one inside the other (rectangles and octagons: enough).
                    Polygon outer{fs[j].polygons[0].outer, {}};
                    for (const Vec2& p : pi.outer)
                        if (contains(outer, p)) {
                            ++overlaps;
                            ADD_FAILURE() << fs[i].attributes[0].second << " (" << fs[i].attributes[2].second << ") overlaps "
                                          << fs[j].attributes[0].second << " (" << fs[j].attributes[2].second << ")";
                            break;
                        }
                }
            }
    }
    EXPECT_EQ(overlaps, 0u) << "of " << fs.size() << " buildings";
}

}  // namespace
}  // namespace jbt
