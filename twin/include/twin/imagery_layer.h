#pragma once
// The imagery basemap of a scene (--imagery): one coarse image over the whole terrain, read when
// the scene is assembled, and a finer one round the camera, resampled on a worker thread as the
// camera moves (a two-level clipmap: refined by distance).
#include <osg/NodeCallback>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "data_import/imagery.h"
#include "twin/scene_assembly.h"

namespace jbt {

// Imagery over the terrain (at most 4096 pixels a side; offset as --imagery-offset, "": guessed
// from the source), and its refiner on the terrain node, replacing any before. "" or why not
// (naming the source): the terrain is then drawn without it.
std::string addImagery(const std::string& source, const std::string& offset, SceneModel& scene);
// No finer imagery asked for that is not on screen yet (true without imagery).
bool imagerySettled(const SceneModel& scene);

// The terrain node's cull callback: watches the eye and, when it has moved or climbed enough,
// has a worker resample a square ahead of it — six times the eye's height over the ground (a
// power of two, 512 m to 8 km), 2048 pixels a side — then lays it over the coarse image (fading
// at its edges).
class ImageryRefiner : public osg::NodeCallback {
public:
    ImageryRefiner(ImagerySource source, GeoPoint origin, const HeightGrid& terrain, double coarsePixel);
    ~ImageryRefiner() override;

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override;
    // Nothing asked for that is not on screen yet (snapshots wait for it).
    bool settled() const;
    int imagesShown() const { return shown_; }

    struct Focus {
        double x0 = 0, y0 = 0, size = 0, pixel = 0;
        bool operator==(const Focus& o) const { return x0 == o.x0 && y0 == o.y0 && size == o.size; }
    };
    // The square for an eye at `eye` looking along `look` over ground at `groundZ`, snapped to a
    // quarter of its side so that small moves ask for nothing.
    static Focus focusFor(const osg::Vec3d& eye, const osg::Vec3d& look, double groundZ);

private:
    void work();

    ImagerySource source_;
    GeoPoint origin_;
    const HeightGrid& terrain_;
    double coarsePixel_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    Focus wanted_, shownFocus_;
    bool hasWanted_ = false, busy_ = false, stop_ = false;
    osg::ref_ptr<osg::Image> ready_;
    Focus readyFocus_;
    std::atomic<int> shown_{0};
    unsigned lastFrame_ = ~0u;
    std::thread worker_;
};

}  // namespace jbt
