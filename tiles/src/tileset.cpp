#include "tiles/tileset.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>

#include "model/error.h"
#include "tiles/tile_fetch.h"

namespace jbt {
namespace {

using nlohmann::json;

// Geometric errors beyond this (metres) are not errors but mistakes: a viewer would never
// refine such a tile. Clamped with a warning.
constexpr double kAbsurdErrorM = 1e8;
constexpr int kMaxDepth = 64;

template <std::size_t N>
bool readNumbers(const json& j, std::array<double, N>& out) {
    if (!j.is_array() || j.size() != N) return false;
    for (std::size_t i = 0; i < N; ++i) {
        if (!j[i].is_number()) return false;
        out[i] = j[i].get<double>();
        if (!std::isfinite(out[i])) return false;
    }
    return true;
}

class Reader {
public:
    explicit Reader(std::string name) : name_(std::move(name)) {}
    std::vector<std::string> warnings;

    std::optional<TileDesc> tile(const json& j, const std::string& path, bool parentAdditive, int depth) {
        auto fail = [&](const std::string& why) {
            warnings.push_back(name_ + ": tile " + path + ": " + why + "; left out with its children");
            return std::nullopt;
        };
        if (!j.is_object()) return fail("not an object");
        if (depth > kMaxDepth) return fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
        TileDesc t;
        t.path = path;
        std::optional<BoundingVolume> bv = volume(j.value("boundingVolume", json()));
        if (!bv) return fail("no usable bounding volume (box, region or sphere of finite numbers)");
        t.volume = *bv;
        const json& ge = j.value("geometricError", json());
        if (!ge.is_number() || !std::isfinite(ge.get<double>()) || ge.get<double>() < 0)
            return fail("geometricError is missing, negative or not a number");
        t.geometricError = ge.get<double>();
        if (t.geometricError > kAbsurdErrorM) {
            warnings.push_back(name_ + ": tile " + path + ": geometricError " + std::to_string(t.geometricError) + " is absurd; taken as " + std::to_string(kAbsurdErrorM));
            t.geometricError = kAbsurdErrorM;
        }
        std::string refine = j.value("refine", std::string());
        t.additive = refine.empty() ? parentAdditive : (refine == "ADD" || refine == "add");
        if (j.contains("transform") && !readNumbers(j["transform"], t.transform.m))
            return fail("transform is not 16 finite numbers");
        auto addContent = [&](const json& c) {
            if (c.is_object() && c.contains("uri") && c["uri"].is_string()) t.contents.push_back(c["uri"].get<std::string>());
            else if (c.is_object() && c.contains("url") && c["url"].is_string()) t.contents.push_back(c["url"].get<std::string>());  // 1.0 drafts
        };
        if (j.contains("content")) addContent(j["content"]);
        if (j.contains("contents") && j["contents"].is_array())
            for (const json& c : j["contents"]) addContent(c);
        if (j.contains("implicitTiling")) {
            const json& it = j["implicitTiling"];
            ImplicitTiling im;
            im.octree = it.value("subdivisionScheme", std::string()) == "OCTREE";
            im.subtreeLevels = it.value("subtreeLevels", 0);
            im.availableLevels = it.value("availableLevels", 0);
            if (it.contains("subtrees") && it["subtrees"].is_object()) im.subtreeUri = it["subtrees"].value("uri", std::string());
            if (im.subtreeLevels <= 0 || im.availableLevels <= 0 || im.subtreeUri.empty() || im.availableLevels > 30)
                return fail("implicitTiling needs subtreeLevels, availableLevels (at most 30) and a subtrees uri");
            t.implicit = im;
        }
        if (j.contains("children") && j["children"].is_array())
            for (std::size_t i = 0; i < j["children"].size(); ++i)
                if (auto c = tile(j["children"][i], path + "/children/" + std::to_string(i), t.additive, depth + 1))
                    t.children.push_back(std::move(*c));
        return t;
    }

private:
    static std::optional<BoundingVolume> volume(const json& j) {
        if (!j.is_object()) return std::nullopt;
        BoundingVolume v;
        if (j.contains("box") && readNumbers(j["box"], v.box)) v.kind = BoundingVolume::Kind::Box;
        else if (j.contains("region") && readNumbers(j["region"], v.region)) v.kind = BoundingVolume::Kind::Region;
        else if (j.contains("sphere") && readNumbers(j["sphere"], v.sphere) && v.sphere[3] >= 0) v.kind = BoundingVolume::Kind::Sphere;
        else return std::nullopt;
        return v;
    }

    std::string name_;
};

}  // namespace

TilesetDesc parseTileset(const std::string& text, const std::string& name, bool parentAdditive) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error(name + ": not a JSON object (not a tileset.json?)");
    if (!j.contains("asset") || !j["asset"].is_object() || !j["asset"].contains("version"))
        throw Error(name + ": no asset.version (not a 3D Tiles tileset)");
    if (!j.contains("root")) throw Error(name + ": no root tile");
    TilesetDesc t;
    t.version = j["asset"]["version"].is_string() ? j["asset"]["version"].get<std::string>() : "?";
    t.geometricError = j.value("geometricError", 0.0);
    Reader r(name);
    std::optional<TileDesc> root = r.tile(j["root"], "root", parentAdditive, 0);
    t.warnings = std::move(r.warnings);
    if (!root) throw Error(t.warnings.empty() ? name + ": the root tile cannot be used" : t.warnings.front());
    t.root = std::move(*root);
    return t;
}

TilesetDesc readTileset(const std::string& path) {
    return parseTileset(TileFetcher().fetch(path), path);
}

std::string fillTemplate(const std::string& tpl, int level, long long x, long long y, long long z) {
    std::string out;
    for (std::size_t i = 0; i < tpl.size();) {
        auto match = [&](const char* key) { return tpl.compare(i, std::strlen(key), key) == 0; };
        if (match("{level}")) out += std::to_string(level), i += 7;
        else if (match("{x}")) out += std::to_string(x), i += 3;
        else if (match("{y}")) out += std::to_string(y), i += 3;
        else if (match("{z}")) out += std::to_string(z), i += 3;
        else out += tpl[i++];
    }
    return out;
}

BoundingVolume implicitTileVolume(const BoundingVolume& root, int level, long long x, long long y, long long z, bool octree) {
    BoundingVolume v = root;
    double n = double(1ll << level), nz = octree ? n : 1;
    if (root.kind == BoundingVolume::Kind::Region) {
        const auto& r = root.region;
        double w = (r[2] - r[0]) / n, h = (r[3] - r[1]) / n, d = (r[5] - r[4]) / nz;
        v.region = {r[0] + x * w, r[1] + y * h, r[0] + (x + 1) * w, r[1] + (y + 1) * h, r[4] + z * d, r[4] + (z + 1) * d};
    } else if (root.kind == BoundingVolume::Kind::Box) {
        const auto& b = root.box;
        // The child's centre in −1…1 along each half axis.
        double fx = (2.0 * x + 1) / n - 1, fy = (2.0 * y + 1) / n - 1, fz = (2.0 * z + 1) / nz - 1;
        for (int k = 0; k < 3; ++k) v.box[k] = b[k] + fx * b[3 + k] + fy * b[6 + k] + fz * b[9 + k];
        for (int k = 0; k < 3; ++k) v.box[3 + k] = b[3 + k] / n, v.box[6 + k] = b[6 + k] / n, v.box[9 + k] = b[9 + k] / nz;
    }
    return v;
}

}  // namespace jbt
