#pragma once
// Oblique photography (倾斜摄影) as ContextCapture / Smart3D exports it: a folder with
// metadata.xml (the SRS and an origin) and Data/Tile_±xxx_±yyy/Tile_±xxx_±yyy.osgb, each the root
// of a paged level-of-detail pyramid whose vertices are offsets from the origin in that SRS.
#include <array>
#include <string>
#include <vector>

#include "data_import/scene_frame.h"
#include "model/geo.h"

namespace jbt {

struct ObliqueMetadata {
    std::string srs;       // as written: "EPSG:4547", "ENU:29.6,106.5" or a WKT
    std::string srsName;   // what it resolved to, for the report ("CGCS2000 / 3-degree GK CM 113.37E")
    std::string projDefinition;  // what PROJ is given (the WKT without AUTHORITY tags, …)
    std::array<double, 3> origin{0, 0, 0};  // <SRSOrigin>
};

// Reads DIR/metadata.xml; throws Error naming the file and what is wrong with it. In a WKT the
// parameters win over an AUTHORITY tag that contradicts them (ContextCapture writes such files).
ObliqueMetadata readObliqueMetadata(const std::string& dir);

// The same from the text of a metadata.xml (`file` names it in messages).
ObliqueMetadata parseObliqueMetadata(const std::string& xml, const std::string& file);

// Model offsets (SRS metres from the origin) to scene metres: an affine map fitted by PROJ at the
// origin (rotation by meridian convergence and scale included; over a tile block the map is exact
// to millimetres).
struct ObliquePlacement {
    std::array<double, 16> matrix{};  // row-vector convention (OSG): p' = p · M
    GeoPoint centre;                  // WGS84 of the origin
    Vec2 originInScene;
};
ObliquePlacement placeOblique(const ObliqueMetadata& meta, const SceneFrame& frame, const std::string& file);

// WGS84 of the origin (to choose a scene centre before a frame exists).
GeoPoint obliqueCentre(const ObliqueMetadata& meta, const std::string& file);

// Data/Tile_*/Tile_*.osgb (the root of each tile), sorted; throws Error when there is none.
std::vector<std::string> obliqueRootTiles(const std::string& dir);

}  // namespace jbt
