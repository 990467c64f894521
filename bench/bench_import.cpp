// Import + mesh throughput: generated footprints (10k, 100k, 1M by default) and real OSM
// extracts, beside `ogr2ogr -f GPKG` on the same files. Prints a Markdown table.
//   bench_import [--sizes 10000,100000] [--osm FILE ...] [--file FILE ...] [--threads N] [--workdir DIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "bench/footprint_generator.h"
#include "data_import/ogr_layer_reader.h"
#include "model/error.h"
#include "twin/subprocess.h"
#include "scene/building_layer_builder.h"

namespace {

double secondsOf(const std::function<void()>& fn) {
    auto t0 = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int threads = 0;  // --threads: import workers (0: one per core)

void measure(const std::string& label, const std::string& file, const jbt::GeoPoint& origin, const std::string& workdir) {
    jbt::SceneFrame frame(origin);
    jbt::LayerData layer;
    jbt::ImportOptions io{file};
    io.threads = threads;
    double importS = secondsOf([&] { layer = jbt::importLayer(io, frame); });
    jbt::SceneBuildStats stats;
    double meshS = secondsOf([&] { jbt::buildBuildingLayer(layer, {}, stats); });
    std::string gpkg = workdir + "/ogr2ogr_out.gpkg";
    std::filesystem::remove(gpkg);
    double ogrS = secondsOf([&] {
        std::vector<std::string> cmd = {"ogr2ogr", "-q", "-f", "GPKG", gpkg, file};
        if (file.find(".osm") != std::string::npos) cmd.push_back("multipolygons");
        if (jbt::runProgram(cmd) != 0) std::cerr << "ogr2ogr failed on " << file << "\n";
    });
    std::size_t n = layer.report.featuresRead;
    std::printf("| %s | %zu | %.2f | %.2f | %.0f | %zu | %.2f | %.0f |\n", label.c_str(), n, importS, meshS,
                n / (importS + meshS), stats.triangles, ogrS, n / ogrS);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes = {10000, 100000, 1000000};
    std::vector<std::string> osm;
    std::string workdir = std::filesystem::temp_directory_path() / "jbt-bench";
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--sizes" && i + 1 < argc) {
            sizes = jbt::bench::parseSizes(argv[++i]);
        } else if (a == "--threads" && i + 1 < argc) {
            threads = std::stoi(argv[++i]);
        } else if ((a == "--osm" || a == "--file") && i + 1 < argc) {
            osm.push_back(argv[++i]);
        } else if (a == "--workdir" && i + 1 < argc) {
            workdir = argv[++i];
        }
    }
    std::filesystem::create_directories(workdir);
    std::printf("| input | footprints | import s | mesh s | footprints/s (import+mesh) | triangles | ogr2ogr GPKG s | ogr2ogr features/s |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (std::size_t n : sizes) {
        std::string file = workdir + "/footprints_" + std::to_string(n) + ".geojson";
        if (!std::filesystem::exists(file)) jbt::bench::writeFootprintsGeoJson(n, file);
        measure("generated GeoJSON " + std::to_string(n / 1000) + "k", file, {106.60, 29.60}, workdir);
    }
    for (const std::string& f : osm) {
        try {
            std::optional<jbt::GeoPoint> centre = jbt::probeCentre({f});
            measure(std::filesystem::path(f).filename().string(), f, centre.value_or(jbt::kJiangbeiCentre), workdir);
        } catch (const jbt::Error& e) {
            std::cerr << e.what() << "\n";
        }
    }
}
