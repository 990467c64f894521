#pragma once
// Georeferenced features in scene metres, grouped in layers: what import hands to scene.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/attribute_table.h"
#include "model/geo.h"

namespace jbt {


// A ring is stored open: the closing vertex equal to the first is dropped on import.
using Ring = std::vector<Vec2>;

// Shoelace area, positive for counter-clockwise rings.
inline double signedArea(const Ring& r) {
    double a = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += r[j].x * r[i].y - r[i].x * r[j].y;
    return 0.5 * a;
}

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

// Whether q lies inside the polygon (in the outer ring, in no hole); even–odd crossing test.
bool contains(const Polygon& polygon, Vec2 q);

enum class HeightSource { Field, Levels, Default };

// A city model's semantic surfaces (CityGML/CityJSON): each kind drawn in its own colour.
// Surfaces the source leaves unnamed are classed by their slope on import.
enum class SurfaceKind : std::uint8_t { Wall, Roof, Ground, Closure };
const char* surfaceKindName(SurfaceKind kind);

// A planar ring's unit normal by Newell's method (counter-clockwise seen from where it points);
// zero for a ring without area.
Vec3 ringNormal(const std::vector<Vec3>& ring);

// One planar face of a building's own 3D shape: rings[0] the outer ring (counter-clockwise seen
// from outside), the rest holes; open rings, scene metres, z above the building's lowest point.
// How a city model's appearance (CityGML X3DMaterial / ParameterizedTexture, CityJSON materials
// and textures) paints one face: a colour, an image draped by coordinates per ring vertex, or both.
struct SurfaceAppearance {
    std::optional<std::array<float, 4>> color;  // diffuse RGB and opacity, 0–1
    int texture = -1;                           // index into LayerData::textures; -1: none
    std::vector<std::vector<Vec2>> uvs;         // with a texture: one per vertex of each ring

    bool textured() const { return texture >= 0; }
};

struct Surface {
    SurfaceKind kind = SurfaceKind::Wall;
    std::vector<std::vector<Vec3>> rings;
    // Shared (most faces have none, so a pointer keeps untextured cities small).
    std::shared_ptr<const SurfaceAppearance> appearance;
};

struct Feature {
    std::int64_t sourceFid = -1;
    std::vector<Polygon> polygons;  // scene metres, x east, y north (buildings, areas)
    std::vector<std::vector<Vec2>> lines;  // scene metres (line layers: roads, rivers, boundaries)
    std::vector<Vec2> points;              // scene metres (point layers: landmarks, POIs)
    double height = 0;              // top of the building above ground, metres
    double minHeight = 0;           // bottom (bridges, overhangs), metres
    double groundZ = 0;             // terrain height the building stands on, metres
    HeightSource heightSource = HeightSource::Default;
    Attributes attributes;
    // Buildings from city models carry their own shape: drawn as it is instead of extruding the
    // footprint (which `polygons` still holds, for the ground, picking zoom and analyses).
    std::vector<Surface> surfaces;
};

// Why a feature was not imported, counted per reason; keys are stable snake_case for the JSON.
struct ImportReport {
    std::size_t featuresRead = 0;      // features the source offered
    std::size_t featuresImported = 0;
    std::size_t geometriesRepaired = 0;
    std::size_t heightsDefaulted = 0;
    std::size_t heightsUnreadable = 0;  // of those, how many had a height that is not a number
    std::map<std::string, std::size_t> skipped;
    std::vector<std::string> messages;  // first few per reason, naming file, feature and reason

    std::size_t skippedTotal() const {
        std::size_t n = 0;
        for (auto& [reason, count] : skipped) n += count;
        return n;
    }
};

// What a layer holds and so how it is drawn: buildings are extruded, areas and lines draped on
// the terrain, points labelled.
enum class LayerKind { Buildings, Areas, Lines, Points };

// "buildings", "areas", "lines", "points": the names in project files and reports.
const char* layerKindName(LayerKind kind);
std::optional<LayerKind> parseLayerKind(const std::string& name);
inline bool isDraped(LayerKind kind) { return kind == LayerKind::Areas || kind == LayerKind::Lines; }

struct LayerData {
    std::string name;
    std::string sourcePath;
    LayerKind kind = LayerKind::Buildings;
    bool generated = false;  // the generated demo (says "demo data" on screen), not surveyed data
    std::string sourceCrs;  // as understood, for the panel
    std::vector<Feature> features;
    ImportReport report;
    // City models (CityGML, CityJSON): the format read, the levels of detail the file holds
    // (ascending, e.g. "1.2", "2.2") and the one shown. All empty for footprint sources.
    std::string format;
    std::vector<std::string> levelsOfDetail;
    std::string levelOfDetail;
    // Images the surfaces' appearances drape (absolute paths), and how many faces use them.
    std::vector<std::string> textures;
    std::size_t texturedSurfaces = 0, coloredSurfaces = 0;
};

}  // namespace jbt
