#pragma once
// The parsers under test read files: a fuzz input written to this process's own file (one per
// target and extension, overwritten each run).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace jbt::fuzz {

inline std::string writeInput(const std::string& target, const std::string& ext, const std::uint8_t* data, std::size_t size) {
    std::string path = "/tmp/jbt-fuzz-" + target + "-" + std::to_string(getpid()) + "." + ext;
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}

}  // namespace jbt::fuzz
