#pragma once
// Video walls: several displays (or one large canvas split into tiles) showing one continuous
// view. Each tile is a slave camera with its own slice of the wall's frustum; the frames
// between displays (bezels) hide their share of the picture, as a window frame would.
#include <osg/Image>
#include <osgViewer/Viewer>
#include <string>
#include <vector>

#include "twin/offscreen_render.h"

namespace jbt {

struct WallLayout {
    int columns = 1, rows = 1;
    int tileWidth = 1920, tileHeight = 1080;  // pixels of one display
    int bezelX = 0, bezelY = 0;               // pixels hidden between neighbouring displays
    std::vector<int> screens;                 // X screen per tile, row-major (empty: one canvas)
    int canvasScreen = 0;                     // the screen of a single split canvas
    int operatorScreen = -1;                  // the operator's window with the panels (-1: none)

    int canvasWidth() const { return columns * tileWidth + (columns - 1) * bezelX; }
    int canvasHeight() const { return rows * tileHeight + (rows - 1) * bezelY; }
    int tileX(int col) const { return col * (tileWidth + bezelX); }  // from the canvas's left
    int tileY(int row) const { return row * (tileHeight + bezelY); }  // from the canvas's top
};

// Reads a layout file (JSON); throws Error naming the file and the reason.
WallLayout loadWallLayout(const std::string& path);

// The projection offset that shows tile (col, row) of a frustum spanning the whole canvas.
osg::Matrixd tileProjectionOffset(const WallLayout& wall, int col, int row);

struct WallTile {
    int col = 0, row = 0;
    osg::ref_ptr<osg::Camera> camera;
    osg::ref_ptr<FrameCapture> capture;  // offscreen walls
};

// Adds one slave camera per tile to the viewer (windows on their screens, or offscreen
// contexts) and sets the master's projection to the whole canvas. Throws Error when a display
// or context cannot be had.
void setUpWall(osgViewer::Viewer& viewer, const WallLayout& wall, bool offscreen, double fovYDeg, std::vector<WallTile>& tiles);

// The tiles' frames placed on the canvas, bezels black.
osg::ref_ptr<osg::Image> assembleWall(const WallLayout& wall, const std::vector<WallTile>& tiles);

}  // namespace jbt
