#pragma once
// The OGR import behind importLayer and friends (which first send city models to their own
// reader and keep passwords out of messages: import_dispatch.cpp).
#include <optional>
#include <string>

#include "data_import/ogr_layer_reader.h"

namespace jbt {

LayerData importOgrLayer(const ImportOptions& options, const SceneFrame& frame);
LayerData importOgrLayer(const ImportOptions& options, const SceneFrame& frame, const FeatureSink& sink);
std::optional<GeoPoint> probeOgrCentre(const ImportOptions& options);
DatasetInfo inspectOgrDataset(const std::string& path);
bool hasOgrLayerOfKind(const ImportOptions& options);

}  // namespace jbt
