#include "viewer/clipboard.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <vector>

#include "twin/subprocess.h"

extern char** environ;

namespace jbt {
namespace {

std::string& ownClipboard() {
    static std::string text;
    return text;
}

bool haveXclip() {
    static const bool have = std::getenv("DISPLAY") && programOnPath("xclip");
    return have;
}

// Runs xclip with `input` on its stdin and returns its stdout when `capture`, else sends its
// output nowhere (xclip -i forks a child that serves the selection and keeps its stdout). Gives
// up after a second: a clipboard owner that does not answer must not freeze the viewer.
std::string runXclip(std::vector<std::string> args, const std::string& input, bool capture, bool& ok) {
    ok = false;
    int in[2], out[2] = {-1, -1};
    if (::pipe(in) != 0) return {};
    if (capture && ::pipe(out) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return {};
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    if (capture) {
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_addclose(&fa, out[0]);
    } else {
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    args.insert(args.begin(), "xclip");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "xclip", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(in[0]);
    if (capture) ::close(out[1]);
    std::string result;
    if (rc == 0) {
        signal(SIGPIPE, SIG_IGN);
        if (!input.empty()) (void)!::write(in[1], input.data(), input.size());
        ::close(in[1]);
        in[1] = -1;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        auto left = [&] {
            return int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
        };
        char buf[4096];
        while (capture && left() > 0) {
            pollfd p{out[0], POLLIN, 0};
            if (::poll(&p, 1, left()) <= 0) break;
            ssize_t n = ::read(out[0], buf, sizeof buf);
            if (n <= 0) break;
            result.append(buf, std::size_t(n));
        }
        int status = 0;
        pid_t done = 0;
        while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 && left() > 0) ::usleep(2000);
        if (done == 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
        }
        ok = done == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    if (in[1] >= 0) ::close(in[1]);
    if (capture) ::close(out[0]);
    return result;
}

}  // namespace

std::string readClipboard() {
    if (!haveXclip()) return ownClipboard();
    bool ok = false;
    std::string text = runXclip({"-o", "-selection", "clipboard"}, "", true, ok);
    return ok ? text : ownClipboard();
}

void writeClipboard(const std::string& text) {
    ownClipboard() = text;
    if (!haveXclip()) return;
    bool ok = false;
    runXclip({"-i", "-selection", "clipboard"}, text, false, ok);
}

}  // namespace jbt
