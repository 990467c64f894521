#include "twin/snapshot_report.h"

#include "model/url.h"

namespace jbt {

nlohmann::json snapshotReport(const SceneModel& scene, const std::string& pngPath, int width, int height,
                              const std::string& view, const SnapshotTimings& t) {
    nlohmann::json layers = nlohmann::json::array();
    std::size_t triangles = 0, vertices = 0, tiles = 0, drapedTriangles = 0;
    for (const SceneLayer& l : scene.layers) {
        const ImportReport& r = l.data.report;
        nlohmann::json skipped = nlohmann::json::object();
        for (const auto& [reason, count] : r.skipped) skipped[reason] = count;
        layers.push_back({{"name", l.data.name},
                          {"kind", layerKindName(l.data.kind)},
                          {"source", withoutPasswords(l.data.sourcePath)},
                          {"crs", l.data.sourceCrs},
                          {"demo_data", l.data.generated},
                          {"features_read", r.featuresRead},
                          {"features_imported", r.featuresImported},
                          {"features_skipped", r.skippedTotal()},
                          {"skipped", skipped},
                          {"geometries_repaired", r.geometriesRepaired},
                          {"heights_defaulted", r.heightsDefaulted},
                          {"heights_unreadable", r.heightsUnreadable},
                          {"tiles", l.stats.tiles},
                          {"triangles", l.draped() ? l.drapedStats.triangles : l.stats.triangles}});
        if (!l.data.format.empty()) {
            layers.back()["format"] = l.data.format;
            layers.back()["level_of_detail"] = l.data.levelOfDetail;
            layers.back()["levels_of_detail"] = l.data.levelsOfDetail;
            layers.back()["appearance"] = {{"textures", l.data.textures.size()},
                                           {"textures_read", l.stats.textures},
                                           {"textured_surfaces", l.data.texturedSurfaces},
                                           {"coloured_surfaces", l.data.coloredSurfaces}};
        }
        triangles += l.stats.triangles;
        drapedTriangles += l.drapedStats.triangles;
        vertices += l.stats.vertices;
        tiles += l.stats.tiles;
    }
    float lo = 0, hi = 0;
    scene.terrain.range(lo, hi);
    nlohmann::json terrain = {{"source", scene.terrainSource},
                              {"cols", scene.terrain.cols},
                              {"rows", scene.terrain.rows},
                              {"spacing_m", scene.terrain.spacing},
                              {"min_m", lo},
                              {"max_m", hi},
                              {"chunks", scene.terrainStats.chunks}};
    if (scene.dem.width > 0)
        terrain["dem"] = {{"width", scene.dem.width}, {"height", scene.dem.height}, {"min", scene.dem.min},
                          {"max", scene.dem.max}, {"crs", scene.dem.crs}, {"voids_filled", scene.dem.noDataFilled}};
    nlohmann::json far = nlohmann::json::array();
    for (const FarLayer& f : scene.farLayers)
        far.push_back({{"name", f.name()}, {"path", f.options.path}, {"distance_km", f.distanceM / 1000},
                       {"centre", {f.centre.lon, f.centre.lat}}});
    nlohmann::json oblique = nlohmann::json::array();
    for (const ObliqueScene& s : scene.oblique)
        oblique.push_back({{"name", s.name}, {"folder", s.folder}, {"srs", s.meta.srsName}, {"root_tiles", s.stats.rootTiles},
                           {"missing_children", s.stats.missing ? s.stats.missing->count() : 0},
                           {"damaged_children", s.stats.missing ? s.stats.missing->damagedCount() : 0},
                           {"centre", {s.placement.centre.lon, s.placement.centre.lat}},
                           {"origin_in_scene", {s.placement.originInScene.x, s.placement.originInScene.y}}});
    nlohmann::json models = nlohmann::json::array();
    for (const PlacedModelScene& m : scene.models)
        models.push_back({{"name", m.name}, {"path", m.placement.path}, {"format", m.format}, {"triangles", m.triangles},
                          {"lon_lat", {m.placement.lon, m.placement.lat}}, {"base_in_scene", {m.base.x(), m.base.y(), m.base.z()}},
                          {"heading_deg", m.placement.headingDeg}, {"scale", m.placement.scale}});
    nlohmann::json tilesets = nlohmann::json::array();
    for (const TilesetScene& t : scene.tilesets) {
        TilesetStatus st = t.node->status();
        tilesets.push_back({{"name", t.name}, {"path", t.path}, {"version", t.node->version()}, {"tiles", st.tiles},
                            {"loaded", st.loaded}, {"drawn", st.drawn}, {"features", st.features}, {"points", st.points}, {"queued", st.queued}, {"failed", st.failed},
                            {"resident_mb", double(st.residentBytes) / (1 << 20)}, {"failures", st.failures},
                            {"settled", st.settled}, {"max_screen_space_error", t.node->maxScreenSpaceError()},
                            {"style", t.node->style().property}});
    }
    nlohmann::json paged;
    if (scene.pagedMemory) {
        const PagedMemoryUsage& u = scene.pagedMemory->usage();
        paged = {{"budget_mb", double(scene.pagedMemory->budget()) / (1 << 20)},
                 {"tilesets_mb", double(u.tilesets) / (1 << 20)},
                 {"oblique_mb", double(u.oblique) / (1 << 20)},
                 {"oblique_paged_nodes", u.obliqueNodes},
                 {"pager_target", u.pagerTarget}};
    }
    return {{"snapshot", pngPath},
            {"paged_memory", paged},
            {"oblique", oblique},
            {"tilesets", tilesets},
            {"models", models},
            {"terrain", terrain},
            {"far_layers", far},
            {"size", {width, height}},
            {"view", view},
            {"layers", layers},
            {"errors", scene.errors},
            {"messages", scene.messages},
            {"imagery", scene.imagery},
            {"scene",
             {{"triangles", triangles},
              {"draped_triangles", drapedTriangles},
              {"vertices", vertices},
              {"tiles", tiles},
              {"draw_calls", t.drawCalls},
              {"import_ms", scene.importMs},
              {"build_ms", scene.buildMs},
              {"first_frame_ms", t.firstFrameMs}}}};
}

nlohmann::json snapshotReport(Twin& twin, const std::string& pngPath, int width, int height, const std::string& view,
                              const SnapshotTimings& timings) {
    nlohmann::json report = snapshotReport(twin.scene(), pngPath, width, height, view, timings);
    nlohmann::json live = nlohmann::json::array();
    for (const auto& l : twin.live()) {
        LiveStatus st = l->source->status();
        live.push_back({{"source", l->source->name()}, {"state", liveStateName(st.state)}, {"reason", st.reason},
                        {"events", l->events ? l->events->byId.size() : 0}});
    }
    report["live"] = live;
    if (twin.grid())
        report["grid"] = {{"cells", twin.gridCells()}, {"events", twin.grid()->total()}, {"cell_m", twin.options().gridCellM}};
    if (twin.green().known) report["green"] = {{"district_ratio", twin.green().district}};
    return report;
}

}  // namespace jbt
