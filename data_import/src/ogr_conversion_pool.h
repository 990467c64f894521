#pragma once
// Converting features (GEOS validity and repair, PROJ, heights) costs as much as reading them, and
// GDAL's drivers read one feature at a time: the reading thread hands batches to workers, each
// with its own transformation and scene frame, and gets them back in the order it read them.
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <ogrsf_frmts.h>

#include "data_import/chinese_offsets.h"
#include "ogr_feature_converter.h"

namespace jbt {

// Where a layer's coordinates go: from the source CRS (as WKT), through the Chinese offset the
// source uses if any, to the scene CRS. Each worker builds its own PROJ objects from it.
struct LayerTransform {
    std::string sourceWkt;
    std::string sceneProj;  // SceneFrame::projString()
    ChineseDatum datum = ChineseDatum::None;
    GeoPoint origin;        // the scene's
};

// Makes the transformation to scene metres (through a LatticeTransform) on the calling thread;
// null when PROJ cannot (the reason in GDAL's last error).
std::unique_ptr<OGRCoordinateTransformation> makeTransformation(const LayerTransform& t);

class ConversionPool {
public:
    using Deliver = std::function<void(ConvertedBatch&&)>;
    ConversionPool(const ImportOptions& options, LayerTransform transform, int workers, Deliver deliver);
    ~ConversionPool();  // stops the workers; batches not yet delivered are dropped
    ConversionPool(const ConversionPool&) = delete;
    ConversionPool& operator=(const ConversionPool&) = delete;

    // Queues a batch; waits (delivering what is done) while too many are in flight. Delivers on
    // this thread, in order; rethrows what a worker threw.
    void submit(std::vector<std::unique_ptr<OGRFeature>> batch);
    // Delivers everything submitted.
    void finish();

private:
    struct Job {
        std::size_t seq = 0;
        std::vector<std::unique_ptr<OGRFeature>> features;
    };
    struct Done {
        ConvertedBatch batch;
        std::exception_ptr error;
    };
    void work();
    void deliverReady(std::unique_lock<std::mutex>& lock);

    const ImportOptions& options_;
    LayerTransform transform_;
    Deliver deliver_;
    std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable jobReady_, jobDone_;
    std::vector<Job> queue_;  // taken from the front: few at a time
    std::map<std::size_t, Done> done_;
    std::size_t submitted_ = 0, delivered_ = 0;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace jbt
