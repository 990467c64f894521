#include "twin/scene_assembly.h"

#include "scene/sky.h"

#include "data_import/ogr_polygons.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <optional>

#include "model/attribute_table.h"
#include "data_import/demo_district.h"
#include "twin/imagery_layer.h"
#include "scene/terrain_builder.h"
#include "scene/label_layer.h"
#include "scene/cjk_font.h"
#include "scene/water_builder.h"
#include "model/resource_paths.h"
#include "scene/shader_library.h"
#include "scene/sun_lighting.h"

#include "model/error.h"

namespace jbt {
namespace {

// Beyond this the data is not Jiangbei's, and a frame centred there would distort it.
constexpr double kRecentreDistanceM = 100000.0;

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Where the first layer lies (else the first oblique folder, else the DEM); nullopt when none can
// say (the import reports why).
std::optional<GeoPoint> dataCentre(const AppOptions& o, std::string& source) {
    try {
        if (!o.layers.empty()) {
            source = o.layers.front().path;
            if (std::optional<GeoPoint> c = probeCentre(o.layers.front())) return c;
        }
    } catch (const Error&) {
    }
    if (std::optional<GeoPoint> c = obliqueDataCentre(o, source)) return c;
    if (std::optional<GeoPoint> c = tilesetDataCentre(o, source)) return c;
    if (!o.models.empty()) {
        source = o.models.front().path;
        return GeoPoint{o.models.front().lon, o.models.front().lat};
    }
    try {
        if (!o.demPath.empty()) {
            source = o.demPath;
            return probeDemCentre({o.demPath});
        }
    } catch (const Error&) {
    }
    return std::nullopt;
}

GeoPoint chooseOrigin(const AppOptions& o, SceneModel& scene, bool& demo) {
    demo = o.demo;
    std::string source;
    std::optional<GeoPoint> found = o.centre;
    if (found && !(std::isfinite(found->lon) && std::isfinite(found->lat) && std::fabs(found->lon) <= 180 &&
                   std::fabs(found->lat) <= 90)) {
        scene.errors.push_back("the project's centre is not a longitude/latitude; the scene is centred by its layers");
        found.reset();
    }
    if (found) source = "the project's centre";
    else found = dataCentre(o, source);
    GeoPoint centre = found.value_or(kJiangbeiCentre);
    if (!found || distanceMetres(centre, kJiangbeiCentre) < kRecentreDistanceM) return o.centre ? centre : kJiangbeiCentre;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s lies %.0f km from Jiangbei: scene centred on it at %.4f, %.4f%s",
                  source.c_str(), distanceMetres(centre, kJiangbeiCentre) / 1000.0, centre.lon,
                  centre.lat, demo ? "; demo district left out" : "");
    scene.messages.push_back(buf);
    demo = false;
    return centre;
}

void extend(osg::BoundingBox& box, const LayerData& layer) {
    for (const Feature& f : layer.features)
        for (const Polygon& p : f.polygons)
            for (const Vec2& v : p.outer) box.expandBy(osg::Vec3(float(v.x), float(v.y), float(f.groundZ + f.height)));
}

// Pins stand on the ground; labels float just above the tallest building around the place.
std::vector<LabelSpec> placeLabels(const SceneModel& scene) {
    std::vector<LabelSpec> out;
    for (const Place& p : scene.places) {
        Vec2 s = scene.frame->toScene(p.position);
        double ground = scene.terrain.empty() ? 0.0 : scene.terrain.sample(s.x, s.y);
        double top = ground + 60;
        double reach = std::max(250.0, p.zone.radiusM * 0.6);
        for (const SceneLayer& l : scene.layers)
            for (const Feature& f : l.data.features) {
                if (!l.buildings() || f.polygons.empty()) continue;
                const Vec2& v = f.polygons[0].outer[0];
                if (std::hypot(v.x - s.x, v.y - s.y) < reach) top = std::max(top, f.groundZ + f.height);
            }
        int priority = p.category == "financial_core" || p.category == "business_circle" ? 3
                       : p.category == "heritage" || p.category == "forest_park"      ? 2
                                                                                       : 1;
        osg::Vec4 color = p.category == "heritage" ? osg::Vec4(1.0f, 0.85f, 0.55f, 1)
                          : p.category == "forest_park" ? osg::Vec4(0.7f, 1.0f, 0.7f, 1)
                                                        : osg::Vec4(1, 1, 1, 1);
        out.push_back({osg::Vec3d(s.x, s.y, ground), osg::Vec3d(s.x, s.y, top + 40), p.nameZh + "\n" + p.nameEn, priority, color});
    }
    return out;
}

}  // namespace

namespace {

void loadGazetteer(SceneModel& scene, bool demo) {
    std::string placesFile = findDataFile("assets/places.json");
    std::string bookmarksFile = findDataFile("assets/bookmarks.json");
    std::string toursFile = findDataFile("assets/tours.json");
    try {
        if (placesFile.empty()) throw Error("assets/places.json: not found in " + dataSearchPath());
        scene.places = loadPlaces(placesFile);
        if (demo && !bookmarksFile.empty()) {
            scene.bookmarks = loadBookmarks(bookmarksFile);
            for (Bookmark& b : bookmarksForPlaces(scene.places)) scene.bookmarks.push_back(b);
            if (!toursFile.empty()) scene.tours = loadTours(toursFile);
        }
    } catch (const Error& e) {
        scene.errors.push_back(e.what());
    }
}

// --water files: centrelines (widened) or polygons; a file with no lines is read as areas.
std::vector<LayerData> importWater(const AppOptions& o, SceneModel& scene) {
    std::vector<LayerData> out;
    for (ImportOptions io : o.water) {
        if (!hasLayerOfKind(io)) io.kind = LayerKind::Areas;
        try {
            out.push_back(importLayer(io, *scene.frame));
        } catch (const Error& e) {
            scene.errors.push_back(e.what());
        }
    }
    return out;
}

// Real river lines replace the demo rivers, so the generated valleys follow them.
void useRealRivers(DemoLandscape& l, const std::vector<LayerData>& water, double widthM, const SceneFrame& frame) {
    std::vector<River> rivers;
    for (const LayerData& layer : water)
        for (const Feature& f : layer.features)
            for (const auto& line : f.lines) {
                River r;
                r.id = layer.name + "#" + std::to_string(f.sourceFid);
                const std::string* name = findAttribute(f.attributes, "name");
                if (!name) name = findAttribute(f.attributes, "name_inferred");
                r.nameZh = r.nameEn = name ? *name : layer.name;
                for (const Vec2& p : line) r.course.push_back(frame.toWgs84(p));
                r.widthM = widthM;
                r.waterLevelM = l.rivers.empty() ? 175 : l.rivers.front().waterLevelM;
                rivers.push_back(std::move(r));
            }
    if (!rivers.empty()) l.rivers = std::move(rivers);
}

// Water from imported files when there is no demo landscape to carve it: surfaces sit just
// above the lowest ground along their edge.
std::vector<WaterBody> waterFromLayers(const std::vector<LayerData>& water, double widthM, const HeightGrid& terrain) {
    std::vector<WaterBody> out;
    for (const LayerData& layer : water) {
        WaterBody w{layer.name, layer.name, layer.name, {}, 0};
        double lowest = 1e9;
        for (const Feature& f : layer.features) {
            for (const Polygon& p : f.polygons) w.polygons.push_back(p);
            for (const auto& line : f.lines) {
                OGRLineString ls;
                for (const Vec2& p : line) ls.addPoint(p.x, p.y);
                std::unique_ptr<OGRGeometry> area(ls.Buffer(widthM / 2, 6));
                if (area) appendPolygons(*area, w.polygons);
            }
        }
        for (const Polygon& p : w.polygons)
            for (const Vec2& v : p.outer) lowest = std::min(lowest, terrain.empty() ? 0.0 : terrain.sample(v.x, v.y));
        w.level = (lowest < 1e8 ? lowest : 0) + 0.5;
        out.push_back(std::move(w));
    }
    return out;
}

HeightGrid flatGround(const osg::BoundingBox& extent) {
    HeightGrid g;
    double w = std::max(2000.0, double(extent.xMax() - extent.xMin())), h = std::max(2000.0, double(extent.yMax() - extent.yMin()));
    double margin = 0.5 * std::max(w, h) + 2000;
    g.spacing = std::max(w, h) / 64 + 1;
    g.originX = extent.xMin() - margin;
    g.originY = extent.yMin() - margin;
    g.cols = int((w + 2 * margin) / g.spacing) + 2;
    g.rows = int((h + 2 * margin) / g.spacing) + 2;
    g.heights.assign(std::size_t(g.cols) * g.rows, 0.f);
    return g;
}

// Landmarks from a point layer: the Chinese name on top, the English one below when there is one.
std::vector<LabelSpec> pointLabels(const LayerData& layer, const HeightGrid& terrain) {
    std::vector<LabelSpec> out;
    for (const Feature& f : layer.features) {
        const std::string* zh = findAttribute(f.attributes, "name:zh");
        const std::string* name = findAttribute(f.attributes, "name");
        const std::string* en = findAttribute(f.attributes, "name:en");
        std::string text = zh ? *zh : name ? *name : en ? *en : "";
        if (text.empty()) continue;
        if (en && *en != text) text += "\n" + *en;
        for (const Vec2& p : f.points) {
            double ground = terrain.empty() ? 0.0 : terrain.sample(p.x, p.y);
            out.push_back({osg::Vec3d(p.x, p.y, ground), osg::Vec3d(p.x, p.y, ground + 40), text, 0, osg::Vec4(0.9f, 0.95f, 1, 1)});
        }
    }
    return out;
}

// A draped layer's node, made when it is first shown (a hidden layer costs nothing).
void buildDrapedNode(SceneModel& scene, std::size_t index) {
    SceneLayer& l = scene.layers[index];
    if (l.node || !l.visible || !scene.draped) return;
    GroundClamp ground(scene.terrain, &scene.water);
    StyledLayer styled = applyDrapeStyle(l.data, l.style);
    l.legend = std::move(styled.legend);
    // Areas under lines, each kind in the layers' order.
    int order = int(index) + 1 + (l.data.kind == LayerKind::Lines ? 1000 : 0);
    l.node = buildDrapedLayer(l.data, l.style, styled.looks, ground, order, l.drapedStats);
    applyLayerOpacity(l);
    scene.draped->addChild(l.node);
}

// The node of a layer (draped, buildings or points); a layer of imported data also gets a
// bookmark that fits it.
void buildLayerNode(SceneModel& scene, std::size_t index) {
    SceneLayer& l = scene.layers[index];
    osg::BoundingBox box = layerExtent(l);
    if (!l.data.generated && box.valid())
        scene.bookmarks.push_back(fitBookmark("layer:" + l.data.name, "图层 Layer: " + l.data.name, box, *scene.frame));
    if (l.draped()) {
        buildDrapedNode(scene, index);
        if (!l.node) l.legend = applyDrapeStyle(l.data, l.style).legend;  // hidden: its legend only
        return;
    }
    if (!l.buildings()) {
        l.node = buildLabelLayer(pointLabels(l.data, scene.terrain), scene.labelOptions);
        scene.root->addChild(l.node);
        return;
    }
    BuildingLayerOptions bo;
    bo.layerIndex = static_cast<int>(index);
    bo.program = scene.buildingProgram;
    l.node = buildBuildingLayer(l.data, bo, l.stats);
    scene.buildings->addChild(l.node);
}

}  // namespace

void applyLayerOpacity(SceneLayer& l) {
    if (!l.node) return;
    if (l.draped()) setDrapedOpacity(*l.node, l.opacity);  // already blended, in its own bins
    else setLayerOpacity(*l.node, l.opacity);
}

osg::BoundingBox layerExtent(const SceneLayer& layer) {
    osg::BoundingBox box;
    auto add = [&](const Vec2& v, double z) { box.expandBy(osg::Vec3(float(v.x), float(v.y), float(z))); };
    for (const Feature& f : layer.data.features) {
        for (const Polygon& p : f.polygons)
            for (const Vec2& v : p.outer) add(v, f.groundZ + f.height);
        for (const auto& line : f.lines)
            for (const Vec2& v : line) add(v, f.groundZ);
        for (const Vec2& v : f.points) add(v, f.groundZ);
    }
    return box;
}

Bookmark fitBookmark(const std::string& id, const std::string& name, const osg::BoundingBox& box,
                     const SceneFrame& frame) {
    Bookmark b;
    b.id = id;
    b.nameZh = b.nameEn = name;
    osg::Vec3 c = box.center();
    b.target = frame.toWgs84({c.x(), c.y()});
    // At least a house and its garden in view: one building fills the view, not a corner of it.
    b.rangeM = std::max(60.0, 1.3 * std::max(box.xMax() - box.xMin(), box.yMax() - box.yMin()));
    b.headingDeg = 0;
    b.pitchDeg = 50;
    return b;
}

Bookmark fitAllBookmark(const SceneModel& scene) {
    osg::BoundingBox all;
    for (const SceneLayer& l : scene.layers)
        if (l.visible) all.expandBy(layerExtent(l));
    for (const ObliqueScene& o : scene.oblique)
        if (o.visible) all.expandBy(o.node->getBound());
    for (const PlacedModelScene& m : scene.models)
        if (m.visible) all.expandBy(m.node->getBound());
    for (const TilesetScene& t : scene.tilesets)
        if (t.visible) all.expandBy(t.node->getBound());
    if (!all.valid()) all = scene.extent;
    return fitBookmark("all", "全部 Fit all", all, *scene.frame);
}

void setLayerVisible(SceneModel& scene, std::size_t index, bool visible) {
    if (index >= scene.layers.size()) return;
    SceneLayer& l = scene.layers[index];
    l.visible = visible;
    if (l.draped()) buildDrapedNode(scene, index);
    if (l.node) l.node->setNodeMask(visible ? ~0u : 0u);
}

std::vector<LayerDisplay> layerDisplay(const SceneModel& scene) {
    std::vector<LayerDisplay> out;
    for (const SceneLayer& l : scene.layers) out.push_back({l.data.name, l.visible, l.opacity});
    for (const TilesetScene& t : scene.tilesets)
        out.push_back({"tileset:" + t.name, t.visible, 1.0f, t.node->maxScreenSpaceError(), t.node->style().property});
    return out;
}

void applyLayerDisplay(SceneModel& scene, const std::vector<LayerDisplay>& display) {
    for (std::size_t i = 0; i < scene.layers.size(); ++i) {
        SceneLayer& l = scene.layers[i];
        for (const LayerDisplay& d : display) {
            if (d.name != l.data.name) continue;
            l.visible = d.visible;
            l.opacity = std::clamp(d.opacity, 0.1f, 1.0f);
            if (l.draped()) buildDrapedNode(scene, i);
            if (!l.node) continue;
            l.node->setNodeMask(l.visible ? ~0u : 0u);
            if (l.draped() || l.opacity < 1.0f) applyLayerOpacity(l);
        }
    }
    for (TilesetScene& t : scene.tilesets)
        for (const LayerDisplay& d : display) {
            if (d.name != "tileset:" + t.name) continue;
            t.visible = d.visible;
            t.node->setNodeMask(t.visible ? ~0u : 0u);
            if (d.maxScreenError > 0) t.node->setMaxScreenSpaceError(d.maxScreenError);
            t.node->setStyle(d.colourBy);
        }
}

void applyGraphics(SceneModel& scene, const GraphicsSettings& g) {
    osg::StateSet* ss = scene.root->getOrCreateStateSet();
    auto set = [ss](const char* name, float value) {
        if (osg::Uniform* u = ss->getUniform(name)) u->set(value);
        else ss->addUniform(new osg::Uniform(name, value));
    };
    set("u_hazeDensity", hazeDensityFor(g.fog));
    set("u_fog", g.fog);
    set("u_edgeFade", g.edgeFade ? 1.0f : 0.0f);
    if (scene.sky) scene.sky->setNodeMask(g.sky ? ~0u : 0u);
}

SceneModel assembleScene(const AppOptions& o) {
    SceneModel scene;
    bool demo = true;
    scene.frame = std::make_unique<SceneFrame>(chooseOrigin(o, scene, demo));
    loadGazetteer(scene, demo);

    auto t0 = std::chrono::steady_clock::now();
    std::vector<LayerData> water = importWater(o, scene);
    std::unique_ptr<DemoLandscape> landscape;
    if (demo) {
        try {
            std::string file = findDataFile("assets/demo_landscape.json");
            if (file.empty()) throw Error("assets/demo_landscape.json: not found in " + dataSearchPath());
            landscape = std::make_unique<DemoLandscape>(loadDemoLandscape(file));
            useRealRivers(*landscape, water, o.waterWidthM, *scene.frame);
            scene.terrain = generateDemoTerrain(*landscape, *scene.frame);
            scene.terrainSource = "演示地形 demo relief (generated)";
            scene.demoTerrain = true;
            scene.water = demoWater(*landscape, *scene.frame);
        } catch (const std::exception& e) {
            scene.errors.push_back(e.what());
        }
    }
    if (!o.demPath.empty()) {
        try {
            Dem dem = readDem({o.demPath}, *scene.frame);
            scene.terrain = std::move(dem.grid);
            scene.dem = dem.info;
            scene.terrainSource = o.demPath;
            scene.demoTerrain = false;
        } catch (const Error& e) {
            scene.errors.push_back(e.what());
        }
    }
    if (demo && !scene.places.empty()) {
        std::unique_ptr<RiverMask> rivers;
        DemoDistrictOptions dopt;
        if (landscape) {
            rivers = std::make_unique<RiverMask>(*landscape, *scene.frame);
            dopt.rivers = rivers.get();
            for (const GeoPoint& p : landscape->urbanArea) dopt.urbanArea.push_back(scene.frame->toScene(p));
        }
        // Real buildings or roads of the district replace the generated ones.
        auto given = [&](LayerKind kind) {
            return std::any_of(o.layers.begin(), o.layers.end(), [&](const ImportOptions& io) { return io.kind == kind; });
        };
        DemoCity city = generateDemoCity(scene.places, *scene.frame, dopt);
        if (!given(LayerKind::Buildings)) {
            SceneLayer blocks;
            blocks.data = std::move(city.blocks);
            scene.layers.push_back(std::move(blocks));
        }
        if (!given(LayerKind::Lines)) {
            SceneLayer roads;
            roads.data = std::move(city.roads);
            scene.layers.push_back(std::move(roads));
        }
        if (landscape && o.greenFiles.empty()) {
            SceneLayer green;
            green.data = demoGreenSpace(*landscape, *scene.frame);
            green.green = true;
            scene.layers.push_back(std::move(green));
        }
        if (!given(LayerKind::Buildings)) {
            SceneLayer buildings;
            buildings.data = std::move(city.buildings);
            scene.layers.push_back(std::move(buildings));
        }
    }
    scene.showsDemoData = scene.demoTerrain ||
                          std::any_of(scene.layers.begin(), scene.layers.end(), [](const SceneLayer& l) { return l.data.generated; });
    for (const ImportOptions& io : o.layers) {
        try {
            if (std::optional<FarLayer> far = farFromCentre(scene.frame->origin(), io)) {
                scene.messages.push_back(far->message());
                scene.farLayers.push_back(std::move(*far));
                continue;
            }
            SceneLayer l;
            l.data = importLayer(io, *scene.frame);
            l.styleField = io.styleField;
            scene.layers.push_back(std::move(l));
        } catch (const Error& e) {
            scene.errors.push_back(e.what());
        }
    }
    osg::BoundingBox drapedExtent;
    for (SceneLayer& l : scene.layers) {
        if (l.draped()) {
            l.style = defaultDrapeStyle(l.data, l.data.generated ? "" : !l.styleField.empty() ? l.styleField : o.styleField);
            l.green = l.green || std::find(o.greenFiles.begin(), o.greenFiles.end(), l.data.sourcePath) != o.greenFiles.end();
            if (l.green) {
                l.style = DrapeStyle{};  // green space: one green fill, whatever its attributes
                l.style.color = {70, 160, 80, 190};
                // The demo's forest parks lie on the ridges, which the terrain already shades as
                // forest: their boundary only, not a flat green shape over the slopes.
                if (l.data.generated) {
                    l.style.color = {70, 150, 70, 220};
                    l.style.outlineOnly = true;
                    l.style.outlinePx = 2;
                }
            } else if (l.data.generated && l.data.kind == LayerKind::Areas) {
                l.style = demoBlockStyle();
            }
            drapedExtent.expandBy(layerExtent(l));
        } else if (l.buildings()) {
            extend(scene.extent, l.data);
        }
    }
    if (scene.terrain.empty()) {
        osg::BoundingBox all = scene.extent;
        all.expandBy(drapedExtent);
        expandByTilesets(o, *scene.frame, all);
        if (!all.valid()) all = osg::BoundingBox(-5000, -5000, 0, 5000, 5000, 0);
        scene.terrain = flatGround(all);
        scene.terrainSource = "flat ground at 0 m (no DEM given)";
    }
    if (!water.empty() && !landscape) scene.water = waterFromLayers(water, o.waterWidthM, scene.terrain);
    for (SceneLayer& l : scene.layers)
        if (l.buildings()) placeOnTerrain(l.data, scene.terrain);
    scene.extent.init();
    for (const SceneLayer& l : scene.layers)
        if (l.buildings()) extend(scene.extent, l.data);
    scene.importMs = msSince(t0);

    auto t1 = std::chrono::steady_clock::now();
    scene.root = new osg::Group;
    scene.pagedMemory = new PagedMemoryBudget(o.pagedMemoryMB << 20);
    scene.root->setCullCallback(scene.pagedMemory);
    scene.buildings = new osg::Group;
    scene.buildings->setName("buildings");
    scene.root->addChild(scene.buildings);
    osg::ref_ptr<osg::Program> buildings, waterProgram, terrain, terrainWithImagery, sky, draped;
    // (the building program is kept for layers imported later)
    try {
        buildings = loadProgram("buildings", {"sun_shadow.frag", "atmosphere.frag"});
        waterProgram = loadProgram("water", {"atmosphere.frag"});
        terrain = loadProgram("terrain", {"sun_shadow.frag", "atmosphere.frag"});
        terrainWithImagery = loadProgram("terrain", {"sun_shadow.frag", "atmosphere.frag"}, {"WITH_IMAGERY"});
        sky = loadProgram("sky", {"atmosphere.frag"});
        draped = loadProgram("draped", {"sun_shadow.frag", "atmosphere.frag"});
    } catch (const std::exception& e) {
        scene.errors.push_back(std::string(e.what()) + "; drawing without shaders");
    }
    scene.buildingProgram = buildings;
    osg::StateSet* ss = scene.root->getOrCreateStateSet();
    // Sun, sky and haze come from the time of day (setTimeOfDay); this is the default.
    applySun(*ss, sunAt(scene.frame->origin().lon, scene.frame->origin().lat, o.time));  // refined by setTimeOfDay
    if (sky) {
        scene.sky = buildSky(sky);
        scene.root->insertChild(0, scene.sky);
    }
    applyGraphics(scene, o.graphics);
    std::string fontHint;
    scene.labelOptions.fontFile = findCjkFont(fontHint);
    scene.labelOptions.characterSizePx *= o.uiScale;  // big screens get big labels too
    scene.draped = makeDrapedRoot(draped);
    scene.root->addChild(scene.draped);
    for (SceneLayer& l : scene.layers)  // a layer the project keeps hidden is built when first shown
        for (const LayerDisplay& d : o.layerDisplay)
            if (d.name == l.data.name && l.draped()) l.visible = d.visible;
    for (std::size_t i = 0; i < scene.layers.size(); ++i) buildLayerNode(scene, i);
    TerrainOptions to;
    to.program = terrain;
    to.imageryProgram = terrainWithImagery;
    to.seaAtZero = scene.dem.width > 0;
    if (!scene.water.empty()) to.waterLevelM = scene.water.front().level;
    scene.terrainNode = buildTerrain(scene.terrain, to, scene.terrainStats);
    scene.root->addChild(scene.terrainNode);
    if (std::string why = o.imagery.empty() ? "" : addImagery(o.imagery, o.imageryOffset, scene); !why.empty())
        scene.errors.push_back(why);
    // Where the terrain ends: its edges fade into the haze there.
    const HeightGrid& g = scene.terrain;
    ss->addUniform(new osg::Uniform("u_terrainBounds", osg::Vec4(float(g.originX), float(g.originY), float(g.maxX()), float(g.maxY()))));
    if (!scene.extent.valid())
        scene.extent = osg::BoundingBox(scene.terrain.originX, scene.terrain.originY, 0, scene.terrain.maxX(), scene.terrain.maxY(), 100);
    if (!scene.water.empty()) scene.root->addChild(buildWater(scene.water, waterProgram, scene.terrain));
    if (demo && !scene.places.empty()) {
        scene.labels = buildLabelLayer(placeLabels(scene), scene.labelOptions);
        scene.root->addChild(scene.labels);
    }
    addObliqueLayers(o, scene);
    addPlacedModels(o, scene);
    addTilesets(o, scene);
    scene.selectedTint = std::make_unique<ClassificationHighlight>(osg::Vec4(1.0f, 0.55f, 0.1f, 0.55f), 20);
    scene.hoverTint = std::make_unique<ClassificationHighlight>(osg::Vec4(0.35f, 0.85f, 1.0f, 0.35f), 22);
    scene.root->addChild(scene.selectedTint->node());
    scene.eventTint = std::make_unique<ClassificationHighlight>(osg::Vec4(0.95f, 0.2f, 0.25f, 0.45f), 24);
    scene.root->addChild(scene.hoverTint->node());
    scene.root->addChild(scene.eventTint->node());
    applyLayerDisplay(scene, o.layerDisplay);
    scene.bookmarks.insert(scene.bookmarks.begin(), fitAllBookmark(scene));
    scene.buildMs = msSince(t1);
    return scene;
}

std::size_t addLayerToScene(SceneModel& scene, LayerData data, const std::string& styleField) {
    SceneLayer l;
    l.data = std::move(data);
    if (l.buildings()) placeOnTerrain(l.data, scene.terrain);
    if (l.draped()) l.style = defaultDrapeStyle(l.data, styleField);
    std::size_t index = scene.layers.size();
    scene.layers.push_back(std::move(l));
    buildLayerNode(scene, index);
    return index;
}

void replaceLayerData(SceneModel& scene, std::size_t index, LayerData data) {
    if (index >= scene.layers.size() || !scene.layers[index].buildings()) return;
    SceneLayer& l = scene.layers[index];
    if (l.node) scene.buildings->removeChild(l.node);
    std::string bookmark = "layer:" + l.data.name;
    scene.bookmarks.erase(std::remove_if(scene.bookmarks.begin(), scene.bookmarks.end(),
                                         [&](const Bookmark& b) { return b.id == bookmark; }),
                          scene.bookmarks.end());
    l.data = std::move(data);
    l.stats = {};
    placeOnTerrain(l.data, scene.terrain);
    buildLayerNode(scene, index);
    if (!l.visible) l.node->setNodeMask(0u);
    setLayerOpacity(*l.node, l.opacity);
}

const Bookmark* bookmarkForPlace(const SceneModel& scene, const Place& place) {
    for (const Bookmark& b : scene.bookmarks)
        if (b.id == place.id) return &b;
    return nullptr;
}

const Bookmark* findBookmark(const SceneModel& scene, const std::string& name) {
    for (const Bookmark& b : scene.bookmarks)
        if (equalsIgnoreCase(b.id, name) || equalsIgnoreCase(b.nameEn, name) || b.nameZh == name) return &b;
    return nullptr;
}

}  // namespace jbt
