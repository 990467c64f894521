#pragma once
// Detailed models of landmarks: glTF 2.0 / GLB (tinygltf, Draco meshes decoded) converted here,
// and whatever OSG's plugins read (OBJ, DAE, 3DS, OSGB, OSG, IVE, PLY, STL). Out comes one node,
// Z up, in the model's own metres, drawn by the "model" program.
#include <osg/Node>
#include <string>
#include <vector>

namespace jbt {

struct LoadedModel {
    osg::ref_ptr<osg::Node> node;
    std::string format;  // "glTF 2.0", "glTF 2.0 (GLB)", "OBJ", …
    std::size_t triangles = 0;
    std::vector<std::string> warnings;  // naming the file
};

// Throws Error naming the file and the reason (no such file, no reader, a buffer missing…).
LoadedModel loadModel(const std::string& path);

// glTF only (model_loader picks it by extension); same contract.
LoadedModel loadGltf(const std::string& path);

// glTF or GLB bytes (3D Tiles content), external buffers and images found in baseDir; the
// feature ids of 3D Tiles (_FEATURE_ID_0, _BATCHID) kept per vertex for picking. Throws Error
// naming `name`; a model with nothing to draw is returned empty (a tile may hold none).
LoadedModel gltfFromMemory(const std::string& bytes, const std::string& name, const std::string& baseDir);

// Triangles a node draws, counted through OSG's TriangleFunctor (strips and fans included).
std::size_t countTriangles(osg::Node& node);

// Tells the "model" program, per StateSet, which ones carry a texture on unit 0.
void markTexturedStateSets(osg::Node& node);

}  // namespace jbt
