#pragma once
// The binary glTF container (GLB): its JSON and binary chunks, split and joined. Kept apart
// from the codecs so that code holding tinygltf's own copy of nlohmann::json need not see it.
#include <string>

#include <nlohmann/json.hpp>

namespace jbt {

struct GlbChunks {
    nlohmann::json json;
    std::string binary;  // empty when there is none
};
// Throws Error "NAME: REASON" (no header, a chunk past the end, JSON that does not parse).
GlbChunks splitGlb(const std::string& bytes, const std::string& name);
// Each chunk padded to 4 bytes (JSON with spaces, binary with zeros); no binary chunk when empty.
std::string joinGlb(const nlohmann::json& json, const void* binary, std::size_t size);
std::string joinGlb(const nlohmann::json& json, const std::string& binary);

}  // namespace jbt
