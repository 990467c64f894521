#include "scene/tileset_layer.h"

#include <osg/CullFace>
#include <osg/MatrixTransform>
#include <osg/ValueObject>
#include <osgUtil/CullVisitor>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "model/error.h"
#include "scene/tile_content.h"
#include "tiles/subtree.h"
#include "tiles/tile_fetch.h"
#include "tiles/tileset.h"

namespace jbt {
namespace fs = std::filesystem;

namespace {

// Failures kept for the panel and the report; the count goes on.
constexpr std::size_t kFailuresKept = 50;

osg::Matrixd toOsg(const Mat4& m) { return osg::Matrixd(m.m.data()); }

struct Implicit {
    ImplicitTiling tiling;
    BoundingVolume rootVolume;
    double rootError = 0;
    bool additive = false;
    std::string contentTemplate, baseDir;
    Mat4 world;
    std::map<std::tuple<int, long long, long long, long long>, std::shared_ptr<Subtree>> subtrees;  // by root (level, x, y, z)
};

}  // namespace

struct Tile {
    Tile* parent = nullptr;
    std::vector<std::unique_ptr<Tile>> children;
    BoundingVolume volume;
    double geometricError = 0;
    bool additive = false;
    std::vector<std::string> contents;  // resolved paths
    std::string baseDir;
    Mat4 world;
    osg::BoundingSphere bound;  // scene metres
    osg::Matrixd toScene;       // content frame → scene
    double errorScale = 1;      // the largest scale of its transforms: its geometric error grows with it
    // Only the frame's thread changes a tile: Queued lasts until its result has joined.
    enum class State { Unloaded, Queued, Ready, Failed } state = State::Unloaded;
    osg::ref_ptr<osg::Node> node;
    std::size_t bytes = 0, features = 0, points = 0;
    unsigned drawnFrame = 0;
    unsigned neededFrame = 0;   // a sibling set being gathered to replace its parent: kept
    unsigned visitedFrame = 0;  // in view this frame (a stand-in the view may need again): kept
    bool external = false;      // its content is a tileset.json: children come with it
    std::vector<std::string> chain;  // external tilesets above it, for cycles
    // Implicit tiling: the tree this tile belongs to and its address; children made on demand.
    std::shared_ptr<Implicit> implicit;
    int level = 0;
    long long x = 0, y = 0, z = 0;  // z: octrees only
    bool childrenMade = false;
};

struct TilesetLayer::Impl {
    TilesetLayerOptions o;
    TileFetcher fetcher;
    FeatureStyle style;
    std::string path;
    TilesetDesc desc;
    std::unique_ptr<Tile> root;
    bool local = false;
    std::size_t tileCount = 0, failed = 0, resident = 0, loaded = 0, featuresHeld = 0, pointsHeld = 0;
    std::vector<std::string> failures;
    unsigned frame = 0;
    std::vector<Tile*> drawn;
    std::vector<std::pair<double, Tile*>> wanted;

    struct Result {
        Tile* tile = nullptr;
        TileContentNode content;
        std::optional<TilesetDesc> external;
        std::string externalPath, error;
    };
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Tile*> queue;
    std::vector<Result> done;
    std::size_t loading = 0;
    bool stopping = false;
    std::vector<std::thread> threads;

    // ECEF (or the local frame) → scene, linearised at `at`: exact at the tile, centimetres off a
    // kilometre away (the scene's projection is flat, the Earth is not).
    Mat4 ecefToScene(Vec3 at) const {
        if (local) return Mat4{};
        Geodetic g = fromEcef(at);
        Mat4 enu = enuToEcef(g);
        osg::Vec3d s0 = o.toScene(g);
        Mat4 m;
        const Vec3 axes[3] = {{100, 0, 0}, {0, 100, 0}, {0, 0, 100}};
        for (int k = 0; k < 3; ++k) {
            osg::Vec3d s = o.toScene(fromEcef(enu.point(axes[k])));
            osg::Vec3d d = (s - s0) / 100.0;
            m.m[4 * k] = d.x(), m.m[4 * k + 1] = d.y(), m.m[4 * k + 2] = d.z(), m.m[4 * k + 3] = 0;
        }
        m.m[12] = s0.x(), m.m[13] = s0.y(), m.m[14] = s0.z();
        return m * inverseRigid(enu);
    }

    // Centre (ECEF or local) and radius of a volume in world terms.
    // The largest scale of a transform's axes.
    static double maxScale(const Mat4& world) {
        double scale = 0;
        for (int c = 0; c < 3; ++c) scale = std::max(scale, std::hypot(world.m[4 * c], world.m[4 * c + 1], world.m[4 * c + 2]));
        return scale;
    }

    static std::pair<Vec3, double> sphereOf(const BoundingVolume& v, const Mat4& world) {
        const double scale = maxScale(world);
        if (v.kind == BoundingVolume::Kind::Box) {
            const auto& b = v.box;
            double r = std::sqrt(b[3] * b[3] + b[4] * b[4] + b[5] * b[5] + b[6] * b[6] + b[7] * b[7] + b[8] * b[8] + b[9] * b[9] +
                                 b[10] * b[10] + b[11] * b[11]);
            return {world.point({b[0], b[1], b[2]}), r * scale};
        }
        if (v.kind == BoundingVolume::Kind::Sphere) return {world.point({v.sphere[0], v.sphere[1], v.sphere[2]}), v.sphere[3] * scale};
        const auto& r = v.region;  // regions are geodetic: no transform applies
        constexpr double deg = 180.0 / M_PI;
        Vec3 c = toEcef({(r[0] + r[2]) / 2 * deg, (r[1] + r[3]) / 2 * deg, (r[4] + r[5]) / 2});
        double radius = 0;
        for (int k = 0; k < 8; ++k) {
            Vec3 p = toEcef({((k & 1) ? r[2] : r[0]) * deg, ((k & 2) ? r[3] : r[1]) * deg, (k & 4) ? r[5] : r[4]});
            radius = std::max(radius, std::hypot(p.x - c.x, p.y - c.y, p.z - c.z));
        }
        return {c, radius};
    }

    void place(Tile& t) {
        auto [centre, radius] = sphereOf(t.volume, t.world);
        Mat4 a = ecefToScene(centre);
        Vec3 s = a.point(centre);
        t.bound.set(osg::Vec3d(s.x, s.y, s.z), radius);
        t.toScene = toOsg(a * t.world);
        t.errorScale = maxScale(t.world);
        ++tileCount;
    }

    std::unique_ptr<Tile> make(const TileDesc& d, Tile* parent, const std::string& baseDir, std::vector<std::string> chain) {
        auto t = std::make_unique<Tile>();
        t->parent = parent;
        t->volume = d.volume;
        t->geometricError = d.geometricError;
        t->additive = d.additive;
        t->baseDir = baseDir;
        t->world = (parent ? parent->world : Mat4{}) * d.transform;
        t->chain = std::move(chain);
        if (d.implicit) {
            auto im = std::make_shared<Implicit>();
            im->tiling = *d.implicit;
            im->rootVolume = d.volume;
            im->rootError = d.geometricError;
            im->additive = d.additive;
            im->contentTemplate = d.contents.empty() ? "" : d.contents.front();
            im->baseDir = baseDir;
            im->world = t->world;
            t->implicit = im;
            if (subtreeOf(*t) && subtreeOf(*t)->hasContent(0, 0, 0) && !im->contentTemplate.empty())
                t->contents.push_back(resolveUri(baseDir, fillTemplate(im->contentTemplate, 0, 0, 0)));
        } else {
            for (const std::string& c : d.contents) t->contents.push_back(resolveUri(baseDir, c));
            for (const TileDesc& c : d.children) t->children.push_back(make(c, t.get(), baseDir, t->chain));
            t->childrenMade = true;
        }
        place(*t);
        return t;
    }

    // The subtree holding an implicit tile (read when first needed; null when missing).
    std::shared_ptr<Subtree> subtreeOf(const Tile& t) {
        Implicit& im = *t.implicit;
        int levels = im.tiling.subtreeLevels;
        int rootLevel = t.level / levels * levels;
        int up = t.level - rootLevel;
        long long sx = t.x >> up, sy = t.y >> up, sz = t.z >> up;
        auto key = std::make_tuple(rootLevel, sx, sy, sz);
        auto found = im.subtrees.find(key);
        if (found != im.subtrees.end()) return found->second;
        std::shared_ptr<Subtree> s;
        std::string file = resolveUri(im.baseDir, fillTemplate(im.tiling.subtreeUri, rootLevel, sx, sy, sz));
        try {
            s = std::make_shared<Subtree>(parseSubtree(fetcher.fetch(file), file, parentOf(file), levels, im.tiling.octree));
        } catch (const Error& e) {
            fail(e.what());
        }
        im.subtrees[key] = s;
        return s;
    }

    void makeImplicitChildren(Tile& t) {
        t.childrenMade = true;
        Implicit& im = *t.implicit;
        if (t.level + 1 >= im.tiling.availableLevels) return;
        int levels = im.tiling.subtreeLevels;
        std::shared_ptr<Subtree> own = subtreeOf(t);
        if (!own) return;
        int rootLevel = t.level / levels * levels;
        // Four children (x, y) in a quadtree, eight (x, y, z) in an octree.
        for (int q = 0; q < (im.tiling.octree ? 8 : 4); ++q) {
            int level = t.level + 1;
            long long x = t.x * 2 + (q & 1), y = t.y * 2 + ((q >> 1) & 1), z = t.z * 2 + (q >> 2);
            auto child = std::make_unique<Tile>();
            child->implicit = t.implicit;
            child->level = level, child->x = x, child->y = y, child->z = z;
            auto within = [](long long v, int bits) { return v - ((v >> bits) << bits); };  // the address below a subtree's root
            int rel = level - rootLevel;
            bool content = false;
            if (rel < levels) {
                if (!own->tile(rel, within(x, rel), within(y, rel), within(z, rel))) continue;
                content = own->hasContent(rel, within(x, rel), within(y, rel), within(z, rel));
            } else {
                if (!own->child(within(x, levels), within(y, levels), within(z, levels))) continue;
                std::shared_ptr<Subtree> s = subtreeOf(*child);
                if (!s || !s->tile(0, 0, 0)) continue;
                content = s->hasContent(0, 0, 0);
            }
            if (content && !im.contentTemplate.empty())
                child->contents.push_back(resolveUri(im.baseDir, fillTemplate(im.contentTemplate, level, x, y, z)));
            child->parent = &t;
            child->world = im.world;
            child->additive = im.additive;
            child->baseDir = im.baseDir;
            child->geometricError = im.rootError / double(1ll << level);
            child->volume = implicitTileVolume(im.rootVolume, level, x, y, z, im.tiling.octree);
            place(*child);
            t.children.push_back(std::move(child));
        }
    }


    void fail(const std::string& why) {
        ++failed;
        if (failures.size() < kFailuresKept) failures.push_back(why);
    }

    void worker() {
        for (;;) {
            Tile* t = nullptr;
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait(lock, [&] { return stopping || !queue.empty(); });
                if (stopping) return;
                t = queue.front();
                queue.pop_front();
                ++loading;
            }
            Result r;
            r.tile = t;
            try {
                osg::ref_ptr<osg::Group> group = new osg::Group;
                for (const std::string& uri : t->contents) {
                    std::string bytes = fetcher.fetch(uri);
                    TileContentNode c = buildTileContent(bytes, uri, parentOf(uri), &t->world);
                    if (c.externalTileset) {
                        r.external = parseTileset(bytes, uri, t->additive);
                        r.externalPath = uri;
                        continue;
                    }
                    if (c.node) group->addChild(c.node);
                    r.content.bytes += c.bytes;
                    r.content.triangles += c.triangles;
                    r.content.features += c.features;
                    r.content.points += c.points;
                    r.content.vertexColoured = c.vertexColoured && (group->getNumChildren() == 1 || r.content.vertexColoured);
                    r.content.warnings.insert(r.content.warnings.end(), c.warnings.begin(), c.warnings.end());
                }
                r.content.node = group;
            } catch (const std::exception& e) {
                r.error = e.what();
            }
            std::lock_guard<std::mutex> lock(mutex);
            done.push_back(std::move(r));
            --loading;
        }
    }

    // Results of the workers join the tree here, on the frame's thread.
    void integrate() {
        std::vector<Result> results;
        {
            std::lock_guard<std::mutex> lock(mutex);
            results.swap(done);
        }
        for (Result& r : results) {
            Tile& t = *r.tile;
            if (!r.error.empty()) {
                t.state = Tile::State::Failed;
                fail(r.error);
                continue;
            }
            if (r.external) {
                t.external = true;
                if (std::find(t.chain.begin(), t.chain.end(), r.externalPath) != t.chain.end()) {
                    t.state = Tile::State::Failed;
                    fail(r.externalPath + ": external tileset cycle (it includes itself); left out");
                    continue;
                }
                std::vector<std::string> chain = t.chain;
                chain.push_back(r.externalPath);
                for (const std::string& w : r.external->warnings) fail(w);
                t.children.push_back(make(r.external->root, &t, parentOf(r.externalPath), chain));
            }
            osg::ref_ptr<osg::MatrixTransform> node = new osg::MatrixTransform(t.toScene);
            node->setUserValue(kTilesetIndexKey, o.layerIndex);
            node->addChild(r.content.node);
            node->getOrCreateStateSet()->addUniform(new osg::Uniform("u_highlightId", -1.0f));  // the picked feature
            if (r.content.vertexColoured && o.buildingProgram) {
                osg::StateSet* ss = node->getOrCreateStateSet();
                ss->setAttributeAndModes(o.buildingProgram.get());
                ss->addUniform(new osg::Uniform("u_opacity", 1.0f));
                ss->setAttributeAndModes(new osg::CullFace(osg::CullFace::BACK));
            }
            if (style.active()) styleTileContent(*node, style);
            t.node = node;
            t.bytes = r.content.bytes;
            t.features = r.content.features;
            t.points = r.content.points;
            featuresHeld += t.features;
            pointsHeld += t.points;
            resident += t.bytes;
            ++loaded;
            t.state = Tile::State::Ready;
        }
    }

    double screenError(const Tile& t, osgUtil::CullVisitor& cv) const {
        double d = std::max(double((cv.getEyePoint() - t.bound.center()).length() - t.bound.radius()), 0.01);
        const osg::Viewport* vp = cv.getViewport();
        double h = vp ? vp->height() : 720;
        double focal = cv.getProjectionMatrix() ? (*cv.getProjectionMatrix())(1, 1) : 1.0;
        return t.geometricError * t.errorScale * h * focal / (2 * d);
    }

    bool hasContent(const Tile& t) const { return !t.contents.empty(); }
    bool renderable(const Tile& t) const {
        if (!hasContent(t) || t.state == Tile::State::Failed) return true;
        if (t.external) return t.state == Tile::State::Ready;
        return t.state == Tile::State::Ready;
    }

    void draw(Tile& t, double priority) {
        if (!hasContent(t) || t.external) {
            if (t.external && t.state == Tile::State::Unloaded) wanted.emplace_back(priority, &t);
            return;
        }
        if (t.state == Tile::State::Ready) {
            t.drawnFrame = frame;
            drawn.push_back(&t);
        } else if (t.state == Tile::State::Unloaded) {
            wanted.emplace_back(priority, &t);
        }
    }

    // Outside the view frustum. (Not cv.isCulled: its small-feature culling would drop a tile
    // whose bound is small on screen, though its content may be what the view needs.)
    static bool outOfView(const Tile& t, osgUtil::CullVisitor& cv) {
        return !cv.getCurrentCullingSet().getFrustum().contains(t.bound);
    }

    void select(Tile& t, osgUtil::CullVisitor& cv) {
        if (outOfView(t, cv)) return;
        t.visitedFrame = frame;
        if (t.implicit && !t.childrenMade) makeImplicitChildren(t);
        double sse = screenError(t, cv);
        bool refine = sse > o.maxScreenSpaceError && (!t.children.empty() || (t.external && t.state != Tile::State::Failed));
        if (t.external) {  // its children arrive with its content
            draw(t, sse);
            if (t.state == Tile::State::Ready)
                for (auto& c : t.children) select(*c, cv);
            return;
        }
        if (!refine) return draw(t, sse);
        if (t.additive) {
            draw(t, sse);
            for (auto& c : t.children) select(*c, cv);
            return;
        }
        bool ready = true;
        for (auto& c : t.children)
            if (!outOfView(*c, cv) && !renderable(*c)) {
                ready = false;
                if (c->state == Tile::State::Unloaded) wanted.emplace_back(sse, c.get());
            }
        // Children that are in stay while their siblings come, or the set would never be whole.
        if (!ready)
            for (auto& c : t.children) c->neededFrame = frame;
        if (ready || !hasContent(t) || t.state == Tile::State::Failed) {
            for (auto& c : t.children) select(*c, cv);
        } else {
            draw(t, sse * 2);  // what stands in until the children are in
        }
    }

    // The frame's wishes replace the queue: the most needed first, no more than maxQueued.
    void request() {
        std::sort(wanted.begin(), wanted.end(), [](auto& a, auto& b) { return a.first > b.first; });
        std::lock_guard<std::mutex> lock(mutex);
        for (Tile* t : queue) t->state = Tile::State::Unloaded;
        queue.clear();
        for (auto& [priority, t] : wanted) {
            if (queue.size() >= o.maxQueued) break;
            if (t->state != Tile::State::Unloaded) continue;
            t->state = Tile::State::Queued;
            queue.push_back(t);
        }
        wanted.clear();
        wake.notify_all();
    }

    void evict(Tile& t, std::vector<Tile*>& ready) {
        if (t.state == Tile::State::Ready && !t.external && t.drawnFrame != frame && t.neededFrame != frame &&
            t.visitedFrame != frame)
            ready.push_back(&t);
        for (auto& c : t.children) evict(*c, ready);
    }

    void keepWithinBudget() {
        if (resident <= o.memoryBudgetBytes) return;
        std::vector<Tile*> ready;
        evict(*root, ready);
        std::sort(ready.begin(), ready.end(), [](Tile* a, Tile* b) { return a->drawnFrame < b->drawnFrame; });
        for (Tile* t : ready) {
            if (resident <= o.memoryBudgetBytes) break;
            resident -= t->bytes;
            featuresHeld -= t->features;
            pointsHeld -= t->points;
            t->bytes = t->features = t->points = 0;
            t->node = nullptr;
            t->state = Tile::State::Unloaded;
            --loaded;
        }
    }
};

TilesetLayer::TilesetLayer(const std::string& path, TilesetLayerOptions options) : path_(path), impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.o = std::move(options);
    d.fetcher = TileFetcher(d.o.cacheDir);
    d.path = path;
    d.desc = parseTileset(d.fetcher.fetch(path), path);
    for (const std::string& w : d.desc.warnings) d.fail(w);
    auto [centre, radius] = Impl::sphereOf(d.desc.root.volume, d.desc.root.transform);
    d.local = d.desc.root.volume.kind != BoundingVolume::Kind::Region && std::hypot(centre.x, centre.y, centre.z) < 1e6;
    if (d.local && d.o.anchor) {  // placed by the user: from here on, an Earth-fixed tileset
        d.desc.root.transform = *d.o.anchor * d.desc.root.transform;
        d.local = false;
    }
    if (!d.local && !d.o.toScene) throw Error(path + ": an Earth-fixed tileset needs the scene's projection");
    d.root = d.make(d.desc.root, nullptr, parentOf(path), {path});
    setName("tileset:" + fs::path(path).parent_path().filename().string());
    for (int i = 0; i < std::max(1, d.o.workers); ++i) d.threads.emplace_back([&d] { d.worker(); });
}

TilesetLayer::~TilesetLayer() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    for (std::thread& t : impl_->threads) t.join();
}

void TilesetLayer::traverse(osg::NodeVisitor& nv) {
    Impl& d = *impl_;
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(&nv);
    // The view's camera chooses; a render-to-texture pass (the sun's shadow map) draws its choice.
    if (cv && !(cv->getCurrentCamera() && cv->getCurrentCamera()->isRenderToTextureCamera())) {
        ++d.frame;
        std::size_t loaded = d.loaded;
        d.integrate();
        // A style chosen before any feature was in (from a project) gets its classes now.
        if (d.style.active() && d.style.breaks.empty() && d.style.categories.empty() && d.loaded != loaded)
            setStyle(d.style.property);
        d.drawn.clear();
        d.select(*d.root, *cv);
        d.request();
        d.keepWithinBudget();
    }
    for (Tile* t : d.drawn)
        if (t->node) t->node->accept(nv);
}

osg::BoundingSphere TilesetLayer::computeBound() const { return impl_->root->bound; }

TilesetStatus TilesetLayer::status() const {
    Impl& d = *impl_;
    TilesetStatus s;
    s.tiles = d.tileCount;
    s.loaded = d.loaded;
    s.failed = d.failed;
    s.drawn = d.drawn.size();
    s.residentBytes = d.resident;
    s.features = d.featuresHeld;
    s.points = d.pointsHeld;
    s.failures = d.failures;
    std::lock_guard<std::mutex> lock(d.mutex);
    s.queued = d.queue.size() + d.loading;
    s.settled = d.queue.empty() && d.loading == 0 && d.done.empty() && d.frame > 0;
    return s;
}

const std::string& TilesetLayer::version() const { return impl_->desc.version; }
void TilesetLayer::setMaxScreenSpaceError(double pixels) { impl_->o.maxScreenSpaceError = std::max(0.5, pixels); }
double TilesetLayer::maxScreenSpaceError() const { return impl_->o.maxScreenSpaceError; }
void TilesetLayer::setMemoryBudget(std::size_t bytes) { impl_->o.memoryBudgetBytes = bytes; }
std::size_t TilesetLayer::memoryBudget() const { return impl_->o.memoryBudgetBytes; }

namespace {
void eachReady(Tile& t, const std::function<void(Tile&)>& f) {
    if (t.state == Tile::State::Ready && t.node) f(t);
    for (auto& c : t.children) eachReady(*c, f);
}
}  // namespace

void TilesetLayer::setStyle(const std::string& property) {
    Impl& d = *impl_;
    std::vector<const Attributes*> rows;
    eachReady(*d.root, [&](Tile& t) { collectFeatureRows(*t.node, rows); });
    d.style = makeFeatureStyle(property, rows);
    eachReady(*d.root, [&](Tile& t) { styleTileContent(*t.node, d.style); });
}

const FeatureStyle& TilesetLayer::style() const { return impl_->style; }

std::vector<std::string> TilesetLayer::propertyNames() const {
    std::vector<const Attributes*> rows;
    eachReady(*impl_->root, [&](Tile& t) { collectFeatureRows(*t.node, rows); });
    std::set<std::string> names;
    for (const Attributes* r : rows)
        for (const auto& kv : *r) names.insert(kv.first);
    return {names.begin(), names.end()};
}

std::optional<GeoPoint> probeTilesetCentre(const std::string& path, const std::string& cacheDir, double* radiusM) {
    TilesetDesc d = parseTileset(TileFetcher(cacheDir).fetch(path), path);
    auto [centre, radius] = TilesetLayer::Impl::sphereOf(d.root.volume, d.root.transform);
    if (radiusM) *radiusM = radius;
    if (d.root.volume.kind != BoundingVolume::Kind::Region && std::hypot(centre.x, centre.y, centre.z) < 1e6) return std::nullopt;
    Geodetic g = fromEcef(centre);
    return GeoPoint{g.lon, g.lat};
}

}  // namespace jbt
