#pragma once
// A bake's buildings on disk while it runs: appended as the import hands them over, read back by
// index from any thread. A Feature object costs several times what its footprint and attributes
// do; ten million of them would not fit in memory, their records on disk do.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "model/feature.h"

namespace jbt {

class BakeFeatureStore {
public:
    // Creates (or empties) the file at `path`; the destructor removes it.
    explicit BakeFeatureStore(std::string path);
    ~BakeFeatureStore();
    BakeFeatureStore(const BakeFeatureStore&) = delete;
    BakeFeatureStore& operator=(const BakeFeatureStore&) = delete;

    // One writer, before any get(). What the bake draws and tables: outline, heights,
    // attributes, city-model faces with their colours (not their images, which a bake leaves).
    void append(const Feature& feature);
    // Ends writing; get() may then be called from any thread.
    void finishWriting();
    Feature get(std::uint32_t index) const;
    std::size_t size() const { return offsets_.size() - 1; }

private:
    std::string path_;
    std::FILE* file_ = nullptr;
    std::vector<std::uint64_t> offsets_{0};  // record i is [offsets_[i], offsets_[i + 1])
    std::string record_;                     // the writer's scratch
};

}  // namespace jbt
