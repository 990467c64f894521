// An oblique export's metadata.xml: parsing and placing it in a scene gives a placement or throws
// jbt::Error naming the file; nothing else may escape or crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data_import/oblique_metadata.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static jbt::SceneFrame frame;
    try {
        jbt::ObliqueMetadata m = jbt::parseObliqueMetadata(std::string(reinterpret_cast<const char*>(data), size), "metadata.xml");
        jbt::obliqueCentre(m, "metadata.xml");
        jbt::placeOblique(m, frame, "metadata.xml");
    } catch (const jbt::Error&) {
    }
    return 0;
}
