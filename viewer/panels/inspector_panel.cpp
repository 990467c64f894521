#include <imgui.h>

#include "viewer/panels/panels.h"

namespace jbt {
namespace {

const char* heightSourceName(HeightSource s) {
    switch (s) {
        case HeightSource::Field: return "height attribute";
        case HeightSource::Levels: return "levels × floor height";
        default: return "default (no height in data)";
    }
}

class InspectorPanel : public Panel {
public:
    explicit InspectorPanel(AppState& app) : app_(app) {}

    void draw() override {
        ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 430, 10), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSizeConstraints(ImVec2(300, 0), ImVec2(520, io.DisplaySize.y * 0.6f));
        if (!ImGui::Begin("属性 Inspector", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return ImGui::End();
        const Selection& s = app_.selection;
        if (!s.valid() || s.layer >= int(app_.scene.layers.size())) {
            ImGui::TextDisabled("点击建筑查看属性 Click a building to see its attributes");
            return ImGui::End();
        }
        const SceneLayer& l = app_.scene.layers[s.layer];
        const Feature& f = l.data.features[s.feature];
        ImGui::Text("图层 Layer: %s", l.data.name.c_str());
        ImGui::Text("要素 Feature: #%lld", static_cast<long long>(f.sourceFid));
        ImGui::Text("高度 Height: %.1f m (%s)", f.height, heightSourceName(f.heightSource));
        if (f.minHeight > 0) ImGui::Text("底部 Base: %.1f m", f.minHeight);
        if (ImGui::BeginTable("attrs", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
            for (const auto& [k, v] : f.attributes) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(k.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(v.c_str());
            }
            ImGui::EndTable();
        }
        if (ImGui::Button("清除 Clear")) select(app_, {});
        ImGui::End();
    }

private:
    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeInspectorPanel(AppState& app) { return std::make_unique<InspectorPanel>(app); }

}  // namespace jbt
