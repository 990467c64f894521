#pragma once
// One import at a time on a worker thread (GDAL/PROJ only, no scene graph), polled from the
// update traversal so a frame never waits for it.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "twin/far_layer.h"

namespace jbt {

struct ImportStatus {
    bool running = false;
    double progress = 0;
    std::string message;  // the last import's outcome, naming the file
};

class LayerImport {
public:
    ~LayerImport();
    // Ignored while another import runs. `replaces`: the scene layer the result takes the place of.
    void start(const ImportOptions& options, GeoPoint sceneOrigin, std::optional<std::size_t> replaces = std::nullopt);
    // The finished layer, once; nullopt while running, after a failure (see status()) or when idle.
    struct Done {
        ImportOptions options;
        LayerData layer;             // empty when the file lies far away
        std::optional<FarLayer> far;
        std::optional<std::size_t> replaces;
    };
    std::optional<Done> take();
    const ImportStatus& status() const { return status_; }

private:
    struct Job {
        std::mutex mutex;
        bool done = false;
        std::atomic<double> progress{0};
        std::atomic<bool> cancel{false};
        ImportOptions options;
        std::optional<std::size_t> replaces;
        std::optional<LayerData> layer;
        std::optional<FarLayer> far;
        std::string error;
        std::thread worker;
    };
    std::shared_ptr<Job> job_;
    ImportStatus status_;
};

}  // namespace jbt
