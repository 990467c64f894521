#pragma once
// tileset.json as plain data: the tile tree with bounding volumes, geometric errors, refinement,
// transforms, content URIs and implicit tiling, checked as it is read. What cannot be used is
// left out with a warning naming the tile and why; the rest stands.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tiles/geodesy.h"

namespace jbt {

struct BoundingVolume {
    enum class Kind { None, Box, Region, Sphere };
    Kind kind = Kind::None;
    std::array<double, 12> box{};    // centre, then the three half-axes
    std::array<double, 6> region{};  // west, south, east, north (radians), min and max height
    std::array<double, 4> sphere{};  // centre, radius
};

struct ImplicitTiling {
    bool octree = false;
    int subtreeLevels = 0, availableLevels = 0;
    std::string subtreeUri;  // templates with {level}, {x}, {y}, {z}
};

struct TileDesc {
    BoundingVolume volume;
    double geometricError = 0;
    bool additive = false;          // refine ADD (else REPLACE), inherited when the tile says neither
    Mat4 transform;                 // relative to the parent
    std::vector<std::string> contents;  // URIs as written (relative to the tileset file)
    std::optional<ImplicitTiling> implicit;
    std::vector<TileDesc> children;
    std::string path;               // "root/children/2/…", for messages
};

struct TilesetDesc {
    std::string version;  // asset.version
    double geometricError = 0;
    TileDesc root;
    std::vector<std::string> warnings;  // naming the file and the tile
};

// Throws Error "NAME: REASON" when the file is not a tileset at all (not JSON, no root, no
// asset.version); tiles it cannot use are left out with a warning.
TilesetDesc parseTileset(const std::string& text, const std::string& name, bool parentAdditive = false);

// The same from a file; throws Error "PATH: no such file" too.
TilesetDesc readTileset(const std::string& path);

// The template with {level}, {x}, {y} (and {z}) filled in.
// An implicit tile's volume from the root's: halved in x and y at each level, and in height
// (region) or along the box's third axis in an octree. Sphere roots are not subdivided.
BoundingVolume implicitTileVolume(const BoundingVolume& root, int level, long long x, long long y, long long z, bool octree);

std::string fillTemplate(const std::string& uriTemplate, int level, long long x, long long y, long long z = 0);

}  // namespace jbt
