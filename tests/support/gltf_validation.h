#pragma once
// The Khronos glTF Validator (tests/support/validate_gltf.js, npm gltf-validator installed by
// scripts/install_deps.sh) over files: its exit status and output, and one report per file
// (errors, warnings, the serious messages; a line that is not JSON is a discarded report).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace jbt::test {

struct GltfValidation {
    CommandResult run;
    std::vector<nlohmann::json> reports;
};

inline GltfValidation validateGltf(const std::vector<std::string>& files) {
    std::string src = JBT_SOURCE_DIR, args;
    for (const std::string& f : files) args += " '" + f + "'";
    GltfValidation v;
    v.run = test::run("NODE_PATH='" + src + "/.tools/node/node_modules' node '" + src + "/tests/support/validate_gltf.js'" + args + " 2>&1");
    std::istringstream lines(v.run.out);
    for (std::string line; std::getline(lines, line);) v.reports.push_back(nlohmann::json::parse(line, nullptr, false));
    return v;
}

// Every file valid: no errors, no warnings, a report for each. Call under ASSERT_NO_FATAL_FAILURE.
inline void expectValidGltf(const std::vector<std::string>& files) {
    GltfValidation v = validateGltf(files);
    ASSERT_EQ(v.run.exitCode, 0) << v.run.out << "(scripts/install_deps.sh installs Node.js and gltf-validator)";
    for (const nlohmann::json& r : v.reports) {
        ASSERT_FALSE(r.is_discarded()) << v.run.out;
        EXPECT_EQ(r["errors"], 0) << r.dump();
        EXPECT_EQ(r["warnings"], 0) << r.dump();
    }
    EXPECT_EQ(v.reports.size(), files.size());
}

}  // namespace jbt::test
