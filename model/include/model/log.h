#pragma once
// One logger for every program and library (spdlog): messages go to stderr as
// "PROGRAM: text", warnings and errors as "PROGRAM: warning: text" / "PROGRAM: error: text",
// so stdout stays free for the one line of JSON a snapshot prints. Call spdlog::info / warn /
// error / debug after initLogging.
#include <spdlog/spdlog.h>

#include <string>

namespace jbt {

enum class Verbosity { Quiet, Normal, Verbose };  // errors only; + notes; + debug detail

void initLogging(const std::string& program, Verbosity verbosity = Verbosity::Normal);

}  // namespace jbt
