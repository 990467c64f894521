#include "model/resource_paths.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace jbt {
namespace {

std::vector<std::filesystem::path> roots() {
    std::vector<std::filesystem::path> r;
    if (const char* env = std::getenv("JBT_DATA_DIR")) r.emplace_back(env);
#ifdef JBT_SOURCE_DATA_DIR
    r.emplace_back(JBT_SOURCE_DATA_DIR);
#endif
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) r.push_back(exe.parent_path().parent_path() / "share" / "jiangbei-twin");
    return r;
}

}  // namespace

std::string findDataFile(const std::string& relative) {
    for (const auto& root : roots()) {
        auto p = root / relative;
        if (std::filesystem::exists(p)) return p.string();
    }
    return {};
}

std::string dataSearchPath() {
    std::string s;
    for (const auto& root : roots()) s += (s.empty() ? "" : ":") + root.string();
    return s;
}

}  // namespace jbt
