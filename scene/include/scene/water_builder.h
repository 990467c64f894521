#pragma once
// Rivers and lakes as flat water surfaces at their water level.
#include <osg/Group>
#include <osg/Program>

#include "model/height_grid.h"
#include "model/water.h"

namespace jbt {

constexpr int kWaterBedTextureUnit = 4;

// `bed`: the terrain under the water (the demo's river beds, or a DEM with bathymetry), as a
// float texture: shallow water near the banks is lighter and siltier. A DEM that holds the
// water's surface (SRTM and most others) gives no depth and no tint.
osg::ref_ptr<osg::Group> buildWater(const std::vector<WaterBody>& water, osg::ref_ptr<osg::Program> program,
                                    const HeightGrid& bed = HeightGrid{});

}  // namespace jbt
