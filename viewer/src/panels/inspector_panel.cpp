#include <imgui.h>

#include <cstdio>

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
        if (s.isModel() && s.model < int(app_.scene.models.size())) {
            drawModel(app_.scene.models[s.model]);
            return;
        }
        if (s.isTileFeature() && s.tileset < int(app_.scene.tilesets.size())) {
            drawTileFeature(app_.scene.tilesets[s.tileset], s);
            return;
        }
        if (!s.valid() || s.layer >= int(app_.scene.layers.size())) {
            ImGui::TextDisabled("%s", tr("点击建筑查看属性", "Click a building to see its attributes").c_str());
            return;
        }
        const SceneLayer& l = app_.scene.layers[s.layer];
        const Feature& f = l.data.features[s.feature];
        ImGui::Text("%s: %s", tr("图层", "Layer").c_str(), l.data.name.c_str());
        ImGui::Text("%s: #%lld", tr("要素", "Feature").c_str(), static_cast<long long>(f.sourceFid));
        std::string from = f.surfaces.empty() ? heightSourceName(f.heightSource) : tr("三维模型", "its 3D model");
        ImGui::Text("%s: %.1f m (%s)", tr("高度", "Height").c_str(), f.height, from.c_str());
        if (f.minHeight > 0) ImGui::Text("%s: %.1f m", tr("底部", "Base").c_str(), f.minHeight);
        attributeTable("attrs", f.attributes, false);
        if (ImGui::Button(tr("清除", "Clear").c_str())) select(app_, {});
    }

private:
    // Name and value per row; `skipEmpty` for baked tables, whose columns other buildings fill.
    static void attributeTable(const char* id, const Attributes& attributes, bool skipEmpty) {
        if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) return;
        for (const auto& [k, v] : attributes) {
            if (skipEmpty && v.empty()) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(uiText(k).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(uiText(v).c_str());
        }
        ImGui::EndTable();
    }

    void drawTileFeature(const TilesetScene& t, const Selection& s) {
        ImGui::Text("%s: %s", tr("三维瓦片", "3D Tiles").c_str(), t.name.c_str());
        if (s.tileFeature >= 0) ImGui::Text("%s: #%d", tr("要素", "Feature").c_str(), s.tileFeature);
        else ImGui::TextDisabled("%s", tr("此瓦片不分要素", "this tile has no features").c_str());
        attributeTable("tileattrs", s.tileAttributes, true);
        if (ImGui::Button(tr("清除", "Clear").c_str())) select(app_, {});
    }

    void drawModel(const PlacedModelScene& m) {
        const ModelPlacement& p = m.placement;
        ImGui::Text("%s: %s", tr("模型", "Model").c_str(), m.name.c_str());
        if (ImGui::BeginTable("model", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
            auto row = [](const std::string& k, const std::string& v) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(k.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(v.c_str());
            };
            char buf[96];
            row(tr("格式", "format"), m.format);
            row(tr("三角形", "triangles"), std::to_string(m.triangles));
            std::snprintf(buf, sizeof buf, "%.6f, %.6f", p.lon, p.lat);
            row(tr("经纬度", "lon, lat"), buf);
            std::snprintf(buf, sizeof buf, "%.1f m", p.altitude);
            row(tr("离地高度", "above ground"), buf);
            std::snprintf(buf, sizeof buf, "%.1f°", p.headingDeg);
            row(tr("朝向", "heading"), buf);
            std::snprintf(buf, sizeof buf, "%g", p.scale);
            row(tr("比例", "scale"), buf);
            row(tr("文件", "file"), p.path);
            ImGui::EndTable();
        }
        if (ImGui::Button(tr("清除", "Clear").c_str())) select(app_, {});
    }

    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeInspectorPanel(AppState& app) { return std::make_unique<InspectorPanel>(app); }

}  // namespace jbt
