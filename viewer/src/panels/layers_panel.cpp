#include <imgui.h>

#include <algorithm>

#include "model/url.h"
#include "scene/building_colors.h"
#include "scene/building_layer_builder.h"
#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

class LayersPanel : public Panel {
public:
    explicit LayersPanel(AppState& app) : app_(app) {}

    void draw() override {
        for (std::size_t i = 0; i < app_.scene.layers.size(); ++i) drawLayer(i, app_.scene.layers[i]);
        for (std::size_t i = 0; i < app_.scene.oblique.size(); ++i) drawOblique(i, app_.scene.oblique[i]);
        for (std::size_t i = 0; i < app_.scene.models.size(); ++i) drawModel(i, app_.scene.models[i]);
        for (std::size_t i = 0; i < app_.scene.tilesets.size(); ++i) drawTileset(i, app_.scene.tilesets[i]);
        if ((!app_.scene.tilesets.empty() || !app_.scene.oblique.empty()) && app_.scene.pagedMemory) drawPagedMemory();
        if (GridChoropleth* grid = app_.twin.grid()) drawGrid(*grid);
        if (!app_.scene.farLayers.empty()) {
            ImGui::Separator();
            ImGui::TextWrapped("%s", tr("远处的图层（不在此场景中）", "Far away (not in this scene)").c_str());
            for (std::size_t i = 0; i < app_.scene.farLayers.size(); ++i) {
                const FarLayer& f = app_.scene.farLayers[i];
                ImGui::PushID(int(1000000 + i));
                bool go = ImGui::SmallButton(tr("前往", "Go there").c_str());
                probe(app_, "far.go." + std::to_string(i));
                if (go && app_.goThere) app_.goThere(f);
                ImGui::SameLine();
                ImGui::Text("%s · %.0f km", uiText(f.name()).c_str(), f.distanceM / 1000);
                ImGui::PopID();
            }
        }
        if (!app_.scene.errors.empty() || !app_.scene.messages.empty()) {
            ImGui::Separator();
            for (const auto& e : app_.scene.errors) ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", e.c_str());
            for (const auto& m : app_.scene.messages) ImGui::TextWrapped("%s", m.c_str());
        }
    }

private:
    // A layer row's name (and what follows it) is cut short before the Zoom button at the row's
    // right end: beginRowName clips and returns where the button goes; endRowName draws it.
    static float beginRowName() {
        float zoomX = ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr("定位", "Zoom").c_str()).x -
                      2 * ImGui::GetStyle().FramePadding.x;
        ImVec2 at = ImGui::GetCursorScreenPos();
        float clipRight = ImGui::GetWindowPos().x + zoomX - ImGui::GetStyle().ItemSpacing.x;
        ImGui::PushClipRect(at, ImVec2(clipRight, at.y + 2 * ImGui::GetFrameHeight()), true);
        return zoomX;
    }
    bool endRowName(float zoomX, const std::string& probeName) {
        ImGui::PopClipRect();
        ImGui::SameLine(zoomX);
        bool zoomed = ImGui::SmallButton(tr("定位", "Zoom").c_str());
        probe(app_, probeName);
        return zoomed;
    }

    // A row for a node of its own (an oblique mesh, a placed model): visibility, its name as a tree
    // node, Zoom to its bounds. Returns whether the tree node is open (the caller pops it).
    bool nodeRow(const std::string& what, std::size_t i, bool& visible, osg::Node& node, const std::string& label,
                 const std::string& name, const std::string& bookmarkPrefix) {
        if (ImGui::Checkbox("##visible", &visible)) node.setNodeMask(visible ? ~0u : 0u);
        probe(app_, what + ".visible." + std::to_string(i));
        ImGui::SameLine();
        float zoomX = beginRowName();
        bool open = ImGui::TreeNode(what.c_str(), "%s %s", label.c_str(), uiText(name).c_str());
        if (endRowName(zoomX, what + ".zoom." + std::to_string(i)) && app_.flyTo) {
            osg::BoundingBox box;
            box.expandBy(node.getBound());
            app_.flyTo(fitBookmark(bookmarkPrefix + name, name, box, *app_.scene.frame));
        }
        return open;
    }

    // The one budget tilesets and oblique meshes share (--paged-memory).
    void drawPagedMemory() {
        const PagedMemoryUsage& u = app_.scene.pagedMemory->usage();
        char line[160];
        std::snprintf(line, sizeof line, "%.0f / %.0f MB (3D Tiles %.0f, %s %.0f)",
                      double(u.tilesets + u.oblique) / (1 << 20), double(app_.scene.pagedMemory->budget()) / (1 << 20),
                      double(u.tilesets) / (1 << 20), tr("倾斜", "oblique").c_str(), double(u.oblique) / (1 << 20));
        ImGui::Separator();
        ImGui::TextDisabled("%s %s", tr("流式数据内存", "Streamed data").c_str(), line);
    }

    // An oblique-photography mesh: on or off, zoom to it, where it came from and what is missing.
    void drawOblique(std::size_t i, ObliqueScene& o) {
        ImGui::PushID(int(2000000 + i));
        if (nodeRow("oblique", i, o.visible, *o.node, tr("倾斜摄影", "Oblique"), o.name, "layer:")) {
            ImGui::TextWrapped("%s: %s", tr("来源", "Source").c_str(), uiText(o.folder).c_str());
            ImGui::TextWrapped("%s: %s", tr("坐标系", "SRS").c_str(), o.meta.srsName.c_str());
            ImGui::Text("%s %d", tr("根图块", "root tiles").c_str(), o.stats.rootTiles);
            if (std::size_t missing = o.stats.missing ? o.stats.missing->count() : 0) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.7f, 0.3f, 1));
                ImGui::TextWrapped("%s: %zu", tr("缺少的子图块（显示上一级）", "missing child tiles (the level above shows)").c_str(), missing);
                ImGui::PopStyleColor();
            }
            if (std::size_t damaged = o.stats.missing ? o.stats.missing->damagedCount() : 0) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
                ImGui::TextWrapped("%s: %zu (%s)", tr("损坏的图块（不显示）", "damaged tiles (not shown)").c_str(), damaged,
                                   uiText(o.stats.missing->firstDamaged()).c_str());
                ImGui::PopStyleColor();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    // A placed model: on or off, zoom to it, what it is and where it stands.
    void drawModel(std::size_t i, PlacedModelScene& m) {
        ImGui::PushID(int(3000000 + i));
        if (nodeRow("model", i, m.visible, *m.node, tr("模型", "Model"), m.name, "model:")) {
            const ModelPlacement& p = m.placement;
            ImGui::TextWrapped("%s: %s", tr("来源", "Source").c_str(), uiText(p.path).c_str());
            ImGui::Text("%s · %zu %s", m.format.c_str(), m.triangles, tr("三角形", "triangles").c_str());
            ImGui::Text("%.6f, %.6f · %+.1f m · %.0f° · ×%g", p.lon, p.lat, p.altitude, p.headingDeg, p.scale);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    // A streamed tileset: on or off, zoom to it, how much is in, what failed, how fine it draws.
    void drawTileset(std::size_t i, TilesetScene& t) {
        ImGui::PushID(int(4000000 + i));
        TilesetStatus st = t.node->status();
        std::string label = tr("三维瓦片", "3D Tiles") + (st.failed ? " (!)" : "");
        if (nodeRow("tileset", i, t.visible, *t.node, label, t.name, "layer:")) {
            ImGui::TextWrapped("%s: %s", tr("来源", "Source").c_str(), uiText(t.path).c_str());
            ImGui::Text("3D Tiles %s · %zu %s", t.node->version().c_str(), st.tiles, tr("图块", "tiles").c_str());
            ImGui::TextWrapped("%s %zu · %s %zu · %s %zu · %.1f MB", tr("已载入", "loaded").c_str(), st.loaded,
                               tr("排队", "queued").c_str(), st.queued, tr("绘制", "drawn").c_str(), st.drawn,
                               double(st.residentBytes) / (1 << 20));
            float sse = float(t.node->maxScreenSpaceError());
            ImGui::TextWrapped("%s", tr("最大屏幕误差（越小越精细）", "max screen error (smaller: finer)").c_str());
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::SliderFloat("##sse", &sse, 1.0f, 64.0f, "%.0f px"))
                t.node->setMaxScreenSpaceError(sse);
            probe(app_, "tileset.sse." + std::to_string(i));
            drawTilesetStyle(i, *t.node);
            if (st.failed) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.45f, 0.4f, 1));
                ImGui::TextWrapped("%s: %zu", tr("未能载入的图块", "tiles that failed").c_str(), st.failed);
                for (const std::string& f : st.failures) ImGui::TextWrapped("%s", uiText(f).c_str());
                ImGui::PopStyleColor();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    // Colour by a property of the tiles' features (height, use …), with its legend.
    void drawTilesetStyle(std::size_t i, TilesetLayer& node) {
        const FeatureStyle& style = node.style();
        std::string own = tr("原有颜色", "own colours");
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::BeginCombo("##colourby", (tr("着色：", "colour by: ") + (style.active() ? style.property : own)).c_str())) {
            if (ImGui::Selectable(own.c_str(), !style.active())) node.setStyle("");
            std::vector<std::string> names = node.propertyNames();
            // What planners colour by first: height, then use.
            for (const char* first : {"building", "height"}) {
                auto it = std::find(names.begin(), names.end(), first);
                if (it != names.end()) std::rotate(names.begin(), it, it + 1);
            }
            for (const std::string& p : names)
                if (ImGui::Selectable(uiText(p).c_str(), style.property == p)) node.setStyle(p);
            ImGui::EndCombo();
        }
        probe(app_, "tileset.style." + std::to_string(i));
        if (style.active()) legend(style.legend());
    }

    // The live grid's prisms: on or off, and what their colours mean.
    void drawGrid(GridChoropleth& grid) {
        ImGui::PushID("grid");
        bool visible = grid.visible();
        if (ImGui::Checkbox("##visible", &visible)) grid.setVisible(visible);
        ImGui::SameLine();
        bool open = ImGui::TreeNodeEx("grid", ImGuiTreeNodeFlags_DefaultOpen, "%s", tr("网格事件（实时）", "Grid events (live)").c_str());
        ImGui::SameLine();
        ImGui::TextDisabled("%d", grid.total());
        if (open) {
            legend(grid.legend());
            ImGui::TextDisabled("%s", tr("柱高 ∝ √事件数", "prism height ∝ √events").c_str());
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    // Buildings are coloured by height (scene/building_colors.h).
    static std::vector<LegendEntry> heightLegend() {
        std::vector<LegendEntry> out;
        for (auto [label, h] : {std::pair{"< 30 m", 15.0}, {"30–100 m", 60.0}, {"100–250 m", 170.0}, {"> 250 m", 280.0}}) {
            osg::Vec4ub c = wallColorForHeight(h);
            out.push_back({label, {c.r(), c.g(), c.b(), 255}});
        }
        return out;
    }

    // City models: surfaces by what they are (walls keep the height colours).
    static std::vector<LegendEntry> surfaceLegend() {
        std::vector<LegendEntry> out;
        for (auto [label, kind] : {std::pair{"屋顶 roof", SurfaceKind::Roof}, {"墙面 wall", SurfaceKind::Wall},
                                   {"地面 ground", SurfaceKind::Ground}}) {
            osg::Vec4ub c = surfaceColor(kind, 15.0);
            out.push_back({label, {c.r(), c.g(), c.b(), 255}});
        }
        return out;
    }

    // The level of detail shown; another one is read again from the file on the import worker.
    void levelOfDetail(std::size_t i, const LayerData& d) {
        ImGui::Text("%s: %s", tr("格式", "Format").c_str(), d.format.c_str());
        if (d.texturedSurfaces || d.coloredSurfaces)
            ImGui::TextDisabled("%s", (tr("外观: ", "Appearance: ") + std::to_string(d.texturedSurfaces) +
                                       tr(" 个贴图面, ", " textured faces, ") + std::to_string(d.coloredSurfaces) +
                                       tr(" 个着色面", " coloured faces"))
                                          .c_str());
        if (d.levelsOfDetail.size() < 2) {
            ImGui::Text("LOD %s", d.levelOfDetail.c_str());
            return;
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::BeginCombo(tr("细节层次", "LOD").c_str(), d.levelOfDetail.c_str())) {
            for (const std::string& lod : d.levelsOfDetail)
                if (ImGui::Selectable(lod.c_str(), lod == d.levelOfDetail) && lod != d.levelOfDetail &&
                    app_.twin.changeLevelOfDetail(i, lod))
                    app_.selection = {};
            ImGui::EndCombo();
        }
        probe(app_, "layer.lod." + std::to_string(i));
        if (app_.importStatus.running) ImGui::TextDisabled("%s", tr("正在读取…", "reading…").c_str());
    }

    static void legend(const std::vector<LegendEntry>& entries) {
        for (const LegendEntry& e : entries) {
            ImGui::ColorButton(("##" + e.label).c_str(), ImVec4(e.color[0] / 255.f, e.color[1] / 255.f, e.color[2] / 255.f, 1),
                               ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
            ImGui::SameLine();
            ImGui::TextUnformatted(uiText(e.label).c_str());
        }
    }

    void drawLayer(std::size_t i, SceneLayer& l) {
        ImGui::PushID(static_cast<int>(i));
        bool visible = l.visible;
        if (ImGui::Checkbox("##visible", &visible)) setLayerVisible(app_.scene, i, visible);
        probe(app_, "layer.visible." + std::to_string(i));
        ImGui::SameLine();
        float zoomX = beginRowName();
        bool open = ImGui::TreeNode("layer", "%s", uiText(l.data.name).c_str());
        const ImportReport& r = l.data.report;
        ImGui::SameLine();
        ImGui::TextDisabled("%zu", l.data.features.size());
        if (r.skippedTotal() > 0) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(1, 0.7f, 0.3f, 1), "(%zu %s)", r.skippedTotal(), tr("跳过", "skipped").c_str());
        }
        bool zoomed = endRowName(zoomX, "layer.zoom." + std::to_string(i));
        if (zoomed && app_.flyTo) {
            osg::BoundingBox box = layerExtent(l);
            if (box.valid()) app_.flyTo(fitBookmark("layer:" + l.data.name, l.data.name, box, *app_.scene.frame));
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("缩放到图层", "Zoom to layer").c_str());
        if (open) {
            if (l.node && ImGui::SliderFloat(tr("不透明度", "Opacity").c_str(), &l.opacity, 0.1f, 1.0f, "%.2f"))
                applyLayerOpacity(l);
            legend(!l.data.format.empty() ? surfaceLegend() : l.buildings() ? heightLegend() : l.legend);
            if (!l.data.format.empty()) levelOfDetail(i, l.data);
            ImGui::Text("%s: %s", tr("来源", "Source").c_str(), withoutPasswords(l.data.sourcePath).c_str());
            ImGui::Text("%s: %s", tr("坐标系", "CRS").c_str(), l.data.sourceCrs.c_str());
            ImGui::TextWrapped("%s %zu · %s %zu · %s %zu · %s %zu", tr("读取", "read").c_str(), r.featuresRead,
                               tr("导入", "imported").c_str(), r.featuresImported, tr("修复", "repaired").c_str(),
                               r.geometriesRepaired, tr("默认高度", "default height").c_str(), r.heightsDefaulted);
            if (r.heightsUnreadable > 0)
                ImGui::TextColored(ImVec4(1, 0.7f, 0.3f, 1), "%s: %zu", tr("高度不是数字", "heights not a number").c_str(),
                                   r.heightsUnreadable);
            for (const auto& [reason, count] : r.skipped) ImGui::BulletText("%s %s: %zu", tr("跳过", "skipped").c_str(), reason.c_str(), count);
            if (!r.messages.empty() && ImGui::TreeNode("messages", "%s (%zu)", tr("消息", "Messages").c_str(), r.messages.size())) {
                for (const auto& m : r.messages) ImGui::TextWrapped("%s", m.c_str());
                ImGui::TreePop();
            }
            if (l.node && l.draped())
                ImGui::Text("%zu %s %s", l.drapedStats.triangles, tr("三角形", "triangles").c_str(), tr("贴地", "on the ground").c_str());
            else if (l.node)
                ImGui::Text("%zu %s, %zu %s", l.stats.tiles, tr("图块", "tiles").c_str(), l.stats.triangles, tr("三角形", "triangles").c_str());
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    AppState& app_;
};

}  // namespace

std::unique_ptr<Panel> makeLayersPanel(AppState& app) { return std::make_unique<LayersPanel>(app); }

}  // namespace jbt
