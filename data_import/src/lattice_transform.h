#pragma once
// PROJ's exact transverse Mercator costs about 0.3 µs a point: at a million footprints of seven
// vertices it was the largest single cost of an import. Over a cell of 0.001° (about 100 m) the
// mapping to the scene is so nearly bilinear that interpolating between PROJ's answers at the
// cell's corners stays within 0.2 mm of PROJ (tests/data_import/lattice_transform_test.cpp), and
// neighbouring buildings share their cells. Points whose cell PROJ cannot give whole are asked
// of PROJ itself.
#include <cstdint>
#include <memory>
#include <unordered_map>

#include <ogr_spatialref.h>

namespace jbt {

class LatticeTransform : public OGRCoordinateTransformation {
public:
    // `step`: the cell's side in source units.
    LatticeTransform(std::unique_ptr<OGRCoordinateTransformation> exact, double step);

    // The lattice over `exact` where the source is geographic (cells of 0.001°) or projected
    // (100 m); `exact` itself for any other source.
    static std::unique_ptr<OGRCoordinateTransformation> over(std::unique_ptr<OGRCoordinateTransformation> exact);

    OGRSpatialReference* GetSourceCS() override { return exact_->GetSourceCS(); }
    OGRSpatialReference* GetTargetCS() override { return exact_->GetTargetCS(); }
    // z and t are passed through: footprints are placed in plan, their heights come from attributes.
    int Transform(int count, double* x, double* y, double* z, double* t, int* success) override;
    int TransformWithErrorCodes(int count, double* x, double* y, double* z, double* t, int* errorCodes) override;
    OGRCoordinateTransformation* Clone() const override;
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

private:
    struct Cell {
        double x[4], y[4];  // corners: (i, j), (i+1, j), (i, j+1), (i+1, j+1)
        bool whole = false; // PROJ gave all four
    };
    const Cell& cellAt(std::int64_t i, std::int64_t j);
    bool one(double& x, double& y);

    std::unique_ptr<OGRCoordinateTransformation> exact_;
    double step_;
    std::unordered_map<std::uint64_t, Cell> cells_;
    std::uint64_t lastKey_ = ~std::uint64_t(0);
    const Cell* last_ = nullptr;
};

}  // namespace jbt
