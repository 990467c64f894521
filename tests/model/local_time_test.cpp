#include "model/local_time.h"

#include <gtest/gtest.h>

namespace jbt {
namespace {

TEST(LocalTime, ParsesTimes) {
    std::optional<LocalTime> t = parseLocalTime("2026-10-01T19:45");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->month, 10);
    EXPECT_DOUBLE_EQ(t->hours, 19.75);
    t = parseLocalTime("06:30", *t);
    ASSERT_TRUE(t);
    EXPECT_DOUBLE_EQ(t->hours, 6.5);
    EXPECT_EQ(t->month, 10) << "a bare time keeps the date";
    EXPECT_FALSE(parseLocalTime("25:00"));
    EXPECT_FALSE(parseLocalTime("dusk"));
    EXPECT_FALSE(parseLocalTime("2026-13-01"));
    EXPECT_FALSE(parseLocalTime("10:30 tomorrow"));
}

// Event feeds: the same parser, read as an instant (China Standard Time when no zone is given).
TEST(LocalTime, TimestampsOfEvents) {
    EXPECT_EQ(parseTimestamp("2026-11-24T08:30:00+08:00"), 1795480200) << "date -u -d 2026-11-24T00:30Z +%s";
    EXPECT_EQ(parseTimestamp("2026-11-24 08:30:00"), 1795480200);
    EXPECT_EQ(parseTimestamp("2026-11-24T08:30"), 1795480200);
    EXPECT_EQ(parseTimestamp("2026-11-24T00:30:00Z"), 1795480200);
    EXPECT_EQ(parseTimestamp("2026-11-24T00:30:00.123Z"), 1795480200) << "fractional seconds";
    EXPECT_EQ(parseTimestamp("2026-11-23T19:30:00-05:00"), 1795480200);
    EXPECT_EQ(parseTimestamp("1795480200"), 1795480200);
    for (const char* bad : {"", "yesterday", "2026-11-24T08:30:00+8", "2026-11-24T08:30:00 CST", "2026-11-24T08:3",
                            "99999999999999999999", "2026-11-24T24:30"})
        EXPECT_FALSE(parseTimestamp(bad)) << bad;
}

TEST(LocalTime, FormatsChinaTime) {
    EXPECT_EQ(formatChinaTime(1795480200), "2026-11-24T08:30:00+08:00");
}

}  // namespace
}  // namespace jbt
