#pragma once
// One tile's content as a binary glTF (GLB) for 3D Tiles 1.1: the triangles with a per-vertex
// feature id (EXT_mesh_features) into a property table of the buildings' attributes
// (EXT_structural_metadata), so a viewer can pick a building and show what an import shows.
#include <string>
#include <vector>

#include "tiles/tile_mesh.h"

namespace jbt {

// One attribute over all features of a tile: numbers (FLOAT64) or text (STRING).
struct PropertyColumn {
    std::string name;  // as the source spells it; the schema's id is made an identifier
    bool numeric = false;
    std::vector<double> numbers;
    std::vector<std::string> texts;
};

struct FeatureProperties {
    std::size_t count = 0;  // features; mesh.featureIds run 0 … count-1
    std::vector<PropertyColumn> columns;
};

// Meshopt: the vertex attributes and triangles packed with EXT_meshopt_compression (required
// to read the file; a property table stays plain, as readers of metadata expect).
enum class GlbCompression { None, Meshopt };

// The mesh's positions and normals are metres in the tile's own frame, Z up; they are written
// Y up, as glTF wants and 3D Tiles turns back.
std::string writeTileGlb(const TileMesh& mesh, const FeatureProperties& properties,
                         GlbCompression compression = GlbCompression::None);

// A schema property id from a source name: [A-Za-z_][A-Za-z0-9_]*, as the extension requires.
std::string propertyIdentifier(const std::string& name);

}  // namespace jbt
