#pragma once
// City models with their own 3D shape — CityGML 1.0/2.0/3.0 and CityJSON 1.0–2.0 (and
// CityJSONSeq) — read as building layers: each Building (its parts merged) one feature whose
// surfaces are drawn as they are, in the level of detail chosen.
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data_import/ogr_layer_reader.h"
#include "model/feature.h"

namespace jbt {

enum class CityFormat { None, CityGml, CityJson, CityJsonSeq };

// Recognised by content, whatever the extension: CityJSON's "type" member, CityGML's namespace.
CityFormat sniffCityFormat(const std::string& path);

// What the two readers hand to the import: buildings in the file's own coordinates.
struct CitySurface {
    std::optional<SurfaceKind> kind;  // none: the file does not say (classed by slope later)
    std::vector<std::vector<Vec3>> rings;
    std::shared_ptr<const SurfaceAppearance> appearance;  // texture index into CityDocument::textures
    // CityGML: what an appearance may name this face by (the polygon's gml:id and those of the
    // surfaces around it; each ring's id) until appearances are matched at the end of the file.
    std::vector<std::string> targetIds, ringIds;
};

struct CityBuilding {
    std::string id;
    Attributes attributes;
    std::map<std::string, std::vector<CitySurface>> lods;  // "2", "2.2" → surfaces, parts merged
    std::size_t parts = 0;                                 // BuildingParts merged into it
};

struct CityDocument {
    std::string format;  // "CityGML 2.0", "CityJSON 1.1"
    std::string crs;     // as the file names it; empty when it names none
    std::vector<CityBuilding> buildings;
    std::vector<std::string> textures;  // images the appearances name, absolute paths
    std::map<std::string, std::size_t> otherObjects;  // city objects that are not buildings, by type
    std::map<std::string, std::size_t> skipped;       // surfaces or objects left out, by reason
    std::vector<std::string> messages;                // first few per reason: file, object, reason
};

// Both throw Error naming the file when it cannot be read at all; damage in one object is
// counted and named in the document, the rest read.
CityDocument readCityJson(const std::string& path);
CityDocument readCityGml(const std::string& path);

// The city model as a building layer in scene metres (options.levelOfDetail picks the LOD).
LayerData importCityModel(const ImportOptions& options, const SceneFrame& frame);
std::optional<GeoPoint> probeCityModelCentre(const ImportOptions& options);
DatasetInfo inspectCityModel(const std::string& path);

// The LOD to show among those a building has: the highest not above `wanted` ("" : highest;
// "2" admits 2.x); when none is, the lowest there is.
std::string chooseLevelOfDetail(const std::vector<std::string>& available, const std::string& wanted);

// CityGML/CityJSON semantic surface types (RoofSurface, WallSurface, GroundSurface,
// ClosureSurface, OuterCeilingSurface, OuterFloorSurface, Window, Door) as the kind drawn;
// nullopt for other names (interior surfaces among them).
std::optional<SurfaceKind> semanticSurfaceKind(const std::string& type);

// Adds a message for `reason` unless it already has a few, and counts it.
void noteSkipped(CityDocument& doc, const std::string& reason, const std::string& message);

}  // namespace jbt
