// The public import entry points: city models to their own reader, everything else to OGR, and
// a PG: connection's password kept out of every message they give.
#include "data_import/city_model.h"
#include "data_import/ogr_layer_reader.h"
#include "model/error.h"
#include "model/url.h"
#include "ogr_import.h"

namespace jbt {

namespace {

// A PG: connection's password never reaches a message, the panel or a log.
template <typename F>
auto maskingPasswords(F&& f) {
    try {
        return f();
    } catch (const Error& e) {
        throw Error(withoutPasswords(e.what()));
    }
}
}  // namespace

LayerData importLayer(const ImportOptions& o, const SceneFrame& frame) {
    if (sniffCityFormat(o.path) != CityFormat::None) return importCityModel(o, frame);
    return maskingPasswords([&] {
        LayerData layer = importOgrLayer(o, frame);
        for (std::string& m : layer.report.messages) m = withoutPasswords(m);
        return layer;
    });
}

LayerData importLayerInBatches(const ImportOptions& o, const SceneFrame& frame, const FeatureSink& sink) {
    if (sniffCityFormat(o.path) != CityFormat::None) {
        LayerData layer = importCityModel(o, frame);
        if (!layer.features.empty()) sink(std::move(layer.features));
        layer.features.clear();
        return layer;
    }
    return maskingPasswords([&] {
        LayerData layer = importOgrLayer(o, frame, sink);
        for (std::string& m : layer.report.messages) m = withoutPasswords(m);
        return layer;
    });
}

std::optional<GeoPoint> probeCentre(const ImportOptions& o) {
    if (sniffCityFormat(o.path) != CityFormat::None) return probeCityModelCentre(o);
    return maskingPasswords([&] { return probeOgrCentre(o); });
}

DatasetInfo inspectDataset(const std::string& path) {
    if (sniffCityFormat(path) != CityFormat::None) return inspectCityModel(path);
    return maskingPasswords([&] { return inspectOgrDataset(path); });
}

bool hasLayerOfKind(const ImportOptions& o) {
    if (sniffCityFormat(o.path) != CityFormat::None) return o.kind == LayerKind::Buildings;
    return hasOgrLayerOfKind(o);
}

}  // namespace jbt
