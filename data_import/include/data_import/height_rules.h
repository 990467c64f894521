#pragma once
// Building heights from the attributes real data carries (OSM tags, Chinese survey fields).
#include <string>

#include "model/attribute_table.h"
#include "model/feature.h"

namespace jbt {

struct HeightOptions {
    std::string heightField;    // --height-field: wins over every rule below when it has a value
    double floorHeight = 3.0;   // metres per storey for levels
    double defaultHeight = 10.0;  // when nothing usable is present (about three storeys)
    double maxHeight = 1000.0;  // taller is treated as a data error (the tallest building is 828 m)
};

struct HeightResult {
    bool ok = false;
    double height = 0, minHeight = 0;
    HeightSource source = HeightSource::Default;
    std::string reason;  // when !ok: the skip reason key
    std::string detail;  // when !ok: what was wrong, for the message
    std::string unreadable;  // a height or levels value that is not a number ("abc", "NaN", "1e400")
};

// Parses "12", "12.5 m", "12,5", "40 ft", "40'", "12米"; false when no number leads the text.
bool parseLengthMetres(const std::string& text, double& metres);

HeightResult resolveHeight(const Attributes& attrs, const HeightOptions& options);

}  // namespace jbt
