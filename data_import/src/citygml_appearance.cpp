#include "citygml_appearance.h"

#include "xml_text.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace jbt {
namespace {

std::string withoutHash(const std::string& s) {
    std::string t = trim(s);
    return !t.empty() && t[0] == '#' ? t.substr(1) : t;
}

std::vector<Vec2> uvPairs(const std::string& text) {
    std::vector<double> v = numbersIn(text);
    std::vector<Vec2> out;
    for (std::size_t i = 0; i + 1 < v.size(); i += 2) out.push_back({v[i], v[i + 1]});
    return out;
}

std::string attribute(const char** atts, const char* name) {
    for (int i = 0; atts[i]; i += 2) {
        const char* bar = std::strrchr(atts[i], '|');
        if (std::strcmp(bar ? bar + 1 : atts[i], name) == 0) return atts[i + 1];
    }
    return "";
}

}  // namespace

GmlAppearances::GmlAppearances(std::string path) : path_(std::move(path)) {
    folder_ = std::filesystem::path(path_).parent_path().string();
}

int GmlAppearances::imageIndex(const std::string& uri) {
    auto [it, added] = imageByUri_.try_emplace(uri, static_cast<int>(images_.size()));
    if (added) {
        std::filesystem::path p(uri);
        images_.push_back(p.is_absolute() || folder_.empty() ? uri : (std::filesystem::path(folder_) / p).string());
    }
    return it->second;
}

void GmlAppearances::start(const std::string& local, const char** atts, int depth) {
    if (data_ < 0) {
        if (local == "ParameterizedTexture" || local == "X3DMaterial" || local == "GeoreferencedTexture") {
            data_ = depth;
            kind_ = local == "X3DMaterial" ? Data::Material : local == "ParameterizedTexture" ? Data::Texture : Data::Other;
            if (kind_ == Data::Other) ++georeferenced_;
            image_.clear();
            texturedPolygons_.clear();
            materialTargets_.clear();
            color_ = {0.8f, 0.8f, 0.8f, 1.0f};
            hasColor_ = false;
        }
        return;
    }
    if (kind_ != Data::Texture) return;
    if (local == "target") {  // 2.0: <target uri="#polygon">; 3.0 names it in the element's text
        std::string uri = attribute(atts, "uri");
        if (!uri.empty()) polygon_ = withoutHash(uri);
    } else if (local == "textureCoordinates") {
        ring_ = withoutHash(attribute(atts, "ring"));
    } else if (local == "TexCoordList") {
        coords_.clear();
        rings_.clear();
    } else if (local == "TexCoordGen") {
        ++byMatrix_;
    }
}

void GmlAppearances::end(const std::string& local, int depth, const std::string& text) {
    if (data_ < 0) return;
    if (depth == data_) {
        finishData();
        data_ = -1;
        return;
    }
    if (local == "imageURI") {
        image_ = trim(text);
    } else if (local == "diffuseColor") {
        std::vector<double> c = numbersIn(text);
        if (c.size() >= 3) {
            for (int i = 0; i < 3; ++i) color_[static_cast<std::size_t>(i)] = static_cast<float>(c[static_cast<std::size_t>(i)]);
            hasColor_ = true;
        }
    } else if (local == "transparency") {
        color_[3] = 1.0f - static_cast<float>(std::atof(text.c_str()));
    } else if (local == "target") {
        std::string t = withoutHash(text);
        if (kind_ == Data::Material && !t.empty()) materialTargets_.push_back(t);
        if (kind_ == Data::Texture) {
            if (!t.empty()) polygon_ = t;
            if (!polygon_.empty()) texturedPolygons_.push_back(polygon_);
        }
    } else if (kind_ == Data::Texture && local == "textureCoordinates") {
        if (!ring_.empty()) ringUvs_.emplace(ring_, uvPairs(text));
        else coords_.push_back(text);
        ring_.clear();
    } else if (kind_ == Data::Texture && local == "ring") {
        rings_.push_back(withoutHash(text));
    } else if (kind_ == Data::Texture && local == "TexCoordList") {
        // 3.0: the k-th <ring> names the k-th <textureCoordinates>.
        for (std::size_t i = 0; i < coords_.size() && i < rings_.size(); ++i) ringUvs_.emplace(rings_[i], uvPairs(coords_[i]));
    }
}

void GmlAppearances::finishData() {
    if (kind_ == Data::Material && hasColor_)
        for (const std::string& t : materialTargets_) materials_.emplace(t, color_);
    if (kind_ == Data::Texture && !image_.empty()) {
        int index = imageIndex(image_);
        for (const std::string& p : texturedPolygons_) polygonImage_.emplace(p, index);
    }
    polygon_.clear();
}

void GmlAppearances::resolve(CityDocument& doc) {
    for (CityBuilding& b : doc.buildings)
        for (auto& [lod, surfaces] : b.lods)
            for (CitySurface& s : surfaces) {
                SurfaceAppearance a;
                for (const std::string& id : s.targetIds) {
                    auto m = materials_.find(id);
                    if (m != materials_.end()) {
                        a.color = m->second;
                        break;
                    }
                }
                int image = -1;
                for (const std::string& id : s.targetIds) {
                    auto t = polygonImage_.find(id);
                    if (t != polygonImage_.end()) {
                        image = t->second;
                        break;
                    }
                }
                if (image >= 0) {
                    for (std::size_t r = 0; r < s.rings.size(); ++r) {
                        auto uv = r < s.ringIds.size() ? ringUvs_.find(s.ringIds[r]) : ringUvs_.end();
                        std::vector<Vec2> coords = uv == ringUvs_.end() ? std::vector<Vec2>{} : uv->second;
                        if (coords.size() == s.rings[r].size() + 1) coords.pop_back();  // the closing pair
                        if (coords.size() != s.rings[r].size()) {
                            noteSkipped(doc, "texture_coordinates_mismatch",
                                        path_ + ": building '" + b.id + "': a textured ring has " +
                                            std::to_string(coords.size()) + " texture coordinates for " +
                                            std::to_string(s.rings[r].size()) + " vertices; drawn untextured");
                            a.uvs.clear();
                            image = -1;
                            break;
                        }
                        a.uvs.push_back(std::move(coords));
                    }
                }
                a.texture = image;
                if (a.color || a.textured()) s.appearance = std::make_shared<const SurfaceAppearance>(std::move(a));
                std::vector<std::string>().swap(s.targetIds);
                std::vector<std::string>().swap(s.ringIds);
            }
    doc.textures = images_;
    if (byMatrix_)
        noteSkipped(doc, "texture_by_matrix",
                    path_ + ": " + std::to_string(byMatrix_) +
                        " texture(s) placed by a world-to-texture matrix (TexCoordGen) are not drawn");
    if (georeferenced_)
        noteSkipped(doc, "georeferenced_texture",
                    path_ + ": " + std::to_string(georeferenced_) + " GeoreferencedTexture(s) are not drawn");
}

}  // namespace jbt
