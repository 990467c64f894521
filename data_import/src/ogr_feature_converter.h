#pragma once
// One OGR feature → a model Feature in scene metres: validity checked and repaired (GEOS),
// reprojected, heights resolved. Used on the import's worker threads, one converter per batch.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "data_import/ogr_layer_reader.h"

class OGRFeature;
class OGRCoordinateTransformation;

namespace jbt {

// What converting a batch of features gave: the features kept, counts, and the messages in
// feature order with the reason each counts against (capped per reason when batches are merged).
struct ConvertedBatch {
    std::vector<Feature> features;
    ImportReport report;  // counts only; messages are in `notes`
    std::vector<std::pair<std::string, std::string>> notes;
};

// Adds a batch's counts and notes to `into`, keeping the first `perReason` messages of each
// reason over all batches merged so far (`noted` counts them). Batches merged in source order
// give the same report as converting one by one.
void mergeReport(ConvertedBatch& batch, ImportReport& into, std::map<std::string, std::size_t>& noted,
                 std::size_t perReason = 5);

// `ct` takes the source's coordinates to the scene CRS, through the Chinese offset the source
// uses if any (makeTransformation); null: already there. Not shared between threads.
void convertFeature(OGRFeature& feature, OGRCoordinateTransformation* ct, const ImportOptions& options,
                    ConvertedBatch& out);

}  // namespace jbt
