#pragma once
// Guided tours kept as editable JSON in assets/tours.json.
#include <string>
#include <vector>

#include "model/tour.h"

namespace jbt {

// Throws Error naming the file and the reason.
std::vector<Tour> loadTours(const std::string& path);

}  // namespace jbt
