#pragma once
// Runs another program (ffmpeg, ogr2ogr) with an argument vector: no shell, so no quoting and
// no path in the arguments can be read as a command.
#include <string>
#include <vector>

namespace jbt {

// Whether `program` is an executable on PATH.
bool programOnPath(const std::string& program);

// Runs argv[0] (looked up on PATH) with argv, waits, and returns its exit status; -1 when it
// could not be started or did not exit normally.
int runProgram(const std::vector<std::string>& argv);

}  // namespace jbt
