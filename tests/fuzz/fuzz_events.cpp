// A live event payload as it arrives from a file, an HTTP body or an MQTT message: whatever it
// holds, parsing either merges events or throws jbt::Error; nothing else may escape or crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data_import/governance_events.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const jbt::SceneFrame frame;  // PROJ set up once
    std::string payload(reinterpret_cast<const char*>(data), size);
    jbt::EventSet events;
    try {
        jbt::mergeEventsGeoJson(payload, "fuzz", frame, {}, events);
    } catch (const jbt::Error&) {
    }
    return 0;
}
