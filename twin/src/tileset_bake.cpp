#include "twin/tileset_bake.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <unordered_map>
#include <mutex>
#include <set>
#include <thread>

#include "model/error.h"
#include "scene/building_mesh.h"
#include "tiles/geodesy.h"
#include "tiles/glb_writer.h"
#include "tiles/quadtree.h"
#include "bake_feature_store.h"

namespace jbt {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Triangles a parent tile may hold, as a share of what its children hold together.
constexpr double kParentShare = 0.25;
// The largest cell of the lattice a tile's vertices are taken to its frame through (below).
constexpr double kLatticeStepM = 100;

struct Baked {
    json tile;          // its tileset.json entry
    Mat4 world;         // its frame (ENU at its centre) → ECEF
    Vec3 boxMin, boxMax;  // its bounding box in its own frame, content and children
    double geometricError = 0;
    TileMesh mesh;      // what it draws, scene metres relative to origin (handed to the parent)
    Vec3 origin;        // scene metres
};

// Subtrees baked at once: each of the top levels' children is a task while fewer than this
// many run; deeper ones run on the thread that reached them.
class Baker {
public:
    Baker(const BakeOptions& o, GeoPoint origin, const BakeFeatureStore& features)
        : o_(o), origin_(origin), features_(features),
          threads_(o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()))) {}

    Baked bake(const QuadNode& node) {
        if (auto it = given_.find(&node); it != given_.end()) return it->second;  // another part's
        Baked b;
        b.origin = {node.minX + node.size / 2, node.minY + node.size / 2, 0};
        b.world = enuToEcef(geodeticAt(b.origin));
        std::vector<Baked> children;
        std::vector<Feature> leafFeatures;  // a leaf's buildings, read once for its mesh and its table
        if (node.leaf()) {
            b.mesh = meshFeatures(node.items, b.origin, leafFeatures);
            ++leaves_;
        } else {
            // Children stay in the quadtree's order whichever thread baked them: the same
            // tileset.json every time.
            std::vector<std::pair<std::size_t, std::future<Baked>>> running;
            for (const auto& c : node.children) {
                if (!c) continue;
                if (tasks_ < threads_ - 1 && !c->leaf()) {
                    ++tasks_;
                    running.emplace_back(children.size(), std::async(std::launch::async, [this, &c] {
                        Baked r = bake(*c);
                        --tasks_;
                        return r;
                    }));
                    children.emplace_back();
                } else {
                    children.push_back(bake(*c));
                }
            }
            for (auto& [slot, f] : running) children[slot] = f.get();
            TileMesh merged;
            double childError = 0;
            for (const Baked& c : children) {
                merged.append(c.mesh, {c.origin.x - b.origin.x, c.origin.y - b.origin.y, c.origin.z - b.origin.z});
                childError = std::max(childError, c.geometricError);
            }
            double error = 0;
            b.mesh = keepLargestFeatures(merged, std::size_t(merged.triangleCount() * kParentShare), error);
            // What a viewer is told it loses by drawing this tile instead of its children: the
            // largest building left out, and never less than what the children leave out.
            b.geometricError = std::max(error, childError);
        }
        b.boxMin = {1e300, 1e300, 1e300};
        b.boxMax = {-1e300, -1e300, -1e300};
        b.tile = {{"geometricError", b.geometricError}, {"refine", "REPLACE"}};
        if (!b.mesh.empty()) b.tile["content"] = {{"uri", writeContent(node, b, leafFeatures)}};
        Mat4 toLocal = inverseRigid(b.world);
        for (Baked& c : children) {
            Mat4 relative = toLocal * c.world;
            for (int k = 0; k < 8; ++k)
                grow(b, relative.point({(k & 1) ? c.boxMax.x : c.boxMin.x, (k & 2) ? c.boxMax.y : c.boxMin.y,
                                         (k & 4) ? c.boxMax.z : c.boxMin.z}));
            c.tile["transform"] = relative.m;
            b.tile["children"].push_back(std::move(c.tile));
        }
        Vec3 mid{(b.boxMin.x + b.boxMax.x) / 2, (b.boxMin.y + b.boxMax.y) / 2, (b.boxMin.z + b.boxMax.z) / 2};
        auto half = [](double lo, double hi) { return std::max((hi - lo) / 2, 0.01); };
        b.tile["boundingVolume"]["box"] = {mid.x, mid.y, mid.z, half(b.boxMin.x, b.boxMax.x), 0, 0,
                                           0, half(b.boxMin.y, b.boxMax.y), 0, 0, 0, half(b.boxMin.z, b.boxMax.z)};
        std::size_t done = ++tiles_;
        std::size_t depth = depth_;
        while (depth < std::size_t(node.level + 1) && !depth_.compare_exchange_weak(depth, node.level + 1)) {
        }
        if (o_.progress) {
            std::lock_guard<std::mutex> lock(progressMutex_);
            o_.progress("tiles", std::min(1.0, double(done) / double(expectedTiles_)));
        }
        return b;
    }

    void setExpectedTiles(std::size_t n) { expectedTiles_ = std::max<std::size_t>(n, 1); }
    // Subtrees another part baked: taken as they are.
    void give(const QuadNode* node, Baked b) { given_[node] = std::move(b); }
    BakeReport report() const {
        BakeReport r;
        r.tiles = tiles_, r.leaves = leaves_, r.depth = depth_, r.triangles = triangles_, r.roofFailures = roofFailures_;
        return r;
    }

private:
    // PROJ objects are not shared between threads: each thread its own scene frame.
    const SceneFrame& frame() const {
        std::lock_guard<std::mutex> lock(framesMutex_);
        auto& f = frames_[std::this_thread::get_id()];
        if (!f) f = std::make_unique<SceneFrame>(origin_);
        return *f;
    }

    Geodetic geodeticAt(Vec3 scene) const {
        GeoPoint g = frame().toWgs84({scene.x, scene.y});
        return {g.lon, g.lat, scene.z};
    }

    static void grow(Baked& b, Vec3 p) {
        b.boxMin = {std::min(b.boxMin.x, p.x), std::min(b.boxMin.y, p.y), std::min(b.boxMin.z, p.z)};
        b.boxMax = {std::max(b.boxMax.x, p.x), std::max(b.boxMax.y, p.y), std::max(b.boxMax.z, p.z)};
    }

    // The leaf's buildings as the viewer meshes them (walls, roofs, city-model faces), ids global.
    TileMesh meshFeatures(const std::vector<std::uint32_t>& items, Vec3 origin, std::vector<Feature>& features) {
        BuildingMesh mesh(osg::Vec3d(origin.x, origin.y, origin.z));
        features.reserve(items.size());
        std::vector<const Feature*> pointers;
        for (std::uint32_t i : items) pointers.push_back(&features.emplace_back(features_.get(i)));
        mesh.reserveFor(pointers);
        std::vector<std::uint32_t> ids;
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (mesh.add(features[k], float(ids.size()))) ids.push_back(items[k]);
            else ++roofFailures_;
        }
        TileMesh out;
        std::size_t n = mesh.vertices->size();
        out.positions.reserve(3 * n), out.normals.reserve(3 * n), out.colors.reserve(4 * n), out.featureIds.reserve(n);
        for (std::size_t v = 0; v < n; ++v) {
            const osg::Vec3& p = (*mesh.vertices)[v];
            const osg::Vec3& q = (*mesh.normals)[v];
            const osg::Vec4ub& c = (*mesh.colors)[v];
            out.positions.insert(out.positions.end(), {p.x(), p.y(), p.z()});
            out.normals.insert(out.normals.end(), {q.x(), q.y(), q.z()});
            out.colors.insert(out.colors.end(), {c.r(), c.g(), c.b(), c.a()});
            out.featureIds.push_back(ids[std::size_t((*mesh.ids)[v] + 0.5f)]);
        }
        out.indices.assign(mesh.triangles->begin(), mesh.triangles->end());
        return out;
    }

    // Scene metres → the tile's ENU frame. The map is smooth (a rotation and a scale varying by
    // parts per million over a city), so PROJ is asked only at the nodes of a lattice of cells of
    // at most kLatticeStepM over the mesh, and each vertex is interpolated bilinearly in its cell:
    // the Earth's curvature over 100 m is 0.8 mm and bilinear interpolation leaves an eighth of
    // it. Height enters exactly: ECEF is linear in the height above the ellipsoid.
    TileMesh toTileFrame(const Baked& b) const {
        TileMesh m = b.mesh;
        const std::size_t n = m.vertexCount();
        const SceneFrame& frame_ = frame();
        Mat4 toLocal = inverseRigid(b.world);
        float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
        for (std::size_t i = 0; i < n; ++i)
            x0 = std::min(x0, m.positions[3 * i]), x1 = std::max(x1, m.positions[3 * i]),
            y0 = std::min(y0, m.positions[3 * i + 1]), y1 = std::max(y1, m.positions[3 * i + 1]);
        const int nx = std::max(1, int(std::ceil((x1 - x0) / kLatticeStepM))) + 1;
        const int ny = std::max(1, int(std::ceil((y1 - y0) / kLatticeStepM))) + 1;
        const double dx = std::max(double(x1 - x0), 1e-3) / (nx - 1), dy = std::max(double(y1 - y0), 1e-3) / (ny - 1);
        std::vector<double> xy(2 * std::size_t(nx) * std::size_t(ny));
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                std::size_t k = std::size_t(j) * std::size_t(nx) + std::size_t(i);
                xy[2 * k] = b.origin.x + x0 + i * dx, xy[2 * k + 1] = b.origin.y + y0 + j * dy;
            }
        frame_.toWgs84(xy);
        // At each node: where height 0 lands in the tile frame, and which way is up there.
        std::vector<Vec3> ground(xy.size() / 2), up(xy.size() / 2);
        for (std::size_t k = 0; k < ground.size(); ++k) {
            Vec3 e0 = toEcef({xy[2 * k], xy[2 * k + 1], 0}), e1 = toEcef({xy[2 * k], xy[2 * k + 1], 1});
            ground[k] = toLocal.point(e0);
            up[k] = toLocal.direction({e1.x - e0.x, e1.y - e0.y, e1.z - e0.z});
        }
        for (std::size_t v = 0; v < n; ++v) {
            double fx = (m.positions[3 * v] - x0) / dx, fy = (m.positions[3 * v + 1] - y0) / dy;
            int i = std::clamp(int(fx), 0, nx - 2), j = std::clamp(int(fy), 0, ny - 2);
            double s = fx - i, t = fy - j;
            std::size_t k00 = std::size_t(j) * std::size_t(nx) + std::size_t(i), k10 = k00 + 1, k01 = k00 + std::size_t(nx), k11 = k01 + 1;
            auto mix = [&](const std::vector<Vec3>& a) {
                double w00 = (1 - s) * (1 - t), w10 = s * (1 - t), w01 = (1 - s) * t, w11 = s * t;
                return Vec3{w00 * a[k00].x + w10 * a[k10].x + w01 * a[k01].x + w11 * a[k11].x,
                            w00 * a[k00].y + w10 * a[k10].y + w01 * a[k01].y + w11 * a[k11].y,
                            w00 * a[k00].z + w10 * a[k10].z + w01 * a[k01].z + w11 * a[k11].z};
            };
            Vec3 g = mix(ground), u = mix(up);
            double h = b.origin.z + m.positions[3 * v + 2];
            m.positions[3 * v] = float(g.x + h * u.x), m.positions[3 * v + 1] = float(g.y + h * u.y),
            m.positions[3 * v + 2] = float(g.z + h * u.z);
        }
        // Normals turn by the meridian convergence between the scene's grid and the tile's east.
        GeoPoint c = frame_.toWgs84({b.origin.x, b.origin.y}), e = frame_.toWgs84({b.origin.x + 100, b.origin.y});
        Vec3 east = toLocal.point(toEcef({e.lon, e.lat, b.origin.z}));
        Vec3 centre = toLocal.point(toEcef({c.lon, c.lat, b.origin.z}));
        double angle = std::atan2(east.y - centre.y, east.x - centre.x), s = std::sin(angle), co = std::cos(angle);
        for (std::size_t i = 0; i < n; ++i) {
            float x = m.normals[3 * i], y = m.normals[3 * i + 1];
            m.normals[3 * i] = float(co * x - s * y), m.normals[3 * i + 1] = float(s * x + co * y);
        }
        return m;
    }

    // `leafFeatures`: a leaf's buildings (parallel to node.items), already read; a parent's are
    // read from the store.
    std::string writeContent(const QuadNode& node, Baked& b, const std::vector<Feature>& leafFeatures) {
        TileMesh local = toTileFrame(b);
        for (std::size_t i = 0; i < local.vertexCount(); ++i)
            grow(b, {local.positions[3 * i], local.positions[3 * i + 1], local.positions[3 * i + 2]});
        // Ids become rows of this tile's property table: the buildings it shows.
        // A building's vertices lie together: most vertices repeat the one before's.
        std::unordered_map<std::uint32_t, std::uint32_t> rows;
        std::uint32_t lastId = std::numeric_limits<std::uint32_t>::max(), lastRow = 0;
        for (std::uint32_t& id : local.featureIds) {
            if (id != lastId) {
                lastId = id;
                lastRow = rows.emplace(id, std::uint32_t(rows.size())).first->second;
            }
            id = lastRow;
        }
        FeatureProperties props;
        props.count = rows.size();
        std::vector<std::uint32_t> byRow(rows.size());
        for (auto [global, row] : rows) byRow[row] = global;
        PropertyColumn height{"height", true, {}, {}};
        std::vector<std::string> keys;
        std::set<std::string> seen;
        std::vector<Attributes> attributes;
        attributes.reserve(byRow.size());
        std::unordered_map<std::uint32_t, const Feature*> held;
        for (std::size_t k = 0; k < leafFeatures.size(); ++k) held.emplace(node.items[k], &leafFeatures[k]);
        for (std::uint32_t g : byRow) {
            auto it = held.find(g);
            Feature read = it == held.end() ? features_.get(g) : Feature{};
            const Feature& f = it == held.end() ? read : *it->second;
            height.numbers.push_back(f.height);
            for (const auto& [k, v] : f.attributes)
                if (seen.insert(k).second) keys.push_back(k);
            attributes.push_back(f.attributes);
        }
        props.columns.push_back(std::move(height));
        for (const std::string& k : keys) {
            PropertyColumn col{k, false, {}, {}};
            for (const Attributes& a : attributes) {
                auto it = std::find_if(a.begin(), a.end(), [&](const auto& kv) { return kv.first == k; });
                col.texts.push_back(it == a.end() ? std::string() : it->second);
            }
            props.columns.push_back(std::move(col));
        }
        std::string name = "tiles/" + std::to_string(node.level) + "_" + std::to_string(node.x) + "_" + std::to_string(node.y) + ".glb";
        std::ofstream f(fs::path(o_.outDir) / name, std::ios::binary);
        std::string glb = writeTileGlb(local, props, o_.compression);
        f.write(glb.data(), std::streamsize(glb.size()));
        if (!f) throw Error(o_.outDir + ": cannot write " + name);
        triangles_ += local.triangleCount();
        return name;
    }

    const BakeOptions& o_;
    GeoPoint origin_;
    const BakeFeatureStore& features_;
    int threads_;
    std::atomic<int> tasks_{0};
    std::atomic<std::size_t> tiles_{0}, leaves_{0}, depth_{0}, triangles_{0}, roofFailures_{0};
    std::mutex progressMutex_;
    mutable std::mutex framesMutex_;
    mutable std::map<std::thread::id, std::unique_ptr<SceneFrame>> frames_;
    std::size_t expectedTiles_ = 1;
    std::map<const QuadNode*, Baked> given_;
};

std::size_t countNodes(const QuadNode& n) {
    std::size_t k = 1;
    for (const auto& c : n.children)
        if (c) k += countNodes(*c);
    return k;
}

// A folder a bake may write to: missing, empty, or an earlier bake's (whose files go first).
// The parts of a partitioned bake share it: they keep each other's tiles and summaries.
void prepareFolder(const std::string& dir, bool shared) {
    fs::path out(dir);
    std::error_code ec;
    if (fs::exists(out) && !fs::is_directory(out)) throw Error(dir + ": not a folder");
    if (fs::exists(out) && !fs::is_empty(out) && !fs::exists(out / kBakeMarker))
        throw Error(dir + ": the folder holds other files; bake into an empty folder or an earlier bake's");
    fs::remove(out / "tileset.json", ec);  // first: a half-rewritten bake must not look complete
    if (!shared) {
        fs::remove_all(out / "tiles", ec);
        fs::remove_all(out / "parts", ec);
    }
    fs::create_directories(out / "tiles", ec);
    if (shared) fs::create_directories(out / "parts", ec);
    if (ec) throw Error(dir + ": cannot create the folder: " + ec.message());
    std::ofstream(out / kBakeMarker) << "Jiangbei Twin bake output; `jiangbei-twin bake` may replace this folder's tiles\n";
}

// The subtrees a partitioned bake splits: from the root down, level by level, until at least
// 4n (or no node is left to open); leaves met on the way are subtrees of their own.
std::vector<const QuadNode*> partitionRoots(const QuadNode& root, int n) {
    std::vector<const QuadNode*> frontier{&root};
    while (frontier.size() < std::size_t(4 * n)) {
        std::vector<const QuadNode*> next;
        bool opened = false;
        for (const QuadNode* q : frontier) {
            if (q->leaf()) {
                next.push_back(q);
                continue;
            }
            opened = true;
            for (const auto& c : q->children)
                if (c) next.push_back(c.get());
        }
        if (!opened) break;
        frontier = std::move(next);
    }
    return frontier;
}

// Which part (0…n−1) bakes the k-th of `count` subtrees: neighbours together.
int partOf(std::size_t k, std::size_t count, int n) { return int(k * std::size_t(n) / count); }

std::string partName(const QuadNode& q) {
    return "parts/" + std::to_string(q.level) + "_" + std::to_string(q.x) + "_" + std::to_string(q.y);
}

// What a join checks a part against: the same sources, tree and split.
json partInput(std::size_t features, const BakeOptions& o, const QuadNode& root) {
    return {{"features", features}, {"parts", o.partCount}, {"max_features", o.maxFeaturesPerTile},
            {"root", {root.minX, root.minY, root.size}}, {"compress", o.compression == GlbCompression::Meshopt ? "meshopt" : "none"}};
}

template <typename T>
void writeArray(std::ofstream& f, const std::vector<T>& v) {
    std::uint64_t n = v.size();
    f.write(reinterpret_cast<const char*>(&n), sizeof n);
    f.write(reinterpret_cast<const char*>(v.data()), std::streamsize(n * sizeof(T)));
}

template <typename T>
bool readArray(std::ifstream& f, std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!f.read(reinterpret_cast<char*>(&n), sizeof n) || n > (std::uint64_t(1) << 34) / sizeof(T)) return false;
    v.resize(n);
    return bool(f.read(reinterpret_cast<char*>(v.data()), std::streamsize(n * sizeof(T))));
}

// Writes OUT/name under a temporary name and renames it: a killed bake leaves no file that looks
// whole.
void writeWhole(const fs::path& out, const std::string& name, const std::function<void(std::ofstream&)>& write) {
    fs::path file = out / name, part = out / (name + ".part");
    {
        std::ofstream f(part, std::ios::binary);
        write(f);
        if (!f) throw Error(out.string() + ": cannot write " + name);
    }
    fs::rename(part, file);
}

// A subtree's summary (its tile entry, frame, box, error) and the mesh its parent merges from;
// the summary last, so a part killed half-way leaves none.
void savePart(const fs::path& out, const QuadNode& q, const Baked& b, const json& input) {
    writeWhole(out, partName(q) + ".bin", [&](std::ofstream& f) {
        writeArray(f, b.mesh.positions), writeArray(f, b.mesh.normals), writeArray(f, b.mesh.colors);
        writeArray(f, b.mesh.featureIds), writeArray(f, b.mesh.indices);
    });
    json j = {{"input", input}, {"tile", b.tile}, {"world", b.world.m}, {"box_min", {b.boxMin.x, b.boxMin.y, b.boxMin.z}},
              {"box_max", {b.boxMax.x, b.boxMax.y, b.boxMax.z}}, {"geometric_error", b.geometricError},
              {"origin", {b.origin.x, b.origin.y, b.origin.z}}};
    writeWhole(out, partName(q) + ".json", [&](std::ofstream& f) { f << j.dump(); });
}

Baked loadPart(const fs::path& out, const QuadNode& q, const json& input, int part, int parts) {
    fs::path base = out / partName(q);
    std::string run = " (run `jiangbei-twin bake --partition " + std::to_string(part + 1) + "/" + std::to_string(parts) +
                      "` with the same sources)";
    std::ifstream jf(base.string() + ".json");
    if (!jf) throw Error(out.string() + ": part " + std::to_string(part + 1) + " of " + std::to_string(parts) +
                         " is not baked: " + partName(q) + ".json is missing" + run);
    json j = json::parse(jf, nullptr, false);
    if (j.is_discarded() || !j.contains("input")) throw Error(out.string() + ": " + partName(q) + ".json is damaged" + run);
    if (j["input"] != input)
        throw Error(out.string() + ": " + partName(q) + ".json was baked from other input (" + j["input"].dump() +
                    ", this join has " + input.dump() + ")" + run);
    Baked b;
    b.tile = j["tile"];
    auto m = j["world"].get<std::vector<double>>();
    std::copy(m.begin(), m.end(), b.world.m.begin());
    auto v3 = [&](const char* k) { auto a = j[k].get<std::vector<double>>(); return Vec3{a.at(0), a.at(1), a.at(2)}; };
    b.boxMin = v3("box_min"), b.boxMax = v3("box_max"), b.origin = v3("origin");
    b.geometricError = j["geometric_error"];
    std::ifstream f(base.string() + ".bin", std::ios::binary);
    if (!readArray(f, b.mesh.positions) || !readArray(f, b.mesh.normals) || !readArray(f, b.mesh.colors) ||
        !readArray(f, b.mesh.featureIds) || !readArray(f, b.mesh.indices))
        throw Error(out.string() + ": " + partName(q) + ".bin is missing or damaged" + run);
    return b;
}

}  // namespace

BakeReport bakeTileset(const BakeOptions& o) {
    if (o.layers.empty()) throw Error("bake: no building source given (--layer FILE)");
    if (o.outDir.empty()) throw Error("bake: no output folder given (--out DIR)");
    auto importStart = std::chrono::steady_clock::now();
    GeoPoint centre = kJiangbeiCentre;
    if (std::optional<GeoPoint> c = probeCentre(o.layers.front())) centre = *c;
    SceneFrame frame(centre);

    // In the temporary folder ($TMPDIR), not OUT: an import that fails must leave an earlier bake
    // there as it was.
    static std::atomic<int> bakes{0};
    BakeFeatureStore features((fs::temp_directory_path() / ("jiangbei-bake-" + std::to_string(::getpid()) + "-" +
                                                            std::to_string(bakes++) + "-features.tmp"))
                                  .string());
    std::vector<Vec2> centres;
    std::vector<std::string> messages;
    for (std::size_t i = 0; i < o.layers.size(); ++i) {
        ImportOptions io = o.layers[i];
        io.kind = LayerKind::Buildings;
        std::size_t n = o.layers.size();
        if (o.progress) io.progress = [&, i, n](double p) { o.progress("import", (double(i) + p) / double(n)); };
        LayerData layer = importLayerInBatches(io, frame, [&](std::vector<Feature>&& batch) {
            for (const Feature& f : batch) {
                if (f.polygons.empty() || f.polygons[0].outer.empty()) continue;
                double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
                for (const Vec2& p : f.polygons[0].outer)
                    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
                features.append(f);
                centres.push_back({(x0 + x1) / 2, (y0 + y1) / 2});
            }
        });
        messages.insert(messages.end(), layer.report.messages.begin(), layer.report.messages.end());
    }
    features.finishWriting();
    double importSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - importStart).count();
    if (centres.empty()) throw Error(o.layers.front().path + ": no buildings to bake");

    const bool partitioned = o.partCount > 0;
    if (partitioned && !o.joinParts && (o.partIndex < 1 || o.partIndex > o.partCount))
        throw Error("bake: --partition " + std::to_string(o.partIndex) + "/" + std::to_string(o.partCount) +
                    ": the part must be 1 to " + std::to_string(o.partCount));
    prepareFolder(o.outDir, partitioned);
    std::unique_ptr<QuadNode> tree = buildQuadtree(centres, o.maxFeaturesPerTile);
    Baker baker(o, centre, features);
    baker.setExpectedTiles(countNodes(*tree));
    auto report = [&](double rootGeometricError) {
        BakeReport r = baker.report();
        r.features = features.size();
        r.rootGeometricError = rootGeometricError;
        r.importSeconds = importSeconds;
        r.messages = std::move(messages);
        return r;
    };
    if (partitioned) {
        std::vector<const QuadNode*> roots = partitionRoots(*tree, o.partCount);
        json input = partInput(features.size(), o, *tree);
        for (std::size_t k = 0; k < roots.size(); ++k) {
            int part = partOf(k, roots.size(), o.partCount);
            if (o.joinParts) baker.give(roots[k], loadPart(o.outDir, *roots[k], input, part, o.partCount));
            else if (part == o.partIndex - 1) savePart(o.outDir, *roots[k], baker.bake(*roots[k]), input);
        }
        if (!o.joinParts) return report(0);  // the join writes the root
    }
    Baked root = baker.bake(*tree);
    root.tile["transform"] = root.world.m;

    json tileset = {{"asset", {{"version", "1.1"}, {"generator", "Jiangbei Twin bake"}}},
                    {"geometricError", std::max(root.geometricError * 2, 100.0)},
                    {"root", root.tile}};
    writeWhole(o.outDir, "tileset.json", [&](std::ofstream& f) { f << tileset.dump(); });
    return report(root.geometricError);
}

}  // namespace jbt
