#include "viewer/command_line.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <sstream>

#include "data_import/chinese_offsets.h"
#include "model/error.h"
#include "model/model_placement.h"
#include "twin/project_file.h"

namespace jbt {

CommandLineExit::CommandLineExit(int code, const std::string& text) : Error(text), code(code) {}

// The options that say how a building source is read: shared by the viewer and `bake`.
void addImportOptions(CLI::App& app, ImportOptions& shared, std::string& datum) {
    app.add_option("--layer-name", shared.layerName, "Read only this layer of each file");
    app.add_option("--source-crs", shared.sourceCrs,
                   "CRS of the --layer data when the file has none or a wrong one (EPSG:4490, EPSG:4545, ...)");
    app.add_option("--datum", datum, "Chinese web offset of lon/lat data: none, gcj02 or bd09")
        ->check(CLI::IsMember({"none", "wgs84", "gcj02", "bd09", "GCJ-02", "BD-09"}, CLI::ignore_case));
    app.add_option("--height-field", shared.height.heightField, "Attribute holding building height in metres");
    app.add_option("--floor-height", shared.height.floorHeight, "Metres per storey for level counts (default 3)")
        ->check(CLI::PositiveNumber);
    app.add_option("--default-height", shared.height.defaultHeight,
                   "Height when a building carries none (default 10 m)")
        ->check(CLI::PositiveNumber);
    app.add_option("--lod", shared.levelOfDetail,
                   "CityGML/CityJSON: level of detail to show (1, 2, 2.2 …; default the highest in the file)");
}

CommandLine parseCommandLine(int argc, char** argv) {
    CommandLine cl;
    CLI::App app{"Jiangbei Twin: 3D digital twin of Jiangbei District, Chongqing", "jiangbei-twin"};
    std::vector<std::string> layerFiles, areaFiles, lineFiles, waterFiles, pointFiles;
    AppOptions& out = cl.options;
    ImportOptions& shared = cl.shared;
    std::string datum = "none", size, time;
    bool noDemo = false;
    app.add_option("--layer", layerFiles,
                   "Add an OGR-readable polygon file as extruded buildings (GeoJSON, Shapefile, GeoPackage, "
                   "OSM .pbf/.osm, CSV with WKT, a .zip of any of them, GDAL /vsi paths, PG:connection); may repeat");
    app.add_option("--area", areaFiles, "Drape a polygon layer on the terrain (land use, parks, district or grid boundaries)");
    app.add_option("--lines", lineFiles, "Drape a line layer on the terrain (roads: width and colour by OSM highway class)");
    app.add_option("--events", out.eventSources,
                   "Live governance events: a GeoJSON file (watched), http://host/path (polled) or "
                   "mqtt://host[:port]/topic; repeatable");
    app.add_option("--grid", out.gridCellM, "Grid cells (网格) of this many metres over the district; live events are "
                                            "counted per cell and shown as a 3D choropleth")
        ->check(CLI::Range(50.0, 20000.0));
    app.add_option("--green", out.greenFiles, "Green space polygons (parks, forest): draped in green, coverage per "
                                              "grid cell and for the district in the Green panel");
    app.add_option("--grid-file", out.gridFile, "The city's own grid cells or communities (polygons, id from "
                                                "grid_id/id/name) to count live events in, instead of --grid");
    app.add_option("--boundary", out.boundaryPath, "District boundary (polygons) the grid is clipped to; default: the scene");
    app.add_option("--points", pointFiles, "Landmarks or POIs from a point layer, labelled by their name (name:zh, name:en)");
    app.add_option("--data", cl.dataDir, "Open a data folder written by scripts/fetch_district.sh (OSM + DEM) instead of the demo");
    app.add_option("--imagery", out.imagery,
                   "Imagery on the terrain: a GDAL raster (GeoTIFF, MBTiles, VRT) or an XYZ tile URL with {z}/{x}/{y} "
                   "(tiles cached on disk); Amap/Tencent tiles are moved from GCJ-02 to WGS84");
    app.add_option("--imagery-offset", out.imageryOffset, "The offset the imagery is drawn in: gcj02, bd09 or none "
                                                          "(default: guessed from the URL)")
        ->check([](const std::string& v) {
            ChineseDatum d;
            return parseChineseDatum(v, d) ? std::string() : "'" + v + "' is not gcj02, bd09 or none";
        });
    app.add_option("--water", waterFiles, "Rivers and lakes: polygons, or centrelines widened by --water-width");
    app.add_option("--water-width", out.waterWidthM, "Width of --water centrelines in metres (default 400)")
        ->check(CLI::PositiveNumber);
    app.add_option("--style-field", out.styleField,
                   "Colour draped layers by this attribute (numbers: graduated, text: categories)");
    app.add_option("--project", out.projectPath,
                   "Open a project file (layers, styles, live sources, view, time); Ctrl+S saves back to it");
    addImportOptions(app, shared, datum);
    app.add_option("--oblique", out.obliqueDirs,
                   "Oblique photography (倾斜摄影): a ContextCapture/Smart3D export folder (metadata.xml + Data/Tile_*/…osgb); may repeat");
    app.add_option("--tiles", out.tilesets,
                   "Stream a 3D Tiles 1.0/1.1 tileset (its tileset.json: b3dm, i3dm, pnts, cmpt, glb; external and implicit "
                   "tilesets), e.g. one `jiangbei-twin bake` wrote; one in a local frame is placed with "
                   "PATH@LON,LAT[,ALT,HEADING,SCALE] (as --model); may repeat");
    app.add_option("--paged-memory", out.pagedMemoryMB,
                   "Memory for streamed data in MB: 3D Tiles and oblique meshes share it; what is off screen goes first "
                   "(default 512)")
        ->check(CLI::Range(16, 1 << 20));
    std::vector<std::string> modelSpecs;
    app.add_option("--model", modelSpecs,
                   "Place a 3D model (glTF/GLB, OBJ, DAE, 3DS, OSGB): FILE@LON,LAT[,ALT,HEADING,SCALE] — altitude above "
                   "the ground in metres, heading clockwise from north in degrees; may repeat");
    app.add_option("--dem", out.demPath, "Terrain from a raster DEM (GeoTIFF, SRTM .hgt, DTED, ...; any CRS)");
    app.add_flag("--no-demo", noDemo, "Leave out the generated demo district");
    app.add_option("--snapshot", out.snapshotPath, "Render offscreen to this PNG, print one line of JSON, exit");
    app.add_option("--size", size, "Snapshot or window size WxH (default 1280x720)");
    app.add_option("--view", out.view, "Camera bookmark to start from (id or name)");
    app.add_option("--tour", out.tour, "Play a guided tour (id from assets/tours.json, e.g. pearl_chain)");
    app.add_option("--tour-time", out.tourTime, "With --snapshot and --tour: render the tour at this second")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--time", time,
                   "Sun from local time (China Standard Time in China, the solar time zone elsewhere): "
                   "HH:MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM "
                   "(default 2026-04-15T10:30)");
    app.add_option("--lang", out.language, "UI language: zh, en or both (default both)")
        ->check(CLI::IsMember({"zh", "en", "both"}));
    std::string quality;
    app.add_option("--quality", quality,
                   "Graphics preset: low (no anti-aliasing, sky or shadows: software GL, video walls), medium (default), "
                   "high (8× anti-aliasing, finer shadows); each effect can be changed in the Graphics panel")
        ->check(CLI::IsMember({"low", "medium", "high"}));
    app.add_option("--fog", out.graphics.fog, "Haze and fog, 0 (clear air) to 1 (Chongqing's thickest fog); default 0.25")
        ->check(CLI::Range(0.0, 1.0));
    app.add_option("--shadows", out.shadowMapSize, "Sun shadow map size in texels (default 2048; 0 turns shadows off)")
        ->check(CLI::Range(0, 16384));
    app.add_option("--record", out.recordDir, "Render --tour offscreen to DIR/frame_00001.png … (and DIR/tour.mp4 with ffmpeg)");
    app.add_option("--fps", out.fps, "Frames per second of a recording (default 30)")->check(CLI::Range(1.0, 240.0));
    app.add_option("--record-seconds", out.recordSeconds, "Length of a recording (default: the whole tour)")
        ->check(CLI::PositiveNumber);
    app.add_option("--ui-scale", out.uiScale, "UI scale for large displays (2 for 4K, 4 for 8K); Ctrl+= / Ctrl+- live")
        ->check(CLI::Range(0.5, 6.0));
    std::string theme = "dark";
    std::string wheel = "in-on-up";
    bool verbose = false, quiet = false;
    app.add_flag("--verbose", verbose, "Say more on stderr (debug detail, OpenSceneGraph notices)");
    app.add_flag("--quiet", quiet, "Say only errors on stderr");
    app.add_option("--theme", theme, "Panel theme: dark or contrast (high contrast for projectors)")
        ->check(CLI::IsMember({"dark", "contrast"}));
    app.add_flag("--present", out.present,
                 "Presentation mode: panels hidden, title card and legend, the tour (default pearl_chain) looping as a kiosk");
    app.add_option("--autosave", out.autosaveSeconds,
                   "Seconds between autosaves beside the project (untitled: ~/.local/state/jiangbei-twin); 0 = off")
        ->capture_default_str();
    app.add_option("--wheel-zoom", wheel, "Mouse wheel: in-on-up (as web maps, default) or out-on-up")
        ->check(CLI::IsMember({"in-on-up", "out-on-up"}));
    app.add_option("--ui-probe", out.uiProbePath,
                   "Write the UI's state (panel rectangles, field texts, camera, project) as JSON to FILE after every "
                   "frame, for automated UI tests");
    app.add_option("--kiosk-idle", out.kioskIdleSeconds, "Seconds without input before a paused kiosk tour resumes (default 30)")
        ->check(CLI::NonNegativeNumber);
    app.add_flag("--hide-ui", out.hideUi, "Hide the ImGui panels (the demo-data banner stays)");
    app.add_flag("--fullscreen", out.fullscreen, "Open the window fullscreen");
    app.add_option("--screen", out.screen, "X screen for the window (default 0)")->check(CLI::NonNegativeNumber);
    app.add_option("--wall", out.wallPath,
                   "Video-wall layout (JSON: columns, rows, tile, bezel, screens, operator_screen); with --snapshot "
                   "writes the whole wall and each tile");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        std::ostringstream os, es;
        int code = app.exit(e, os, es);
        throw CommandLineExit(code, os.str() + es.str());
    }
    // Which options the user gave: they win over a project's values (applyProject).
    for (const CLI::Option* opt : app.get_options())
        if (opt->count() > 0) cl.given.insert(opt->get_name());
    if (!cl.dataDir.empty() || noDemo) cl.given.insert("--no-demo");
    cl.verbosity = quiet ? Verbosity::Quiet : verbose ? Verbosity::Verbose : Verbosity::Normal;
    if (!size.empty()) {
        char x = 0;
        std::istringstream is(size);
        if (!(is >> out.width >> x >> out.height) || (x != 'x' && x != 'X') || out.width < 16 || out.height < 16 ||
            out.width > 16384 || out.height > 16384)
            throw CommandLineExit(2, "--size: expected WxH such as 1920x1080, got '" + size + "'\n");
    }
    if (!time.empty()) {
        std::optional<LocalTime> t = parseLocalTime(time, out.time);
        if (!t) throw CommandLineExit(2, "--time: expected HH:MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '" + time + "'\n");
        out.time = *t;
    }
    if (!quality.empty()) {
        float fog = out.graphics.fog;
        Quality q = *parseQuality(quality);
        out.graphics = graphicsFor(q);
        out.graphics.fog = fog;
        if (!cl.given.count("--shadows")) out.shadowMapSize = shadowMapSizeFor(q);
    }
    if (!parseChineseDatum(datum, shared.datum)) throw CommandLineExit(2, "--datum: unknown datum '" + datum + "'\n");
    for (const std::string& spec : modelSpecs) {
        try {
            out.models.push_back(parseModelPlacement(spec));
        } catch (const Error& e) {
            throw CommandLineExit(2, std::string(e.what()) + "\n");
        }
    }
    auto add = [&](const std::vector<std::string>& files, LayerKind kind, std::vector<ImportOptions>& to) {
        for (const std::string& f : files) {
            ImportOptions o = shared;
            o.path = f;
            o.kind = kind;
            to.push_back(o);
        }
    };
    add(layerFiles, LayerKind::Buildings, out.layers);
    add(areaFiles, LayerKind::Areas, out.layers);
    add(lineFiles, LayerKind::Lines, out.layers);
    add(waterFiles, LayerKind::Lines, out.water);
    add(pointFiles, LayerKind::Points, out.layers);
    add(out.greenFiles, LayerKind::Areas, out.layers);
    if (noDemo) out.demo = false;
    out.highContrast = theme == "contrast";
    out.invertWheel = wheel == "out-on-up";
    return cl;
}

AppOptions resolveOptions(const CommandLine& cl) {
    AppOptions out = cl.options;
    try {
        if (!cl.dataDir.empty()) addDataFolder(cl.dataDir, cl.shared, out);
        if (!out.projectPath.empty() && std::filesystem::exists(out.projectPath))
            applyProject(loadProject(out.projectPath), cl.given, out);
    } catch (const Error& e) {
        throw CommandLineExit(2, std::string(e.what()) + "\n");
    }
    if (out.present && out.tour.empty()) out.tour = "pearl_chain";
    if (!out.recordDir.empty() && out.tour.empty())
        throw CommandLineExit(2, "--record needs a --tour to record (e.g. --tour pearl_chain)\n");
    if (!out.recordDir.empty()) out.hideUi = true;  // a recording shows the captions, not the panels
    return out;
}

}  // namespace jbt
