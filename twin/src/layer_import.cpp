#include "twin/layer_import.h"

namespace jbt {

LayerImport::~LayerImport() {
    // Quitting mid-import: the worker stops at its next 2000 features, not at the file's end.
    if (job_) job_->cancel = true;
    if (job_ && job_->worker.joinable()) job_->worker.join();
}

void LayerImport::start(const ImportOptions& options, GeoPoint origin, std::optional<std::size_t> replaces) {
    if (status_.running) return;
    if (job_ && job_->worker.joinable()) job_->worker.join();
    auto job = std::make_shared<Job>();
    job->options = options;
    job->replaces = replaces;
    job->worker = std::thread([job, origin] {
        ImportOptions o = job->options;
        o.progress = [job](double p) { job->progress = p; };
        o.cancelled = [job] { return job->cancel.load(); };
        std::optional<LayerData> layer;
        std::optional<FarLayer> far;
        std::string error;
        try {
            far = farFromCentre(origin, job->options);
            SceneFrame frame(origin);  // PROJ objects are per thread
            if (!far) layer = importLayer(o, frame);
        } catch (const std::exception& e) {  // a worker thread reports; it never ends the program
            error = e.what();
        }
        std::lock_guard<std::mutex> lock(job->mutex);
        job->layer = std::move(layer);
        job->far = std::move(far);
        job->error = std::move(error);
        job->done = true;
    });
    job_ = job;
    status_ = {true, 0.0, ""};
}

std::optional<LayerImport::Done> LayerImport::take() {
    if (!job_ || !status_.running) return std::nullopt;
    status_.progress = job_->progress;
    std::lock_guard<std::mutex> lock(job_->mutex);
    if (!job_->done) return std::nullopt;
    status_.running = false;
    if (job_->far) {
        status_.message = job_->far->message();
        Done done{job_->options, {}, job_->far, std::nullopt};
        done.options.progress = nullptr;
        done.far->options.progress = nullptr;
        return done;
    }
    if (!job_->layer) {
        status_.message = job_->error;
        return std::nullopt;
    }
    const ImportReport& rep = job_->layer->report;
    status_.message = job_->options.path + ": " + std::to_string(rep.featuresImported) + " imported, " +
                      std::to_string(rep.skippedTotal()) + " skipped";
    Done done{job_->options, std::move(*job_->layer), std::nullopt, job_->replaces};
    done.options.progress = nullptr;
    return done;
}

}  // namespace jbt
