#pragma once
// Per-feature attributes of 3D Tiles content, as text rows like an import's: a 1.0 batch table
// (JSON arrays, or binary scalars and vectors), or a 1.1 glTF's EXT_structural_metadata
// property table. What cannot be decoded is left out; rows are never fewer than `count`.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/attribute_table.h"

namespace jbt {

std::vector<Attributes> readBatchTable(const nlohmann::json& table, const std::string& binary, std::size_t count);

// The GLB's first property table (the one its feature ids name); empty when it has none.
std::vector<Attributes> readPropertyTable(const std::string& glb);

}  // namespace jbt
