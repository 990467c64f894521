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

}  // namespace jbt
