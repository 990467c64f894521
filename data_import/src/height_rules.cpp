#include "data_import/height_rules.h"

#include <cmath>
#include <cstdlib>
#include <initializer_list>

namespace jbt {
namespace {

// Field names in order of trust; Chinese survey data uses 高度/建筑高度 and 层数/楼层.
const std::initializer_list<const char*> kHeightKeys = {"height", "building:height", "高度", "建筑高度",
                                                        "height_m", "bldg_height", "hgt"};
const std::initializer_list<const char*> kLevelKeys = {"building:levels", "levels", "层数", "楼层",
                                                       "floor", "floors", "num_floors", "storeys"};
const std::initializer_list<const char*> kMinHeightKeys = {"min_height", "building:min_height"};
const std::initializer_list<const char*> kMinLevelKeys = {"building:min_level", "min_level"};

const std::string* firstOf(const Attributes& attrs, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (const std::string* v = findAttribute(attrs, k)) return v;
    return nullptr;
}

}  // namespace

// Full-width digits and point (０-９, ．, common in Chinese spreadsheets) as ASCII.
std::string asciiDigits(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i + 2 < text.size() && b(i) == 0xEF && b(i + 1) == 0xBC && b(i + 2) >= 0x90 && b(i + 2) <= 0x99) {
            out += char('0' + (b(i + 2) - 0x90));
            i += 2;
        } else if (i + 2 < text.size() && b(i) == 0xEF && b(i + 1) == 0xBC && b(i + 2) == 0x8E) {
            out += '.';
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool parseLengthMetres(const std::string& text, double& metres) {
    std::string t = asciiDigits(text);
    for (char& c : t)
        if (c == ',') c = '.';
    const char* begin = t.c_str();
    while (*begin == ' ') ++begin;
    char* end = nullptr;
    double v = std::strtod(begin, &end);
    if (end == begin || !std::isfinite(v)) return false;
    std::string unit(end);
    std::size_t a = unit.find_first_not_of(' ');
    unit = a == std::string::npos ? "" : unit.substr(a);
    if (unit.rfind("ft", 0) == 0 || unit.rfind("'", 0) == 0 || unit.rfind("feet", 0) == 0) v *= 0.3048;
    metres = v;
    return true;
}

HeightResult resolveHeight(const Attributes& attrs, const HeightOptions& o) {
    HeightResult r;
    double h = 0;
    bool have = false;
    std::string from;
    if (!o.heightField.empty()) {
        if (const std::string* v = findAttribute(attrs, o.heightField); v && parseLengthMetres(*v, h)) {
            have = true;
            from = o.heightField + "=" + *v;
            r.source = HeightSource::Field;
        }
    }
    if (!have) {
        if (const std::string* v = firstOf(attrs, kHeightKeys); v && parseLengthMetres(*v, h)) {
            have = true;
            from = "height " + *v;
            r.source = HeightSource::Field;
        }
    }
    if (!have) {
        double levels = 0;
        if (const std::string* v = firstOf(attrs, kLevelKeys); v && parseLengthMetres(*v, levels)) {
            have = true;
            h = levels * o.floorHeight;
            from = "levels " + *v;
            r.source = HeightSource::Levels;
        }
    }
    if (!have) {
        h = o.defaultHeight;
        r.source = HeightSource::Default;
        // A value was there but is not a number: said, not silently replaced.
        const std::string* field = o.heightField.empty() ? nullptr : findAttribute(attrs, o.heightField);
        if (!field) field = firstOf(attrs, kHeightKeys);
        if (!field) field = firstOf(attrs, kLevelKeys);
        if (field && !field->empty()) r.unreadable = *field;
    }
    if (!(h > 0) || h > o.maxHeight) {
        r.reason = "absurd_height";
        r.detail = "height " + std::to_string(h) + " m from " + from + " is outside (0, " +
                   std::to_string(static_cast<int>(o.maxHeight)) + "] m";
        return r;
    }
    double minH = 0, minLevel = 0;
    if (const std::string* v = firstOf(attrs, kMinHeightKeys); v && parseLengthMetres(*v, minH)) {
    } else if (const std::string* v2 = firstOf(attrs, kMinLevelKeys); v2 && parseLengthMetres(*v2, minLevel)) {
        minH = minLevel * o.floorHeight;
    }
    // A base at or above the top is a tagging slip; keep the building standing on the ground.
    if (!(minH >= 0) || minH >= h) minH = 0;
    r.ok = true;
    r.height = h;
    r.minHeight = minH;
    return r;
}

}  // namespace jbt
