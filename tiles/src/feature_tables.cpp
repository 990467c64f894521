#include "tiles/feature_tables.h"

#include <cstdint>
#include <cstring>
#include <sstream>

#include "model/error.h"
#include "tiles/glb_chunks.h"

namespace jbt {
namespace {

using nlohmann::json;

std::string numberText(double v) {
    std::ostringstream os;
    os.precision(10);
    os << v;
    return os.str();
}

std::string valueText(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return numberText(v.get<double>());
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_null()) return "";
    return v.dump();
}

int componentBytes(const std::string& type) {
    if (type == "BYTE" || type == "UNSIGNED_BYTE" || type == "INT8" || type == "UINT8") return 1;
    if (type == "SHORT" || type == "UNSIGNED_SHORT" || type == "INT16" || type == "UINT16") return 2;
    if (type == "INT" || type == "UNSIGNED_INT" || type == "FLOAT" || type == "INT32" || type == "UINT32" || type == "FLOAT32") return 4;
    if (type == "DOUBLE" || type == "FLOAT64" || type == "INT64" || type == "UINT64") return 8;
    return 0;
}

double readComponent(const unsigned char* p, const std::string& type) {
    auto get = [p](auto v) { std::memcpy(&v, p, sizeof v); return double(v); };
    if (type == "BYTE" || type == "INT8") return get(std::int8_t());
    if (type == "UNSIGNED_BYTE" || type == "UINT8") return get(std::uint8_t());
    if (type == "SHORT" || type == "INT16") return get(std::int16_t());
    if (type == "UNSIGNED_SHORT" || type == "UINT16") return get(std::uint16_t());
    if (type == "INT" || type == "INT32") return get(std::int32_t());
    if (type == "UNSIGNED_INT" || type == "UINT32") return get(std::uint32_t());
    if (type == "FLOAT" || type == "FLOAT32") return get(float());
    if (type == "INT64") return get(std::int64_t());
    if (type == "UINT64") return get(std::uint64_t());
    return get(double());
}

int typeComponents(const std::string& type) {
    if (type == "SCALAR") return 1;
    if (type == "VEC2") return 2;
    if (type == "VEC3") return 3;
    if (type == "VEC4") return 4;
    return 0;
}

}  // namespace

std::vector<Attributes> readBatchTable(const json& table, const std::string& binary, std::size_t count) {
    std::vector<Attributes> rows(count);
    if (!table.is_object()) return rows;
    for (auto it = table.begin(); it != table.end(); ++it) {
        const json& v = it.value();
        if (it.key() == "extensions" || it.key() == "extras") continue;
        if (v.is_array()) {
            for (std::size_t i = 0; i < count && i < v.size(); ++i) rows[i].emplace_back(it.key(), valueText(v[i]));
        } else if (v.is_object() && v.contains("byteOffset")) {
            std::string ct = v.value("componentType", std::string()), type = v.value("type", std::string());
            int bytes = componentBytes(ct), comps = typeComponents(type);
            std::size_t offset = v.value("byteOffset", std::size_t(0));
            if (!bytes || !comps || offset > binary.size() || count * comps * bytes > binary.size() - offset) continue;
            const auto* base = reinterpret_cast<const unsigned char*>(binary.data()) + offset;
            for (std::size_t i = 0; i < count; ++i) {
                std::string text;
                for (int c = 0; c < comps; ++c)
                    text += (c ? " " : "") + numberText(readComponent(base + (i * comps + c) * bytes, ct));
                rows[i].emplace_back(it.key(), text);
            }
        }
    }
    return rows;
}

std::vector<Attributes> readPropertyTable(const std::string& glb) {
    GlbChunks chunks;
    try {
        chunks = splitGlb(glb, "");
    } catch (const Error&) {
        return {};  // not a GLB, or a damaged one: no table to read
    }
    const json& gltf = chunks.json;
    const std::string& bin = chunks.binary;
    const json* meta = nullptr;
    if (auto e = gltf.find("extensions"); e != gltf.end() && e->is_object())
        if (auto m = e->find("EXT_structural_metadata"); m != e->end()) meta = &*m;
    if (!meta || !meta->contains("propertyTables") || !(*meta)["propertyTables"].is_array() || (*meta)["propertyTables"].empty()) return {};
    const json& table = (*meta)["propertyTables"][0];
    std::size_t count = table.value("count", std::size_t(0));
    if (count > 10000000) return {};
    std::vector<Attributes> rows(count);
    json classDef;
    if (meta->contains("schema") && (*meta)["schema"].contains("classes"))
        classDef = (*meta)["schema"]["classes"].value(table.value("class", std::string()), json::object());
    const json& views = gltf.value("bufferViews", json::array());
    auto view = [&](const json& index, std::string& out) {
        if (!index.is_number_integer() || index.get<long long>() < 0 || std::size_t(index.get<long long>()) >= views.size()) return false;
        const json& v = views[std::size_t(index.get<long long>())];
        if (v.value("buffer", 0) != 0) return false;  // only the GLB's own buffer
        std::size_t off = v.value("byteOffset", std::size_t(0)), len = v.value("byteLength", std::size_t(0));
        if (off > bin.size() || len > bin.size() - off) return false;
        out = bin.substr(off, len);
        return true;
    };
    if (!table.contains("properties") || !table["properties"].is_object()) return rows;
    for (auto it = table["properties"].begin(); it != table["properties"].end(); ++it) {
        json def = classDef.contains("properties") ? classDef["properties"].value(it.key(), json::object()) : json::object();
        std::string name = def.value("name", it.key()), type = def.value("type", std::string());
        std::string values;
        if (!it.value().is_object() || !view(it.value().value("values", json()), values)) continue;
        if (type == "STRING") {
            std::string offsets;
            std::string ot = it.value().value("stringOffsetType", std::string("UINT32"));
            int ob = componentBytes(ot);
            if (!ob || !view(it.value().value("stringOffsets", json()), offsets) || offsets.size() < (count + 1) * ob) continue;
            for (std::size_t i = 0; i < count; ++i) {
                auto a = std::size_t(readComponent(reinterpret_cast<const unsigned char*>(offsets.data()) + i * ob, ot));
                auto b = std::size_t(readComponent(reinterpret_cast<const unsigned char*>(offsets.data()) + (i + 1) * ob, ot));
                if (a <= b && b <= values.size()) rows[i].emplace_back(name, values.substr(a, b - a));
            }
        } else if (type == "SCALAR" || type == "VEC2" || type == "VEC3" || type == "VEC4") {
            std::string ct = def.value("componentType", std::string());
            int bytes = componentBytes(ct), comps = typeComponents(type);
            if (!bytes || def.value("array", false) || values.size() < count * comps * bytes) continue;
            for (std::size_t i = 0; i < count; ++i) {
                std::string text;
                for (int c = 0; c < comps; ++c)
                    text += (c ? " " : "") + numberText(readComponent(reinterpret_cast<const unsigned char*>(values.data()) + (i * comps + c) * bytes, ct));
                rows[i].emplace_back(name, text);
            }
        }
    }
    return rows;
}

}  // namespace jbt
