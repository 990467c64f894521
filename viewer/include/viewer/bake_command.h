#pragma once
// `jiangbei-twin bake --layer FILE … --out DIR`: bakes building sources into a 3D Tiles
// tileset without opening a window (twin/tileset_bake.h). Returns the exit code.
namespace jbt {

int runBake(int argc, char** argv);

}  // namespace jbt
