#pragma once
// Appends extruded buildings (walls, roof, and a floor when raised), or a city model's own
// faces, to one shared vertex buffer, each vertex tagged with its building's id for picking
// and highlighting.
#include <map>

#include <osg/Array>
#include <osg/PrimitiveSet>
#include <osg/ref_ptr>

#include "model/feature.h"
#include "scene/roof_triangulator.h"

namespace jbt {

// Vertex attribute slot of the per-vertex building id (shaders bind a_featureId here).
constexpr unsigned kFeatureIdAttribute = 6;
// Vertex attribute slot of the building's foot and top heights (shaders darken walls near the
// foot and light the crowns of landmark towers after dark).
constexpr unsigned kBaseHeightAttribute = 7;

class BuildingMesh {
public:
    explicit BuildingMesh(osg::Vec3d origin);  // vertices are stored relative to origin

    // Returns false (and adds nothing) if the roof could not be triangulated.
    bool add(const Feature& feature, float id);

    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4ubArray> colors = new osg::Vec4ubArray;
    osg::ref_ptr<osg::FloatArray> ids = new osg::FloatArray;
    osg::ref_ptr<osg::Vec2Array> bases = new osg::Vec2Array;  // z of the building's foot and top, per vertex
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    // City model faces with an image, when keepTextures: their triangles by the layer's texture
    // index, drawn over the same vertices with these coordinates (null until the first).
    bool keepTextures = false;
    osg::ref_ptr<osg::Vec2Array> texcoords;
    std::map<int, osg::ref_ptr<osg::DrawElementsUInt>> texturedTriangles;

    std::size_t triangleCount() const;
    // Room for these footprints' walls and roofs (an estimate: city models may need more), so
    // the arrays grow once instead of doubling their way up.
    void reserveFor(const std::vector<const Feature*>& features);

private:
    bool addSurfaces(const Feature& feature, float id);
    void addWalls(const Ring& ring, bool counterClockwise, double bottom, double top, osg::Vec4ub color, float id);
    std::uint32_t addVertex(double x, double y, double z, const osg::Vec3& n, osg::Vec4ub c, float id,
                            osg::Vec2 uv = {});
    void addTexturedFace(const SurfaceAppearance& look, const osg::Vec3& normal, double groundZ, float id);

    osg::Vec3d origin_;
    osg::Vec2 base_;  // the foot and top of the building being added
    RoofTriangulator triangulator_;
    std::vector<Vec2> roofPoints_;
    std::vector<Vec3> facePoints_;
    std::vector<std::uint32_t> roofTriangles_;
};

}  // namespace jbt
