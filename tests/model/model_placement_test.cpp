// --model FILE@LON,LAT[,ALT,HEADING,SCALE]: what it accepts and the exact refusals.
#include <gtest/gtest.h>

#include "model/error.h"
#include "model/model_placement.h"

namespace jbt {
namespace {

std::string refusal(const std::string& text) {
    try {
        parseModelPlacement(text);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

TEST(ModelPlacement, FullAndShortForms) {
    ModelPlacement p = parseModelPlacement("/data/ifs@tower.glb@106.5853,29.5743,2.5,45,1.5");
    EXPECT_EQ(p.path, "/data/ifs@tower.glb");
    EXPECT_DOUBLE_EQ(p.lon, 106.5853);
    EXPECT_DOUBLE_EQ(p.lat, 29.5743);
    EXPECT_DOUBLE_EQ(p.altitude, 2.5);
    EXPECT_DOUBLE_EQ(p.headingDeg, 45);
    EXPECT_DOUBLE_EQ(p.scale, 1.5);
    ModelPlacement s = parseModelPlacement("duck.glb@106.5,29.6");
    EXPECT_DOUBLE_EQ(s.altitude, 0);
    EXPECT_DOUBLE_EQ(s.headingDeg, 0);
    EXPECT_DOUBLE_EQ(s.scale, 1);
    EXPECT_EQ(parseModelPlacement(formatModelPlacement(p)).path, p.path);
    EXPECT_DOUBLE_EQ(parseModelPlacement(formatModelPlacement(p)).headingDeg, 45);
}

TEST(ModelPlacement, Refusals) {
    const std::string form = " (expected FILE@LON,LAT[,ALT,HEADING,SCALE])";
    EXPECT_EQ(refusal("duck.glb"), "--model 'duck.glb': no @ between the file and where it stands" + form);
    EXPECT_EQ(refusal("duck.glb@106.5"), "--model 'duck.glb@106.5': 1 numbers" + form);
    EXPECT_EQ(refusal("duck.glb@106.5,north"), "--model 'duck.glb@106.5,north': 'north' is not a number" + form);
    EXPECT_EQ(refusal("duck.glb@206.5,29"), "--model 'duck.glb@206.5,29': longitude or latitude out of range" + form);
    EXPECT_EQ(refusal("duck.glb@106.5,29,0,0,0"), "--model 'duck.glb@106.5,29,0,0,0': the scale must be above 0" + form);
    EXPECT_EQ(refusal("duck.glb@106.5,29,0,0,1,7"), "--model 'duck.glb@106.5,29,0,0,1,7': 6 numbers" + form);
}

}  // namespace
}  // namespace jbt
