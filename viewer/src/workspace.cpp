#include "viewer/workspace.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "viewer/i18n.h"

namespace jbt {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// Docked windows: square corners and no minimum size, so they fill their rectangle exactly.
struct DockedStyle {
    DockedStyle() {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    }
    ~DockedStyle() { ImGui::PopStyleVar(2); }
};

void placeNext(const ScreenRect& r) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(1.0f);  // outside the 3D view's viewport nothing else is drawn
}

// "1.2 km" or "350 m": a round length about a hundred pixels long, for the scale bar.
std::string scaleText(double metresPerPixel, float& pixels, float target) {
    double want = metresPerPixel * target;
    double step = std::pow(10.0, std::floor(std::log10(std::max(want, 1e-3))));
    double nice = want >= 5 * step ? 5 * step : want >= 2 * step ? 2 * step : step;
    pixels = float(nice / metresPerPixel);
    char buf[32];
    if (nice >= 1000) std::snprintf(buf, sizeof buf, "%g km", nice / 1000);
    else std::snprintf(buf, sizeof buf, "%g m", nice);
    return buf;
}

class Workspace : public Panel {
public:
    Workspace(AppState& app, ImGuiLayer& imgui, std::vector<WorkspaceTab> tabs, std::unique_ptr<Panel> inspector)
        : app_(app), imgui_(imgui), tabs_(std::move(tabs)), inspector_(std::move(inspector)) {}

    void draw() override {
        ImGuiIO& io = ImGui::GetIO();
        const ImGuiStyle& style = ImGui::GetStyle();
        bool panels = imgui_.panelsVisible();
        // Whole pixels: ImGui places windows on whole pixels, so fractions would overlap by one.
        float menuH = panels ? std::ceil(ImGui::GetFrameHeight()) : 0;
        float statusH = panels && app_.layout.statusBar ? std::ceil(ImGui::GetFrameHeight() + style.WindowPadding.y) : 0;
        bool inspectorShown = panels && app_.layout.inspector && (app_.selection.valid() || app_.selection.isModel() || app_.selection.isTileFeature());
        WorkspaceRects r = layOut(io.DisplaySize.x, io.DisplaySize.y, imgui_.scale(), menuH, statusH,
                                  panels ? app_.layout : UiLayout{false, 0, false, false}, inspectorShown);
        app_.view = r.view;
        if (!panels) return;
        DockedStyle docked;
        if (app_.layout.sidebar) drawSidebar(r.sidebar);
        if (inspectorShown) drawInspector(r.inspector);
        if (app_.layout.statusBar) drawStatus(r.status);
    }

private:
    void drawSidebar(const ScreenRect& rect) {
        placeNext(rect);
        if (ImGui::Begin("###sidebar", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar)) {
            drawTabButtons();
            ImGui::Separator();
            int tab = std::clamp(app_.layout.tab, 0, int(tabs_.size()) - 1);
            WorkspaceTab& t = tabs_[std::size_t(tab)];
            ImGui::BeginChild("body");
            for (std::size_t s = 0; s < t.sections.size(); ++s) {
                ImGui::PushID(int(s));
                if (s == 0 || ImGui::CollapsingHeader(tr(t.headers[s - 1].first, t.headers[s - 1].second).c_str(),
                                                      ImGuiTreeNodeFlags_DefaultOpen))
                    t.sections[s]->draw();
                ImGui::PopID();
            }
            ImGui::EndChild();
        }
        ImGui::End();
    }

    // Tabs as buttons that wrap onto a second row rather than scroll out of sight: every tab
    // stays visible at any width, scale and language. The last one folds the sidebar away.
    void drawTabButtons() {
        const ImGuiStyle& style = ImGui::GetStyle();
        float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        auto fits = [&](const std::string& label) {
            float w = ImGui::CalcTextSize(label.c_str()).x + 2 * style.FramePadding.x;
            return ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right;
        };
        for (std::size_t i = 0; i <= tabs_.size(); ++i) {
            bool fold = i == tabs_.size();
            std::string label = fold ? std::string("«") : tr(tabs_[i].zh, tabs_[i].en);
            if (i > 0 && fits(label)) ImGui::SameLine();
            bool current = !fold && int(i) == app_.layout.tab;
            ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[current ? ImGuiCol_TabActive : ImGuiCol_FrameBg]);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, style.Colors[ImGuiCol_TabHovered]);
            bool clicked = ImGui::Button((label + "###tab" + std::to_string(i)).c_str());
            ImGui::PopStyleColor(2);
            if (fold) {
                if (clicked) app_.layout.sidebar = false;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("收起侧栏 (Ctrl+B)", "Hide the sidebar (Ctrl+B)").c_str());
            } else {
                probe(app_, "tab." + std::to_string(i));
                if (clicked) app_.layout.tab = int(i);
            }
        }
    }

    void drawInspector(const ScreenRect& rect) {
        placeNext(rect);
        bool open = true;
        if (ImGui::Begin((tr("属性", "Inspector") + "###inspector").c_str(), &open, kFixed)) inspector_->draw();
        ImGui::End();
        if (!open) select(app_, {});
    }

    void drawStatus(const ScreenRect& rect) {
        placeNext(rect);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, 1));
        if (ImGui::Begin("###status", nullptr, kFixed | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
            if (!app_.layout.sidebar) {
                if (ImGui::SmallButton("»")) app_.layout.sidebar = true;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("显示侧栏 (Ctrl+B)", "Show the sidebar (Ctrl+B)").c_str());
                ImGui::SameLine();
            }
            ImGuiIO& io = ImGui::GetIO();
            double ms = 1000.0 * io.DeltaTime;
            app_.frameMs = app_.frameMs <= 0 ? ms : 0.92 * app_.frameMs + 0.08 * ms;
            ImGui::Text("%.1f ms", app_.frameMs);
            const PointerInfo& p = app_.pointer;
            ImGui::SameLine(0, 2 * ImGui::GetFontSize());
            if (p.valid) {
                ImGui::Text("%.5f°%s %.5f°%s  %.0f m", std::fabs(p.geo.lon), p.geo.lon >= 0 ? "E" : "W", std::fabs(p.geo.lat),
                            p.geo.lat >= 0 ? "N" : "S", p.height);
                float px = 0;
                std::string label = scaleText(p.metresPerPixel, px, 6 * ImGui::GetFontSize());
                ImGui::SameLine(0, 2 * ImGui::GetFontSize());
                ImVec2 at = ImGui::GetCursorScreenPos();
                float y = at.y + ImGui::GetFontSize() * 0.7f;
                ImDrawList* dl = ImGui::GetWindowDrawList();
                ImU32 c = ImGui::GetColorU32(ImGuiCol_Text);
                dl->AddLine(ImVec2(at.x, y), ImVec2(at.x + px, y), c, 2);
                dl->AddLine(ImVec2(at.x, y - 4), ImVec2(at.x, y + 1), c, 2);
                dl->AddLine(ImVec2(at.x + px, y - 4), ImVec2(at.x + px, y + 1), c, 2);
                ImGui::Dummy(ImVec2(px, ImGui::GetFontSize()));
                ImGui::SameLine();
                ImGui::TextUnformatted(label.c_str());
            } else {
                ImGui::TextDisabled("%s", tr("指针不在地面上", "pointer off the ground").c_str());
            }
            const ImportStatus& imp = app_.importStatus;
            if (imp.message != lastImport_) {  // an import finished: say how it went
                lastImport_ = imp.message;
                if (!imp.message.empty()) app_.status = imp.message;
            }
            if (imp.running) {
                ImGui::SameLine(0, 2 * ImGui::GetFontSize());
                ImGui::Text("%s %.0f%%", tr("正在导入", "importing").c_str(), 100 * imp.progress);
            } else if (!app_.status.empty()) {
                ImGui::SameLine(0, 2 * ImGui::GetFontSize());
                ImGui::TextUnformatted(uiText(app_.status).c_str());
            }
        }
        ImGui::End();
        ImGui::PopStyleVar();
    }

    AppState& app_;
    ImGuiLayer& imgui_;
    std::vector<WorkspaceTab> tabs_;
    std::unique_ptr<Panel> inspector_;
    std::string lastImport_;
};

}  // namespace

void probe(AppState& app, const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.probeRects[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

WorkspaceRects layOut(float w, float h, float scale, float menuHeight, float statusHeight, const UiLayout& layout,
                      bool inspectorShown) {
    WorkspaceRects r;
    r.menu = {0, 0, w, menuHeight};
    r.status = {0, h - statusHeight, w, statusHeight};
    float top = menuHeight, bottom = h - statusHeight, middle = std::max(0.f, bottom - top);
    // Panels grow with the UI scale, but never take more than 40 % (sidebar) and 30 %
    // (inspector) of the width: the view keeps at least the remaining third.
    float side = layout.sidebar ? std::floor(std::min(300.f * scale, 0.4f * w)) : 0;
    float insp = inspectorShown ? std::floor(std::min(320.f * scale, 0.3f * w)) : 0;
    r.sidebar = {0, top, side, middle};
    r.inspector = {w - insp, top, insp, middle};
    r.view = {side, top, std::max(0.f, w - side - insp), middle};
    return r;
}

std::vector<std::string> workspaceTabNames(const std::vector<WorkspaceTab>& tabs) {
    std::vector<std::string> out;
    for (const WorkspaceTab& t : tabs) out.push_back(tr(t.zh, t.en));
    return out;
}

std::unique_ptr<Panel> makeWorkspace(AppState& app, ImGuiLayer& imgui, std::vector<WorkspaceTab> tabs,
                                     std::unique_ptr<Panel> inspector) {
    return std::make_unique<Workspace>(app, imgui, std::move(tabs), std::move(inspector));
}

std::string uiLayoutToJson(const UiLayout& l) {
    return nlohmann::json{{"sidebar", l.sidebar}, {"tab", l.tab}, {"inspector", l.inspector}, {"status_bar", l.statusBar}}.dump();
}

UiLayout uiLayoutFromJson(const std::string& text) {
    UiLayout l;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return l;
    auto flag = [&](const char* key, bool fallback) {
        const auto it = j.find(key);
        return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
    };
    l.sidebar = flag("sidebar", true);
    l.inspector = flag("inspector", true);
    l.statusBar = flag("status_bar", true);
    if (auto it = j.find("tab"); it != j.end() && it->is_number_integer()) l.tab = std::clamp(it->get<int>(), 0, 16);
    return l;
}

}  // namespace jbt
