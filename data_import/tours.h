#pragma once
// Guided tours kept as editable JSON in assets/tours.json.
#include <string>
#include <vector>

namespace jbt {

struct TourStop {
    std::string bookmark;  // bookmark or place id
    double flySeconds = 4, dwellSeconds = 4;
    std::string captionZh, captionEn;
};

struct Tour {
    std::string id, nameZh, nameEn;
    bool loop = false;
    std::vector<TourStop> stops;
};

// Throws std::runtime_error naming the file and the reason.
std::vector<Tour> loadTours(const std::string& path);

}  // namespace jbt
