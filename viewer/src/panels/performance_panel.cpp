#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

class PerformancePanel : public Panel {
public:
    explicit PerformancePanel(AppState& app) : app_(app) {}

    void draw() override {
        ImGui::Text("%s: %.1f ms (%.0f fps)", tr("帧时间", "Frame").c_str(), app_.frameMs, app_.frameMs > 0 ? 1000.0 / app_.frameMs : 0.0);
        std::size_t tris = 0, tiles = 0;
        for (const SceneLayer& l : app_.scene.layers) {
            tris += l.stats.triangles;
            tiles += l.stats.tiles;
        }
        ImGui::Text("%s: %zu", tr("三角形", "Triangles").c_str(), tris);
        ImGui::Text("%s: %zu", tr("图块", "Tiles").c_str(), tiles);
        ImGui::Text("%s %.0f ms · %s %.0f ms", tr("导入", "Import").c_str(), app_.scene.importMs, tr("构建", "Build").c_str(), app_.scene.buildMs);
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makePerformancePanel(AppState& app) { return std::make_unique<PerformancePanel>(app); }

}  // namespace jbt
