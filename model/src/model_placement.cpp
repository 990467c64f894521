#include "model/model_placement.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "model/error.h"

namespace jbt {

ModelPlacement parseModelPlacement(const std::string& text) {
    auto fail = [&](const std::string& why) {
        return Error("--model '" + text + "': " + why + " (expected FILE@LON,LAT[,ALT,HEADING,SCALE])");
    };
    std::size_t at = text.rfind('@');
    if (at == std::string::npos || at == 0) throw fail("no @ between the file and where it stands");
    ModelPlacement p;
    p.path = text.substr(0, at);
    std::vector<double> v;
    std::string rest = text.substr(at + 1);
    for (std::size_t start = 0; start <= rest.size();) {
        std::size_t comma = rest.find(',', start);
        std::string part = rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        char* end = nullptr;
        double d = std::strtod(part.c_str(), &end);
        if (part.empty() || *end != '\0' || !std::isfinite(d)) throw fail("'" + part + "' is not a number");
        v.push_back(d);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (v.size() < 2 || v.size() > 5) throw fail(std::to_string(v.size()) + " numbers");
    p.lon = v[0];
    p.lat = v[1];
    if (std::fabs(p.lon) > 180 || std::fabs(p.lat) > 90) throw fail("longitude or latitude out of range");
    if (v.size() > 2) p.altitude = v[2];
    if (v.size() > 3) p.headingDeg = v[3];
    if (v.size() > 4) p.scale = v[4];
    if (p.scale <= 0) throw fail("the scale must be above 0");
    return p;
}

std::string formatModelPlacement(const ModelPlacement& p) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "@%.7f,%.7f,%g,%g,%g", p.lon, p.lat, p.altitude, p.headingDeg, p.scale);
    return p.path + buf;
}

}  // namespace jbt
