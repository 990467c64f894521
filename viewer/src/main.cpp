// jiangbei-twin: the viewer. With --snapshot it renders one picture offscreen and exits.
#include <osg/Notify>

#include <unistd.h>

#include <iostream>

#include "model/log.h"
#include "twin/twin.h"
#include "viewer/command_line.h"
#include "viewer/viewer_app.h"

namespace {

// OSG's notices go to the log (stderr): stdout is for the one line of JSON.
class LogNotify : public osg::NotifyHandler {
public:
    void notify(osg::NotifySeverity severity, const char* message) override {
        std::string text(message);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        if (text.empty()) return;
        if (severity <= osg::WARN) spdlog::warn("OpenSceneGraph: " + text);
        else spdlog::debug("OpenSceneGraph: " + text);
    }
};

// Long command-line imports show a progress bar on a terminal (never in pipes or logs).
void showImportProgress(jbt::AppOptions& options) {
    if (!isatty(STDERR_FILENO)) return;
    for (jbt::ImportOptions& layer : options.layers) {
        std::string name = layer.path;
        layer.progress = [name](double p) {
            int filled = int(p * 30);
            std::cerr << "\r" << name << " [" << std::string(filled, '#') << std::string(30 - filled, ' ') << "] "
                      << int(p * 100) << "%" << (p >= 1.0 ? "\n" : "") << std::flush;
        };
    }
}

int run(int argc, char** argv) {
    jbt::AppOptions options;
    try {
        jbt::CommandLine commandLine = jbt::parseCommandLine(argc, argv);
        jbt::initLogging("jiangbei-twin", commandLine.verbosity);
        options = jbt::resolveOptions(commandLine);
    } catch (const jbt::CommandLineExit& e) {
        (e.code == 0 ? std::cout : std::cerr) << e.what();
        return e.code;
    }
    showImportProgress(options);
    jbt::Twin twin(options);
    for (jbt::ImportOptions& layer : twin.options().layers) layer.progress = nullptr;  // not kept in projects
    const jbt::SceneModel& scene = twin.scene();
    for (const std::string& e : scene.errors) spdlog::error(e);
    for (const std::string& m : scene.messages) spdlog::info(m);
    for (const jbt::SceneLayer& l : scene.layers)
        for (const std::string& m : l.data.report.messages) spdlog::info(m);

    jbt::ViewerApp app(twin);
    try {
        app.open();
    } catch (const jbt::Error& e) {
        spdlog::error(e.what());
        return 2;
    }
    if (!options.recordDir.empty()) return app.runRecording(std::cout);
    if (!options.snapshotPath.empty()) return app.runSnapshot(options.snapshotPath, std::cout);
    return app.runInteractive();
}

}  // namespace

int main(int argc, char** argv) {
    jbt::initLogging("jiangbei-twin");
    osg::setNotifyHandler(new LogNotify);
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {  // the last line of defence: say what happened, never abort silently
        spdlog::critical(std::string("stopped: ") + e.what());
        return 70;
    }
}
