#include "tiles/tile_format.h"

#include <cstdint>
#include <cstring>

#include "model/error.h"

namespace jbt {
namespace {

std::uint32_t u32(const std::string& b, std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, b.data() + at, 4);
    return v;
}

nlohmann::json parseJson(const std::string& b, std::size_t at, std::size_t length, const std::string& name, const char* what) {
    if (length == 0) return nlohmann::json::object();
    nlohmann::json j = nlohmann::json::parse(b.begin() + long(at), b.begin() + long(at + length), nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw Error(name + ": the " + std::string(what) + " is not a JSON object");
    return j;
}

// b3dm, i3dm and pnts share the layout: header, feature table (JSON, binary), batch table
// (JSON, binary), then the body (glTF for b3dm and i3dm).
TileContentParts splitTables(const std::string& b, const std::string& name, std::size_t headerBytes) {
    if (b.size() < headerBytes) throw Error(name + ": shorter than its " + std::to_string(headerBytes) + "-byte header");
    TileContentParts p;
    p.kind = b.substr(0, 4);
    std::uint32_t declared = u32(b, 8);
    if (declared > b.size()) throw Error(name + ": the header says " + std::to_string(declared) + " bytes, the file has " + std::to_string(b.size()) + " (truncated?)");
    std::uint64_t ftJson = u32(b, 12), ftBin = u32(b, 16), btJson = u32(b, 20), btBin = u32(b, 24);
    std::uint64_t at = headerBytes;
    if (at + ftJson + ftBin + btJson + btBin > declared) throw Error(name + ": its tables run past the end of the tile");
    p.featureTable = parseJson(b, at, ftJson, name, "feature table");
    p.featureBinary = b.substr(at + ftJson, ftBin);
    at += ftJson + ftBin;
    p.batchTable = parseJson(b, at, btJson, name, "batch table");
    p.batchBinary = b.substr(at + btJson, btBin);
    at += btJson + btBin;
    std::string body = b.substr(at, declared - at);
    if (p.kind == "b3dm") p.glb = body;
    if (p.kind == "i3dm") {
        if (u32(b, 28) == 0) {
            p.gltfUri = body;
            while (!p.gltfUri.empty() && (p.gltfUri.back() == '\0' || p.gltfUri.back() == ' ')) p.gltfUri.pop_back();
        } else {
            p.glb = body;
        }
    }
    return p;
}

}  // namespace

const nlohmann::json* TileContentParts::feature(const char* name) const {
    auto it = featureTable.find(name);
    return it == featureTable.end() ? nullptr : &*it;
}

const unsigned char* binaryProperty(const std::string& body, std::size_t byteOffset, std::size_t count, int components,
                                    int bytesEach, const std::string& name) {
    std::size_t bytes = count * std::size_t(components) * std::size_t(bytesEach);
    if (byteOffset > body.size() || bytes > body.size() - byteOffset)
        throw Error(name + ": its values run past the end of the binary body");
    return reinterpret_cast<const unsigned char*>(body.data()) + byteOffset;
}

TileContentParts splitTileContent(const std::string& b, const std::string& name) {
    if (b.size() < 4) throw Error(name + ": empty or shorter than a tile header");
    std::string magic = b.substr(0, 4);
    if (magic == "b3dm") {
        return splitTables(b, name, 28);
    }
    if (magic == "i3dm") return splitTables(b, name, 32);
    if (magic == "pnts") return splitTables(b, name, 28);
    if (magic == "glTF") {
        TileContentParts p;
        p.kind = "glb";
        p.glb = b;
        return p;
    }
    if (magic == "cmpt") {
        if (b.size() < 16) throw Error(name + ": shorter than its 16-byte header");
        std::uint32_t declared = u32(b, 8), tiles = u32(b, 12);
        if (declared > b.size()) throw Error(name + ": the header says " + std::to_string(declared) + " bytes, the file has " + std::to_string(b.size()) + " (truncated?)");
        TileContentParts p;
        p.kind = "cmpt";
        std::size_t at = 16;
        for (std::uint32_t i = 0; i < tiles; ++i) {
            if (at + 12 > declared) throw Error(name + ": inner tile " + std::to_string(i) + " runs past the end");
            std::uint32_t length = u32(b, at + 8);
            if (length < 12 || at + length > declared) throw Error(name + ": inner tile " + std::to_string(i) + " runs past the end");
            p.inner.push_back(splitTileContent(b.substr(at, length), name + " (inner tile " + std::to_string(i) + ")"));
            at += length;
        }
        return p;
    }
    std::size_t first = b.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && b[first] == '{') {
        TileContentParts p;
        p.kind = "json";
        return p;
    }
    std::string shown;
    for (char c : magic) shown += (c >= 32 && c < 127) ? c : '?';
    throw Error(name + ": unknown tile format (magic '" + shown + "')");
}

}  // namespace jbt
