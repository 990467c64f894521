#pragma once
// One square building written through OGR as a shapefile in a projected CRS: for tests of
// reprojection (Gauss–Krüger zones, Web Mercator). `half` is half its side in the CRS's units;
// `floors` >= 0 is written to a "Floor" field.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>

namespace jbt::test {

inline std::string writeSquareShapefile(const std::filesystem::path& dir, const std::string& name, int epsg, double lon,
                                        double lat, double half, int floors = -1) {
    GDALAllRegister();
    OGRSpatialReference srs, wgs;
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs, &srs));
    double x = lon, y = lat;
    ct->Transform(1, &x, &y);
    std::string path = (dir / (name + ".shp")).string();
    GDALDataset* ds = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRLayer* layer = ds->CreateLayer(name.c_str(), &srs, wkbPolygon, nullptr);
    if (floors >= 0) {
        OGRFieldDefn field("Floor", OFTInteger);
        layer->CreateField(&field);
    }
    OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
    if (floors >= 0) f->SetField("Floor", floors);
    OGRPolygon poly;
    OGRLinearRing ring;
    for (auto [dx, dy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}}) ring.addPoint(x + dx * half, y + dy * half);
    poly.addRing(&ring);
    f->SetGeometry(&poly);
    EXPECT_EQ(layer->CreateFeature(f), OGRERR_NONE);
    OGRFeature::DestroyFeature(f);
    GDALClose(ds);
    return path;
}

}  // namespace jbt::test
