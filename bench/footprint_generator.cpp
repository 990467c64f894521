#include "bench/footprint_generator.h"

#include <cmath>
#include <cstdio>
#include <memory>

namespace jbt::bench {
namespace {

struct Rng {
    std::uint64_t s;
    double uniform() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return double((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
    }
    double range(double a, double b) { return a + (b - a) * uniform(); }
};

Ring place(std::initializer_list<Vec2> local, Vec2 c, double angle) {
    Ring r;
    double cs = std::cos(angle), sn = std::sin(angle);
    for (Vec2 p : local) r.push_back({c.x + p.x * cs - p.y * sn, c.y + p.x * sn + p.y * cs});
    return r;
}

Feature makeFootprint(Rng& rng, Vec2 c) {
    Feature f;
    double w = rng.range(8, 36), d = rng.range(8, 28), a = rng.range(0, M_PI);
    double kind = rng.uniform();
    Polygon p;
    if (kind < 0.45) {  // rectangle
        p.outer = place({{-w / 2, -d / 2}, {w / 2, -d / 2}, {w / 2, d / 2}, {-w / 2, d / 2}}, c, a);
    } else if (kind < 0.70) {  // L-shape
        p.outer = place({{-w / 2, -d / 2}, {w / 2, -d / 2}, {w / 2, 0}, {0, 0}, {0, d / 2}, {-w / 2, d / 2}}, c, a);
    } else if (kind < 0.80) {  // courtyard block
        double W = w + 10, D = d + 10;
        p.outer = place({{-W / 2, -D / 2}, {W / 2, -D / 2}, {W / 2, D / 2}, {-W / 2, D / 2}}, c, a);
        p.holes.push_back(place({{-W / 4, -D / 4}, {W / 4, -D / 4}, {W / 4, D / 4}, {-W / 4, D / 4}}, c, a));
    } else {  // irregular outline, 5–12 vertices
        int n = 5 + int(rng.uniform() * 8);
        for (int i = 0; i < n; ++i) {
            double t = a + 2 * M_PI * i / n, r = 0.5 * w * rng.range(0.6, 1.0);
            p.outer.push_back({c.x + r * std::cos(t), c.y + r * std::sin(t)});
        }
    }
    f.polygons.push_back(std::move(p));
    f.height = std::round(rng.range(6, 30) + (rng.uniform() < 0.1 ? rng.range(30, 150) : 0));
    return f;
}

template <typename Fn>
void forEachFootprint(std::size_t count, std::uint64_t seed, Fn fn) {
    Rng rng{seed};
    auto side = static_cast<std::size_t>(std::ceil(std::sqrt(double(count))));
    const double pitch = 52.0;  // block spacing in metres
    for (std::size_t i = 0; i < count; ++i) {
        double x = (double(i % side) - side / 2.0) * pitch + rng.range(-4, 4);
        double y = (double(i / side) - side / 2.0) * pitch + rng.range(-4, 4);
        fn(i, makeFootprint(rng, {x, y}));
    }
}

}  // namespace

LayerData generateFootprints(std::size_t count, std::uint64_t seed) {
    LayerData l;
    l.name = "generated";
    l.features.reserve(count);
    forEachFootprint(count, seed, [&](std::size_t, Feature f) { l.features.push_back(std::move(f)); });
    return l;
}

void writeFootprintsGeoJson(std::size_t count, const std::string& path, double lon0, double lat0) {
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "w"), &std::fclose);
    if (!out) return;
    // Small areas: a local equirectangular step is accurate enough for generated data.
    double mLon = 111320.0 * std::cos(lat0 * M_PI / 180), mLat = 110850.0;
    std::fputs("{\"type\":\"FeatureCollection\",\"features\":[\n", out.get());
    auto ring = [&](const Ring& r) {
        std::fputc('[', out.get());
        for (std::size_t k = 0; k <= r.size(); ++k) {
            const Vec2& v = r[k % r.size()];
            std::fprintf(out.get(), "%s[%.7f,%.7f]", k ? "," : "", lon0 + v.x / mLon, lat0 + v.y / mLat);
        }
        std::fputc(']', out.get());
    };
    forEachFootprint(count, 7, [&](std::size_t i, const Feature& f) {
        const Polygon& p = f.polygons[0];
        if (i % 3 == 0)
            std::fprintf(out.get(), "%s{\"type\":\"Feature\",\"properties\":{\"building:levels\":%d},", i ? ",\n" : "",
                         int(f.height / 3));
        else
            std::fprintf(out.get(), "%s{\"type\":\"Feature\",\"properties\":{\"height\":%.0f},", i ? ",\n" : "", f.height);
        std::fputs("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[", out.get());
        ring(p.outer);
        for (const Ring& h : p.holes) {
            std::fputc(',', out.get());
            ring(h);
        }
        std::fputs("]}}", out.get());
    });
    std::fputs("\n]}\n", out.get());
}

std::vector<std::size_t> parseSizes(const std::string& list) {
    std::vector<std::size_t> out;
    std::size_t start = 0;
    while (start < list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        out.push_back(std::stoul(list.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

}  // namespace jbt::bench
