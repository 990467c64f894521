#include "model/local_time.h"

#include <cctype>
#include <cmath>
#include <ctime>

namespace jbt {
namespace {

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {  // proleptic Gregorian, no time zones
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t(era) * 146097 + std::int64_t(doe) - 719468;
}

// A cursor over the text; every read checks the bounds, so no input can throw or overrun.
struct Reader {
    const std::string& s;
    std::size_t i = 0;
    bool done() const { return i == s.size(); }
    bool take(char c) {
        if (i < s.size() && s[i] == c) return ++i, true;
        return false;
    }
    // Exactly `n` digits (n > 0) or, with n == 0, one or more.
    bool digits(int n, int& out) {
        std::size_t start = i;
        long v = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && (n == 0 || int(i - start) < n) && v < 100000000)
            v = v * 10 + (s[i++] - '0');
        out = int(v);
        return i > start && (n == 0 || int(i - start) == n);
    }
};

bool readDate(Reader& r, TimeText& t) {
    int y, m, d;
    if (!r.digits(4, y) || !r.take('-') || !r.digits(0, m) || !r.take('-') || !r.digits(0, d)) return false;
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    t.year = y, t.month = m, t.day = d;
    return true;
}

bool readClock(Reader& r, TimeText& t) {
    int h, mi, sec = 0;
    double fraction = 0;
    if (!r.digits(0, h) || !r.take(':') || !r.digits(2, mi)) return false;
    if (r.take(':')) {
        if (!r.digits(2, sec)) return false;
        if (r.take('.') || r.take(',')) {
            double scale = 0.1;
            std::size_t start = r.i;
            while (!r.done() && std::isdigit(static_cast<unsigned char>(r.s[r.i]))) fraction += (r.s[r.i++] - '0') * scale, scale /= 10;
            if (r.i == start) return false;
        }
    }
    if (h > 24 || mi > 59 || sec > 60 || (h == 24 && (mi > 0 || sec > 0))) return false;
    t.hours = h + mi / 60.0 + (sec + fraction) / 3600.0;
    return true;
}

bool readZone(Reader& r, TimeText& t) {
    if (r.take('Z') || r.take('z')) return t.utcOffsetMinutes = 0, true;
    int sign = r.take('+') ? 1 : r.take('-') ? -1 : 0;
    if (sign == 0) return false;
    int h, m = 0;
    if (!r.digits(2, h)) return false;
    if (r.take(':')) {
        if (!r.digits(2, m)) return false;
    } else if (!r.done() && !r.digits(2, m)) {
        return false;
    }
    if (h > 14 || m > 59) return false;
    t.utcOffsetMinutes = sign * (h * 60 + m);
    return true;
}

}  // namespace

std::optional<TimeText> parseTimeText(const std::string& text) {
    TimeText t;
    Reader r{text};
    bool isDate = text.size() >= 5 && text[4] == '-';
    if (isDate) {
        if (!readDate(r, t)) return std::nullopt;
        if (r.done()) return t;
        if (!(r.take('T') || r.take('t') || r.take(' '))) return std::nullopt;
    }
    if (!readClock(r, t)) return std::nullopt;
    if (isDate && !r.done() && !readZone(r, t)) return std::nullopt;
    if (!r.done()) return std::nullopt;
    return t;
}

std::optional<LocalTime> parseLocalTime(const std::string& text, LocalTime base) {
    std::optional<TimeText> t = parseTimeText(text);
    if (!t || t->utcOffsetMinutes) return std::nullopt;  // a wall-clock time has no zone of its own
    if (t->year) base.year = *t->year, base.month = *t->month, base.day = *t->day;
    if (t->hours) base.hours = *t->hours;
    return base;
}

std::optional<std::int64_t> parseTimestamp(const std::string& text) {
    if (!text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos)
        return std::stoll(text);  // epoch seconds; 18 digits cannot overflow
    std::optional<TimeText> t = parseTimeText(text);
    if (!t || !t->year || !t->hours) return std::nullopt;
    int offset = t->utcOffsetMinutes.value_or(8 * 60);
    auto seconds = std::int64_t(std::floor(*t->hours * 3600.0 + 1e-6));  // hours carry whole seconds inexactly
    return daysFromCivil(*t->year, unsigned(*t->month), unsigned(*t->day)) * 86400 + seconds - offset * 60;
}

std::string formatChinaTime(std::int64_t t, const char* format) {
    std::time_t local = t + 8 * 3600;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

}  // namespace jbt
