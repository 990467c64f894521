#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

class PerformancePanel : public Panel {
public:
    explicit PerformancePanel(AppState& app) : app_(app) {}

    void draw() override {
        ImGuiIO& io = ImGui::GetIO();
        double ms = 1000.0 * io.DeltaTime;
        app_.frameMs = app_.frameMs <= 0 ? ms : 0.92 * app_.frameMs + 0.08 * ms;
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 250, io.DisplaySize.y - 120), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(240, 0), ImGuiCond_FirstUseEver);
        if (!ImGui::Begin(windowTitle("性能", "Performance", "performance").c_str())) return ImGui::End();
        ImGui::Text("%s: %.1f ms (%.0f fps)", tr("帧时间", "Frame").c_str(), app_.frameMs, app_.frameMs > 0 ? 1000.0 / app_.frameMs : 0.0);
        std::size_t tris = 0, tiles = 0;
        for (const SceneLayer& l : app_.scene.layers) {
            tris += l.stats.triangles;
            tiles += l.stats.tiles;
        }
        ImGui::Text("%s: %zu", tr("三角形", "Triangles").c_str(), tris);
        ImGui::Text("%s: %zu", tr("图块", "Tiles").c_str(), tiles);
        ImGui::Text("%s %.0f ms · %s %.0f ms", tr("导入", "Import").c_str(), app_.scene.importMs, tr("构建", "Build").c_str(), app_.scene.buildMs);
        ImGui::End();
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makePerformancePanel(AppState& app) { return std::make_unique<PerformancePanel>(app); }

}  // namespace jbt
