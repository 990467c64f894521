#pragma once
// Binary .subtree files for tests: the availability of tiles, content and child subtrees as
// bitstreams (bit i set for each index given), as the 3D Tiles 1.1 implicit tiling spec lays them.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace jbt::test {

inline std::string subtreeFile(std::size_t tileBits, const std::vector<unsigned long long>& tiles,
                               const std::vector<unsigned long long>& content, std::size_t childBits,
                               const std::vector<unsigned long long>& children) {
    std::string bin;
    nlohmann::json views = nlohmann::json::array();
    auto bitstream = [&](std::size_t bits, const std::vector<unsigned long long>& set) {
        std::string bytes((bits + 7) / 8, '\0');
        for (unsigned long long i : set) bytes[i / 8] = char(static_cast<unsigned char>(bytes[i / 8]) | (1u << (i % 8)));
        while (bin.size() % 8) bin += '\0';
        views.push_back({{"buffer", 0}, {"byteOffset", bin.size()}, {"byteLength", bytes.size()}});
        bin += bytes;
        return nlohmann::json{{"bitstream", views.size() - 1}};
    };
    nlohmann::json j;
    j["tileAvailability"] = bitstream(tileBits, tiles);
    j["contentAvailability"] = nlohmann::json::array({bitstream(tileBits, content)});
    j["childSubtreeAvailability"] = children.empty() ? nlohmann::json{{"constant", 0}} : bitstream(childBits, children);
    while (bin.size() % 8) bin += '\0';
    j["buffers"] = nlohmann::json::array({{{"byteLength", bin.size()}}});
    j["bufferViews"] = views;
    std::string text = j.dump();
    while (text.size() % 8) text += ' ';
    std::string out = "subt";
    std::uint32_t version = 1;
    std::uint64_t jsonLength = text.size(), binLength = bin.size();
    out.append(reinterpret_cast<const char*>(&version), 4);
    out.append(reinterpret_cast<const char*>(&jsonLength), 8);
    out.append(reinterpret_cast<const char*>(&binLength), 8);
    return out + text + bin;
}

}  // namespace jbt::test
