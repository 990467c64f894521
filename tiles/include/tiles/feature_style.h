#pragma once
// Colouring a tileset's features by a property, as a planner asks ("colour by height", "by
// use"): numbers on a graduated ramp in quantile classes, text one colour per value; a legend.
#include <string>
#include <vector>

#include "model/attribute_table.h"
#include "model/drape.h"

namespace jbt {

struct FeatureStyle {
    std::string property;  // "" : the content's own colours
    bool numeric = false;
    std::vector<double> breaks;  // graduated: each class's upper bound, ascending
    std::vector<std::pair<std::string, Rgba>> categories;  // text: value → colour, most frequent first
    Rgba other{170, 170, 170, 255};  // values outside the categories, or missing

    bool active() const { return !property.empty(); }
    Rgba colorOf(const Attributes& row) const;
    std::vector<LegendEntry> legend() const;
};

// A style for `property` from the rows seen so far: numeric when every value present parses as
// a number. At most `classes` graduated classes, or 10 categories (then "other").
FeatureStyle makeFeatureStyle(const std::string& property, const std::vector<const Attributes*>& rows, int classes = 5);

}  // namespace jbt
