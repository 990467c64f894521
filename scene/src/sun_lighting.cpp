#include "scene/sun_lighting.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jbt {
namespace {

int dayOfYear(int y, int m, int d) {
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return before[std::clamp(m, 1, 12) - 1] + d + (leap && m > 2 ? 1 : 0);
}

float smooth(float e0, float e1, float x) {
    float t = std::clamp((x - e0) / (e1 - e0), 0.f, 1.f);
    return t * t * (3 - 2 * t);
}

}  // namespace

SunState sunAt(double lon, double lat, const LocalTime& t) {
    const double deg = M_PI / 180.0;
    double gamma = 2 * M_PI / 365.0 * (dayOfYear(t.year, t.month, t.day) - 1 + (t.hours - 12) / 24.0);
    double decl = 0.006918 - 0.399912 * std::cos(gamma) + 0.070257 * std::sin(gamma) - 0.006758 * std::cos(2 * gamma) +
                  0.000907 * std::sin(2 * gamma) - 0.002697 * std::cos(3 * gamma) + 0.00148 * std::sin(3 * gamma);
    double eqTime = 229.18 * (0.000075 + 0.001868 * std::cos(gamma) - 0.032077 * std::sin(gamma) -
                              0.014615 * std::cos(2 * gamma) - 0.040849 * std::sin(2 * gamma));
    double trueSolarMinutes = t.hours * 60 + eqTime + 4 * lon - 60 * t.utcOffsetHours;
    double hourAngle = (trueSolarMinutes / 4 - 180) * deg;
    double phi = lat * deg;
    double cosZenith = std::sin(phi) * std::sin(decl) + std::cos(phi) * std::cos(decl) * std::cos(hourAngle);
    double zenith = std::acos(std::clamp(cosZenith, -1.0, 1.0));
    double azimuth = std::atan2(std::sin(hourAngle), std::cos(hourAngle) * std::sin(phi) - std::tan(decl) * std::cos(phi)) + M_PI;

    SunState s;
    s.elevationDeg = 90 - zenith / deg;
    s.azimuthDeg = std::fmod(azimuth / deg + 360, 360);
    float el = float(s.elevationDeg);
    s.daylight = smooth(-6.f, 12.f, el);
    s.night = 1.f - smooth(-8.f, 4.f, el);
    // Below the horizon the scene is lit softly from high up (moon and sky glow), never from below.
    double lightEl = std::max(el, 20.f) * deg, az = s.azimuthDeg * deg;
    s.direction = osg::Vec3(float(std::sin(az) * std::cos(lightEl)), float(std::cos(az) * std::cos(lightEl)), float(std::sin(lightEl)));
    double trueEl = el * deg;
    s.sky = osg::Vec3(float(std::sin(az) * std::cos(trueEl)), float(std::cos(az) * std::cos(trueEl)), float(std::sin(trueEl)));
    osg::Vec3 day(0.74f, 0.79f, 0.84f), dusk(0.82f, 0.64f, 0.52f), night(0.05f, 0.07f, 0.12f);
    float duskness = smooth(-6.f, 2.f, el) * (1.f - smooth(4.f, 16.f, el));
    s.haze = night * (1 - s.daylight) + day * s.daylight;
    s.haze = s.haze * (1 - duskness) + dusk * duskness;
    return s;
}

void applySun(osg::StateSet& root, const SunState& sun) {
    auto set = [&](const char* name, auto value) {
        if (osg::Uniform* u = root.getUniform(name)) u->set(value);
        else root.addUniform(new osg::Uniform(name, value));
    };
    set("u_sunDirection", sun.direction);
    set("u_sunInSky", sun.sky);
    set("u_daylight", sun.daylight);
    set("u_night", sun.night);
    set("u_hazeColor", sun.haze);
}

}  // namespace jbt
