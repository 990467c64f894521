#include "data_import/live_source.h"

#include <mosquitto.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "model/error.h"
#include "model/url.h"

namespace jbt {

const char* liveStateName(LiveStatus::State s) {
    switch (s) {
        case LiveStatus::State::Live: return "live";
        case LiveStatus::State::Stale: return "stale";
        case LiveStatus::State::Error: return "error";
        default: return "waiting";
    }
}

std::optional<EventChanges> LiveEventSource::takeChanges() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (fresh_) {
        fresh_ = false;
        pending_ = {};
        return EventChanges{true, *latest_};
    }
    if (pending_.byId.empty() && pending_.problems.empty()) return std::nullopt;
    EventChanges c{false, std::move(pending_)};
    pending_ = {};
    return c;
}

LiveStatus LiveEventSource::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    LiveStatus s = status_;
    if (s.updates > 0)
        s.secondsSinceGood = std::chrono::duration<double>(std::chrono::steady_clock::now() - lastGood_).count();
    return s;
}

void LiveEventSource::publish(std::shared_ptr<const EventSet> data) {
    std::lock_guard<std::mutex> lock(mutex_);
    latest_ = std::move(data);
    fresh_ = true;
    status_.state = LiveStatus::State::Live;
    status_.reason.clear();
    ++status_.updates;
    status_.events = latest_->byId.size();
    lastGood_ = std::chrono::steady_clock::now();
}

void LiveEventSource::merge(EventSet incoming) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [id, e] : incoming.byId) {
        ids_.insert(id);
        pending_.byId[id] = std::move(e);
    }
    for (std::string& p : incoming.problems)
        if (pending_.problems.size() < 100) pending_.problems.push_back(std::move(p));
    status_.state = LiveStatus::State::Live;
    status_.reason.clear();
    ++status_.updates;
    status_.events = ids_.size();
    lastGood_ = std::chrono::steady_clock::now();
}

void LiveEventSource::recovered() {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.state = LiveStatus::State::Live;
    status_.reason.clear();
    lastGood_ = std::chrono::steady_clock::now();
}

void LiveEventSource::fail(LiveStatus::State state, const std::string& reason) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.state = state;
    status_.reason = reason;
}

namespace {

// A fetch that failed: the reason, and whether the source is now stale or in error.
struct FetchError : Error {
    FetchError(LiveStatus::State s, const std::string& what) : Error(what), state(s) {}
    LiveStatus::State state;
};

// A source that fetches on its own thread every pollSeconds until destroyed.
class PollingSource : public LiveEventSource {
public:
    PollingSource(std::string name, GeoPoint origin, LiveSourceOptions o)
        : LiveEventSource(std::move(name)), origin_(origin), options_(o) {}
    ~PollingSource() override { stop(); }

protected:
    // The payload; throws FetchError (what to report, and the state it leaves the source in).
    virtual std::string fetch() = 0;

    void start() { thread_ = std::thread([this] { run(); }); }
    void stop() {
        {
            std::lock_guard<std::mutex> lock(stopMutex_);
            stopping_ = true;
        }
        stopCv_.notify_all();
        interrupt();  // a fetch in flight ends now: quitting never waits on the network
        if (thread_.joinable()) thread_.join();
    }
    // Ends a fetch in flight (a blocked read); called from another thread.
    virtual void interrupt() {}
    bool stopping() {
        std::lock_guard<std::mutex> lock(stopMutex_);
        return stopping_;
    }

private:
    void run() {
        SceneFrame frame(origin_);  // PROJ objects are per thread
        std::string last;
        while (true) {
            try {
                std::string payload = fetch();
                if (payload != last || status().updates == 0) {
                    auto set = std::make_shared<EventSet>();
                    mergeEventsGeoJson(payload, name(), frame, options_.parse, *set);
                    publish(set);
                    last = payload;
                } else if (status().state != LiveStatus::State::Live) {
                    recovered();  // unchanged and readable again
                }
            } catch (const FetchError& e) {
                fail(e.state, e.what());
            } catch (const std::exception& e) {  // nothing a feed sends may end this thread
                fail(LiveStatus::State::Error, std::string(e.what()) + "; showing the last good data");
            }
            std::unique_lock<std::mutex> lock(stopMutex_);
            if (stopCv_.wait_for(lock, std::chrono::duration<double>(options_.pollSeconds), [this] { return stopping_; })) return;
        }
    }

    GeoPoint origin_;
    std::thread thread_;
    std::mutex stopMutex_;
    std::condition_variable stopCv_;
    bool stopping_ = false;

protected:
    LiveSourceOptions options_;
};

class FileSource : public PollingSource {
public:
    FileSource(const std::string& path, GeoPoint origin, LiveSourceOptions o) : PollingSource(path, origin, o), path_(path) {
        start();
    }
    ~FileSource() override { stop(); }

private:
    std::string fetch() override {
        std::error_code ec;
        auto size = std::filesystem::file_size(path_, ec);
        if (ec) throw FetchError(LiveStatus::State::Stale, path_ + ": cannot read (" + ec.message() + "); showing the last good data");
        if (size > options_.parse.maxBytes)
            throw FetchError(LiveStatus::State::Error,
                             path_ + ": " + std::to_string(size) + " bytes is over the limit; showing the last good data");
        std::ifstream in(path_, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
    std::string path_;
};

class HttpSource : public PollingSource {
public:
    HttpSource(const std::string& spec, const Url& url, GeoPoint origin, LiveSourceOptions o)
        : PollingSource(spec, origin, o), base_(url.origin()), path_(url.path) {
        watchdog_ = std::thread([this] { watch(); });
        start();
    }
    ~HttpSource() override {
        stop();
        {
            std::lock_guard<std::mutex> lock(watchMutex_);
            watchDone_ = true;
        }
        watchCv_.notify_all();
        watchdog_.join();
    }

private:
    // The body is capped while it arrives, and the whole request has a deadline: a server that
    // never finishes, or trickles a byte a second, holds neither memory nor the thread. A
    // watchdog ends a request past its deadline even while headers trickle in.
    std::string fetch() override {
        httplib::Client client(base_);
        auto t = std::chrono::duration<double>(options_.timeoutSeconds);
        client.set_connection_timeout(std::chrono::duration_cast<std::chrono::microseconds>(t));
        client.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(t));
        std::string body;
        int status = 0;
        bool tooBig = false;
        auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(options_.deadlineSeconds));
        {
            std::lock_guard<std::mutex> lock(clientMutex_);
            if (stopping()) return {};
            active_ = &client;
            activeDeadline_ = deadline;
        }
        auto res = client.Get(
            path_.c_str(), [&](const httplib::Response& r) { status = r.status; return true; },
            [&](const char* data, std::size_t n) {
                if (body.size() + n > options_.parse.maxBytes) {
                    tooBig = true;
                    return false;
                }
                body.append(data, n);
                return std::chrono::steady_clock::now() < deadline && !stopping();
            });
        bool late = std::chrono::steady_clock::now() >= deadline;
        {
            std::lock_guard<std::mutex> lock(clientMutex_);
            active_ = nullptr;
        }
        if (stopping()) throw FetchError(LiveStatus::State::Stale, name() + ": stopped");
        if (tooBig)
            throw FetchError(LiveStatus::State::Error, name() + ": the answer passed " +
                                                           std::to_string(options_.parse.maxBytes >> 20) +
                                                           " MB and was refused; showing the last good data");
        if (late)
            throw FetchError(LiveStatus::State::Stale, name() + ": no complete answer within " +
                                                           std::to_string(int(options_.deadlineSeconds)) +
                                                           " s (a slow or endless server); showing the last good data");
        if (!res)
            throw FetchError(LiveStatus::State::Stale,
                             name() + ": unreachable (" + httplib::to_string(res.error()) + "); showing the last good data");
        if (status != 200)
            throw FetchError(LiveStatus::State::Stale, name() + ": HTTP " + std::to_string(status) + "; showing the last good data");
        return body;
    }

    void interrupt() override {
        std::lock_guard<std::mutex> lock(clientMutex_);
        if (active_) active_->stop();
    }

    void watch() {
        while (true) {
            {
                std::unique_lock<std::mutex> lock(watchMutex_);
                if (watchCv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return watchDone_; })) return;
            }
            std::lock_guard<std::mutex> lock(clientMutex_);
            if (active_ && std::chrono::steady_clock::now() >= activeDeadline_) active_->stop();
        }
    }

    std::mutex clientMutex_;
    httplib::Client* active_ = nullptr;
    std::chrono::steady_clock::time_point activeDeadline_;
    std::mutex watchMutex_;
    std::condition_variable watchCv_;
    bool watchDone_ = false;
    std::thread watchdog_;
    std::string base_, path_;
};

// MQTT: every message (a Feature or a FeatureCollection) is merged into the events held. The
// client runs on a thread of ours, not mosquitto_loop_start's: that one never retries a first
// connect refused at once (eclipse/mosquitto#1903), so a feed opened before its broker listens
// stayed dead for good.
class MqttSource : public LiveEventSource {
public:
    MqttSource(const std::string& spec, const std::string& host, int port, const std::string& topic, GeoPoint origin,
               LiveSourceOptions o)
        : LiveEventSource(spec), host_(host), port_(port), topic_(topic), origin_(origin), options_(o) {
        static std::once_flag once;
        std::call_once(once, [] { mosquitto_lib_init(); });
        mosq_ = mosquitto_new(nullptr, true, this);
        mosquitto_connect_callback_set(mosq_, [](mosquitto* m, void* self, int rc) { static_cast<MqttSource*>(self)->onConnect(m, rc); });
        mosquitto_disconnect_callback_set(mosq_, [](mosquitto*, void* self, int rc) { static_cast<MqttSource*>(self)->onDisconnect(rc); });
        mosquitto_message_callback_set(mosq_, [](mosquitto*, void* self, const mosquitto_message* msg) {
            static_cast<MqttSource*>(self)->onMessage(msg);
        });
        client_ = std::thread([this] { run(); });
    }
    ~MqttSource() override {
        {
            std::lock_guard<std::mutex> lock(stopMutex_);
            stopping_ = true;
        }
        stopCv_.notify_all();
        mosquitto_disconnect(mosq_);  // wakes a loop waiting on the socket
        client_.join();
        mosquitto_destroy(mosq_);
    }

private:
    // Connect (the TCP connect does not block), pump until the connection ends, wait, again:
    // 1 s after a loss, doubling to 5 s while the broker stays away.
    void run() {
        double delay = 1;
        while (!stopped()) {
            int rc = mosquitto_connect_async(mosq_, host_.c_str(), port_, 30);
            if (rc != MOSQ_ERR_SUCCESS) unreachable(mosquitto_strerror(rc));
            while (rc == MOSQ_ERR_SUCCESS && !stopped()) rc = mosquitto_loop(mosq_, 100, 1);
            if (connected_.exchange(false)) delay = 1;
            std::unique_lock<std::mutex> lock(stopMutex_);
            if (stopCv_.wait_for(lock, std::chrono::duration<double>(delay), [this] { return stopping_; })) return;
            delay = std::min(delay * 2, 5.0);
        }
    }
    bool stopped() {
        std::lock_guard<std::mutex> lock(stopMutex_);
        return stopping_;
    }
    void unreachable(const std::string& why) {
        fail(LiveStatus::State::Stale, name() + ": cannot reach the broker (" + why + ")" +
                                           (status().updates > 0 ? "; showing the last good data" : "") + ", retrying");
    }
    void onConnect(mosquitto* m, int rc) {
        if (rc != 0) {
            fail(LiveStatus::State::Stale, name() + ": broker refused the connection (" + mosquitto_connack_string(rc) + ")");
            return;
        }
        connected_ = true;
        mosquitto_subscribe(m, nullptr, topic_.c_str(), 1);
        if (status().updates > 0)
            recovered();  // back online with what we had
        else
            fail(LiveStatus::State::Waiting, "");  // connected, no message yet
    }
    void onDisconnect(int rc) {
        if (!connected_) return unreachable(mosquitto_strerror(rc));  // the connect itself failed
        fail(LiveStatus::State::Stale, name() + ": broker connection lost (" + std::string(mosquitto_strerror(rc)) +
                                           "); showing the last good data, reconnecting");
    }
    void onMessage(const mosquitto_message* msg) {
        if (!frame_) frame_ = std::make_unique<SceneFrame>(origin_);  // on the client's own thread
        if (std::size_t(msg->payloadlen) > options_.parse.maxBytes) {
            fail(LiveStatus::State::Error, name() + ": a message of " + std::to_string(msg->payloadlen) +
                                               " bytes is over the limit and was refused; showing the last good data");
            return;
        }
        std::string payload(static_cast<const char*>(msg->payload), std::size_t(msg->payloadlen));
        try {  // on the MQTT client's thread: nothing a message holds may end it
            EventSet incoming;
            mergeEventsGeoJson(payload, name(), *frame_, options_.parse, incoming);
            merge(std::move(incoming));
        } catch (const std::exception& e) {
            fail(LiveStatus::State::Error, std::string(e.what()) + "; showing the last good data");
        }
    }

    mosquitto* mosq_ = nullptr;
    std::string host_;
    int port_;
    std::string topic_;
    GeoPoint origin_;
    LiveSourceOptions options_;
    std::unique_ptr<SceneFrame> frame_;
    std::atomic<bool> connected_{false};
    std::mutex stopMutex_;
    std::condition_variable stopCv_;
    bool stopping_ = false;
    std::thread client_;
};

}  // namespace

std::unique_ptr<LiveEventSource> openLiveSource(const std::string& spec, GeoPoint origin, const LiveSourceOptions& o) {
    if (spec.find("://") == std::string::npos) return std::make_unique<FileSource>(spec, origin, o);
    std::optional<Url> url = parseUrl(spec);
    if (url && url->scheme == "mqtt") {
        if (url->path.size() < 2) throw Error(spec + ": an MQTT source needs a topic: mqtt://host[:port]/topic");
        return std::make_unique<MqttSource>(spec, url->host, url->port, url->path.substr(1), origin, o);
    }
    if (url && url->scheme == "http") return std::make_unique<HttpSource>(spec, *url, origin, o);
    if (url && url->scheme == "https") throw Error(spec + ": HTTPS is not built in here; use http:// or a local file");
    throw Error(spec + ": not a live source (a GeoJSON file, http://host[:port]/path or mqtt://host[:port]/topic)");
}

}  // namespace jbt
