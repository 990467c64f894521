#include "ogr_conversion_pool.h"

#include <cpl_error.h>

#include "data_import/scene_frame.h"
#include "lattice_transform.h"

namespace jbt {

std::unique_ptr<OGRCoordinateTransformation> makeTransformation(const LayerTransform& t) {
    OGRSpatialReference source, target;
    if (source.importFromWkt(t.sourceWkt.c_str()) != OGRERR_NONE) return nullptr;
    if (target.SetFromUserInput(t.targetDefinition.c_str()) != OGRERR_NONE) return nullptr;
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return LatticeTransform::over(
        std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&source, &target)));
}

ConversionPool::ConversionPool(const ImportOptions& options, GeoPoint origin, LayerTransform transform, int workers,
                               Deliver deliver)
    : options_(options), origin_(origin), transform_(std::move(transform)), deliver_(std::move(deliver)),
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
    SceneFrame frame(origin_);
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
                convertFeature(*f, ct.get(), options_, frame, d.batch);
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
