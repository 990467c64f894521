// glTF 2.0, JSON or GLB (the first bytes decide, as a file's extension would), through tinygltf
// and the conversion to OSG: a model or jbt::Error naming the file; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "model/error.h"
#include "scene/model_loader.h"
#include "tests/fuzz/input_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bool binary = size >= 4 && std::memcmp(data, "glTF", 4) == 0;
    std::string path = jbt::fuzz::writeInput("gltf", binary ? "glb" : "gltf", data, size);
    try {
        jbt::loadModel(path);
    } catch (const jbt::Error&) {
    }
    return 0;
}
