#pragma once
// Sun position from date and local time (NOAA's solar position equations), and the light,
// sky and haze that go with it: day, dusk and night for the scene's shaders.
#include <osg/StateSet>
#include <osg/Vec3>
#include <string>

#include "model/local_time.h"

namespace jbt {

struct SunState {
    double elevationDeg = 0, azimuthDeg = 0;  // azimuth clockwise from north
    osg::Vec3 direction;   // towards the sun (east, north, up); the moon's when the sun is down
    osg::Vec3 sky;         // towards the sun where it really is (the light never comes from below 20°)
    float daylight = 1;    // 0 at night … 1 in full day
    float night = 0;       // how much the city's own lights show
    osg::Vec3 haze;        // sky and haze colour
};

SunState sunAt(double lon, double lat, const LocalTime& t);

// Sets the lighting uniforms every scene shader reads, on the scene's root StateSet.
void applySun(osg::StateSet& root, const SunState& sun);

}  // namespace jbt
