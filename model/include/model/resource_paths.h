#pragma once
// Where run-time files (shaders/, assets/) are: $JBT_DATA_DIR, else the source tree this was
// built from, else <prefix>/share/jiangbei-twin next to the installed program.
#include <string>

namespace jbt {

// Full path of e.g. "shaders/buildings.vert"; empty if it exists in none of the places.
std::string findDataFile(const std::string& relative);
// The places searched, for error messages.
std::string dataSearchPath();

}  // namespace jbt
