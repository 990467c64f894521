#include "twin/app_options.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "model/error.h"

namespace jbt {

void addDataFolder(const std::string& dir, const ImportOptions& shared, AppOptions& out) {
    std::string manifest = dir + "/manifest.json";
    std::ifstream in(manifest);
    if (!in) throw Error(manifest + ": not found (write the folder with scripts/fetch_district.sh)");
    try {
        nlohmann::json j = nlohmann::json::parse(in);
        std::string osm = j.value("osm", ""), dem = j.value("dem", "");
        if (!osm.empty())
            for (LayerKind kind : {LayerKind::Buildings, LayerKind::Areas, LayerKind::Lines, LayerKind::Points}) {
                ImportOptions o = shared;
                o.path = dir + "/" + osm;
                o.kind = kind;
                o.displayName = std::string("OSM ") + layerKindName(kind);
                out.layers.push_back(o);
            }
        if (!dem.empty() && out.demPath.empty()) out.demPath = dir + "/" + dem;
    } catch (const nlohmann::json::exception& e) {
        throw Error(manifest + ": malformed: " + e.what());
    }
    out.demo = false;
}

}  // namespace jbt
