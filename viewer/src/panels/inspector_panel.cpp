#include <imgui.h>

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

std::string heightSourceName(HeightSource s) {
    switch (s) {
        case HeightSource::Field: return tr("高度字段", "height attribute");
        case HeightSource::Levels: return tr("层数 × 层高", "levels × floor height");
        default: return tr("默认高度（数据无高度）", "default (no height in data)");
    }
}

class InspectorPanel : public Panel {
public:
    explicit InspectorPanel(AppState& app) : app_(app) {}

    void draw() override {
        const Selection& s = app_.selection;
        if (!s.valid() || s.layer >= int(app_.scene.layers.size())) {
            ImGui::TextDisabled("%s", tr("点击建筑查看属性", "Click a building to see its attributes").c_str());
            return;
        }
        const SceneLayer& l = app_.scene.layers[s.layer];
        const Feature& f = l.data.features[s.feature];
        ImGui::Text("%s: %s", tr("图层", "Layer").c_str(), l.data.name.c_str());
        ImGui::Text("%s: #%lld", tr("要素", "Feature").c_str(), static_cast<long long>(f.sourceFid));
        ImGui::Text("%s: %.1f m (%s)", tr("高度", "Height").c_str(), f.height, heightSourceName(f.heightSource).c_str());
        if (f.minHeight > 0) ImGui::Text("%s: %.1f m", tr("底部", "Base").c_str(), f.minHeight);
        if (ImGui::BeginTable("attrs", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& [k, v] : f.attributes) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(uiText(k).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(uiText(v).c_str());
            }
            ImGui::EndTable();
        }
        if (ImGui::Button(tr("清除", "Clear").c_str())) select(app_, {});
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeInspectorPanel(AppState& app) { return std::make_unique<InspectorPanel>(app); }

}  // namespace jbt
