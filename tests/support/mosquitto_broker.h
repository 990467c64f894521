#pragma once
// A mosquitto broker the test starts on 127.0.0.1 (and may stop and restart), and a free port
// for it: live feeds are tested against the real thing.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "tests/test_support.h"

namespace jbt::test {

// A port nobody listens on: bind to port 0, read the number, close again.
inline int freePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    close(fd);
    return ntohs(a.sin_port);
}

class Broker {
public:
    explicit Broker(int port) : port_(port) { start(); }
    ~Broker() { stop(); }
    void start() {
        pid_ = fork();
        if (pid_ == 0) {
            std::string conf = "/tmp/jbt-mosquitto-" + std::to_string(getpid()) + ".conf";
            FILE* f = std::fopen(conf.c_str(), "w");
            std::fprintf(f, "listener %d 127.0.0.1\nallow_anonymous true\npersistence false\n", port_);
            std::fclose(f);
            execlp("mosquitto", "mosquitto", "-c", conf.c_str(), nullptr);
            _exit(127);
        }
        waitUntilListening();
    }
    void stop() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
            std::remove(("/tmp/jbt-mosquitto-" + std::to_string(pid_) + ".conf").c_str());  // the child's config
            pid_ = -1;
        }
    }
    void publish(const std::string& topic, const std::string& payload) {
        std::string file = test::writeFile(std::filesystem::temp_directory_path() / ("jbt-mqtt-payload-" + std::to_string(getpid()) + ".json"), payload);
        test::run("mosquitto_pub -h 127.0.0.1 -p " + std::to_string(port_) + " -t '" + topic + "' -f '" + file + "'");
    }

private:
    // Until the broker accepts a connection (a loaded CI machine takes its time), at most 10 s.
    void waitUntilListening() const {
        for (int i = 0; i < 200; ++i) {
            int fd = socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            a.sin_port = htons(std::uint16_t(port_));
            bool up = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
            close(fd);
            if (up) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }

    int port_;
    pid_t pid_ = -1;
};

}  // namespace jbt::test
