#include "model/url.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

TEST(Url, ReadsSchemeHostPortAndPath) {
    auto u = parseUrl("mqtt://127.0.0.1:18830/jiangbei/events");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->scheme, "mqtt");
    EXPECT_EQ(u->host, "127.0.0.1");
    EXPECT_EQ(u->port, 18830);
    EXPECT_EQ(u->path, "/jiangbei/events");
    u = parseUrl("HTTP://example.org");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->scheme, "http");
    EXPECT_EQ(u->port, 80) << "the scheme's default";
    EXPECT_EQ(u->path, "/");
    EXPECT_EQ(u->origin(), "http://example.org:80");
    u = parseUrl("http://[::1]:8080/x");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->host, "::1");
    EXPECT_EQ(u->port, 8080);
}

TEST(Url, RefusesWhatIsNotAnAddress) {
    for (const char* bad : {"events.geojson", "://host", "http://", "http://host:0/", "http://host:99999/", "http://host:8o/",
                            "gopher://host/"})
        EXPECT_FALSE(parseUrl(bad)) << bad;
}

}  // namespace
}  // namespace jbt

namespace jbt {
namespace {

TEST(WithoutPasswords, PgConnectionsAndUrls) {
    EXPECT_EQ(withoutPasswords("PG:host=db user=gis password=s3cret dbname=city"), "PG:host=db user=gis password=*** dbname=city");
    EXPECT_EQ(withoutPasswords("PG:password='a b c' host=db"), "PG:password=*** host=db");
    EXPECT_EQ(withoutPasswords("PG:host=db password=x"), "PG:host=db password=***");
    EXPECT_EQ(withoutPasswords("mqtt://ops:pa55@broker:1883/events"), "mqtt://ops:***@broker:1883/events");
    EXPECT_EQ(withoutPasswords("http://host/path@x"), "http://host/path@x");
    EXPECT_EQ(withoutPasswords("/data/ifs@tower.glb"), "/data/ifs@tower.glb");
}

}  // namespace
}  // namespace jbt
