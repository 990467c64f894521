#pragma once
// GCJ-02 ("Mars") and BD-09 offsets used by Chinese web maps. PROJ does not carry them (its
// maintainers declined), so they live here. Longitudes and latitudes in degrees.
#include "model/feature.h"

namespace jbt {

enum class ChineseDatum { None, Gcj02, Bd09 };

// Parses "gcj02", "GCJ-02", "bd09", "BD-09", "none", "wgs84"; returns false for anything else.
bool parseChineseDatum(const std::string& text, ChineseDatum& out);
const char* chineseDatumName(ChineseDatum datum);

// Outside mainland China the published algorithm applies no offset.
bool outsideChina(double lon, double lat);

Vec2 wgs84ToGcj02(double lon, double lat);
// Inverse by fixed-point iteration; round trip better than 1e-9 degrees (sub-millimetre).
Vec2 gcj02ToWgs84(double lon, double lat);
Vec2 gcj02ToBd09(double lon, double lat);
Vec2 bd09ToGcj02(double lon, double lat);
Vec2 bd09ToWgs84(double lon, double lat);
Vec2 wgs84ToBd09(double lon, double lat);

// Baidu's own Mercator (BD-09MC, the "mc" coordinates of its tiles and APIs): BD-09 longitude
// and latitude through the polynomial bands Baidu's map API publishes, one band per 15° of
// latitude. Its tiles at zoom z are 256 px of 2^(18−z) units, numbered from (0, 0) northwards.
Vec2 bd09ToBaiduMercator(double lon, double lat);
// The inverse, by Baidu's own second set of bands (not an exact inverse: about a metre).
Vec2 baiduMercatorToBd09(double x, double y);

// Source datum → WGS84.
Vec2 toWgs84(ChineseDatum datum, double lon, double lat);

}  // namespace jbt
