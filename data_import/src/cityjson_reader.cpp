// CityJSON 1.0–2.0 and CityJSONSeq (one CityJSONFeature per line) with nlohmann-json: vertices
// are shared and integer-quantised by "transform"; geometry boundaries nest by type.
#include <cmath>
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

class Reader {
public:
    Reader(std::string path, CityDocument& doc) : path_(std::move(path)), doc_(doc) {}

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
        walk(g.at("boundaries"), values, depth, kinds, objectId, out);
    }

    // Down the shell/solid levels to surfaces (arrays of rings of vertex indices).
    void walk(const json& boundaries, const json* values, int depth, const json* kinds, const std::string& objectId,
              std::vector<CitySurface>& out) {
        for (std::size_t i = 0; i < boundaries.size(); ++i) {
            const json* v = values && values->is_array() && i < values->size() ? &(*values)[i] : nullptr;
            if (depth > 0) {
                walk(boundaries[i], v, depth - 1, kinds, objectId, out);
                continue;
            }
            CitySurface s;
            if (v && v->is_number_unsigned() && kinds && v->get<std::size_t>() < kinds->size())
                s.kind = semanticSurfaceKind((*kinds)[v->get<std::size_t>()].value("type", ""));
            if (readRings(boundaries[i], objectId, s)) out.push_back(std::move(s));
        }
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
            reader.readObjects(head.at("CityObjects"), vertices);
        }
        // CityJSONSeq: each further line a CityJSONFeature with its own vertices.
        std::string line;
        for (std::size_t n = 2; std::getline(in, line); ++n) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            if (doc.format.find("Seq") == std::string::npos) doc.format += " (CityJSONSeq)";
            json feature = parseJson(line, path, " (line " + std::to_string(n) + ")");
            vertices.read(feature, transform);
            reader.readObjects(feature.at("CityObjects"), vertices);
        }
    } catch (const json::exception& e) {
        if (doc.buildings.empty()) throw Error(path + ": not a readable CityJSON file: " + e.what());
        doc.messages.push_back(path + ": reading stopped early: " + e.what());
    }
    return doc;
}

}  // namespace jbt
