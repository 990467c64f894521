#include "data_import/live_source.h"

#include <mosquitto.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <httplib.h>

namespace jbt {

const char* liveStateName(LiveStatus::State s) {
    switch (s) {
        case LiveStatus::State::Live: return "live";
        case LiveStatus::State::Stale: return "stale";
        case LiveStatus::State::Error: return "error";
        default: return "waiting";
    }
}

std::shared_ptr<const EventSet> LiveEventSource::takeUpdate() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!fresh_) return nullptr;
    fresh_ = false;
    return latest_;
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

void LiveEventSource::fail(LiveStatus::State state, const std::string& reason) {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.state = state;
    status_.reason = reason;
}

std::shared_ptr<const EventSet> LiveEventSource::latest() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return latest_;
}

namespace {

// A source that fetches on its own thread every pollSeconds until destroyed.
class PollingSource : public LiveEventSource {
public:
    PollingSource(std::string name, GeoPoint origin, LiveSourceOptions o)
        : LiveEventSource(std::move(name)), origin_(origin), options_(o) {}
    ~PollingSource() override { stop(); }

protected:
    // Returns the payload, or sets `error` (and the state to report).
    virtual bool fetch(std::string& payload, LiveStatus::State& failState, std::string& error) = 0;

    void start() { thread_ = std::thread([this] { run(); }); }
    void stop() {
        {
            std::lock_guard<std::mutex> lock(stopMutex_);
            stopping_ = true;
        }
        stopCv_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

private:
    void run() {
        SceneFrame frame(origin_);  // PROJ objects are per thread
        std::string last;
        while (true) {
            std::string payload, error;
            LiveStatus::State failState = LiveStatus::State::Stale;
            if (!fetch(payload, failState, error)) {
                fail(failState, error);
            } else if (payload != last || status().updates == 0) {
                auto set = std::make_shared<EventSet>();
                if (mergeEventsGeoJson(payload, name(), frame, options_.parse, *set, error)) {
                    publish(set);
                    last = payload;
                } else {
                    fail(LiveStatus::State::Error, error + "; showing the last good data");
                }
            } else if (status().state != LiveStatus::State::Live) {
                publish(latest());  // unchanged and readable again: recovered
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
    bool fetch(std::string& payload, LiveStatus::State& failState, std::string& error) override {
        std::error_code ec;
        auto size = std::filesystem::file_size(path_, ec);
        if (ec) {
            error = path_ + ": cannot read (" + ec.message() + "); showing the last good data";
            return false;
        }
        if (size > options_.parse.maxBytes) {
            failState = LiveStatus::State::Error;
            error = path_ + ": " + std::to_string(size) + " bytes is over the limit; showing the last good data";
            return false;
        }
        std::ifstream in(path_, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        payload = ss.str();
        return true;
    }
    std::string path_;
};

class HttpSource : public PollingSource {
public:
    HttpSource(const std::string& url, GeoPoint origin, LiveSourceOptions o) : PollingSource(url, origin, o) {
        auto slash = url.find('/', url.find("://") + 3);
        base_ = url.substr(0, slash);
        path_ = slash == std::string::npos ? "/" : url.substr(slash);
        start();
    }
    ~HttpSource() override { stop(); }

private:
    bool fetch(std::string& payload, LiveStatus::State&, std::string& error) override {
        httplib::Client client(base_);
        auto t = std::chrono::duration<double>(options_.timeoutSeconds);
        client.set_connection_timeout(std::chrono::duration_cast<std::chrono::microseconds>(t));
        client.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(t));
        auto res = client.Get(path_.c_str());
        if (!res) {
            error = name() + ": unreachable (" + httplib::to_string(res.error()) + "); showing the last good data";
            return false;
        }
        if (res->status != 200) {
            error = name() + ": HTTP " + std::to_string(res->status) + "; showing the last good data";
            return false;
        }
        payload = res->body;
        return true;
    }
    std::string base_, path_;
};

// MQTT: every message (a Feature or a FeatureCollection) is merged into the events held.
class MqttSource : public LiveEventSource {
public:
    MqttSource(const std::string& spec, const std::string& host, int port, const std::string& topic, GeoPoint origin,
               LiveSourceOptions o)
        : LiveEventSource(spec), topic_(topic), origin_(origin), options_(o) {
        static std::once_flag once;
        std::call_once(once, [] { mosquitto_lib_init(); });
        mosq_ = mosquitto_new(nullptr, true, this);
        mosquitto_connect_callback_set(mosq_, [](mosquitto* m, void* self, int rc) { static_cast<MqttSource*>(self)->onConnect(m, rc); });
        mosquitto_disconnect_callback_set(mosq_, [](mosquitto*, void* self, int rc) { static_cast<MqttSource*>(self)->onDisconnect(rc); });
        mosquitto_message_callback_set(mosq_, [](mosquitto*, void* self, const mosquitto_message* msg) {
            static_cast<MqttSource*>(self)->onMessage(msg);
        });
        mosquitto_reconnect_delay_set(mosq_, 1, 5, false);
        mosquitto_connect_async(mosq_, host.c_str(), port, 30);
        mosquitto_loop_start(mosq_);
    }
    ~MqttSource() override {
        mosquitto_disconnect(mosq_);
        mosquitto_loop_stop(mosq_, true);
        mosquitto_destroy(mosq_);
    }

private:
    void onConnect(mosquitto* m, int rc) {
        if (rc != 0) {
            fail(LiveStatus::State::Stale, name() + ": broker refused the connection (" + mosquitto_connack_string(rc) + ")");
            return;
        }
        mosquitto_subscribe(m, nullptr, topic_.c_str(), 1);
        if (status().updates > 0) publish(latest());  // back online with what we had
    }
    void onDisconnect(int rc) {
        fail(LiveStatus::State::Stale, name() + ": broker connection lost (" + std::string(mosquitto_strerror(rc)) +
                                           "); showing the last good data, reconnecting");
    }
    void onMessage(const mosquitto_message* msg) {
        if (!frame_) frame_ = std::make_unique<SceneFrame>(origin_);  // on the client's own thread
        std::string payload(static_cast<const char*>(msg->payload), std::size_t(msg->payloadlen));
        auto next = std::make_shared<EventSet>();
        if (auto current = latest()) *next = *current;
        std::string error;
        if (mergeEventsGeoJson(payload, name(), *frame_, options_.parse, *next, error)) publish(next);
        else fail(LiveStatus::State::Error, error + "; showing the last good data");
    }

    mosquitto* mosq_ = nullptr;
    std::string topic_;
    GeoPoint origin_;
    LiveSourceOptions options_;
    std::unique_ptr<SceneFrame> frame_;
};

}  // namespace

std::unique_ptr<LiveEventSource> openLiveSource(const std::string& spec, GeoPoint origin, const LiveSourceOptions& o,
                                                std::string& error) {
    if (spec.rfind("mqtt://", 0) == 0) {
        std::string rest = spec.substr(7);
        auto slash = rest.find('/');
        if (slash == std::string::npos || slash + 1 >= rest.size()) {
            error = spec + ": an MQTT source needs a topic: mqtt://host[:port]/topic";
            return nullptr;
        }
        std::string hostPort = rest.substr(0, slash), topic = rest.substr(slash + 1);
        auto colon = hostPort.find(':');
        int port = colon == std::string::npos ? 1883 : std::atoi(hostPort.c_str() + colon + 1);
        return std::make_unique<MqttSource>(spec, hostPort.substr(0, colon), port, topic, origin, o);
    }
    if (spec.rfind("http://", 0) == 0) return std::make_unique<HttpSource>(spec, origin, o);
    if (spec.rfind("https://", 0) == 0) {
        error = spec + ": HTTPS is not built in here; use http:// or a local file";
        return nullptr;
    }
    return std::make_unique<FileSource>(spec, origin, o);
}

}  // namespace jbt
