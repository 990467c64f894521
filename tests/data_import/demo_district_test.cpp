#include "data_import/demo_district.h"

#include <gtest/gtest.h>

#include <algorithm>
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
