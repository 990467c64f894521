// CityJSON 1.0–2.0 and CityJSONSeq (one CityJSONFeature per line) with nlohmann-json: vertices
// are shared and integer-quantised by "transform"; geometry boundaries nest by type.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data_import/city_model.h"
#include "model/error.h"

namespace jbt {
namespace {

using nlohmann::json;

bool isBuildingType(const std::string& t) {
    return t == "Building" || t == "BuildingPart" || t == "BuildingInstallation" || t == "BuildingConstructiveElement";
}

std::string lodText(const json& lod) {
    if (lod.is_string()) return lod.get<std::string>();
    if (lod.is_number_integer()) return std::to_string(lod.get<long long>());
    if (lod.is_number()) {
        std::ostringstream s;
        s << lod.get<double>();
        return s.str();
    }
    return "";
}

std::string attributeText(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

// One file's (or one CityJSONSeq line's) shared vertices, de-quantised.
struct Vertices {
    std::vector<Vec3> points;
    void read(const json& doc, const json* transform) {
        const json& vs = doc.at("vertices");
        double sx = 1, sy = 1, sz = 1, tx = 0, ty = 0, tz = 0;
        if (transform && transform->is_object()) {
            const json &s = transform->at("scale"), &t = transform->at("translate");
            sx = s.at(0), sy = s.at(1), sz = s.at(2), tx = t.at(0), ty = t.at(1), tz = t.at(2);
        }
        points.clear();
        points.reserve(vs.size());
        for (const json& v : vs)
            points.push_back({v.at(0).get<double>() * sx + tx, v.at(1).get<double>() * sy + ty,
                              v.at(2).get<double>() * sz + tz});
    }
};

// The file's "appearance": materials by index, images (made absolute) and texture coordinates.
struct Appearance {
    std::vector<std::array<float, 4>> materials;
    std::vector<Vec2> uvs;
    std::size_t firstTexture = 0;  // where this file's images start in CityDocument::textures

    void read(const json& a, const std::string& path, CityDocument& doc) {
        if (const auto m = a.find("materials"); m != a.end() && m->is_array())
            for (const json& mat : *m) {
                std::array<float, 4> c{0.8f, 0.8f, 0.8f, 1.0f};
                if (const auto d = mat.find("diffuseColor"); d != mat.end() && d->is_array() && d->size() >= 3)
                    for (std::size_t i = 0; i < 3; ++i) c[i] = (*d)[i].get<float>();
                c[3] = 1.0f - mat.value("transparency", 0.0f);
                materials.push_back(c);
            }
        firstTexture = doc.textures.size();
        std::filesystem::path folder = std::filesystem::path(path).parent_path();
        if (const auto t = a.find("textures"); t != a.end() && t->is_array())
            for (const json& tex : *t) {
                std::filesystem::path image(tex.value("image", std::string()));
                doc.textures.push_back(image.is_absolute() ? image.string() : (folder / image).string());
            }
        if (const auto v = a.find("vertices-texture"); v != a.end() && v->is_array())
            for (const json& uv : *v) uvs.push_back({uv.at(0).get<double>(), uv.at(1).get<double>()});
    }
};

// A geometry's material or texture values under its first theme (CityJSON allows several).
const json* themeValues(const json& g, const char* key, const json** single) {
    *single = nullptr;
    auto m = g.find(key);
    if (m == g.end() || !m->is_object() || m->empty()) return nullptr;
    const json& theme = m->begin().value();
    if (auto v = theme.find("value"); v != theme.end() && v->is_number_unsigned()) *single = &*v;
    auto values = theme.find("values");
    return values == theme.end() ? nullptr : &*values;
}

const json* at(const json* values, std::size_t i) {
    return values && values->is_array() && i < values->size() ? &(*values)[i] : nullptr;
}

class Reader {
public:
    Reader(std::string path, CityDocument& doc) : path_(std::move(path)), doc_(doc) {}

    void readAppearance(const json& root) {
        appearance_ = Appearance{};
        if (auto a = root.find("appearance"); a != root.end() && a->is_object()) appearance_.read(*a, path_, doc_);
    }

    // One CityObjects member with its vertices: buildings (parts merged into their Building).
    void readObjects(const json& objects, const Vertices& vertices) {
        vertices_ = &vertices;
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            const json& o = it.value();
            std::string type = o.value("type", "");
            if (!isBuildingType(type)) {
                ++doc_.otherObjects[type.empty() ? "untyped" : type];
                continue;
            }
            try {
                CityBuilding& b = buildingFor(objects, it.key());
                if (type == "Building" && b.id == it.key()) readAttributes(o, b);
                else ++b.parts;
                if (const json* geometry = member(o, "geometry"))
                    for (const json& g : *geometry) readGeometry(g, it.key(), b);
            } catch (const json::exception& e) {
                noteSkipped(doc_, "malformed_object", path_ + ": object '" + it.key() + "': " + e.what());
            }
        }
    }

private:
    static const json* member(const json& o, const char* key) {
        auto it = o.find(key);
        return it == o.end() || it->is_null() ? nullptr : &*it;
    }

    // The Building an object belongs to: itself, or the top of its "parents" chain.
    CityBuilding& buildingFor(const json& objects, const std::string& id) {
        std::string root = id;
        for (int guard = 0; guard < 16; ++guard) {
            const json& o = objects.at(root);
            const json* parents = member(o, "parents");
            if (o.value("type", "") == "Building" || !parents || parents->empty()) break;
            std::string up = parents->at(0).get<std::string>();
            if (!objects.contains(up)) break;
            root = up;
        }
        auto [it, added] = index_.try_emplace(root, doc_.buildings.size());
        if (added) {
            doc_.buildings.emplace_back();
            doc_.buildings.back().id = root;
        }
        return doc_.buildings[it->second];
    }

    void readAttributes(const json& o, CityBuilding& b) {
        if (const json* attrs = member(o, "attributes"))
            for (auto a = attrs->begin(); a != attrs->end(); ++a) b.attributes.emplace_back(a.key(), attributeText(a.value()));
    }

    void readGeometry(const json& g, const std::string& objectId, CityBuilding& b) {
        std::string type = g.value("type", "");
        int depth = type == "MultiSurface" || type == "CompositeSurface" ? 0
                    : type == "Solid"                                      ? 1
                    : type == "MultiSolid" || type == "CompositeSolid"     ? 2
                                                                           : -1;
        if (depth < 0) {
            noteSkipped(doc_, "unsupported_geometry",
                        path_ + ": object '" + objectId + "': " + (type.empty() ? "untyped" : type) +
                            " geometry is not read (surfaces and solids are)");
            return;
        }
        std::string lod = lodText(g.value("lod", json()));
        if (lod.empty()) lod = "?";
        const json* semantics = member(g, "semantics");
        const json* kinds = semantics ? member(*semantics, "surfaces") : nullptr;
        const json* values = semantics ? member(*semantics, "values") : nullptr;
        std::vector<CitySurface>& out = b.lods[lod];
        Looks looks;
        looks.materials = themeValues(g, "material", &looks.material);
        const json* unused = nullptr;
        looks.textures = themeValues(g, "texture", &unused);
        walk(g.at("boundaries"), values, looks, depth, kinds, objectId, out);
    }

    // A geometry's material and texture values, nested like its boundaries.
    struct Looks {
        const json* material = nullptr;  // one material for every surface
        const json* materials = nullptr;
        const json* textures = nullptr;
        Looks at(std::size_t i) const { return {material, jbt::at(materials, i), jbt::at(textures, i)}; }
    };

    // Down the shell/solid levels to surfaces (arrays of rings of vertex indices).
    void walk(const json& boundaries, const json* values, const Looks& looks, int depth, const json* kinds,
              const std::string& objectId, std::vector<CitySurface>& out) {
        for (std::size_t i = 0; i < boundaries.size(); ++i) {
            const json* v = values && values->is_array() && i < values->size() ? &(*values)[i] : nullptr;
            if (depth > 0) {
                walk(boundaries[i], v, looks.at(i), depth - 1, kinds, objectId, out);
                continue;
            }
            CitySurface s;
            if (v && v->is_number_unsigned() && kinds && v->get<std::size_t>() < kinds->size())
                s.kind = semanticSurfaceKind((*kinds)[v->get<std::size_t>()].value("type", ""));
            if (!readRings(boundaries[i], objectId, s)) continue;
            readLook(looks.at(i), objectId, s);
            out.push_back(std::move(s));
        }
    }

    // A surface's material (an index) and texture (per ring: [image, uv index per vertex]).
    void readLook(const Looks& looks, const std::string& objectId, CitySurface& s) {
        SurfaceAppearance a;
        const json* m = looks.materials ? looks.materials : looks.material;
        if (m && m->is_number_unsigned() && m->get<std::size_t>() < appearance_.materials.size())
            a.color = appearance_.materials[m->get<std::size_t>()];
        const json* t = looks.textures;
        if (t && t->is_array() && t->size() == s.rings.size()) {
            int image = -1;
            for (std::size_t r = 0; r < s.rings.size(); ++r) {
                const json& ring = (*t)[r];
                if (!ring.is_array() || ring.empty() || !ring[0].is_number_unsigned()) break;  // [[null]]: none
                std::size_t index = ring[0].get<std::size_t>() + appearance_.firstTexture;
                if (index >= doc_.textures.size() || ring.size() != s.rings[r].size() + 1) {
                    noteSkipped(doc_, "texture_out_of_range",
                                path_ + ": object '" + objectId + "': texture values " + ring.dump().substr(0, 60) +
                                    " do not fit the file's textures or the ring's " + std::to_string(s.rings[r].size()) +
                                    " vertices; drawn untextured");
                    a.uvs.clear();
                    image = -1;
                    break;
                }
                image = static_cast<int>(index);
                std::vector<Vec2> coords;
                for (std::size_t k = 1; k < ring.size(); ++k) {
                    std::size_t uv = ring[k].is_number_unsigned() ? ring[k].get<std::size_t>() : appearance_.uvs.size();
                    coords.push_back(uv < appearance_.uvs.size() ? appearance_.uvs[uv] : Vec2{});
                }
                a.uvs.push_back(std::move(coords));
            }
            if (a.uvs.size() == s.rings.size()) a.texture = image;
            else a.uvs.clear();
        }
        if (a.color || a.textured()) s.appearance = std::make_shared<const SurfaceAppearance>(std::move(a));
    }

    bool readRings(const json& surface, const std::string& objectId, CitySurface& s) {
        for (const json& ring : surface) {
            std::vector<Vec3> r;
            for (const json& idx : ring) {
                if (!idx.is_number_unsigned() || idx.get<std::size_t>() >= vertices_->points.size()) {
                    noteSkipped(doc_, "vertex_index_out_of_range",
                                path_ + ": object '" + objectId + "': vertex index " + idx.dump() +
                                    " is out of range (the file has " + std::to_string(vertices_->points.size()) +
                                    " vertices); surface left out");
                    return false;
                }
                r.push_back(vertices_->points[idx.get<std::size_t>()]);
            }
            s.rings.push_back(std::move(r));
        }
        return !s.rings.empty();
    }

    std::string path_;
    CityDocument& doc_;
    const Vertices* vertices_ = nullptr;
    std::map<std::string, std::size_t> index_;
    Appearance appearance_;
};

std::string crsOf(const json& doc) {
    const json* meta = doc.contains("metadata") ? &doc["metadata"] : nullptr;
    if (meta && meta->is_object() && meta->contains("referenceSystem") && (*meta)["referenceSystem"].is_string())
        return (*meta)["referenceSystem"].get<std::string>();
    return "";
}

json parseJson(const std::string& text, const std::string& path, const std::string& where) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw Error(path + ": not valid JSON" + where + ": " + e.what());
    }
}

}  // namespace

CityDocument readCityJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": no such file");
    CityDocument doc;
    Reader reader(path, doc);
    Vertices vertices;
    std::string first;
    std::getline(in, first);
    json head = json::parse(first, nullptr, false);  // a whole CityJSONSeq header, or not
    if (head.is_discarded() || !head.is_object() || head.value("type", "") != "CityJSON") {
        // A plain CityJSON file, formatted over many lines.
        std::stringstream all;
        all << first << '\n' << in.rdbuf();
        head = parseJson(all.str(), path, "");
        if (!head.is_object() || head.value("type", "") != "CityJSON")
            throw Error(path + ": not a CityJSON file (no \"type\": \"CityJSON\")");
    }
    try {
        doc.format = "CityJSON " + head.value("version", std::string("?"));
        doc.crs = crsOf(head);
        const json* transform = head.contains("transform") ? &head["transform"] : nullptr;
        if (head.contains("CityObjects") && !head["CityObjects"].empty()) {
            vertices.read(head, transform);
            reader.readAppearance(head);
            reader.readObjects(head.at("CityObjects"), vertices);
        }
        // CityJSONSeq: each further line a CityJSONFeature with its own vertices.
        std::string line;
        for (std::size_t n = 2; std::getline(in, line); ++n) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            if (doc.format.find("Seq") == std::string::npos) doc.format += " (CityJSONSeq)";
            json feature = parseJson(line, path, " (line " + std::to_string(n) + ")");
            vertices.read(feature, transform);
            reader.readAppearance(feature);
            reader.readObjects(feature.at("CityObjects"), vertices);
        }
    } catch (const json::exception& e) {
        if (doc.buildings.empty()) throw Error(path + ": not a readable CityJSON file: " + e.what());
        doc.messages.push_back(path + ": reading stopped early: " + e.what());
    }
    return doc;
}

}  // namespace jbt
