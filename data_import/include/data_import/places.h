#pragma once
// The named places (gazetteer) and camera bookmarks kept as editable JSON in assets/.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/place.h"

namespace jbt {

// Both throw Error naming the file and the reason on a missing or malformed file.
std::vector<Place> loadPlaces(const std::string& path);
std::vector<Bookmark> loadBookmarks(const std::string& path);

// One bookmark as assets/bookmarks.json and project files hold it; the reader throws
// nlohmann::json::exception on a malformed entry (the caller names the file).
Bookmark bookmarkFromJson(const nlohmann::json& j);
nlohmann::json bookmarkToJson(const Bookmark& b);

// Places whose Chinese name, pinyin, English name or id match the query (case, spaces,
// apostrophes and hyphens ignored: "hongen", "Hong'en Temple", "鸿恩" all find 鸿恩寺).
// Names that start with the query come first.
std::vector<const Place*> searchPlaces(const std::vector<Place>& places, const std::string& query);

// A close-up bookmark for every place, after the file's own.
std::vector<Bookmark> bookmarksForPlaces(const std::vector<Place>& places);

}  // namespace jbt
