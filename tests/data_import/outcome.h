#pragma once
// The tests of import code check a success and its message side by side: these adapters turn
// a thrown Error into {ok, error} so each check reads as one line.
#include <memory>
#include <string>

#include "data_import/dem_reader.h"
#include "data_import/governance_events.h"
#include "data_import/live_source.h"
#include "data_import/ogr_layer_reader.h"
#include "model/error.h"

namespace jbt::test {

struct ImportResult {
    bool ok = false;
    std::string error;
    LayerData layer;
};

inline ImportResult tryImport(const ImportOptions& o, const SceneFrame& frame) {
    try {
        return {true, "", importLayer(o, frame)};
    } catch (const Error& e) {
        return {false, e.what(), {}};
    }
}

struct DemResult {
    bool ok = false;
    std::string error;
    DemInfo info;
    HeightGrid grid;
};

inline DemResult tryReadDem(const DemOptions& o, const SceneFrame& frame) {
    try {
        Dem d = readDem(o, frame);
        return {true, "", d.info, std::move(d.grid)};
    } catch (const Error& e) {
        return {false, e.what(), {}, {}};
    }
}

inline bool tryMerge(const std::string& payload, const std::string& source, const SceneFrame& frame,
                     const EventParseOptions& o, EventSet& into, std::string& error) {
    try {
        mergeEventsGeoJson(payload, source, frame, o, into);
        return true;
    } catch (const Error& e) {
        error = e.what();
        return false;
    }
}

inline std::unique_ptr<LiveEventSource> tryOpenSource(const std::string& spec, GeoPoint origin, const LiveSourceOptions& o,
                                                      std::string& error) {
    try {
        return openLiveSource(spec, origin, o);
    } catch (const Error& e) {
        error = e.what();
        return nullptr;
    }
}

}  // namespace jbt::test
