#pragma once
// Finds a Simplified Chinese font from a Debian font package at run time.
#include <string>

namespace jbt {

// Path of a CJK-capable font file, or empty (then `hint` says which package to install).
std::string findCjkFont(std::string& hint);

}  // namespace jbt
