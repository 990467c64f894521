#pragma once
// Live event feeds that refresh while the viewer runs: a watched file, a polled HTTP(S) URL or
// an MQTT topic. Fetching and parsing happen on the source's own thread; the render thread only
// takes finished results (never waits). A failing source keeps its last good data and says why.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <string>

#include "data_import/governance_events.h"

namespace jbt {

struct LiveStatus {
    enum class State { Waiting, Live, Stale, Error };
    State state = State::Waiting;
    std::string reason;          // for Stale and Error: what went wrong, naming the source
    std::size_t updates = 0;     // good payloads so far
    std::size_t events = 0;      // events held now
    double secondsSinceGood = -1;
};

const char* liveStateName(LiveStatus::State state);

struct LiveSourceOptions {
    double pollSeconds = 2.0;    // files and URLs
    double timeoutSeconds = 5.0; // one HTTP read (connect, or a pause between bytes)
    double deadlineSeconds = 20.0;  // one whole HTTP request, however the bytes trickle
    EventParseOptions parse;
};

// What a source brought since it was last asked.
struct EventChanges {
    bool whole = false;  // `events` replaces everything (a file or URL read again)
    EventSet events;     // whole: all of them; else the events new or changed since the last take
};

class LiveEventSource {
public:
    virtual ~LiveEventSource() = default;
    const std::string& name() const { return name_; }
    // What changed since the last call, or nullopt. Never blocks long. The consumer keeps its own
    // set: at thousands of messages a second, a copy of everything per frame costs more than
    // drawing it.
    std::optional<EventChanges> takeChanges();
    LiveStatus status() const;

protected:
    explicit LiveEventSource(std::string name) : name_(std::move(name)) {}
    void publish(std::shared_ptr<const EventSet> data);
    // A message's events joined to what the source holds (the newest version of each id); the
    // consumer gets only these at its next take.
    void merge(EventSet incoming);
    void fail(LiveStatus::State state, const std::string& reason);
    // Live again with the data it had (a server or broker back): nothing new for the consumer.
    void recovered();

private:
    std::string name_;
    mutable std::mutex mutex_;
    std::shared_ptr<const EventSet> latest_;  // what publish() gave last
    bool fresh_ = false;                      // latest_ not yet taken
    EventSet pending_;                        // merged since the last take
    std::unordered_set<std::string> ids_;     // every id merged (the count status() reports)
    LiveStatus status_;
    std::chrono::steady_clock::time_point lastGood_;
};

// "PATH" (a GeoJSON file), "http://…" / "https://…", or "mqtt://host[:port]/topic".
// Throws Error for a spec that cannot be used at all.
std::unique_ptr<LiveEventSource> openLiveSource(const std::string& spec, GeoPoint sceneOrigin,
                                                const LiveSourceOptions& options);

}  // namespace jbt
