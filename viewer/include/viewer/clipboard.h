#pragma once
// The X clipboard through xclip (installed by scripts/install_deps.sh): OSG's X11 window does
// not answer selection requests, and xclip serves the selection after we hand it the text.
// Without xclip the clipboard stays inside the program.
#include <string>

namespace jbt {

std::string readClipboard();
void writeClipboard(const std::string& text);

}  // namespace jbt
