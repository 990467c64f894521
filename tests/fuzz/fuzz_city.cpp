// City models (CityGML through expat, CityJSON/CityJSONSeq through nlohmann-json), through the
// whole import: recognising, reading, the file's CRS, LOD choice, transform, footprints. A layer
// or jbt::Error naming the file; nothing else may escape or crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data_import/city_model.h"
#include "model/error.h"
#include "tests/fuzz/input_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jbt::SceneFrame frame({8.43, 49.1});
    std::string path = jbt::fuzz::writeInput("city", "gml", data, size);
    jbt::ImportOptions o;
    o.path = path;
    try {
        jbt::probeCentre(o);  // the file's own CRS, when it names one
    } catch (const jbt::Error&) {
    }
    o.sourceCrs = "EPSG:25832";  // past the CRS, into geometry
    o.levelOfDetail = size % 2 ? "" : "1";
    try {
        jbt::importLayer(o, frame);
    } catch (const jbt::Error&) {
    }
    return 0;
}
