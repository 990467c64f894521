#include "data_import/drape_style.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "model/attribute_table.h"

namespace jbt {
namespace {

// For values a style does not name: soft, distinct colours (ColorBrewer Set2/Set3 hues).
const Rgba kPalette[] = {{102, 194, 165, 170}, {252, 141, 98, 170},  {141, 160, 203, 170}, {231, 138, 195, 170},
                         {166, 216, 84, 170},  {255, 217, 47, 170},  {229, 196, 148, 170}, {179, 179, 179, 170},
                         {141, 211, 199, 170}, {190, 186, 218, 170}, {251, 128, 114, 170}, {128, 177, 211, 170}};

// Graduated ramp: pale yellow → deep red.
Rgba ramp(double t) {
    auto mix = [&](double a, double b) { return std::uint8_t(a + (b - a) * t); };
    return {mix(255, 189), mix(237, 0), mix(160, 38), 215};
}

// `field` may list several attributes ("landuse,leisure,natural"): the first one set wins.
std::string valueOf(const Feature& f, const std::string& field) {
    std::size_t start = 0;
    while (start <= field.size()) {
        std::size_t end = field.find(',', start);
        if (end == std::string::npos) end = field.size();
        if (const std::string* v = findAttribute(f.attributes, field.substr(start, end - start))) return *v;
        start = end + 1;
    }
    return {};
}

}  // namespace

DrapeStyle defaultDrapeStyle(const LayerData& layer, const std::string& styleField) {
    DrapeStyle s;
    auto has = [&](const char* field) {
        for (std::size_t i = 0; i < std::min<std::size_t>(layer.features.size(), 200); ++i)
            if (findAttribute(layer.features[i].attributes, field)) return true;
        return false;
    };
    if (!styleField.empty()) {
        s.field = styleField;
        // Numbers get a graduated ramp, anything else one colour per value.
        bool numeric = true;
        for (std::size_t i = 0; i < std::min<std::size_t>(layer.features.size(), 200); ++i) {
            std::string v = valueOf(layer.features[i], styleField);
            char* end = nullptr;
            if (!v.empty()) std::strtod(v.c_str(), &end);
            if (!v.empty() && (!end || *end)) numeric = false;
        }
        s.mode = numeric ? DrapeStyle::Mode::Graduated : DrapeStyle::Mode::Categorical;
    } else if (layer.kind == LayerKind::Lines && has("highway")) {
        s.mode = DrapeStyle::Mode::Categorical;
        s.field = "highway";
        // Asphalt, a little warmer and darker the bigger the road: a city seen from the air, not
        // a road atlas (the width and the centre line tell the class too).
        s.categories = {{"motorway", {96, 92, 90, 255}},     {"trunk", {104, 100, 96, 255}},
                        {"primary", {112, 110, 106, 255}},   {"secondary", {122, 121, 118, 255}},
                        {"tertiary", {132, 132, 130, 255}},  {"residential", {142, 142, 140, 255}},
                        {"service", {152, 152, 150, 255}},   {"footway", {196, 182, 160, 255}}};
        s.widthByCategory = {{"motorway", 26}, {"trunk", 22}, {"primary", 18}, {"secondary", 14}, {"tertiary", 11},
                             {"residential", 7}, {"service", 5}, {"footway", 3}};
        s.roads = true;
        using C = FeatureLook::CentreLine;
        s.centreByCategory = {{"motorway", C::Solid}, {"trunk", C::Solid}, {"primary", C::Solid},
                              {"secondary", C::Dashed}, {"tertiary", C::Dashed}};
    } else if (layer.kind == LayerKind::Areas && (has("landuse") || has("leisure") || has("natural"))) {
        s.mode = DrapeStyle::Mode::Categorical;
        s.field = "landuse,leisure,natural,amenity";
        s.categories = {{"forest", {60, 120, 60, 200}}, {"wood", {60, 120, 60, 200}}, {"park", {120, 190, 100, 200}},
                        {"garden", {130, 200, 110, 200}}, {"grass", {150, 200, 120, 190}}, {"pitch", {110, 180, 110, 190}},
                        {"stadium", {110, 170, 110, 170}}, {"residential", {225, 205, 180, 140}},
                        {"commercial", {240, 180, 190, 150}}, {"retail", {240, 170, 180, 150}},
                        {"industrial", {200, 185, 210, 150}}, {"harbour", {170, 180, 200, 150}},
                        {"port", {170, 180, 200, 150}}, {"water", {90, 150, 200, 220}}, {"marina", {100, 160, 210, 200}},
                        {"beach", {235, 220, 170, 200}}, {"sand", {235, 220, 170, 200}}, {"parking", {190, 190, 190, 150}},
                        {"farmland", {220, 230, 160, 160}}, {"cemetery", {170, 200, 160, 170}}, {"", {0, 0, 0, 0}}};
    } else if (layer.kind == LayerKind::Areas) {
        s.outlineOnly = true;  // district and grid boundaries: an outline reads better than a fill
        s.color = {235, 45, 45, 240};
        s.outlinePx = 3;
    }
    return s;
}

StyledLayer applyDrapeStyle(const LayerData& layer, const DrapeStyle& st) {
    StyledLayer out;
    out.looks.reserve(layer.features.size());
    std::map<std::string, Rgba> used;
    std::vector<double> numbers;
    if (st.mode == DrapeStyle::Mode::Graduated)
        for (const Feature& f : layer.features) {
            std::string v = valueOf(f, st.field);
            if (!v.empty()) numbers.push_back(std::atof(v.c_str()));
        }
    std::sort(numbers.begin(), numbers.end());
    auto quantile = [&](double q) { return numbers.empty() ? 0.0 : numbers[std::min(numbers.size() - 1, std::size_t(q * numbers.size()))]; };
    for (const Feature& f : layer.features) {
        FeatureLook look{st.color, st.lineWidthM, FeatureLook::CentreLine::None};
        std::string v = st.field.empty() ? "" : valueOf(f, st.field);
        if (st.mode == DrapeStyle::Mode::Categorical) {
            if (auto it = st.categories.find(v); it != st.categories.end()) look.color = it->second;
            else if (auto u = used.find(v); u != used.end()) look.color = u->second;
            else look.color = kPalette[used.size() % (sizeof kPalette / sizeof kPalette[0])];
            if (auto w = st.widthByCategory.find(v); w != st.widthByCategory.end()) look.widthM = w->second;
            if (auto c = st.centreByCategory.find(v); c != st.centreByCategory.end()) look.centre = c->second;
            used[v] = look.color;
        } else if (st.mode == DrapeStyle::Mode::Graduated && !v.empty()) {
            double x = std::atof(v.c_str());
            int cls = 0;
            while (cls < st.classes - 1 && x > quantile(double(cls + 1) / st.classes)) ++cls;
            look.color = ramp(st.classes > 1 ? double(cls) / (st.classes - 1) : 1.0);
        }
        out.looks.push_back(look);
    }
    if (st.mode == DrapeStyle::Mode::Graduated && !numbers.empty())
        for (int k = 0; k < st.classes; ++k)
            out.legend.push_back({st.field + " ≤ " + std::to_string(int(std::round(quantile(double(k + 1) / st.classes - 1e-9)))),
                                  ramp(st.classes > 1 ? double(k) / (st.classes - 1) : 1.0)});
    else if (st.mode == DrapeStyle::Mode::Categorical)
        for (auto& [value, color] : used) out.legend.push_back({value.empty() ? "(none)" : value, color});
    else
        out.legend.push_back({layer.name, st.color});
    return out;
}

}  // namespace jbt
