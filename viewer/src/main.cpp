// jiangbei-twin: the viewer. With --snapshot it renders one picture offscreen and exits.
#include <osg/Notify>

#include <unistd.h>

#include <iostream>

#include "model/log.h"
#include "twin/twin.h"
#include "viewer/bake_command.h"
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

// The far layer a view such as "layer:NAME" names, if it lies outside this scene.
const jbt::FarLayer* farLayerForView(const jbt::SceneModel& scene, const std::string& view) {
    for (const jbt::FarLayer& f : scene.farLayers)
        if (view == "layer:" + f.name() || view == f.name()) return &f;
    return nullptr;
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
    bool startsDirty = false, moved = false;
    // One session per project: opening another project (or moving the scene to a far layer)
    // builds the twin afresh in a new window.
    for (;;) {
        jbt::Twin twin(options);
        for (jbt::ImportOptions& layer : twin.options().layers) layer.progress = nullptr;  // not kept in projects
        const jbt::SceneModel& scene = twin.scene();
        for (const std::string& e : scene.errors) spdlog::error(e);
        for (const std::string& m : scene.messages) spdlog::info(m);
        for (const jbt::SceneLayer& l : scene.layers)
            for (const std::string& m : l.data.report.messages) spdlog::info(m);
        // A view on a layer too far away to be in this scene moves the scene to it.
        if (const jbt::FarLayer* far = farLayerForView(scene, options.view); far && !moved) {
            moved = true;
            spdlog::info("--view " + options.view + ": the scene moves to " + far->name());
            options.centre = far->centre;
            continue;
        }

        jbt::ViewerApp app(twin);
        if (startsDirty) app.setStartsDirty();
        try {
            app.open();
        } catch (const jbt::Error& e) {
            spdlog::error(e.what());
            return 2;
        }
        if (!options.recordDir.empty()) return app.runRecording(std::cout);
        if (!options.snapshotPath.empty()) return app.runSnapshot(options.snapshotPath, std::cout);
        jbt::SessionEnd end = app.runInteractive();
        if (!end.reopen) return 0;
        options = end.next;
        startsDirty = end.startsDirty;
    }
}

}  // namespace

int main(int argc, char** argv) {
    jbt::initLogging("jiangbei-twin");
    osg::setNotifyHandler(new LogNotify);
    try {
        if (argc > 1 && std::string(argv[1]) == "bake") return jbt::runBake(argc - 1, argv + 1);
        return run(argc, argv);
    } catch (const std::exception& e) {  // the last line of defence: say what happened, never abort silently
        spdlog::critical(std::string("stopped: ") + e.what());
        return 70;
    }
}
