// A project file as a user might hand it over: loading it either gives a project or throws
// jbt::Error naming the file and the key; nothing else may escape or crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/error.h"
#include "tests/fuzz/input_file.h"
#include "twin/project_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = jbt::fuzz::writeInput("project", "json", data, size);
    try {
        jbt::loadProject(path);
    } catch (const jbt::Error&) {
    }
    return 0;
}
