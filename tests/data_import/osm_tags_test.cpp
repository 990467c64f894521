#include "data_import/osm_tags.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

TEST(OsmTags, ParsesHstore) {
    Attributes a;
    appendHstoreTags(R"("building:levels"=>"5","height"=>"12 m","name:zh"=>"鸿恩寺")", a);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0].first, "building:levels");
    EXPECT_EQ(a[0].second, "5");
    EXPECT_EQ(a[2].second, "鸿恩寺");
}

TEST(OsmTags, HandlesEscapedQuotesAndStopsAtGarbage) {
    Attributes a;
    appendHstoreTags(R"("note"=>"say \"hi\"","x"=>"1",garbage)", a);
    ASSERT_EQ(a.size(), 2u);
    EXPECT_EQ(a[0].second, "say \"hi\"");
}

}  // namespace
}  // namespace jbt
