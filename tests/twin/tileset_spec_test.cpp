// --tiles PATH@LON,LAT[,ALT,HEADING,SCALE]: a local-frame tileset's place on the Earth.
#include <gtest/gtest.h>

#include "model/error.h"
#include "tests/test_support.h"
#include "twin/tileset_scene.h"

namespace jbt {
namespace {

TEST(TilesetSpec, PlacementAfterTheLastAt) {
    TilesetSpec s = parseTilesetSpec("city/tileset.json@106.58,29.57,12,30,2");
    EXPECT_EQ(s.path, "city/tileset.json");
    ASSERT_TRUE(s.at);
    EXPECT_DOUBLE_EQ(s.at->lon, 106.58);
    EXPECT_DOUBLE_EQ(s.at->lat, 29.57);
    EXPECT_DOUBLE_EQ(s.at->altitude, 12);
    EXPECT_DOUBLE_EQ(s.at->headingDeg, 30);
    EXPECT_DOUBLE_EQ(s.at->scale, 2);
    EXPECT_EQ(tilesetLayerName("city/tileset.json@106.58,29.57"), "city");
}

TEST(TilesetSpec, AnAtInAPathOrUrlIsPartOfIt) {
    EXPECT_FALSE(parseTilesetSpec("http://user@host/t/tileset.json").at);
    EXPECT_EQ(parseTilesetSpec("data@2026/tileset.json").path, "data@2026/tileset.json");
    EXPECT_FALSE(parseTilesetSpec("tileset.json").at);
}

TEST(TilesetSpec, APlacementThatIsNotOneIsNamed) {
    EXPECT_EQ(test::errorOf([] { parseTilesetSpec("t/tileset.json@106.5"); }).rfind("--tiles 't/tileset.json@106.5': ", 0), 0u)
        << test::errorOf([] { parseTilesetSpec("t/tileset.json@106.5"); });
}

}  // namespace
}  // namespace jbt
