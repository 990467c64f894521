#pragma once
// jiangbei-twin's command line, in three separate steps with one precedence — command line over
// project file over defaults: parseCommandLine reads argv alone; resolveOptions then adds a
// data folder's layers (--data) and lays the project file (--project) under what was given.
#include <set>
#include <string>

#include "model/error.h"
#include "model/log.h"
#include "twin/app_options.h"

namespace CLI {
class App;
}

namespace jbt {

// Ends the program before it starts: --help (code 0, the help text) or a usage error (code 2,
// the message). The text ends with a newline.
struct CommandLineExit : Error {
    CommandLineExit(int code, const std::string& text);
    int code;
};

struct CommandLine {
    AppOptions options;           // defaults, overwritten by what argv gave
    std::set<std::string> given;  // the options argv named ("--lang", "--time" …)
    std::string dataDir;          // --data
    ImportOptions shared;         // CRS, datum and height options for every file of the run
    Verbosity verbosity = Verbosity::Normal;
};

// --layer-name, --source-crs, --datum (into `datum`, parsed by the caller), --height-field,
// --floor-height, --default-height, --lod: how a source is read, for the viewer and `bake`.
void addImportOptions(CLI::App& app, ImportOptions& shared, std::string& datum);

// Throws CommandLineExit.
CommandLine parseCommandLine(int argc, char** argv);
// Throws CommandLineExit (code 2) naming a data folder or project file that cannot be read.
AppOptions resolveOptions(const CommandLine& commandLine);

}  // namespace jbt
