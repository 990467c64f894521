#pragma once
// CityGML appearances (1.0/2.0 and 3.0 encodings) collected while the file streams by, then
// matched to the buildings' faces once it has ended: global appearances usually follow the
// buildings (3DCityDB, FME), so nothing can be matched on the way.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "data_import/city_model.h"

namespace jbt {

class GmlAppearances {
public:
    explicit GmlAppearances(std::string path);

    // Inside a texture or material: the reader keeps element text for end().
    bool active() const { return data_ >= 0; }
    void start(const std::string& local, const char** atts, int depth);
    void end(const std::string& local, int depth, const std::string& text);

    // Gives each face its colour and image, names missing images, fills doc.textures; forgets
    // the faces' ids.
    void resolve(CityDocument& doc);

private:
    enum class Data { Texture, Material, Other };
    int imageIndex(const std::string& uri);
    void finishData();

    std::string path_, folder_;
    int data_ = -1;  // depth of the ParameterizedTexture / X3DMaterial being read
    Data kind_ = Data::Other;
    std::string image_, polygon_, ring_;
    std::vector<std::string> texturedPolygons_, materialTargets_, coords_, rings_;
    std::array<float, 4> color_{0.8f, 0.8f, 0.8f, 1.0f};
    bool hasColor_ = false;

    std::vector<std::string> images_;
    std::map<std::string, int> imageByUri_;
    std::map<std::string, int> polygonImage_;                 // polygon id → image
    std::map<std::string, std::vector<Vec2>> ringUvs_;        // ring id → coordinates
    std::map<std::string, std::array<float, 4>> materials_;  // geometry id → colour
    std::size_t byMatrix_ = 0, georeferenced_ = 0;
};

}  // namespace jbt
