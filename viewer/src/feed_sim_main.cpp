// jiangbei-feed-sim: publishes plausible governance events for demos, tests and benchmarks, so
// live layers work end to end without a city backend.
//   jiangbei-feed-sim --to events.geojson | mqtt://host[:port]/topic | http://127.0.0.1:PORT/path
//                     [--rate 10] [--count 0] [--seed 1]
// A file is rewritten whole on every step (temporary file + rename: readers never see half a
// file); MQTT gets each changed event as a Feature; http:// serves the whole collection at that
// address for the viewer to poll.
#include <mosquitto.h>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "data_import/event_simulator.h"
#include "model/resource_paths.h"
#include "model/url.h"

int main(int argc, char** argv) {
    CLI::App app{"Publishes simulated governance events (城市管理, 路平工程 …) to a file or an MQTT topic", "jiangbei-feed-sim"};
    std::string to;
    double rate = 10;
    long count = 0;
    std::uint64_t seed = 1;
    app.add_option("--to", to, "A GeoJSON file, mqtt://host[:port]/topic, or http://127.0.0.1:PORT/path to serve")->required();
    app.add_option("--rate", rate, "Events per second (default 10)")->check(CLI::Range(0.01, 100000.0));
    app.add_option("--count", count, "Stop after this many steps (default: run until stopped)");
    app.add_option("--seed", seed, "Random seed (the same seed gives the same events)");
    CLI11_PARSE(app, argc, argv);

    std::vector<jbt::Place> places;
    try {
        places = jbt::loadPlaces(jbt::findDataFile("assets/places.json"));
    } catch (const std::exception& e) {
        std::cerr << "jiangbei-feed-sim: " << e.what() << "\n";
        return 2;
    }
    jbt::EventSimulator sim(places, seed, 1795478400);  // 2026-11-24 00:00 China time

    mosquitto* mosq = nullptr;
    std::string topic;
    std::unique_ptr<httplib::Server> http;
    std::thread httpThread;
    std::mutex current;
    std::string collection = sim.collection();
    std::optional<jbt::Url> url = to.find("://") == std::string::npos ? std::nullopt : jbt::parseUrl(to);
    if (to.find("://") != std::string::npos && (!url || (url->scheme != "http" && url->scheme != "mqtt"))) {
        std::cerr << "jiangbei-feed-sim: " << to << ": expected a file, http://host:port/path or mqtt://host[:port]/topic\n";
        return 2;
    }
    if (url && url->scheme == "http") {
        http = std::make_unique<httplib::Server>();
        http->Get(url->path, [&](const httplib::Request&, httplib::Response& res) {
            std::lock_guard<std::mutex> lock(current);
            res.set_content(collection, "application/geo+json");
        });
        if (!http->bind_to_port(url->host.c_str(), url->port)) {
            std::cerr << "jiangbei-feed-sim: " << to << ": cannot listen there\n";
            return 3;
        }
        httpThread = std::thread([&] { http->listen_after_bind(); });
    }
    if (url && url->scheme == "mqtt") {
        if (url->path.size() < 2) {
            std::cerr << "jiangbei-feed-sim: " << to << ": needs a topic, mqtt://host[:port]/topic\n";
            return 2;
        }
        topic = url->path.substr(1);
        mosquitto_lib_init();
        mosq = mosquitto_new(nullptr, true, nullptr);
        if (mosquitto_connect(mosq, url->host.c_str(), url->port, 30) != MOSQ_ERR_SUCCESS) {
            std::cerr << "jiangbei-feed-sim: " << to << ": cannot reach the broker\n";
            return 3;
        }
        mosquitto_loop_start(mosq);
    }
    auto period = std::chrono::duration<double>(1.0 / rate);
    auto next = std::chrono::steady_clock::now();
    for (long i = 0; count <= 0 || i < count; ++i) {
        std::string changed = sim.step();
        if (mosq) {
            mosquitto_publish(mosq, nullptr, topic.c_str(), int(changed.size()), changed.data(), 1, false);
        } else if (http) {
            std::lock_guard<std::mutex> lock(current);
            collection = sim.collection();
        } else {
            std::string tmp = to + ".tmp";
            std::ofstream(tmp, std::ios::binary) << sim.collection();
            std::filesystem::rename(tmp, to);
        }
        next += std::chrono::duration_cast<std::chrono::steady_clock::duration>(period);
        std::this_thread::sleep_until(next);
    }
    if (mosq) {
        mosquitto_loop_stop(mosq, true);  // let the last messages go out
        mosquitto_disconnect(mosq);
        mosquitto_destroy(mosq);
    }
    if (http) {
        http->stop();
        httpThread.join();
    }
    std::cout << "{\"events\":" << sim.size() << ",\"to\":\"" << to << "\"}" << std::endl;
    return 0;
}
