// A vector file as a data team might hand it over, through the whole import path (GDAL/OGR,
// validity repair, reprojection, height rules), read from memory through GDAL's /vsimem/. The
// first byte picks the format and the layer kind; the rest is the file. Importing gives a layer or throws jbt::Error; nothing else may
// escape or crash.
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "data_import/ogr_layer_reader.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const char* kExt[] = {"geojson", "csv", "kml", "gml", "osm", "json", "gpx", "geojsonl"};
    const std::string path = std::string("/vsimem/fuzz.") + kExt[data[0] & 7];
    VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data + 1), vsi_l_offset(size - 1), FALSE);
    VSIFCloseL(f);
    jbt::ImportOptions o;
    o.path = path;
    o.kind = static_cast<jbt::LayerKind>((data[0] >> 3) & 3);
    if (data[0] & 0x20) o.datum = jbt::ChineseDatum::Gcj02;
    try {
        auto centre = jbt::probeCentre(o);
        jbt::SceneFrame frame(centre ? *centre : jbt::GeoPoint{106.58, 29.58});
        jbt::importLayer(o, frame);
    } catch (const jbt::Error&) {
    }
    VSIUnlink(path.c_str());
    return 0;
}
