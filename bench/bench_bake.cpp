// Bake throughput: generated footprints (100k, 1M by default) written once as GeoJSON, baked to
// 3D Tiles in this process, beside `ogr2ogr -f GPKG` converting the same file. Prints a Markdown
// table; peak resident memory is the process's (it only grows: run one size per process to read
// it for that size).
// With --gpkg, the same footprints also as a GeoPackage (ogr2ogr then converts GPKG to GPKG).
// With --compress, each size is baked plain and with --compress meshopt instead, one after the
// other: their times and the bytes of their tiles.
//   bench_bake [--sizes 100000,1000000] [--gpkg] [--compress] [--workdir DIR] [--max-features N]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "bench/footprint_generator.h"
#include "model/error.h"
#include "twin/subprocess.h"
#include "twin/tileset_bake.h"

namespace {

double secondsOf(const std::function<void()>& fn) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double folderMiB(const std::string& dir) {
    std::uintmax_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file()) n += e.file_size();
    return double(n) / (1 << 20);
}

// Plain, then packed: the same footprints, the same tree.
int compareCompression(const std::string& file, std::size_t maxFeatures, const std::string& workdir) {
    double seconds[2], mib[2];
    jbt::BakeReport r;
    for (int packed = 0; packed < 2; ++packed) {
        jbt::BakeOptions o;
        jbt::ImportOptions layer;
        layer.path = file;
        o.layers = {layer};
        o.outDir = workdir + (packed ? "/tiles_meshopt" : "/tiles_plain");
        o.maxFeaturesPerTile = maxFeatures;
        o.compression = packed ? jbt::GlbCompression::Meshopt : jbt::GlbCompression::None;
        try {
            seconds[packed] = secondsOf([&] { r = jbt::bakeTileset(o); });
        } catch (const jbt::Error& e) {
            std::cerr << e.what() << "\n";
            return 1;
        }
        mib[packed] = folderMiB(o.outDir + "/tiles");
    }
    std::printf("| %zu | %zu | %.2f | %.1f | %.2f | %.1f | %.2f | %.2f |\n", r.features, r.tiles, seconds[0], mib[0], seconds[1],
                mib[1], seconds[1] / seconds[0], mib[1] / mib[0]);
    std::fflush(stdout);
    return 0;
}

double peakMiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string sizes = "100000,1000000", workdir = "/tmp/jbt-bench-bake";
    std::size_t maxFeatures = 2000;
    bool withGpkg = false, compress = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--gpkg" || a == "--compress") {
            (a == "--gpkg" ? withGpkg : compress) = true;
            continue;
        }
        if (i + 1 >= argc) break;
        ++i;
        if (a == "--sizes") sizes = argv[i];
        else if (a == "--workdir") workdir = argv[i];
        else if (a == "--max-features") maxFeatures = std::stoul(argv[i]);
    }
    std::filesystem::create_directories(workdir);
    if (compress) {
        std::printf("| footprints | tiles | plain s | plain MiB | meshopt s | meshopt MiB | time × | bytes × |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (std::size_t n : jbt::bench::parseSizes(sizes)) {
            std::string file = workdir + "/footprints_" + std::to_string(n) + ".geojson";
            if (!std::filesystem::exists(file)) jbt::bench::writeFootprintsGeoJson(n, file);
            if (int rc = compareCompression(file, maxFeatures, workdir)) return rc;
        }
        return 0;
    }
    std::printf("| footprints | input | bake s | of it import s | footprints/s | tiles | leaves | depth | triangles | ogr2ogr GPKG s | bake ÷ ogr2ogr | peak MiB |\n");
    std::printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (std::size_t n : jbt::bench::parseSizes(sizes)) {
        std::string file = workdir + "/footprints_" + std::to_string(n) + ".geojson";
        if (!std::filesystem::exists(file)) jbt::bench::writeFootprintsGeoJson(n, file);
        std::vector<std::string> inputs = {file};
        if (withGpkg) {  // the same footprints as a GeoPackage, made once (not timed)
            std::string gpkg = workdir + "/footprints_" + std::to_string(n) + ".gpkg";
            if (!std::filesystem::exists(gpkg)) jbt::runProgram({"ogr2ogr", "-q", "-f", "GPKG", gpkg, file});
            inputs.push_back(gpkg);
        }
        for (const std::string& input : inputs) {
            std::string out = workdir + "/ogr2ogr_out.gpkg";
            std::filesystem::remove(out);
            double ogr = secondsOf([&] { jbt::runProgram({"ogr2ogr", "-q", "-f", "GPKG", out, input}); });
            jbt::BakeOptions o;
            jbt::ImportOptions layer;
            layer.path = input;
            o.layers = {layer};
            o.outDir = workdir + "/tiles_" + std::to_string(n);
            o.maxFeaturesPerTile = maxFeatures;
            jbt::BakeReport r;
            double bake = 0;
            try {
                bake = secondsOf([&] { r = jbt::bakeTileset(o); });
            } catch (const jbt::Error& e) {
                std::cerr << e.what() << "\n";
                return 1;
            }
            std::printf("| %zu | %s | %.2f | %.2f | %.0f | %zu | %zu | %zu | %zu | %.2f | %.2f | %.0f |\n", r.features,
                        input.substr(input.rfind('.') + 1).c_str(), bake, r.importSeconds, r.features / bake, r.tiles,
                        r.leaves, r.depth, r.triangles, ogr, bake / ogr, peakMiB());
            std::fflush(stdout);
        }
    }
    return 0;
}
