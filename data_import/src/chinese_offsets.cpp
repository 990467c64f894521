#include "data_import/chinese_offsets.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace jbt {
namespace {

constexpr double kPi = 3.14159265358979324;
constexpr double kXPi = kPi * 3000.0 / 180.0;
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyEe = 0.00669342162296594323;

double offsetLat(double x, double y) {
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double offsetLon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

}  // namespace

bool parseChineseDatum(const std::string& text, ChineseDatum& out) {
    std::string t;
    for (char c : text)
        if (std::isalnum(static_cast<unsigned char>(c))) t += static_cast<char>(std::tolower(c));
    if (t == "gcj02") out = ChineseDatum::Gcj02;
    else if (t == "bd09") out = ChineseDatum::Bd09;
    else if (t == "none" || t == "wgs84" || t.empty()) out = ChineseDatum::None;
    else return false;
    return true;
}

const char* chineseDatumName(ChineseDatum datum) {
    switch (datum) {
        case ChineseDatum::Gcj02: return "GCJ-02";
        case ChineseDatum::Bd09: return "BD-09";
        default: return "none";
    }
}

bool outsideChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

Vec2 wgs84ToGcj02(double lon, double lat) {
    if (outsideChina(lon, lat)) return {lon, lat};
    double dLat = offsetLat(lon - 105.0, lat - 35.0);
    double dLon = offsetLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * kPi;
    double magic = std::sin(radLat);
    magic = 1 - kKrasovskyEe * magic * magic;
    double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kKrasovskyA * (1 - kKrasovskyEe)) / (magic * sqrtMagic) * kPi);
    dLon = (dLon * 180.0) / (kKrasovskyA / sqrtMagic * std::cos(radLat) * kPi);
    return {lon + dLon, lat + dLat};
}

Vec2 gcj02ToWgs84(double lon, double lat) {
    if (outsideChina(lon, lat)) return {lon, lat};
    // The forward offset varies slowly, so iterating wgs = gcj - offset(wgs) converges fast.
    Vec2 w{lon, lat};
    for (int i = 0; i < 30; ++i) {
        Vec2 g = wgs84ToGcj02(w.x, w.y);
        double ex = g.x - lon, ey = g.y - lat;
        w.x -= ex;
        w.y -= ey;
        if (std::fabs(ex) < 1e-12 && std::fabs(ey) < 1e-12) break;
    }
    return w;
}

Vec2 gcj02ToBd09(double lon, double lat) {
    double z = std::sqrt(lon * lon + lat * lat) + 0.00002 * std::sin(lat * kXPi);
    double theta = std::atan2(lat, lon) + 0.000003 * std::cos(lon * kXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

Vec2 bd09ToGcj02(double lon, double lat) {
    double x = lon - 0.0065, y = lat - 0.006;
    double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
    double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
    return {z * std::cos(theta), z * std::sin(theta)};
}

Vec2 bd09ToWgs84(double lon, double lat) {
    Vec2 g = bd09ToGcj02(lon, lat);
    return gcj02ToWgs84(g.x, g.y);
}

Vec2 wgs84ToBd09(double lon, double lat) {
    Vec2 g = wgs84ToGcj02(lon, lat);
    return gcj02ToBd09(g.x, g.y);
}

Vec2 toWgs84(ChineseDatum datum, double lon, double lat) {
    switch (datum) {
        case ChineseDatum::Gcj02: return gcj02ToWgs84(lon, lat);
        case ChineseDatum::Bd09: return bd09ToWgs84(lon, lat);
        default: return {lon, lat};
    }
}

}  // namespace jbt
