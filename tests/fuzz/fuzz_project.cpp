// A project file as a user might hand it over: loading it either gives a project or throws
// jbt::Error naming the file and the key; nothing else may escape or crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "model/error.h"
#include "twin/project_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/jbt-fuzz-project-" + std::to_string(getpid()) + ".json";
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    try {
        jbt::loadProject(path);
    } catch (const jbt::Error&) {
    }
    return 0;
}
