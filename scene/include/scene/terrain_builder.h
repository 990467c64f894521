#pragma once
// Terrain from a HeightGrid: square chunks, each an osg::LOD of three resolutions; skirts hang
// from every chunk edge so neighbours at different resolutions never show a crack.
#include <osg/Group>
#include <osg/Program>

#include "model/height_grid.h"

namespace jbt {

struct TerrainOptions {
    int chunkCells = 64;            // cells per chunk side at full resolution (a power of two)
    int levels = 3;                 // full, half, quarter resolution
    double waterLevelM = -1e9;      // banks below this get a mud colour (demo rivers)
    double forestFromM = 330;       // ridges above this read as forest
    bool seaAtZero = false;         // DEMs such as SRTM store the sea as 0 m: colour it as water
    osg::ref_ptr<osg::Program> program;
    osg::ref_ptr<osg::Program> imageryProgram;  // the same with imagery compiled in, used while there is some
};

struct TerrainStats {
    std::size_t chunks = 0, fullResolutionTriangles = 0;
};

osg::ref_ptr<osg::Group> buildTerrain(const HeightGrid& grid, const TerrainOptions& options, TerrainStats& stats);

// An image over the terrain (imagery): RGBA, row 0 in the south, `origin` its south-west corner
// and `size` its extent in scene metres; null removes it. Mip-mapped, drawn where its alpha is.
// Level 0 covers the terrain; level 1 is a finer one round the camera, laid over level 0.
constexpr int kImageryTextureUnit = 2;
void setTerrainImagery(osg::Group& terrain, osg::ref_ptr<osg::Image> image, osg::Vec2d origin, osg::Vec2d size, int level = 0);

}  // namespace jbt
