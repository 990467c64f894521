// Places, bookmarks and tours files are JSON a user edits by hand: a bad one is an Error naming
// it, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "data_import/places.h"
#include "model/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, false);
    if (j.is_discarded()) return 0;
    try {
        jbt::bookmarkFromJson(j);
    } catch (const jbt::Error&) {
    } catch (const nlohmann::json::exception&) {
        // bookmarkFromJson reads one entry; its callers turn these into Errors naming the file
    }
    return 0;
}
