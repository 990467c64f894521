#pragma once
// Between our plain polygons and OGR/GEOS geometry (for buffers, unions and clipping).
#include <ogr_geometry.h>

#include <memory>
#include <vector>

#include "model/feature.h"

namespace jbt {

std::unique_ptr<OGRPolygon> toOgrPolygon(const Polygon& polygon);
// Every polygon in a Polygon, MultiPolygon or GeometryCollection, rings stored open.
void appendPolygons(const OGRGeometry& geometry, std::vector<Polygon>& out);

// GEOS's validity check costs more than reading and reprojecting a footprint, and most footprints
// are one small ring that plain arithmetic can settle. True only for a polygon without holes whose
// closed outline of at most 32 edges is simple, every edge clear of the others by a margin far
// above rounding (no touching, no spike, no repeated corner); false means "ask GEOS", not invalid.
bool clearlyValid(const OGRPolygon& polygon);

}  // namespace jbt
