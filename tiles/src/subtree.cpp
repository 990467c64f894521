#include "tiles/subtree.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>

#include "model/error.h"
#include "tiles/tile_fetch.h"

namespace jbt {
namespace {

using nlohmann::json;

// Tiles above this level: (4^level − 1) / 3 in a quadtree, (8^level − 1) / 7 in an octree.
unsigned long long levelStart(int level, bool octree) {
    return octree ? ((1ull << (3 * level)) - 1) / 7 : ((1ull << (2 * level)) - 1) / 3;
}

unsigned long long mortonOf(bool octree, long long x, long long y, long long z) { return octree ? morton3(x, y, z) : morton2(x, y); }

std::vector<bool> availability(const json& a, const std::vector<std::string>& views, std::size_t bits, const std::string& name) {
    std::vector<bool> out(bits, false);
    if (!a.is_object()) return out;
    if (a.contains("constant")) {
        std::fill(out.begin(), out.end(), a["constant"].is_number() && a["constant"].get<int>() == 1);
        return out;
    }
    const json& bv = a.contains("bitstream") ? a["bitstream"] : a.value("bufferView", json());  // "bufferView": a 1.0 draft name
    if (!bv.is_number_unsigned() || bv.get<std::size_t>() >= views.size()) throw Error(name + ": an availability bitstream names no buffer view");
    const std::string& v = views[bv.get<std::size_t>()];
    if (v.size() * 8 < bits) throw Error(name + ": an availability bitstream is shorter than the subtree");
    for (std::size_t i = 0; i < bits; ++i) out[i] = (static_cast<unsigned char>(v[i / 8]) >> (i % 8)) & 1;
    return out;
}

}  // namespace

unsigned long long morton2(long long x, long long y) {
    unsigned long long m = 0;
    for (int b = 0; b < 31; ++b) m |= ((unsigned long long)(x >> b) & 1ull) << (2 * b) | ((unsigned long long)(y >> b) & 1ull) << (2 * b + 1);
    return m;
}

unsigned long long morton3(long long x, long long y, long long z) {
    unsigned long long m = 0;
    for (int b = 0; b < 21; ++b)
        m |= ((unsigned long long)(x >> b) & 1ull) << (3 * b) | ((unsigned long long)(y >> b) & 1ull) << (3 * b + 1) |
             ((unsigned long long)(z >> b) & 1ull) << (3 * b + 2);
    return m;
}

bool Subtree::tile(int level, long long x, long long y, long long z) const {
    unsigned long long i = levelStart(level, octree) + mortonOf(octree, x, y, z);
    return i < tiles.size() && tiles[i];
}

bool Subtree::hasContent(int level, long long x, long long y, long long z) const {
    unsigned long long i = levelStart(level, octree) + mortonOf(octree, x, y, z);
    return i < content.size() && content[i];
}

bool Subtree::child(long long x, long long y, long long z) const {
    unsigned long long i = mortonOf(octree, x, y, z);
    return i < children.size() && children[i];
}

Subtree parseSubtree(const std::string& b, const std::string& name, const std::string& baseDir, int levels, bool octree) {
    if (octree && (levels <= 0 || levels > 8)) throw Error(name + ": subtreeLevels must be 1 to 8 in an octree");
    if (levels <= 0 || levels > 15) throw Error(name + ": subtreeLevels must be 1 to 15");
    json j;
    std::string binary;
    if (b.size() >= 24 && b.compare(0, 4, "subt") == 0) {
        std::uint64_t jsonLength, binLength;
        std::memcpy(&jsonLength, b.data() + 8, 8);
        std::memcpy(&binLength, b.data() + 16, 8);
        if (jsonLength > b.size() - 24 || binLength > b.size() - 24 - jsonLength) throw Error(name + ": its chunks run past the end of the file (truncated?)");
        j = json::parse(b.begin() + 24, b.begin() + 24 + long(jsonLength), nullptr, false);
        binary = b.substr(24 + jsonLength, binLength);
    } else {
        j = json::parse(b, nullptr, false);
    }
    if (j.is_discarded() || !j.is_object()) throw Error(name + ": not a subtree (no \"subt\" header, not JSON)");
    std::vector<std::string> buffers, views;
    for (const json& buf : j.value("buffers", json::array())) {
        if (buf.contains("uri") && buf["uri"].is_string()) {
            buffers.push_back(TileFetcher().fetch(resolveUri(baseDir, buf["uri"].get<std::string>())));
        } else {
            buffers.push_back(binary);
        }
    }
    for (const json& v : j.value("bufferViews", json::array())) {
        std::size_t buffer = v.value("buffer", std::size_t(0)), off = v.value("byteOffset", std::size_t(0)), len = v.value("byteLength", std::size_t(0));
        if (buffer >= buffers.size() || off > buffers[buffer].size() || len > buffers[buffer].size() - off)
            throw Error(name + ": a buffer view lies outside its buffer");
        views.push_back(buffers[buffer].substr(off, len));
    }
    Subtree s;
    s.octree = octree;
    std::size_t tiles = levelStart(levels, octree);
    s.tiles = availability(j.value("tileAvailability", json()), views, tiles, name);
    json content = j.value("contentAvailability", json());
    if (content.is_array() && !content.empty()) s.content = availability(content[0], views, tiles, name);
    else if (content.is_object()) s.content = availability(content, views, tiles, name);
    s.children = availability(j.value("childSubtreeAvailability", json()), views, std::size_t(1) << ((octree ? 3 : 2) * levels), name);
    return s;
}

}  // namespace jbt
