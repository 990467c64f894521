#include <imgui.h>

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
        if (!ImGui::Begin("性能 Performance")) return ImGui::End();
        ImGui::Text("帧时间 Frame: %.1f ms (%.0f fps)", app_.frameMs, app_.frameMs > 0 ? 1000.0 / app_.frameMs : 0.0);
        std::size_t tris = 0, tiles = 0;
        for (const SceneLayer& l : app_.scene.layers) {
            tris += l.stats.triangles;
            tiles += l.stats.tiles;
        }
        ImGui::Text("三角形 Triangles: %zu", tris);
        ImGui::Text("图块 Tiles: %zu", tiles);
        ImGui::Text("导入 Import %.0f ms · 构建 Build %.0f ms", app_.scene.importMs, app_.scene.buildMs);
        ImGui::End();
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makePerformancePanel(AppState& app) { return std::make_unique<PerformancePanel>(app); }

}  // namespace jbt
