#include "twin/imagery_layer.h"

#include <osg/Image>
#include <osgUtil/CullVisitor>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "model/error.h"
#include <spdlog/spdlog.h>
#include "scene/terrain_builder.h"

namespace jbt {
namespace {

osg::ref_ptr<osg::Image> toOsg(const ImageryImage& img) {
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(img.width, img.height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    std::copy(img.rgba.begin(), img.rgba.end(), image->data());
    return image;
}

}  // namespace

std::string addImagery(const std::string& source, const std::string& offset, SceneModel& scene) {
    ImagerySource src;
    src.source = source;
    if (offset.empty()) src.datum = guessImageryDatum(source);
    else parseChineseDatum(offset, src.datum);
    const HeightGrid& g = scene.terrain;
    try {
        auto t0 = std::chrono::steady_clock::now();
        ImageryImage img = warpImagery(src, *scene.frame, g.originX, g.originY, g.maxX(), g.maxY(), 0.5);
        if (scene.imageryRefiner) {  // the imagery before goes only once this one could be read
            scene.terrainNode->removeCullCallback(scene.imageryRefiner);
            scene.imageryRefiner = nullptr;
            setTerrainImagery(*scene.terrainNode, nullptr, {}, {1, 1}, 1);
        }
        setTerrainImagery(*scene.terrainNode, toOsg(img), {img.originX, img.originY},
                          {img.width * img.pixelSize, img.height * img.pixelSize});
        char line[256];
        std::snprintf(line, sizeof line, ": imagery %d × %d at %.1f m a pixel%s (%.1f s), finer near the camera", img.width,
                      img.height, img.pixelSize,
                      src.datum == ChineseDatum::None ? "" : src.datum == ChineseDatum::Gcj02 ? ", moved from GCJ-02 to WGS84"
                                                                                               : ", moved from BD-09 to WGS84",
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        scene.messages.push_back(source + line);
        scene.imagery = source;
        scene.imageryRefiner = new ImageryRefiner(src, scene.frame->origin(), scene.terrain, img.pixelSize);
        scene.terrainNode->addCullCallback(scene.imageryRefiner);
        return "";
    } catch (const Error& e) {
        return std::string(e.what()) + "; the terrain is drawn without it";
    }
}

ImageryRefiner::ImageryRefiner(ImagerySource source, GeoPoint origin, const HeightGrid& terrain, double coarsePixel)
    : source_(std::move(source)), origin_(origin), terrain_(terrain), coarsePixel_(coarsePixel), worker_([this] { work(); }) {}

ImageryRefiner::~ImageryRefiner() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

ImageryRefiner::Focus ImageryRefiner::focusFor(const osg::Vec3d& eye, const osg::Vec3d& look, double groundZ) {
    double height = std::max(eye.z() - groundZ, 50.0);
    Focus f;
    // A power of two from 512 m to 8 km: a few sizes, not one per metre climbed.
    f.size = std::clamp(std::pow(2.0, std::round(std::log2(6 * height))), 512.0, 8192.0);
    f.pixel = f.size / 2048;
    osg::Vec2d ahead(look.x(), look.y());
    double len = ahead.length();
    osg::Vec2d centre(eye.x(), eye.y());
    if (len > 1e-6) centre += ahead * (std::min(1.5 * height, f.size / 3) / len);
    double snap = f.size / 4;
    f.x0 = std::round(centre.x() / snap) * snap - f.size / 2;
    f.y0 = std::round(centre.y() / snap) * snap - f.size / 2;
    return f;
}

bool ImageryRefiner::settled() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return !busy_ && !ready_ && (!hasWanted_ || wanted_ == shownFocus_);
}

void ImageryRefiner::operator()(osg::Node* node, osg::NodeVisitor* nv) {
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv);
    // The first camera of each frame decides (a video wall's tiles share one ground).
    if (cv && nv->getFrameStamp() && nv->getFrameStamp()->getFrameNumber() != lastFrame_) {
        lastFrame_ = nv->getFrameStamp()->getFrameNumber();
        osg::Vec3d eye = cv->getEyePoint(), look = cv->getLookVectorLocal();
        Focus f = focusFor(eye, look, terrain_.empty() ? 0.0 : terrain_.sample(eye.x(), eye.y()));
        osg::ref_ptr<osg::Image> ready;
        Focus readyFocus;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            bool worthIt = f.pixel < coarsePixel_ / 1.5;  // else the coarse image is as fine
            if (worthIt && !(f == wanted_ && hasWanted_)) {
                wanted_ = f;
                hasWanted_ = true;
                wake_.notify_one();
            }
            if (!worthIt && hasWanted_) {
                hasWanted_ = false;
                shownFocus_ = {};
                setTerrainImagery(*node->asGroup(), nullptr, {}, {1, 1}, 1);
            }
            ready.swap(ready_);
            readyFocus = readyFocus_;
        }
        if (ready) {
            setTerrainImagery(*node->asGroup(), ready, {readyFocus.x0, readyFocus.y0}, {readyFocus.size, readyFocus.size}, 1);
            std::lock_guard<std::mutex> lock(mutex_);
            shownFocus_ = readyFocus;
            ++shown_;
        }
    }
    traverse(node, nv);
}

void ImageryRefiner::work() {
    std::unique_ptr<SceneFrame> frame;  // its own PROJ objects: not shared with the main thread
    std::string lastError;
    for (;;) {
        Focus f;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || (hasWanted_ && !(wanted_ == shownFocus_) && !(wanted_ == readyFocus_ && ready_)); });
            if (stop_) return;
            f = wanted_;
            busy_ = true;
        }
        if (!frame) frame = std::make_unique<SceneFrame>(origin_);
        osg::ref_ptr<osg::Image> image;
        try {
            ImageryImage img = warpImagery(source_, *frame, f.x0, f.y0, f.x0 + f.size, f.y0 + f.size, f.pixel, 2048);
            image = toOsg(img);
        } catch (const Error& e) {
            if (lastError != e.what()) spdlog::warn(std::string(e.what()) + " (the imagery near the camera)");
            lastError = e.what();
        }
        std::lock_guard<std::mutex> lock(mutex_);
        busy_ = false;
        if (image) {
            ready_ = image;
            readyFocus_ = f;
        } else {
            shownFocus_ = f;  // given up on this square: the coarse image stays
        }
    }
}

bool imagerySettled(const SceneModel& scene) {
    auto* refiner = dynamic_cast<const ImageryRefiner*>(scene.imageryRefiner.get());
    return !refiner || refiner->settled();
}

}  // namespace jbt
