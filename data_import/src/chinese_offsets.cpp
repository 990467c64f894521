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

namespace {

// Baidu's bands, as its JavaScript API carries them: per band x = c0 + c1·|lon| and
// y = Σ c(2+k)·(|lat| / c9)^k for k = 0..6 (degrees → units, or units → degrees).
constexpr double kLatitudeBands[6] = {75, 60, 45, 30, 15, 0};
constexpr double kMercatorBands[6] = {12890594.86, 8362377.87, 5591021, 3481989.83, 1678043.12, 0};
constexpr double kToMercator[6][10] = {
    {-0.0015702102444, 111320.7020616939, 1704480524535203, -10338987376042340, 26112667856603880, -35149669176653700,
     26595700718403920, -10725012454188240, 1800819912950474, 82.5},
    {0.0008277824516172526, 111320.7020463578, 647795574.6671607, -4082003173.641316, 10774905663.51142, -15171875531.51559,
     12053065338.62167, -5124939663.577472, 913311935.9512032, 67.5},
    {0.00337398766765, 111320.7020202162, 4481351.045890365, -23393751.19931662, 79682215.47186455, -115964993.2797253,
     97236711.15602145, -43661946.33752821, 8477230.501135234, 52.5},
    {0.00220636496208, 111320.7020209128, 51751.86112841131, 3796837.749470245, 992013.7397791013, -1221952.21711287,
     1340652.697009075, -620943.6990984312, 144416.9293806241, 37.5},
    {-0.0003441963504368392, 111320.7020576856, 278.2353980772752, 2485758.690035394, 6070.750963243378, 54821.18345352118,
     9540.606633304236, -2710.55326746645, 1405.483844121726, 22.5},
    {-0.0003218135878613132, 111320.7020701615, 0.00369383431289, 823725.6402795718, 0.46104986909093, 2351.343141331292,
     1.58060784298199, 8.77738589078284, 0.37238884252424, 7.45}};
constexpr double kToDegrees[6][10] = {
    {1.410526172116255e-8, 0.00000898305509648872, -1.9939833816331, 200.9824383106796, -187.2403703815547, 91.6087516669843,
     -23.38765649603339, 2.57121317296198, -0.03801003308653, 17337981.2},
    {-7.435856389565537e-9, 0.000008983055097726239, -0.78625201886289, 96.32687599759846, -1.85204757529826,
     -59.36935905485877, 47.40033549296737, -16.50741931063887, 2.28786674699375, 10260144.86},
    {-3.030883460898826e-8, 0.00000898305509983578, 0.30071316287616, 59.74293618442277, 7.357984074871, -25.38371002664745,
     13.45380521110908, -3.29883767235584, 0.32710905363475, 6856817.37},
    {-1.981981304930552e-8, 0.000008983055099779535, 0.03278182852591, 40.31678527705744, 0.65659298677277,
     -4.44255534477492, 0.85341911805263, 0.12923347998204, -0.04625736007561, 4482777.06},
    {3.09191371068437e-9, 0.000008983055096812155, 0.00006995724062, 23.10934304144901, -0.00023663490511,
     -0.6321817810242, -0.00663494467273, 0.03430082397953, -0.00466043876332, 2555164.4},
    {2.890871144776878e-9, 0.000008983055095805407, -3.068298e-8, 7.47137025468032, -0.00000353937994, -0.02145144861037,
     -0.00001234426596, 0.00010322952773, -0.00000323890364, 826088.5}};

Vec2 throughBand(double x, double y, const double (&c)[10]) {
    double t = std::fabs(y) / c[9], power = 1, sum = 0;
    for (int k = 0; k <= 6; ++k, power *= t) sum += c[2 + k] * power;
    double outX = c[0] + c[1] * std::fabs(x);
    return {x < 0 ? -outX : outX, y < 0 ? -sum : sum};
}

}  // namespace

Vec2 bd09ToBaiduMercator(double lon, double lat) {
    lat = std::clamp(lat, -74.0, 74.0);
    for (int i = 0; i < 6; ++i)
        if (std::fabs(lat) >= kLatitudeBands[i]) return throughBand(lon, lat, kToMercator[i]);
    return throughBand(lon, lat, kToMercator[5]);
}

Vec2 baiduMercatorToBd09(double x, double y) {
    for (int i = 0; i < 6; ++i)
        if (std::fabs(y) >= kMercatorBands[i]) return throughBand(x, y, kToDegrees[i]);
    return throughBand(x, y, kToDegrees[5]);
}

Vec2 toWgs84(ChineseDatum datum, double lon, double lat) {
    switch (datum) {
        case ChineseDatum::Gcj02: return gcj02ToWgs84(lon, lat);
        case ChineseDatum::Bd09: return bd09ToWgs84(lon, lat);
        default: return {lon, lat};
    }
}

}  // namespace jbt
