#pragma once
// EXT_meshopt_compression, both ways: a buffer view's bytes packed by meshoptimizer's codecs
// (vertex attributes, triangle indices, index sequences; with the octahedral, quaternion and
// exponential filters), and a glTF whose views are packed turned into one whose views are plain,
// so that a loader without the extension (tinygltf) reads it as any other.
#include <functional>
#include <string>

namespace jbt {

// How a view is packed, as the extension names it.
enum class MeshoptMode { Attributes, Triangles, Indices };

// `count` elements of `stride` bytes (attributes: a multiple of 4, at most 256; triangles and
// indices: 2 or 4, triangles a multiple of 3 elements) packed by meshoptimizer.
std::string meshoptEncode(const void* data, std::size_t count, std::size_t stride, MeshoptMode mode);

// A glTF (GLB or JSON text) with every EXT_meshopt_compression view decoded into the binary
// chunk, the fallback buffers dropped and the extension taken off the required list; returned
// as a GLB. Bytes without the extension come back as they are. `readBuffer` gives the bytes of a
// buffer's URI (a packed view's source in a .gltf's external .bin). Throws Error
// "NAME: buffer view N: REASON" for a view that does not decode or lies outside its buffer.
std::string decodeMeshoptViews(const std::string& bytes, const std::string& name,
                               const std::function<std::string(const std::string& uri)>& readBuffer);

}  // namespace jbt
