#pragma once
// The named places (gazetteer) and camera bookmarks kept as editable JSON in assets/.
#include <string>
#include <vector>

#include "data_import/scene_frame.h"

namespace jbt {

struct DemoZone {
    std::string kind;  // cbd, commercial, residential, renewal, heritage, industrial, forest
    double radiusM = 0;
    int count = 0;
};

struct Place {
    std::string id, nameZh, nameEn, pinyin, category, description;
    GeoPoint position;
    DemoZone zone;  // count 0: no generated buildings
};

struct Bookmark {
    std::string id, nameZh, nameEn;
    GeoPoint target;
    double rangeM = 1000, headingDeg = 0, pitchDeg = 45;
};

// Both throw std::runtime_error naming the file and the reason on a missing or malformed file.
std::vector<Place> loadPlaces(const std::string& path);
std::vector<Bookmark> loadBookmarks(const std::string& path);

// Places whose Chinese name, pinyin, English name or id match the query (case, spaces,
// apostrophes and hyphens ignored: "hongen", "Hong'en Temple", "鸿恩" all find 鸿恩寺).
// Names that start with the query come first.
std::vector<const Place*> searchPlaces(const std::vector<Place>& places, const std::string& query);

// A close-up bookmark for every place, after the file's own.
std::vector<Bookmark> bookmarksForPlaces(const std::vector<Place>& places);

}  // namespace jbt
