#pragma once
// Times as the twin reads them: one parser for the command line, project files and live feeds.
#include <cstdint>
#include <optional>
#include <string>

namespace jbt {

// A wall-clock time at the scene (what the sun position is computed from).
struct LocalTime {
    int year = 2026, month = 4, day = 15;
    double hours = 10.5;          // local clock time, 0–24
    double utcOffsetHours = 8.0;  // China Standard Time
};

// What a time text holds; parts the text leaves out are absent.
struct TimeText {
    std::optional<int> year, month, day;
    std::optional<double> hours;             // 0–24, minutes and seconds folded in
    std::optional<int> utcOffsetMinutes;     // "Z" → 0, "+08:00" → 480
};

// Reads "YYYY-MM-DD", "HH:MM[:SS[.fff]]" and "YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]";
// nothing else (no trailing text, no out-of-range field).
std::optional<TimeText> parseTimeText(const std::string& text);

// The parts `text` gives, laid over `base` ("06:30" keeps base's date). --time and projects.
std::optional<LocalTime> parseLocalTime(const std::string& text, LocalTime base = {});

// Seconds since 1970 (UTC) of a date and time, or of epoch digits; no zone means China Standard
// Time (the feeds of Chinese city platforms). Live event times.
std::optional<std::int64_t> parseTimestamp(const std::string& text);

// Epoch seconds as China Standard Time with a strftime format.
std::string formatChinaTime(std::int64_t seconds, const char* format = "%Y-%m-%dT%H:%M:%S+08:00");

}  // namespace jbt
