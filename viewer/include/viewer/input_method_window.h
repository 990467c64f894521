#pragma once
// Typing Chinese through the desktop's input method (fcitx, ibus, uim; reached over XIM): the
// user types pinyin, the input method shows its candidates and commits 汉字. OSG's X11 window
// reads keys with XLookupString alone, so an input method never sees them.
#include <functional>
#include <osgViewer/Viewer>
#include <string>

namespace jbt {

using CommitText = std::function<void(const std::string& utf8)>;

// Opens the viewer's window as setUpViewInWindow (or, with width 0, setUpViewOnSingleScreen)
// would, with every X event passed through the input method first; text it commits goes to
// `commit`. Where no input method runs (XMODIFIERS unset, or its server absent) keys reach OSG
// as before, through Xlib's own compose handling.
void setUpViewWithInputMethod(osgViewer::Viewer& viewer, int x, int y, int width, int height, unsigned screen,
                              CommitText commit);

// Where the text cursor is (window pixels from the top left, the baseline): the input method
// shows its candidates there. ImGui reports it while a text field is active.
void noteTextCursor(int x, int y);

}  // namespace jbt
