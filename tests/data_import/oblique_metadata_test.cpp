// ContextCapture metadata.xml: the real sample (a WKT whose AUTHORITY tag contradicts its
// parameters) lands where PROJ puts its origin under the parameters; other SRS forms and bad
// files give messages naming the file and the reason.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "data_import/oblique_metadata.h"
#include "model/error.h"
#include "tests/test_support.h"

namespace jbt {
namespace {

const std::string kSample = "reference/3d/oblique/ContextCapture_Production_5";

std::string errorOf(const std::string& xml) {
    try {
        parseObliqueMetadata(xml, "m.xml");
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

std::string metadata(const std::string& srs, const std::string& origin = "0,0,0") {
    return "<?xml version=\"1.0\"?>\n<ModelMetadata version=\"1\">\n<SRS>" + srs + "</SRS>\n<SRSOrigin>" + origin +
           "</SRSOrigin>\n</ModelMetadata>\n";
}

TEST(ObliqueMetadata, TheSampleLandsWhereItsParametersSayNotItsAuthorityTag) {
    std::string dir = test::sharedData(kSample);
    ObliqueMetadata m = readObliqueMetadata(dir);
    EXPECT_EQ(m.srsName, "LOCAL0 / 3-degree Gauss-Kruger CM 113.36E");
    EXPECT_DOUBLE_EQ(m.origin[0], 501027.524);
    EXPECT_DOUBLE_EQ(m.origin[1], 2488718.808);
    GeoPoint c = obliqueCentre(m, dir + "/metadata.xml");
    // Independently: cs2cs with the WKT's parameters written out by hand.
    auto out = test::run("echo 501027.524 2488718.808 | cs2cs -f %.10f +proj=tmerc +lat_0=0 +lon_0=113.37 +k=1 "
                         "+x_0=500000 +y_0=90 +ellps=GRS80 +to +proj=longlat +ellps=GRS80");
    std::istringstream in(out.out);
    double lon = 0, lat = 0;
    in >> lon >> lat;
    ASSERT_GT(lon, 113) << out.out;
    double metres = distanceMetres(c, {lon, lat});
    EXPECT_LT(metres, 1.0) << c.lon << ", " << c.lat;
    // The tag (EPSG:4547, meridian 114°E) would have put it about 65 km west of that.
    EXPECT_GT(distanceMetres(obliqueCentre(parseObliqueMetadata(metadata("EPSG:4547", "501027.524,2488718.808,0"), "m"), "m"),
                             {lon, lat}), 50000);
    EXPECT_EQ(obliqueRootTiles(dir).size(), 1u);
}

TEST(ObliqueMetadata, PlacementTurnsByTheMeridianConvergence) {
    ObliqueMetadata m = readObliqueMetadata(test::sharedData(kSample));
    // A scene centred 1° east: the model's grid north is turned against the scene's.
    SceneFrame frame({114.38, 22.5});
    ObliquePlacement p = placeOblique(m, frame, "m");
    double angle = std::atan2(p.matrix[1], p.matrix[0]) * 180 / M_PI;  // image of the model's x axis
    double scale = std::hypot(p.matrix[0], p.matrix[1]);
    // Convergence ≈ Δλ·sin φ = 1.0° × sin 22.5° ≈ 0.38°.
    EXPECT_NEAR(std::fabs(angle), 0.38, 0.03) << angle;
    EXPECT_NEAR(scale, 1.0, 2e-4);
    Vec2 expected = frame.toScene(obliqueCentre(m, "m"));
    EXPECT_NEAR(p.originInScene.x, expected.x, 0.01);
    EXPECT_NEAR(p.originInScene.y, expected.y, 0.01);
}

TEST(ObliqueMetadata, EpsgAndEnuForms) {
    ObliqueMetadata utm = parseObliqueMetadata(metadata("EPSG:32649", "500000,2488000,12"), "m.xml");
    EXPECT_EQ(utm.srsName, "WGS 84 / UTM zone 49N");
    EXPECT_NEAR(obliqueCentre(utm, "m").lon, 111.0, 1e-6);
    EXPECT_DOUBLE_EQ(utm.origin[2], 12);
    ObliqueMetadata enu = parseObliqueMetadata(metadata("ENU:29.57,106.58"), "m.xml");
    GeoPoint c = obliqueCentre(enu, "m");
    EXPECT_NEAR(c.lon, 106.58, 1e-9);
    EXPECT_NEAR(c.lat, 29.57, 1e-9);
}

TEST(ObliqueMetadata, BadFilesSayWhatIsWrong) {
    EXPECT_EQ(errorOf("<html></html>"), "m.xml: not a ContextCapture metadata file (no <ModelMetadata>)");
    EXPECT_EQ(errorOf("<ModelMetadata version=\"1\"></ModelMetadata>"), "m.xml: no <SRS>: the model cannot be placed");
    EXPECT_EQ(errorOf(metadata("EPSG:999999")), "m.xml: unknown SRS 'EPSG:999999'");
    EXPECT_EQ(errorOf(metadata("EPSG:4326")),
              "m.xml: the SRS 'EPSG:4326' is in degrees; an oblique model needs a projected or local SRS");
    EXPECT_EQ(errorOf(metadata("ENU:95,10")), "m.xml: the SRS 'ENU:95,10' is not ENU:latitude,longitude");
    EXPECT_EQ(errorOf(metadata("EPSG:4547", "1,2")), "m.xml: <SRSOrigin> '1 2' is not three numbers");
    auto dir = test::scratchDir();
    try {
        readObliqueMetadata(dir.string());
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), (dir / "metadata.xml").string() +
                                             ": missing (an oblique export has metadata.xml beside its Data folder)");
    }
    try {
        obliqueRootTiles(dir.string());
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), (dir / "Data").string() + ": no tiles (expected Data/Tile_…/Tile_….osgb)");
    }
}

}  // namespace
}  // namespace jbt
