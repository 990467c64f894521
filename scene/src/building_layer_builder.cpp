#include "scene/building_layer_builder.h"

#include <osg/BlendFunc>
#include <osg/CullFace>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Texture2D>
#include <osg/ValueObject>
#include <osgDB/ReadFile>

#include <atomic>
#include <cmath>
#include <map>
#include <memory>
#include <thread>

#include "scene/building_mesh.h"

namespace jbt {
namespace {

Vec2 centroidOf(const Feature& f) {
    double sx = 0, sy = 0;
    std::size_t n = 0;
    for (const Polygon& p : f.polygons)
        for (const Vec2& v : p.outer) { sx += v.x; sy += v.y; ++n; }
    return n ? Vec2{sx / n, sy / n} : Vec2{};
}

osg::ref_ptr<osg::Geometry> toGeometry(BuildingMesh& mesh) {
    osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
    g->setUseDisplayList(false);
    g->setUseVertexBufferObjects(true);
    g->setVertexArray(mesh.vertices);
    g->setNormalArray(mesh.normals, osg::Array::BIND_PER_VERTEX);
    mesh.colors->setNormalize(true);
    g->setColorArray(mesh.colors, osg::Array::BIND_PER_VERTEX);
    g->setVertexAttribArray(kFeatureIdAttribute, mesh.ids, osg::Array::BIND_PER_VERTEX);
    g->setVertexAttribArray(kBaseHeightAttribute, mesh.bases, osg::Array::BIND_PER_VERTEX);
    g->addPrimitiveSet(mesh.triangles);
    return g;
}

// The layer's images, read once each when a tile first needs them; null where unreadable.
class TextureCache {
public:
    TextureCache(const LayerData& layer, SceneBuildStats& stats) : layer_(layer), stats_(stats) {}

    osg::Texture2D* get(int index) {
        if (index < 0 || static_cast<std::size_t>(index) >= layer_.textures.size()) return nullptr;
        auto [it, added] = textures_.try_emplace(index);
        if (!added) return it->second.get();
        osg::ref_ptr<osg::Image> image = osgDB::readRefImageFile(layer_.textures[static_cast<std::size_t>(index)]);
        if (!image || !image->valid()) {
            ++stats_.texturesUnreadable;
            return nullptr;
        }
        osg::ref_ptr<osg::Texture2D> t = new osg::Texture2D(image.get());
        t->setWrap(osg::Texture::WRAP_S, osg::Texture::REPEAT);
        t->setWrap(osg::Texture::WRAP_T, osg::Texture::REPEAT);
        t->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR_MIPMAP_LINEAR);
        t->setFilter(osg::Texture::MAG_FILTER, osg::Texture::LINEAR);
        t->setMaxAnisotropy(8.0f);
        t->setResizeNonPowerOfTwoHint(false);
        ++stats_.textures;
        it->second = t;
        return t.get();
    }

private:
    const LayerData& layer_;
    SceneBuildStats& stats_;
    std::map<int, osg::ref_ptr<osg::Texture2D>> textures_;
};

// The textured faces: one geometry per image over the tile's shared vertex arrays.
void addTexturedGeometries(osg::Geode& geode, const osg::Geometry& untextured, BuildingMesh& mesh,
                           TextureCache& textures) {
    for (auto& [index, triangles] : mesh.texturedTriangles) {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry(untextured, osg::CopyOp::SHALLOW_COPY);
        g->removePrimitiveSet(0, g->getNumPrimitiveSets());
        g->addPrimitiveSet(triangles);
        g->setTexCoordArray(0, mesh.texcoords, osg::Array::BIND_PER_VERTEX);
        if (osg::Texture2D* t = textures.get(index)) {
            osg::StateSet* ss = g->getOrCreateStateSet();
            ss->setTextureAttributeAndModes(0, t);
            ss->addUniform(new osg::Uniform("u_textured", 1.0f));
        }
        geode.addDrawable(g);
    }
}

osg::ref_ptr<osg::Group> makeLayerGroup(const LayerData& layer, const BuildingLayerOptions& o) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(layer.name);
    group->setUserValue(kLayerIndexKey, o.layerIndex);
    osg::StateSet* ss = group->getOrCreateStateSet();
    if (o.program) ss->setAttributeAndModes(o.program.get());
    ss->addUniform(new osg::Uniform("u_highlightId", -1.0f));
    ss->addUniform(new osg::Uniform("u_opacity", 1.0f));
    ss->addUniform(new osg::Uniform("u_textured", 0.0f));
    ss->addUniform(new osg::Uniform("u_texture", 0));
    // Buildings are closed solids with outward, counter-clockwise faces: the backs never show.
    ss->setAttributeAndModes(new osg::CullFace(osg::CullFace::BACK));
    return group;
}

void addTile(osg::Group& group, BuildingMesh& mesh, const osg::Vec3d& origin, SceneBuildStats& stats,
             TextureCache& textures) {
    if (mesh.triangleCount() == 0) return;
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    osg::ref_ptr<osg::Geometry> geometry = toGeometry(mesh);
    if (!mesh.triangles->empty()) geode->addDrawable(geometry);
    addTexturedGeometries(*geode, *geometry, mesh, textures);
    osg::ref_ptr<osg::MatrixTransform> xf = new osg::MatrixTransform(osg::Matrixd::translate(origin));
    xf->addChild(geode);
    group.addChild(xf);
    ++stats.tiles;
    stats.triangles += mesh.triangleCount();
    stats.vertices += mesh.vertices->size();
}

}  // namespace

osg::ref_ptr<osg::Group> buildBuildingLayer(const LayerData& layer, const BuildingLayerOptions& o,
                                            SceneBuildStats& stats) {
    osg::ref_ptr<osg::Group> group = makeLayerGroup(layer, o);
    std::map<std::pair<long, long>, std::vector<std::size_t>> tiles;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        Vec2 c = centroidOf(layer.features[i]);
        tiles[{std::lround(std::floor(c.x / o.tileSizeM)), std::lround(std::floor(c.y / o.tileSizeM))}].push_back(i);
    }
    // Tiles are meshed on every core (a mesh is plain arrays); joined to the graph here, in order.
    struct Slot {
        osg::Vec3d origin;
        const std::vector<std::size_t>* members = nullptr;
        std::unique_ptr<BuildingMesh> mesh;
        std::size_t features = 0, roofFailures = 0;
    };
    std::vector<Slot> slots;
    slots.reserve(tiles.size());
    for (auto& [key, members] : tiles)
        slots.push_back({{(key.first + 0.5) * o.tileSizeM, (key.second + 0.5) * o.tileSizeM, 0}, &members, nullptr, 0, 0});
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k = next++; k < slots.size(); k = next++) {
            Slot& slot = slots[k];
            slot.mesh = std::make_unique<BuildingMesh>(slot.origin);
            slot.mesh->keepTextures = true;
            std::vector<const Feature*> members;
            for (std::size_t i : *slot.members) members.push_back(&layer.features[i]);
            slot.mesh->reserveFor(members);
            for (std::size_t i : *slot.members) {
                if (slot.mesh->add(layer.features[i], static_cast<float>(i))) ++slot.features;
                else ++slot.roofFailures;
            }
        }
    };
    unsigned helpers = std::min<unsigned>(std::thread::hardware_concurrency(), unsigned(slots.size() / 4));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < helpers; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    TextureCache textures(layer, stats);
    for (Slot& slot : slots) {
        stats.features += slot.features;
        stats.roofFailures += slot.roofFailures;
        addTile(*group, *slot.mesh, slot.origin, stats, textures);
    }
    return group;
}

osg::ref_ptr<osg::Group> buildBuildingLayerOneNodePerBuilding(const LayerData& layer, const BuildingLayerOptions& o,
                                                              SceneBuildStats& stats) {
    osg::ref_ptr<osg::Group> group = makeLayerGroup(layer, o);
    TextureCache textures(layer, stats);
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        Vec2 c = centroidOf(layer.features[i]);
        osg::Vec3d origin(c.x, c.y, 0);
        BuildingMesh mesh(origin);
        if (mesh.add(layer.features[i], static_cast<float>(i))) ++stats.features;
        else ++stats.roofFailures;
        addTile(*group, mesh, origin, stats, textures);
    }
    return group;
}

void setLayerOpacity(osg::Group& node, float opacity) {
    osg::StateSet* ss = node.getOrCreateStateSet();
    ss->getUniform("u_opacity")->set(opacity);
    if (opacity < 0.999f) {
        ss->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
        ss->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0, 1, false));
        ss->setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
    } else {
        ss->removeAttribute(osg::StateAttribute::BLENDFUNC);
        ss->setMode(GL_BLEND, osg::StateAttribute::INHERIT);
        ss->removeAttribute(osg::StateAttribute::DEPTH);
        ss->setRenderingHint(osg::StateSet::OPAQUE_BIN);
    }
}

void setHighlightedFeature(osg::Group& node, int featureIndex) {
    node.getOrCreateStateSet()->getUniform("u_highlightId")->set(static_cast<float>(featureIndex));
}

}  // namespace jbt
