// A vector file as a data team might hand it over, through the whole import path (GDAL/OGR,
// validity repair, reprojection, height rules). The first byte picks the format and the layer
// kind; the rest is the file. Importing gives a layer or throws jbt::Error; nothing else may
// escape or crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "data_import/ogr_layer_reader.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const char* kExt[] = {"geojson", "csv", "kml", "gml", "osm", "json", "gpx", "geojsonl"};
    const std::string path = "/tmp/jbt-fuzz-ogr-" + std::to_string(getpid()) + "." + kExt[data[0] & 7];
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data + 1, 1, size - 1, f);
        std::fclose(f);
    }
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
    std::remove(path.c_str());
    return 0;
}
