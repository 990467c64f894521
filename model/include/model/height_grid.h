#pragma once
// A regular grid of ground heights in scene metres: the terrain every layer stands on.
#include <string>
#include <vector>

#include "model/feature.h"

namespace jbt {

struct HeightGrid {
    double originX = 0, originY = 0;  // scene metres of sample (0, 0), the south-west corner
    double spacing = 1;               // metres between samples, both directions
    int cols = 0, rows = 0;
    std::vector<float> heights;       // row-major, row 0 in the south

    bool empty() const { return cols < 2 || rows < 2; }
    double maxX() const { return originX + (cols - 1) * spacing; }
    double maxY() const { return originY + (rows - 1) * spacing; }
    float at(int col, int row) const { return heights[std::size_t(row) * cols + col]; }
    // Bilinear height at a scene position, clamped to the grid's edge.
    double sample(double x, double y) const;
    // The lowest ground under a footprint's outline (a building stands on it, never floats).
    double lowestUnder(const Feature& feature) const;
    void range(float& lo, float& hi) const;
};

// Puts every building of the layer on the ground: groundZ = lowest terrain under its outline.
void placeOnTerrain(LayerData& layer, const HeightGrid& grid);

}  // namespace jbt
