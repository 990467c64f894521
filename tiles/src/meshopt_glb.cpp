#include "tiles/meshopt_glb.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#include "model/error.h"
#include "tiles/glb_chunks.h"

namespace jbt {
namespace {

using nlohmann::json;

constexpr const char* kExtension = "EXT_meshopt_compression";
constexpr std::uint32_t kJsonChunk = 0x4E4F534A, kBinChunk = 0x004E4942;
constexpr std::size_t kMaxDecoded = std::size_t(1) << 30;  // a view claiming more is taken as corrupt

// A chunk: its length, type and payload, padded with `fill` to 4 bytes as GLB requires.
void appendChunk(std::string& out, std::uint32_t type, const void* payload, std::size_t size, char fill) {
    auto length = std::uint32_t((size + 3) / 4 * 4);
    out.append(reinterpret_cast<const char*>(&length), 4);
    out.append(reinterpret_cast<const char*>(&type), 4);
    out.append(static_cast<const char*>(payload), size);
    out.append(length - size, fill);
}

void pad(std::string& s, std::size_t to, char with) {
    while (s.size() % to) s += with;
}

bool isFallback(const json& buffer) {
    return buffer.contains("extensions") && buffer["extensions"].contains(kExtension) &&
           buffer["extensions"][kExtension].value("fallback", false);
}

// One packed view decoded: its elements, filtered back to what the accessors read.
std::string decodeView(const json& ext, const std::string& source, const std::string& where) {
    std::size_t offset = ext.value("byteOffset", std::size_t(0)), length = ext.value("byteLength", std::size_t(0));
    std::size_t count = ext.value("count", std::size_t(0)), stride = ext.value("byteStride", std::size_t(0));
    std::string mode = ext.value("mode", std::string()), filter = ext.value("filter", std::string("NONE"));
    if (offset > source.size() || length > source.size() - offset) throw Error(where + ": its packed bytes lie outside their buffer");
    if (stride == 0 || count > kMaxDecoded / stride) throw Error(where + ": an impossible size (" + std::to_string(count) + " × " + std::to_string(stride) + " bytes)");
    std::string out(count * stride, '\0');
    const auto* in = reinterpret_cast<const unsigned char*>(source.data() + offset);
    int rc = -1;
    if (mode == "ATTRIBUTES") {
        if (stride % 4 || stride > 256) throw Error(where + ": attributes of " + std::to_string(stride) + " bytes cannot be packed");
        rc = meshopt_decodeVertexBuffer(out.data(), count, stride, in, length);
    } else if (mode == "TRIANGLES" || mode == "INDICES") {
        if (stride != 2 && stride != 4) throw Error(where + ": indices of " + std::to_string(stride) + " bytes cannot be packed");
        if (mode == "TRIANGLES" && count % 3) throw Error(where + ": " + std::to_string(count) + " triangle indices, not a multiple of 3");
        rc = mode == "TRIANGLES" ? meshopt_decodeIndexBuffer(out.data(), count, stride, in, length)
                                 : meshopt_decodeIndexSequence(out.data(), count, stride, in, length);
    } else {
        throw Error(where + ": unknown mode \"" + mode + "\"");
    }
    if (rc != 0) throw Error(where + ": its packed bytes do not decode (corrupt or truncated)");
    if (filter == "OCTAHEDRAL") {
        if (stride != 4 && stride != 8) throw Error(where + ": the octahedral filter needs 4 or 8 bytes an element");
        meshopt_decodeFilterOct(out.data(), count, stride);
    } else if (filter == "QUATERNION") {
        if (stride != 8) throw Error(where + ": the quaternion filter needs 8 bytes an element");
        meshopt_decodeFilterQuat(out.data(), count, stride);
    } else if (filter == "EXPONENTIAL") {
        if (stride % 4) throw Error(where + ": the exponential filter needs a multiple of 4 bytes an element");
        meshopt_decodeFilterExp(out.data(), count, stride);
    } else if (filter != "NONE") {
        throw Error(where + ": unknown filter \"" + filter + "\"");
    }
    return out;
}

}  // namespace

GlbChunks splitGlb(const std::string& b, const std::string& name) {
    if (b.size() < 20 || b.compare(0, 4, "glTF") != 0) throw Error(name + ": not a binary glTF (no \"glTF\" header)");
    std::uint32_t version, jsonLength, jsonType;
    std::memcpy(&version, b.data() + 4, 4);
    if (version != 2) throw Error(name + ": binary glTF version " + std::to_string(version) + ", not 2");
    std::memcpy(&jsonLength, b.data() + 12, 4);
    std::memcpy(&jsonType, b.data() + 16, 4);
    if (jsonType != kJsonChunk || jsonLength > b.size() - 20) throw Error(name + ": its JSON chunk is missing or runs past the end (truncated?)");
    GlbChunks c;
    c.json = json::parse(b.begin() + 20, b.begin() + 20 + long(jsonLength), nullptr, false);
    if (c.json.is_discarded() || !c.json.is_object()) throw Error(name + ": its JSON chunk does not parse");
    std::size_t at = 20 + jsonLength;
    if (b.size() - at >= 8) {
        std::uint32_t binLength, binType;
        std::memcpy(&binLength, b.data() + at, 4);
        std::memcpy(&binType, b.data() + at + 4, 4);
        if (binType == kBinChunk) {
            if (binLength > b.size() - at - 8) throw Error(name + ": its binary chunk runs past the end (truncated?)");
            c.binary = b.substr(at + 8, binLength);
        }
    }
    return c;
}

std::string joinGlb(const json& j, const void* binary, std::size_t size) {
    std::string text = j.dump();
    auto padded = [](std::size_t n) { return (n + 3) / 4 * 4; };
    std::uint32_t header[3] = {0x46546C67, 2, std::uint32_t(12 + 8 + padded(text.size()) + (size ? 8 + padded(size) : 0))};
    std::string out;
    out.reserve(header[2]);
    out.append(reinterpret_cast<const char*>(header), 12);
    appendChunk(out, kJsonChunk, text.data(), text.size(), ' ');
    if (size) appendChunk(out, kBinChunk, binary, size, '\0');
    return out;
}

std::string joinGlb(const json& j, const std::string& binary) { return joinGlb(j, binary.data(), binary.size()); }

std::string meshoptEncode(const void* data, std::size_t count, std::size_t stride, MeshoptMode mode) {
    std::string out;
    if (mode == MeshoptMode::Attributes) {
        out.resize(meshopt_encodeVertexBufferBound(count, stride));
        out.resize(meshopt_encodeVertexBuffer(reinterpret_cast<unsigned char*>(out.data()), out.size(), data, count, stride));
        return out;
    }
    // The encoders take 32-bit indices; 16-bit ones are widened first.
    std::vector<unsigned int> wide(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (stride == 2) { std::uint16_t s; std::memcpy(&s, static_cast<const char*>(data) + 2 * i, 2); wide[i] = s; }
        else std::memcpy(&wide[i], static_cast<const char*>(data) + 4 * i, 4);
    }
    if (mode == MeshoptMode::Triangles) {
        out.resize(meshopt_encodeIndexBufferBound(count, count ? *std::max_element(wide.begin(), wide.end()) + 1 : 0));
        out.resize(meshopt_encodeIndexBuffer(reinterpret_cast<unsigned char*>(out.data()), out.size(), wide.data(), count));
    } else {
        out.resize(meshopt_encodeIndexSequenceBound(count, count ? *std::max_element(wide.begin(), wide.end()) + 1 : 0));
        out.resize(meshopt_encodeIndexSequence(reinterpret_cast<unsigned char*>(out.data()), out.size(), wide.data(), count));
    }
    return out;
}

std::string decodeMeshoptViews(const std::string& bytes, const std::string& name,
                               const std::function<std::string(const std::string& uri)>& readBuffer) {
    bool glb = bytes.size() >= 4 && bytes.compare(0, 4, "glTF") == 0;
    GlbChunks c;
    if (glb) {
        c = splitGlb(bytes, name);
    } else {
        c.json = json::parse(bytes, nullptr, false);
        if (c.json.is_discarded() || !c.json.is_object()) return bytes;  // the loader says what is wrong with it
    }
    json& j = c.json;
    auto usesIt = [&](const char* list) {
        for (const json& e : j.value(list, json::array()))
            if (e == kExtension) return true;
        return false;
    };
    if (!usesIt("extensionsUsed") && !usesIt("extensionsRequired")) return bytes;

    json buffers = j.value("buffers", json::array());
    // Old buffer index → new: the binary chunk first, then every buffer a plain view still uses.
    std::map<std::size_t, std::string> sources;  // packed views' sources, read once
    auto source = [&](std::size_t b, const std::string& where) -> const std::string& {
        auto found = sources.find(b);
        if (found != sources.end()) return found->second;
        if (b >= buffers.size()) throw Error(where + ": its packed bytes name buffer " + std::to_string(b) + ", which does not exist");
        const json& buf = buffers[b];
        std::string data;
        if (buf.contains("uri") && buf["uri"].is_string()) data = readBuffer(buf["uri"].get<std::string>());
        else if (glb && b == 0) data = c.binary;
        else throw Error(where + ": its packed bytes lie in buffer " + std::to_string(b) + ", which has no data");
        return sources[b] = std::move(data);
    };
    std::string bin = glb ? c.binary : std::string();
    json& views = j["bufferViews"];
    if (!views.is_array()) views = json::array();
    std::vector<bool> decoded(views.size(), false);
    for (std::size_t v = 0; v < views.size(); ++v) {
        json& view = views[v];
        if (!view.contains("extensions") || !view["extensions"].contains(kExtension)) continue;
        std::string where = name + ": buffer view " + std::to_string(v);
        const json& ext = view["extensions"][kExtension];
        std::string plain = decodeView(ext, source(ext.value("buffer", std::size_t(0)), where), where);
        pad(bin, 8, '\0');
        view["byteOffset"] = bin.size();
        view["byteLength"] = plain.size();
        bin += plain;
        view["extensions"].erase(kExtension);
        if (view["extensions"].empty()) view.erase("extensions");
        decoded[v] = true;
    }
    // Renumber: the binary chunk is buffer 0; a buffer stays if a plain view still uses it.
    std::vector<long> renumber(buffers.size(), -1);
    json kept = json::array({{{"byteLength", 0}}});
    if (glb && !buffers.empty() && !buffers[0].contains("uri")) renumber[0] = 0;  // the chunk itself
    for (std::size_t v = 0; v < views.size(); ++v) {
        if (decoded[v]) continue;
        std::size_t b = views[v].value("buffer", std::size_t(0));
        if (b >= buffers.size()) throw Error(name + ": buffer view " + std::to_string(v) + " names buffer " + std::to_string(b) + ", which does not exist");
        if (isFallback(buffers[b])) throw Error(name + ": buffer view " + std::to_string(v) + " reads a fallback buffer but is not packed");
        if (renumber[b] < 0) renumber[b] = long(kept.size()), kept.push_back(buffers[b]);
    }
    for (std::size_t v = 0; v < views.size(); ++v) views[v]["buffer"] = decoded[v] ? 0 : renumber[views[v].value("buffer", std::size_t(0))];
    pad(bin, 4, '\0');
    if (bin.empty()) bin.assign(4, '\0');  // a buffer holds at least a byte
    kept[0]["byteLength"] = bin.size();
    j["buffers"] = kept;
    for (const char* list : {"extensionsUsed", "extensionsRequired"}) {
        if (!j.contains(list)) continue;
        json rest = json::array();
        for (const json& e : j[list])
            if (e != kExtension) rest.push_back(e);
        if (rest.empty()) j.erase(list);
        else j[list] = rest;
    }
    return joinGlb(j, bin);
}

}  // namespace jbt
