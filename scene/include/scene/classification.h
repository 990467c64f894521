#pragma once
// Classification (单体化): a building picked out on an oblique-photography mesh by its footprint.
// The footprint's prism, from below the mesh to above it, is counted into the stencil where the
// mesh's surface lies inside it (depth-fail: back faces +1, front faces −1), then a translucent
// colour is laid on exactly those pixels. The tint hugs the photographed surface, whatever its
// shape; no box floats and nothing z-fights.
#include <osg/Array>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/Vec4>

#include "model/feature.h"

namespace jbt {

class ClassificationHighlight {
public:
    // `binBase` and binBase + 1: render bins after everything opaque and transparent.
    explicit ClassificationHighlight(osg::Vec4 colour, int binBase = 20);
    osg::Node* node() { return root_.get(); }

    // Tints what lies inside the footprints between zBottom and zTop (scene metres).
    void show(const std::vector<Polygon>& footprint, double zBottom, double zTop);
    void hide();
    bool shown() const { return shown_; }

private:
    osg::ref_ptr<osg::MatrixTransform> root_;
    osg::ref_ptr<osg::Geode> count_, tint_;
    osg::ref_ptr<osg::Vec4Array> colours_;
    bool shown_ = false;
};

}  // namespace jbt
