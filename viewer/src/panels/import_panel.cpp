#include <imgui.h>

#include <filesystem>
#include <optional>

#include "data_import/imagery.h"
#include "data_import/oblique_metadata.h"
#include "model/error.h"
#include "tiles/tileset.h"

#include "viewer/i18n.h"
#include "viewer/panels/panels.h"

namespace jbt {
namespace {

// The data team's import dialog: a file, URL or PG: connection, or an oblique-photography folder;
// what it holds (layers, fields, CRS); the choices (kind, height and style fields, CRS, datum); a
// progress bar while it loads.
class ImportPanel : public Panel {
public:
    explicit ImportPanel(AppState& app) : app_(app) {}

    void draw() override {
        if (!app_.import) return;
        ImGui::SetNextItemWidth(-FLT_MIN);
        // Enter in the path field inspects, as the button does.
        if (ImGui::InputTextWithHint("##path", tr("文件、文件夹、URL 或 PG:…", "file, folder, URL or PG:…").c_str(), path_, sizeof path_,
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            inspect();
        if (ImGui::Button(tr("检查", "Inspect").c_str())) inspect();
        if (!inspectError_.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", inspectError_.c_str());
        if (oblique_) drawOblique();
        if (model_) drawModel();
        if (tileset_) drawTileset();
        if (imagery_) drawImagery();
        if (info_) {
            ImGui::TextDisabled("%s: %s", tr("驱动", "driver").c_str(), info_->driver.c_str());
            for (const DatasetLayerInfo& l : info_->layers) {
                std::string count = l.features >= 0 ? std::to_string(l.features) : "?";
                ImGui::BulletText("%s — %s, %s, %s", l.name.c_str(), l.geometry.c_str(), count.c_str(), l.crs.c_str());
            }
            // A city model is buildings with their own heights: only its CRS and LOD are choices.
            bool city = info_->driver.rfind("City", 0) == 0;
            if (!city) {
                const char* kinds[] = {uiText("建筑 buildings"), uiText("面 areas"), uiText("线 lines"), uiText("点 points")};
                ImGui::Combo(tr("类型", "kind").c_str(), &kind_, kinds, 4);
                fieldCombo(tr("高度字段", "height field").c_str(), heightField_);
                fieldCombo(tr("样式字段", "style field").c_str(), styleField_);
            }
            ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
            ImGui::InputTextWithHint(tr("源坐标系", "source CRS").c_str(), "EPSG:4545", crs_, sizeof crs_);
            if (city) {
                ImGui::SetNextItemWidth(6 * ImGui::GetFontSize());
                ImGui::InputTextWithHint(tr("细节层次", "LOD").c_str(), tr("最高", "highest").c_str(), lod_, sizeof lod_);
            } else {
                const char* datums[] = {"WGS84 / CGCS2000", "GCJ-02", "BD-09"};
                ImGui::Combo(tr("偏移", "datum").c_str(), &datum_, datums, 3);
            }
            if (app_.importStatus.running) {
                ImGui::ProgressBar(float(app_.importStatus.progress), ImVec2(-FLT_MIN, 0), tr("正在导入", "importing").c_str());
            } else if (ImGui::Button(tr("导入", "Import").c_str())) {
                ImportOptions o;
                o.path = path_;
                o.kind = city ? LayerKind::Buildings : LayerKind(kind_);
                o.levelOfDetail = city ? lod_ : "";
                o.height.heightField = heightField_;
                o.styleField = styleField_;
                o.sourceCrs = crs_;
                o.datum = datum_ == 1 ? ChineseDatum::Gcj02 : datum_ == 2 ? ChineseDatum::Bd09 : ChineseDatum::None;
                app_.import(o);
            }
        }
        if (!app_.importStatus.message.empty()) ImGui::TextWrapped("%s", app_.importStatus.message.c_str());
    }

private:
    // A ContextCapture export folder: its SRS and origin, and Open.
    void drawOblique() {
        ImGui::TextWrapped("%s: %s", tr("倾斜摄影", "Oblique photography").c_str(), oblique_->srsName.c_str());
        ImGui::TextDisabled("SRSOrigin %.3f, %.3f, %.3f · %zu %s", oblique_->origin[0], oblique_->origin[1], oblique_->origin[2],
                            obliqueTiles_, tr("个根图块", "root tiles").c_str());
        bool open = ImGui::Button(tr("打开", "Open").c_str());
        probe(app_, "import.oblique.open");
        if (open && app_.openOblique) {
            std::string why = app_.openOblique(path_);
            obliqueMessage_ = why.empty() ? tr("已打开：", "Opened: ") + std::string(path_) : why;
            if (why.empty()) oblique_.reset();
        }
        if (!obliqueMessage_.empty()) ImGui::TextWrapped("%s", obliqueMessage_.c_str());
    }

    // A 3D Tiles tileset: what it is, and Open (it streams as the camera comes).
    void drawTileset() {
        ImGui::TextWrapped("3D Tiles %s · %s %.0f m", tileset_->version.c_str(), tr("几何误差", "geometric error").c_str(),
                           tileset_->geometricError);
        bool open = ImGui::Button(tr("打开", "Open").c_str());
        probe(app_, "import.tileset.open");
        if (open && app_.openTileset) {
            std::string why = app_.openTileset(tilesetPath_);
            tilesetMessage_ = why.empty() ? tr("已打开：", "Opened: ") + tilesetPath_ : why;
            if (why.empty()) tileset_.reset();
        }
        if (!tilesetMessage_.empty()) ImGui::TextWrapped("%s", tilesetMessage_.c_str());
    }

    // A raster or tile service: what it is, the offset it is drawn in, and Use as imagery.
    void drawImagery() {
        ImGui::TextWrapped("%s: %s, %d × %d, %s", tr("影像", "Imagery").c_str(), imagery_->driver.c_str(), imagery_->width,
                           imagery_->height, imagery_->crs.c_str());
        const char* datums[] = {"WGS84 / CGCS2000", "GCJ-02", "BD-09"};
        ImGui::Combo(tr("偏移", "datum").c_str(), &imageryDatum_, datums, 3);
        bool use = ImGui::Button(tr("用作底图影像", "Use as imagery").c_str());
        probe(app_, "import.imagery.use");
        if (use && app_.openImagery) {
            std::string why = app_.openImagery(path_, imageryDatum_ == 1 ? "gcj02" : imageryDatum_ == 2 ? "bd09" : "none");
            imageryMessage_ = why.empty() ? tr("影像已铺在地形上：", "Imagery on the terrain: ") + std::string(path_) : why;
        }
        if (!imageryMessage_.empty()) ImGui::TextWrapped("%s", imageryMessage_.c_str());
    }

    // A tileset.json, or a folder holding one.
    static std::string tilesetFile(const std::string& path) {
        namespace fs = std::filesystem;
        if (fs::is_directory(path) && fs::is_regular_file(fs::path(path) / "tileset.json")) return (fs::path(path) / "tileset.json").string();
        if (fs::path(path).filename() == "tileset.json") return path;
        return "";
    }

    // A model file: where to stand it (the view's centre to begin with), turned and scaled.
    void drawModel() {
        ImGui::TextWrapped("%s", tr("三维模型：放置于", "3D model: place at").c_str());
        ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
        ImGui::InputDouble(tr("经度", "longitude").c_str(), &placement_.lon, 0, 0, "%.6f");
        ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
        ImGui::InputDouble(tr("纬度", "latitude").c_str(), &placement_.lat, 0, 0, "%.6f");
        ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
        ImGui::InputDouble(tr("离地高度 m", "above ground m").c_str(), &placement_.altitude, 0, 0, "%.1f");
        ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
        ImGui::SliderFloat(tr("朝向", "heading").c_str(), &heading_, 0, 360, "%.0f°");
        ImGui::SetNextItemWidth(8 * ImGui::GetFontSize());
        ImGui::InputDouble(tr("比例", "scale").c_str(), &placement_.scale, 0, 0, "%g");
        bool place = ImGui::Button(tr("放置", "Place").c_str());
        probe(app_, "import.model.place");
        if (place && app_.placeModel) {
            placement_.path = path_;
            placement_.headingDeg = heading_;
            std::string why = placement_.scale > 0 ? app_.placeModel(placement_) : path_ + std::string(": the scale must be above 0");
            modelMessage_ = why.empty() ? tr("已放置：", "Placed: ") + std::string(path_) : why;
        }
        if (!modelMessage_.empty()) ImGui::TextWrapped("%s", modelMessage_.c_str());
    }

    static bool isModelFile(const std::string& path) {
        std::string ext = std::filesystem::path(path).extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const char* e : {".gltf", ".glb", ".obj", ".dae", ".3ds", ".osgb", ".osgt", ".osg", ".ive", ".ply", ".stl"})
            if (ext == e) return true;
        return false;
    }

    void inspect() {
        info_.reset();
        oblique_.reset();
        model_ = false;
        modelMessage_.clear();
        obliqueMessage_.clear();
        tileset_.reset();
        tilesetMessage_.clear();
        imagery_.reset();
        imageryMessage_.clear();
        inspectError_.clear();
        try {
            if (std::string t = tilesetFile(path_); !t.empty()) {
                tilesetPath_ = t;
                tileset_ = readTileset(t);
                return;
            }
            if (std::filesystem::exists(std::filesystem::path(path_) / "metadata.xml")) {
                oblique_ = readObliqueMetadata(path_);
                obliqueTiles_ = obliqueRootTiles(path_).size();
                return;
            }
            if (isModelFile(path_)) {
                if (!std::filesystem::is_regular_file(path_)) throw Error(std::string(path_) + ": no such file");
                model_ = true;
                GeoPoint at = app_.viewCentre ? app_.viewCentre() : GeoPoint{};
                placement_.lon = at.lon;
                placement_.lat = at.lat;
                return;
            }
            info_ = inspectDataset(path_);
        } catch (const Error& e) {
            inspectError_ = e.what();
            // Not vector data: perhaps a raster or a tile service to lay on the terrain.
            try {
                ImagerySource src;
                src.source = path_;
                imagery_ = inspectImagery(src);
                ChineseDatum guess = guessImageryDatum(path_);
                imageryDatum_ = guess == ChineseDatum::Gcj02 ? 1 : guess == ChineseDatum::Bd09 ? 2 : 0;
                inspectError_.clear();
            } catch (const Error&) {
            }
        }
    }

    void fieldCombo(const char* label, std::string& value) {
        ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
        if (!ImGui::BeginCombo(label, value.empty() ? tr("自动", "auto").c_str() : value.c_str())) return;
        if (ImGui::Selectable(tr("自动", "auto").c_str(), value.empty())) value.clear();
        for (const DatasetLayerInfo& l : info_->layers)
            for (const std::string& f : l.fields)
                if (ImGui::Selectable((f + "##" + l.name).c_str(), value == f)) value = f;
        ImGui::EndCombo();
    }

    AppState& app_;
    char path_[1024] = "";
    char crs_[128] = "";
    char lod_[16] = "";
    int kind_ = 0, datum_ = 0;
    std::string heightField_, styleField_;
    std::optional<DatasetInfo> info_;
    std::optional<ObliqueMetadata> oblique_;
    std::size_t obliqueTiles_ = 0;
    std::string obliqueMessage_;
    std::optional<TilesetDesc> tileset_;
    std::string tilesetPath_, tilesetMessage_;
    std::optional<ImageryInfo> imagery_;
    int imageryDatum_ = 0;
    std::string imageryMessage_;
    bool model_ = false;
    ModelPlacement placement_;
    float heading_ = 0;
    std::string modelMessage_;
    std::string inspectError_;
};

}  // namespace

std::unique_ptr<Panel> makeImportPanel(AppState& app) { return std::make_unique<ImportPanel>(app); }

}  // namespace jbt
