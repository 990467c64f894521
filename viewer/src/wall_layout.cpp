#include "viewer/wall_layout.h"

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/error.h"

namespace jbt {

WallLayout loadWallLayout(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    WallLayout w;
    try {
        nlohmann::json j = nlohmann::json::parse(in);
        w.columns = j.at("columns");
        w.rows = j.at("rows");
        w.tileWidth = j.at("tile").at(0);
        w.tileHeight = j.at("tile").at(1);
        if (j.contains("bezel")) {
            w.bezelX = j["bezel"].at(0);
            w.bezelY = j["bezel"].at(1);
        }
        if (j.contains("screens")) w.screens = j["screens"].get<std::vector<int>>();
        w.canvasScreen = j.value("canvas_screen", 0);
        w.operatorScreen = j.value("operator_screen", -1);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": malformed: " + e.what());
    }
    if (w.columns < 1 || w.rows < 1 || w.tileWidth < 16 || w.tileHeight < 16 || w.bezelX < 0 || w.bezelY < 0)
        throw Error(path + ": columns, rows and tile size must be positive, bezels not negative");
    if (!w.screens.empty() && int(w.screens.size()) != w.columns * w.rows)
        throw Error(path + ": 'screens' lists " + std::to_string(w.screens.size()) + " screens for " +
                                 std::to_string(w.columns * w.rows) + " tiles");
    return w;
}

osg::Matrixd tileProjectionOffset(const WallLayout& w, int col, int row) {
    double W = w.canvasWidth(), H = w.canvasHeight();
    // The tile's centre in the canvas's normalised device coordinates (y up).
    double cx = 2.0 * (w.tileX(col) + w.tileWidth / 2.0) / W - 1.0;
    double cy = 1.0 - 2.0 * (w.tileY(row) + w.tileHeight / 2.0) / H;
    double sx = W / w.tileWidth, sy = H / w.tileHeight;
    return osg::Matrixd::scale(sx, sy, 1.0) * osg::Matrixd::translate(-cx * sx, -cy * sy, 0.0);
}

void setUpWall(osgViewer::Viewer& viewer, const WallLayout& w, bool offscreen, double fovYDeg, std::vector<WallTile>& tiles) {
    for (int row = 0; row < w.rows; ++row)
        for (int col = 0; col < w.columns; ++col) {
            osg::ref_ptr<osg::GraphicsContext> gc;
            if (offscreen) {
                gc = createOffscreenContext(w.tileWidth, w.tileHeight);
            } else {
                osg::ref_ptr<osg::GraphicsContext::Traits> t = new osg::GraphicsContext::Traits;
                t->readDISPLAY();
                t->setUndefinedScreenDetailsToDefaultScreen();
                bool ownScreen = !w.screens.empty();
                t->screenNum = ownScreen ? w.screens[row * w.columns + col] : w.canvasScreen;
                t->stencil = 8;
                // On one split canvas the tiles sit side by side; on separate displays each fills its own.
                t->x = ownScreen ? 0 : col * w.tileWidth;
                t->y = ownScreen ? 0 : row * w.tileHeight;
                t->width = w.tileWidth;
                t->height = w.tileHeight;
                t->windowDecoration = false;
                t->doubleBuffer = true;
                t->depth = 24;
                gc = osg::GraphicsContext::createGraphicsContext(t.get());
                if (!gc) throw Error("cannot open the wall's window on screen " + std::to_string(t->screenNum));
            }
            osg::ref_ptr<osg::Camera> cam = new osg::Camera;
            cam->setGraphicsContext(gc.get());
            cam->setViewport(new osg::Viewport(0, 0, w.tileWidth, w.tileHeight));
            GLenum buffer = gc->getTraits()->doubleBuffer ? GL_BACK : GL_FRONT;
            cam->setDrawBuffer(buffer);
            cam->setReadBuffer(buffer);
            cam->setClearColor(viewer.getCamera()->getClearColor());
            cam->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
            WallTile tile{col, row, cam, nullptr};
            if (offscreen) {
                tile.capture = new FrameCapture;
                cam->setFinalDrawCallback(tile.capture.get());
            }
            viewer.addSlave(cam.get(), tileProjectionOffset(w, col, row), osg::Matrixd(), true);
            tiles.push_back(tile);
        }
    viewer.getCamera()->setProjectionMatrixAsPerspective(fovYDeg, double(w.canvasWidth()) / w.canvasHeight(), 1.0, 100000.0);

}

osg::ref_ptr<osg::Image> assembleWall(const WallLayout& w, const std::vector<WallTile>& tiles) {
    osg::ref_ptr<osg::Image> canvas = new osg::Image;
    canvas->allocateImage(w.canvasWidth(), w.canvasHeight(), 1, GL_RGBA, GL_UNSIGNED_BYTE);
    std::memset(canvas->data(), 0, canvas->getTotalSizeInBytes());
    for (const WallTile& t : tiles) {
        osg::ref_ptr<osg::Image> img = t.capture ? t.capture->image() : nullptr;
        if (!img) continue;
        // Images start at the bottom row; the canvas's rows count from its top.
        int x0 = w.tileX(t.col), y0 = w.canvasHeight() - w.tileY(t.row) - w.tileHeight;
        for (int y = 0; y < w.tileHeight; ++y)
            std::memcpy(canvas->data(x0, y0 + y), img->data(0, y), std::size_t(w.tileWidth) * 4);
    }
    return canvas;
}

}  // namespace jbt
