// Live feeds under load: events per second published to a real mosquitto broker (started here
// on loopback) against the viewer's frame time, and publish-to-visible latency (until the event
// is in the scene after the update traversal). Offscreen under Xvfb; prints a Markdown table.
//   bench_live [--seconds 5] [--rates 0,10,100,1000,10000] [--population 5000]
#include <mosquitto.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "bench/footprint_generator.h"
#include "twin/camera_pose.h"
#include "twin/offscreen_render.h"
#include "twin/twin.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string feature(const std::string& id, double lon, double lat) {
    char buf[300];
    std::snprintf(buf, sizeof buf,
                  R"({"type":"Feature","properties":{"id":"%s","time":"2026-11-24T09:00:00+08:00","category":"城市管理","status":"上报"},"geometry":{"type":"Point","coordinates":[%.5f,%.5f]}})",
                  id.c_str(), lon, lat);
    return buf;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 5;
    std::vector<double> rates = {0, 10, 100, 1000, 10000};
    // Cases the feed talks about: messages cycle through them (a city's open cases, updated as
    // they move and change status), so what is measured is the updating, not ever more markers.
    int population = 5000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--seconds") seconds = std::stod(argv[i + 1]);
        if (std::string(argv[i]) == "--population") population = std::stoi(argv[i + 1]);
        if (std::string(argv[i]) == "--rates") {
            rates.clear();
            for (std::size_t k : jbt::bench::parseSizes(argv[i + 1])) rates.push_back(double(k));
        }
    }
    int port = 18900 + getpid() % 500;
    std::string conf = "/tmp/jbt-bench-mosquitto.conf";
    FILE* f = std::fopen(conf.c_str(), "w");
    std::fprintf(f, "listener %d 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n", port);
    std::fclose(f);
    pid_t broker = fork();
    if (broker == 0) {
        execlp("mosquitto", "mosquitto", "-c", conf.c_str(), nullptr);
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::string topic = "jiangbei/bench";
    jbt::AppOptions o;
    o.snapshotPath = "/dev/null";
    o.hideUi = true;
    o.gridCellM = 800;
    o.eventSources = {"mqtt://127.0.0.1:" + std::to_string(port) + "/" + topic};
    jbt::Twin twin(o);
    jbt::SceneModel& scene = twin.scene();
    osg::ref_ptr<osgViewer::Viewer> viewer = jbt::makeOffscreenViewer(scene.root.get(), o.width, o.height);
    twin.attachCamera(*viewer->getCamera());
    if (const jbt::Bookmark* b = jbt::findBookmark(scene, "jiangbeizui_across_river")) {
        jbt::CameraPose pose = jbt::poseForBookmark(*b, *scene.frame, &scene.terrain);
        viewer->getCamera()->setViewMatrixAsLookAt(pose.eye, pose.center, pose.up);
    }
    mosquitto_lib_init();
    mosquitto* pub = mosquitto_new(nullptr, true, nullptr);
    if (mosquitto_connect(pub, "127.0.0.1", port, 30) != MOSQ_ERR_SUCCESS) {
        std::fprintf(stderr, "no broker (is mosquitto installed?)\n");
        return 2;
    }
    mosquitto_loop_start(pub);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto& live = twin.live();
    auto held = [&] { return live[0]->events ? live[0]->events->byId.size() : std::size_t(0); };
    std::printf("| events/s published | cases held after %.0f s | median ms/frame | of it update traversal ms | frames |\n|---:|---:|---:|---:|---:|\n", seconds);
    for (double rate : rates) {
        std::atomic<bool> stop{false};
        std::thread publisher([&, rate] {
            if (rate <= 0) return;
            auto next = Clock::now();
            int i = 0;
            while (!stop) {
                std::string msg = feature("case-" + std::to_string(i % population), 106.52 + (i % 97) * 0.001,
                                          29.57 + (i % 89) * 0.0005);
                ++i;
                mosquitto_publish(pub, nullptr, topic.c_str(), int(msg.size()), msg.data(), 0, false);
                next += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
                std::this_thread::sleep_until(next);
            }
        });
        std::vector<double> ms, updateMs;
        auto end = Clock::now() + std::chrono::duration<double>(seconds);
        while (Clock::now() < end) {
            // frame(), in its phases: the update traversal is where the live layers take the
            // feed's changes, move markers and re-count the grid.
            auto t0 = Clock::now();
            viewer->advance();
            viewer->eventTraversal();
            auto t1 = Clock::now();
            viewer->updateTraversal();
            auto t2 = Clock::now();
            viewer->renderingTraversals();
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            updateMs.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        }
        stop = true;
        publisher.join();
        std::printf("| %.0f | %zu | %.1f | %.2f | %zu |\n", rate, held(), median(ms), median(updateMs), ms.size());
        std::fflush(stdout);
    }
    // Publish-to-visible: one event at a time, timed until the scene holds it.
    std::vector<double> latency;
    for (int i = 0; i < 20; ++i) {
        std::string id = "latency-" + std::to_string(i);
        std::string msg = feature(id, 106.55, 29.58);
        auto t0 = Clock::now();
        mosquitto_publish(pub, nullptr, topic.c_str(), int(msg.size()), msg.data(), 0, false);
        while (!(live[0]->events && live[0]->events->byId.count(id)) && Clock::now() - t0 < std::chrono::seconds(5))
            viewer->frame();
        latency.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::printf("\nPublish-to-visible latency (20 events, median): %.0f ms, worst %.0f ms\n", median(latency),
                *std::max_element(latency.begin(), latency.end()));
    mosquitto_loop_stop(pub, true);
    mosquitto_destroy(pub);
    kill(broker, SIGTERM);
    waitpid(broker, nullptr, 0);
    std::remove(conf.c_str());
}
