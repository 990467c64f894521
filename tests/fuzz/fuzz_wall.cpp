// A video-wall layout file: loading it gives a layout whose canvas fits in an int, or throws
// jbt::Error naming the file; nothing else may escape or crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "model/error.h"
#include "viewer/wall_layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/jbt-fuzz-wall-" + std::to_string(getpid()) + ".json";
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
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
