#include "tiles/feature_style.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace jbt {
namespace {

constexpr std::size_t kMaxCategories = 10;

// Pale yellow → deep red, as the draped layers' graduated ramp; opaque, for solid buildings.
Rgba ramp(double t) {
    auto mix = [&](double a, double b) { return std::uint8_t(a + (b - a) * t); };
    return {mix(255, 189), mix(237, 0), mix(160, 38), 255};
}

const Rgba kPalette[] = {{102, 194, 165, 255}, {252, 141, 98, 255}, {141, 160, 203, 255}, {231, 138, 195, 255},
                         {166, 216, 84, 255},  {255, 217, 47, 255}, {229, 196, 148, 255}, {141, 211, 199, 255},
                         {190, 186, 218, 255}, {128, 177, 211, 255}};

bool number(const std::string& v, double& out) {
    if (v.empty()) return false;
    char* end = nullptr;
    out = std::strtod(v.c_str(), &end);
    return end && *end == '\0';
}

const std::string* valueIn(const Attributes& row, const std::string& property) {
    for (const auto& [k, v] : row)
        if (k == property && !v.empty()) return &v;
    return nullptr;
}

std::string shortNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

}  // namespace

Rgba FeatureStyle::colorOf(const Attributes& row) const {
    const std::string* v = valueIn(row, property);
    if (!v) return other;
    if (numeric) {
        double x = 0;
        if (!number(*v, x) || breaks.empty()) return other;
        std::size_t c = std::lower_bound(breaks.begin(), breaks.end(), x) - breaks.begin();
        c = std::min(c, breaks.size() - 1);
        return ramp(breaks.size() == 1 ? 1.0 : double(c) / double(breaks.size() - 1));
    }
    for (const auto& [value, color] : categories)
        if (value == *v) return color;
    return other;
}

std::vector<LegendEntry> FeatureStyle::legend() const {
    std::vector<LegendEntry> out;
    if (numeric) {
        for (std::size_t c = 0; c < breaks.size(); ++c) {
            std::string label = (c == 0 ? "≤ " : shortNumber(breaks[c - 1]) + " – ") + shortNumber(breaks[c]);
            out.push_back({label, ramp(breaks.size() == 1 ? 1.0 : double(c) / double(breaks.size() - 1))});
        }
    } else {
        for (const auto& [value, color] : categories) out.push_back({value, color});
    }
    out.push_back({"—", other});
    return out;
}

FeatureStyle makeFeatureStyle(const std::string& property, const std::vector<const Attributes*>& rows, int classes) {
    FeatureStyle s;
    s.property = property;
    if (property.empty()) return s;
    std::vector<double> numbers;
    std::map<std::string, std::size_t> counts;
    bool numeric = true;
    for (const Attributes* row : rows) {
        const std::string* v = valueIn(*row, property);
        if (!v) continue;
        double x = 0;
        if (number(*v, x)) numbers.push_back(x);
        else numeric = false;
        ++counts[*v];
    }
    s.numeric = numeric && !numbers.empty();
    if (s.numeric) {
        std::sort(numbers.begin(), numbers.end());
        for (int c = 1; c <= classes; ++c) {
            double b = numbers[std::min(numbers.size() - 1, numbers.size() * std::size_t(c) / std::size_t(classes))];
            if (s.breaks.empty() || b > s.breaks.back()) s.breaks.push_back(b);
        }
        s.breaks.back() = std::max(s.breaks.back(), numbers.back());
        return s;
    }
    std::vector<std::pair<std::string, std::size_t>> byCount(counts.begin(), counts.end());
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < byCount.size() && i < kMaxCategories; ++i) s.categories.push_back({byCount[i].first, kPalette[i]});
    return s;
}

}  // namespace jbt
