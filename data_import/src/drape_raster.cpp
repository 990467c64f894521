#include "data_import/drape_raster.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <set>

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

std::unique_ptr<OGRGeometry> toOgr(const Feature& f, const DrapeStyle& s, double width) {
    auto ring = [](const std::vector<Vec2>& pts, bool close) {
        auto* r = close ? new OGRLinearRing : nullptr;
        auto* l = close ? r : new OGRLineString;
        for (const Vec2& p : pts) l->addPoint(p.x, p.y);
        if (close && !pts.empty()) l->addPoint(pts[0].x, pts[0].y);
        return l;
    };
    if (!f.lines.empty() || s.outlineOnly) {
        auto lines = std::make_unique<OGRMultiLineString>();
        for (const auto& l : f.lines) lines->addGeometryDirectly(ring(l, false));
        for (const Polygon& p : f.polygons) {
            auto* outline = ring(p.outer, false);
            outline->addPoint(p.outer[0].x, p.outer[0].y);  // closed, as an outline
            lines->addGeometryDirectly(outline);
        }
        return std::unique_ptr<OGRGeometry>(lines->Buffer(width / 2, 4));
    }
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& p : f.polygons) {
        auto* poly = new OGRPolygon;
        poly->addRingDirectly(static_cast<OGRLinearRing*>(ring(p.outer, true)));
        for (const Ring& h : p.holes) poly->addRingDirectly(static_cast<OGRLinearRing*>(ring(h, true)));
        multi->addGeometryDirectly(poly);
    }
    return multi;
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
        s.categories = {{"motorway", {230, 120, 60, 235}}, {"trunk", {235, 150, 70, 235}}, {"primary", {245, 190, 90, 235}},
                        {"secondary", {250, 220, 120, 230}}, {"tertiary", {255, 245, 200, 225}}, {"residential", {240, 240, 236, 185}},
                        {"service", {235, 235, 235, 190}}, {"footway", {220, 200, 180, 170}}};
        s.widthByCategory = {{"motorway", 26}, {"trunk", 22}, {"primary", 18}, {"secondary", 14}, {"tertiary", 11},
                             {"residential", 7}, {"service", 5}, {"footway", 3}};
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
        s.lineWidthM = 40;
    }
    return s;
}

DrapeImage rasterizeDrapes(const std::vector<const LayerData*>& layers, const std::vector<DrapeStyle>& styles,
                           DrapeBounds b, double pixelSize, std::vector<std::vector<LegendEntry>>& legends, int maxPixels) {
    GDALAllRegister();
    DrapeImage img;
    legends.assign(layers.size(), {});
    double span = std::max(b.maxX - b.minX, b.maxY - b.minY);
    img.pixelSize = std::max(pixelSize, span / maxPixels);
    img.originX = b.minX;
    img.originY = b.minY;
    img.width = std::max(1, int(std::ceil((b.maxX - b.minX) / img.pixelSize)));
    img.height = std::max(1, int(std::ceil((b.maxY - b.minY) / img.pixelSize)));
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    std::unique_ptr<GDALDataset> ds(mem->Create("", img.width, img.height, 4, GDT_Byte, nullptr));
    double gt[6] = {img.originX, img.pixelSize, 0, img.originY + img.height * img.pixelSize, 0, -img.pixelSize};
    ds->SetGeoTransform(gt);
    int bands[4] = {1, 2, 3, 4};
    for (std::size_t li = 0; li < layers.size(); ++li) {
        const LayerData& layer = *layers[li];
        const DrapeStyle& st = styles[li];
        std::vector<std::unique_ptr<OGRGeometry>> geoms;
        std::vector<double> burn;
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
            Rgba c = st.color;
            double width = st.lineWidthM;
            std::string v = st.field.empty() ? "" : valueOf(f, st.field);
            if (st.mode == DrapeStyle::Mode::Categorical) {
                if (auto it = st.categories.find(v); it != st.categories.end()) c = it->second;
                else if (auto u = used.find(v); u != used.end()) c = u->second;
                else c = kPalette[used.size() % (sizeof kPalette / sizeof kPalette[0])];
                if (auto w = st.widthByCategory.find(v); w != st.widthByCategory.end()) width = w->second;
                used[v] = c;
            } else if (st.mode == DrapeStyle::Mode::Graduated && !v.empty()) {
                double x = std::atof(v.c_str());
                int cls = 0;
                while (cls < st.classes - 1 && x > quantile(double(cls + 1) / st.classes)) ++cls;
                c = ramp(st.classes > 1 ? double(cls) / (st.classes - 1) : 1.0);
            }
            std::unique_ptr<OGRGeometry> g = toOgr(f, st, width);
            if (!g || g->IsEmpty()) continue;
            for (std::uint8_t ch : c) burn.push_back(ch);
            geoms.push_back(std::move(g));
        }
        if (st.mode == DrapeStyle::Mode::Graduated && !numbers.empty())
            for (int k = 0; k < st.classes; ++k)
                legends[li].push_back({st.field + " ≤ " + std::to_string(int(std::round(quantile(double(k + 1) / st.classes - 1e-9)))),
                                       ramp(st.classes > 1 ? double(k) / (st.classes - 1) : 1.0)});
        else if (st.mode == DrapeStyle::Mode::Categorical)
            for (auto& [value, color] : used) legends[li].push_back({value.empty() ? "(none)" : value, color});
        else
            legends[li].push_back({layer.name, st.color});
        std::vector<OGRGeometryH> handles;
        for (auto& g : geoms) handles.push_back(OGRGeometry::ToHandle(g.get()));
        if (handles.empty()) continue;
        const char* options[] = {"ALL_TOUCHED=TRUE", nullptr};
        GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 4, bands, int(handles.size()), handles.data(), nullptr,
                                nullptr, burn.data(), const_cast<char**>(options), nullptr, nullptr);
    }
    img.rgba.resize(std::size_t(img.width) * img.height * 4);
    std::vector<std::uint8_t> row(std::size_t(img.width));
    for (int band = 0; band < 4; ++band)
        for (int y = 0; y < img.height; ++y) {
            // GDAL's row 0 is the north edge; the image's is the south.
            if (ds->GetRasterBand(band + 1)->RasterIO(GF_Read, 0, img.height - 1 - y, img.width, 1, row.data(), img.width, 1,
                                                    GDT_Byte, 0, 0) != CE_None)
                return {};
            for (int x = 0; x < img.width; ++x) img.rgba[(std::size_t(y) * img.width + x) * 4 + band] = row[x];
        }
    return img;
}

}  // namespace jbt
