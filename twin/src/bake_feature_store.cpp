#include "bake_feature_store.h"

#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "model/error.h"

namespace jbt {
namespace {

// Little records: counts as u32, numbers as f64, text as length and bytes.
struct Writer {
    std::string& out;
    template <typename T>
    void raw(T v) {
        out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void count(std::size_t n) { raw(std::uint32_t(n)); }
    void text(const std::string& s) {
        count(s.size());
        out += s;
    }
    void ring(const Ring& r) {
        count(r.size());
        for (const Vec2& v : r) raw(v.x), raw(v.y);
    }
};

struct Reader {
    const char* p;
    const char* end;
    template <typename T>
    T raw() {
        if (std::size_t(end - p) < sizeof(T)) throw Error("bake: a stored feature is damaged");
        T v;
        std::memcpy(&v, p, sizeof v);
        p += sizeof v;
        return v;
    }
    std::size_t count() {
        std::size_t n = raw<std::uint32_t>();
        if (n > std::size_t(end - p)) throw Error("bake: a stored feature is damaged");  // every item takes a byte at least
        return n;
    }
    std::string text() {
        std::size_t n = count();
        std::string s(p, n);
        p += n;
        return s;
    }
    Ring ring() {
        Ring r(count());
        for (Vec2& v : r) v.x = raw<double>(), v.y = raw<double>();
        return r;
    }
};

}  // namespace

BakeFeatureStore::BakeFeatureStore(std::string path) : path_(std::move(path)) {
    file_ = std::fopen(path_.c_str(), "w+b");
    if (!file_) throw Error(path_ + ": cannot create the bake's feature file: " + std::strerror(errno));
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

BakeFeatureStore::~BakeFeatureStore() {
    if (file_) std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

void BakeFeatureStore::append(const Feature& f) {
    record_.clear();
    Writer w{record_};
    w.raw(f.sourceFid), w.raw(f.height), w.raw(f.minHeight), w.raw(f.groundZ), w.raw(std::uint8_t(f.heightSource));
    w.count(f.polygons.size());
    for (const Polygon& p : f.polygons) {
        w.ring(p.outer);
        w.count(p.holes.size());
        for (const Ring& h : p.holes) w.ring(h);
    }
    w.count(f.attributes.size());
    for (const auto& [k, v] : f.attributes) w.text(k), w.text(v);
    w.count(f.surfaces.size());
    for (const Surface& s : f.surfaces) {
        w.raw(std::uint8_t(s.kind));
        w.count(s.rings.size());
        for (const auto& ring : s.rings) {
            w.count(ring.size());
            for (const Vec3& v : ring) w.raw(v.x), w.raw(v.y), w.raw(v.z);
        }
        bool coloured = s.appearance && s.appearance->color;
        w.raw(std::uint8_t(coloured));
        if (coloured)
            for (float c : *s.appearance->color) w.raw(c);
    }
    if (std::fwrite(record_.data(), 1, record_.size(), file_) != record_.size())
        throw Error(path_ + ": cannot write the bake's feature file: " + std::strerror(errno));
    offsets_.push_back(offsets_.back() + record_.size());
}

void BakeFeatureStore::finishWriting() {
    if (std::fflush(file_) != 0) throw Error(path_ + ": cannot write the bake's feature file: " + std::strerror(errno));
}

Feature BakeFeatureStore::get(std::uint32_t index) const {
    thread_local std::string buffer;
    std::uint64_t at = offsets_.at(index), size = offsets_.at(index + 1) - at;
    buffer.resize(size);
    if (::pread(fileno(file_), buffer.data(), size, off_t(at)) != ssize_t(size))
        throw Error(path_ + ": cannot read the bake's feature file back");
    Reader r{buffer.data(), buffer.data() + size};
    Feature f;
    f.sourceFid = r.raw<std::int64_t>(), f.height = r.raw<double>(), f.minHeight = r.raw<double>(), f.groundZ = r.raw<double>();
    f.heightSource = HeightSource(r.raw<std::uint8_t>());
    f.polygons.resize(r.count());
    for (Polygon& p : f.polygons) {
        p.outer = r.ring();
        p.holes.resize(r.count());
        for (Ring& h : p.holes) h = r.ring();
    }
    f.attributes.resize(r.count());
    for (auto& [k, v] : f.attributes) k = r.text(), v = r.text();
    f.surfaces.resize(r.count());
    for (Surface& s : f.surfaces) {
        s.kind = SurfaceKind(r.raw<std::uint8_t>());
        s.rings.resize(r.count());
        for (auto& ring : s.rings) {
            ring.resize(r.count());
            for (Vec3& v : ring) v.x = r.raw<double>(), v.y = r.raw<double>(), v.z = r.raw<double>();
        }
        if (r.raw<std::uint8_t>()) {
            auto look = std::make_shared<SurfaceAppearance>();
            look->color.emplace();
            for (float& c : *look->color) c = r.raw<float>();
            s.appearance = std::move(look);
        }
    }
    return f;
}

}  // namespace jbt
