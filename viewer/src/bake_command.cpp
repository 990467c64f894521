#include "viewer/bake_command.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "model/log.h"
#include "twin/tileset_bake.h"
#include "viewer/command_line.h"

namespace jbt {

int runBake(int argc, char** argv) {
    CLI::App app{"Bake building sources into a 3D Tiles 1.1 tileset (tileset.json + GLB tiles)", "jiangbei-twin bake"};
    BakeOptions o;
    std::vector<std::string> files;
    ImportOptions shared;
    std::string datum = "none";
    app.add_option("--layer", files, "A building source the viewer imports (file, PG:…, CityGML, CityJSON); may repeat")->required();
    app.add_option("--out", o.outDir, "The folder to write (empty, or an earlier bake's)")->required();
    app.add_option("--max-features", o.maxFeaturesPerTile, "Buildings a tile holds before it splits in four (default 2000)")
        ->check(CLI::Range(1, 1000000));
    std::string compress = "none";
    app.add_option("--compress", compress,
                   "meshopt: pack the tiles' geometry with EXT_meshopt_compression (smaller; readers must know the "
                   "extension: CesiumJS, cesium-native, this viewer); none (default)")
        ->check(CLI::IsMember({"none", "meshopt"}));
    std::string partition;
    app.add_option("--partition", partition,
                   "i/N: bake part i of N (several processes or machines, one folder); join/N: after all N, write the "
                   "levels above them and tileset.json");
    addImportOptions(app, shared, datum);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (!parseChineseDatum(datum, shared.datum)) {
        std::cerr << "--datum: unknown datum '" << datum << "'\n";
        return 2;
    }
    o.compression = compress == "meshopt" ? GlbCompression::Meshopt : GlbCompression::None;
    if (!partition.empty()) {
        std::size_t slash = partition.find('/');
        std::string part = partition.substr(0, slash);
        try {
            if (slash == std::string::npos) throw std::invalid_argument("no /");
            o.partCount = std::stoi(partition.substr(slash + 1));
            o.joinParts = part == "join";
            o.partIndex = o.joinParts ? 0 : std::stoi(part);
        } catch (const std::exception&) {
            o.partCount = 0;
        }
        if (o.partCount < 1 || (!o.joinParts && (o.partIndex < 1 || o.partIndex > o.partCount))) {
            std::cerr << "--partition: '" << partition << "' is not i/N (1 ≤ i ≤ N) or join/N\n";
            return 2;
        }
    }
    for (const std::string& f : files) {
        ImportOptions io = shared;
        io.path = f;
        o.layers.push_back(io);
    }
    // A progress bar on a terminal; pipes and logs get the summary only.
    if (isatty(STDERR_FILENO))
        o.progress = [last = std::string(), lastShare = -1](const std::string& stage, double p) mutable {
            int share = int(p * 100);
            if (stage == last && share == lastShare) return;
            last = stage, lastShare = share;
            int filled = int(p * 30);
            std::fprintf(stderr, "\r%-7s [%s%s] %3d%%", stage.c_str(), std::string(filled, '#').c_str(),
                         std::string(30 - filled, ' ').c_str(), share);
            if (p >= 1.0) std::fputc('\n', stderr);
        };
    auto start = std::chrono::steady_clock::now();
    try {
        BakeReport r = bakeTileset(o);
        for (const std::string& m : r.messages) spdlog::info(m);
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("{\"features\":%zu,\"tiles\":%zu,\"leaves\":%zu,\"depth\":%zu,\"triangles\":%zu,\"roof_failures\":%zu,"
                    "\"root_geometric_error\":%.2f,\"seconds\":%.3f,\"tileset\":\"%s/tileset.json\"}\n",
                    r.features, r.tiles, r.leaves, r.depth, r.triangles, r.roofFailures, r.rootGeometricError, s, o.outDir.c_str());
        return 0;
    } catch (const Error& e) {
        spdlog::error(e.what());
        return 1;
    }
}

}  // namespace jbt
