#pragma once
// A guided tour: bookmarks in order, each flown to and dwelt at with a caption.
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

}  // namespace jbt
