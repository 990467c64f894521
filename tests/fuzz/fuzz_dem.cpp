// A DEM as a user might pick it: opening, statistics, the decimating read and the warp onto the
// scene grid. The first byte picks the format (ASCII grid, GeoTIFF, XYZ) and whether a CRS is
// given; the rest is the file. Reading gives terrain or throws jbt::Error; nothing else may
// escape, crash or hang.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "data_import/dem_reader.h"
#include "model/error.h"
#include "tests/fuzz/input_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static const char* kExt[] = {"asc", "tif", "xyz", "asc"};
    const std::string path = jbt::fuzz::writeInput("dem", kExt[data[0] & 3], data + 1, size - 1);
    jbt::DemOptions o;
    o.path = path;
    if (data[0] & 4) o.sourceCrs = "EPSG:4326";
    try {
        jbt::GeoPoint centre = jbt::probeDemCentre(o);
        jbt::SceneFrame frame(centre);
        jbt::readDem(o, frame);
    } catch (const jbt::Error&) {
    }
    std::remove(path.c_str());
    return 0;
}
