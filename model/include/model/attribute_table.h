#pragma once
// Case-insensitive look-up over a feature's attributes (field names differ in case across
// Shapefile, GeoJSON and OSM sources).
#include <string>
#include <utility>
#include <vector>

namespace jbt {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// The value of the first attribute named `key` (ASCII case-insensitive) that is not empty.
const std::string* findAttribute(const Attributes& attrs, const std::string& key);

bool equalsIgnoreCase(const std::string& a, const std::string& b);

}  // namespace jbt
