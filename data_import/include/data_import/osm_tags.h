#pragma once
// GDAL's OSM driver puts tags without a column of their own into `other_tags`, an hstore
// string: "building:levels"=>"5","height"=>"12". Heights mostly live there.
#include "model/attribute_table.h"

namespace jbt {

// Appends the pairs parsed from an hstore string; malformed tails are ignored.
void appendHstoreTags(const std::string& hstore, Attributes& out);

}  // namespace jbt
