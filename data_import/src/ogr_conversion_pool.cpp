#include "ogr_conversion_pool.h"

#include <cpl_error.h>

#include <cmath>
#include <vector>

#include "data_import/chinese_offsets.h"
#include "data_import/scene_frame.h"
#include "lattice_transform.h"

namespace jbt {

namespace {

// Source → lon/lat with a Chinese offset → WGS84 → the scene: one transformation, so that the
// lattice covers the whole chain (the offsets are smooth within China; the lattice checks each
// cell for the jump at the edge of their domain).
class OffsetToScene : public OGRCoordinateTransformation {
public:
    OffsetToScene(std::unique_ptr<OGRCoordinateTransformation> toLonLat, ChineseDatum datum, GeoPoint origin)
        : toLonLat_(std::move(toLonLat)), datum_(datum), origin_(origin), frame_(origin) {}
    OGRSpatialReference* GetSourceCS() override { return toLonLat_->GetSourceCS(); }
    OGRSpatialReference* GetTargetCS() override { return nullptr; }  // the scene's, which has no EPSG code
    int Transform(int count, double* x, double* y, double* z, double* t, int* success) override {
        std::vector<int> ok(std::size_t(count), 0);
        int any = toLonLat_->Transform(count, x, y, z, t, ok.data());
        for (int k = 0; k < count; ++k) {
            if (ok[k] && std::isfinite(x[k]) && std::isfinite(y[k])) {
                Vec2 w = toWgs84(datum_, x[k], y[k]);
                Vec2 s = frame_.toScene({w.x, w.y});
                x[k] = s.x;
                y[k] = s.y;
            }
            if (success) success[k] = ok[k];
        }
        return any;
    }
    OGRCoordinateTransformation* Clone() const override {
        return new OffsetToScene(std::unique_ptr<OGRCoordinateTransformation>(toLonLat_->Clone()), datum_, origin_);
    }
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

private:
    std::unique_ptr<OGRCoordinateTransformation> toLonLat_;
    ChineseDatum datum_;
    GeoPoint origin_;
    SceneFrame frame_;
};

}  // namespace

std::unique_ptr<OGRCoordinateTransformation> makeTransformation(const LayerTransform& t) {
    OGRSpatialReference source, target;
    if (source.importFromWkt(t.sourceWkt.c_str()) != OGRERR_NONE) return nullptr;
    const char* lonLat = "EPSG:4326";  // where the offsets are defined
    if (target.SetFromUserInput(t.datum == ChineseDatum::None ? t.sceneProj.c_str() : lonLat) != OGRERR_NONE) return nullptr;
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &target));
    if (!ct) return nullptr;
    if (t.datum != ChineseDatum::None) ct = std::make_unique<OffsetToScene>(std::move(ct), t.datum, t.origin);
    return LatticeTransform::over(std::move(ct));
}

ConversionPool::ConversionPool(const ImportOptions& options, LayerTransform transform, int workers, Deliver deliver)
    : options_(options), transform_(std::move(transform)), deliver_(std::move(deliver)),
      limit_(std::size_t(4 * std::max(workers, 1))) {
    for (int i = 0; i < std::max(workers, 1); ++i) threads_.emplace_back([this] { work(); });
}

ConversionPool::~ConversionPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    jobReady_.notify_all();
    for (std::thread& t : threads_) t.join();
}

void ConversionPool::work() {
    // PROJ objects are per thread: this worker's own.
    std::unique_ptr<OGRCoordinateTransformation> ct = makeTransformation(transform_);
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            jobReady_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job = std::move(queue_.front());
            queue_.erase(queue_.begin());
        }
        Done d;
        try {
            for (auto& f : job.features) {
                convertFeature(*f, ct.get(), options_, d.batch);
                f.reset();  // a feature's memory goes back on the thread that used it last
            }
        } catch (...) {
            d.error = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            done_.emplace(job.seq, std::move(d));
        }
        jobDone_.notify_all();
    }
}

void ConversionPool::deliverReady(std::unique_lock<std::mutex>& lock) {
    for (auto it = done_.find(delivered_); it != done_.end(); it = done_.find(delivered_)) {
        Done d = std::move(it->second);
        done_.erase(it);
        ++delivered_;
        lock.unlock();
        if (d.error) std::rethrow_exception(d.error);  // the destructor stops the rest
        deliver_(std::move(d.batch));
        lock.lock();
    }
}

void ConversionPool::submit(std::vector<std::unique_ptr<OGRFeature>> batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        deliverReady(lock);
        if (submitted_ - delivered_ < limit_) break;
        jobDone_.wait(lock, [&] { return done_.count(delivered_) > 0; });
    }
    queue_.push_back({submitted_++, std::move(batch)});
    lock.unlock();
    jobReady_.notify_one();
}

void ConversionPool::finish() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (delivered_ < submitted_) {
        jobDone_.wait(lock, [&] { return done_.count(delivered_) > 0; });
        deliverReady(lock);
    }
}

}  // namespace jbt
