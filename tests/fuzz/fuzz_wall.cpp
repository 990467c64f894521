// A video-wall layout file: loading it gives a layout whose canvas fits in an int, or throws
// jbt::Error naming the file; nothing else may escape or crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/error.h"
#include "tests/fuzz/input_file.h"
#include "viewer/wall_layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = jbt::fuzz::writeInput("wall", "json", data, size);
    try {
        jbt::WallLayout w = jbt::loadWallLayout(path);
        // What the viewer computes next from a layout it accepted.
        if (w.canvasWidth() <= 0 || w.canvasHeight() <= 0) __builtin_trap();
        for (int r = 0; r < w.rows; ++r)
            for (int c = 0; c < w.columns; ++c) jbt::tileProjectionOffset(w, c, r);
    } catch (const jbt::Error&) {
    }
    return 0;
}
