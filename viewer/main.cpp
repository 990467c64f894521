// jiangbei-twin: the viewer. With --snapshot it renders one picture offscreen and exits.
#include <osg/Notify>

#include <unistd.h>

#include <iostream>

#include "viewer/app_options.h"
#include "viewer/scene_assembly.h"
#include "viewer/viewer_app.h"

namespace {

// OSG prints notices on stdout by default; stdout is for the one line of JSON.
class StderrNotify : public osg::NotifyHandler {
public:
    void notify(osg::NotifySeverity, const char* message) override { std::cerr << message; }
};

}  // namespace

int main(int argc, char** argv) {
    osg::setNotifyHandler(new StderrNotify);
    jbt::AppOptions options;
    int exitCode = 0;
    std::string message;
    if (!jbt::parseAppOptions(argc, argv, options, exitCode, message)) {
        (exitCode == 0 ? std::cout : std::cerr) << message;
        return exitCode;
    }
    // Long command-line imports show a progress bar on a terminal (never in pipes or logs).
    if (isatty(STDERR_FILENO))
        for (jbt::ImportOptions& layer : options.layers) {
            std::string name = layer.path;
            layer.progress = [name](double p) {
                int filled = int(p * 30);
                std::cerr << "\r" << name << " [" << std::string(filled, '#') << std::string(30 - filled, ' ') << "] "
                          << int(p * 100) << "%" << (p >= 1.0 ? "\n" : "") << std::flush;
            };
        }
    jbt::SceneModel scene = jbt::assembleScene(options);
    for (jbt::ImportOptions& layer : options.layers) layer.progress = nullptr;  // not kept in projects
    for (const std::string& e : scene.errors) std::cerr << "jiangbei-twin: error: " << e << "\n";
    for (const std::string& m : scene.messages) std::cerr << "jiangbei-twin: " << m << "\n";
    for (const jbt::SceneLayer& l : scene.layers)
        for (const std::string& m : l.data.report.messages) std::cerr << "jiangbei-twin: " << m << "\n";

    jbt::ViewerApp app(scene, options);
    std::string error;
    if (!app.open(error)) {
        std::cerr << "jiangbei-twin: " << error << "\n";
        return 2;
    }
    if (!options.recordDir.empty()) return app.runRecording(std::cout, std::cerr);
    if (!options.snapshotPath.empty()) return app.runSnapshot(options.snapshotPath, std::cout, std::cerr);
    return app.runInteractive();
}
