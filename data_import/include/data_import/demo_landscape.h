#pragma once
// The generated demo landscape: relief with Jiangbei's pattern (river valleys near 175 m, the
// Tongluo/Tieshanping and Mingyue ridges rising several hundred metres), and the two rivers
// as water surfaces. Deterministic; described in assets/demo_landscape.json.
#include <string>
#include <vector>

#include "model/height_grid.h"
#include "model/water.h"
#include "data_import/scene_frame.h"

namespace jbt {

struct River {
    std::string id, nameZh, nameEn;
    std::vector<GeoPoint> course;
    double widthM = 0, waterLevelM = 0;
};

struct Ridge {
    std::string id, nameZh, nameEn;
    std::vector<GeoPoint> crest;
    double heightM = 0, halfWidthM = 0;
};

struct DemoLandscape {
    double baseHeightM = 250, hillsAmplitudeM = 50, gridSpacingM = 60;
    GeoPoint southWest, northEast;
    std::vector<River> rivers;
    std::vector<Ridge> ridges;
    std::vector<GeoPoint> urbanArea;  // the built-up west, filled with blocks between the quarters
};

// Throws Error naming the file and the reason.
DemoLandscape loadDemoLandscape(const std::string& path);

HeightGrid generateDemoTerrain(const DemoLandscape& landscape, const SceneFrame& frame);

// Forest parks on the ridges (Tieshanping, Mingyueshan …): the crest widened by most of the
// ridge's half-width, as green-space polygons with a `type` of forest_park.
LayerData demoGreenSpace(const DemoLandscape& landscape, const SceneFrame& frame);

// River centrelines buffered by half their width (GEOS through OGR).
std::vector<WaterBody> demoWater(const DemoLandscape& landscape, const SceneFrame& frame);

// Answers "is this point in a river (or within a margin of its bank)?" for the demo buildings.
class RiverMask {
public:
    RiverMask(const DemoLandscape& landscape, const SceneFrame& frame);
    bool contains(Vec2 p, double marginM) const;

private:
    struct Line {
        std::vector<Vec2> points;
        double halfWidth;
    };
    std::vector<Line> lines_;
};

}  // namespace jbt
