#include "viewer/input_method_window.h"

#include <osgViewer/api/X11/GraphicsWindowX11>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <algorithm>
#include <atomic>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace jbt {
namespace {

std::atomic<int> g_spotX{0}, g_spotY{0};

class InputMethodWindow : public osgViewer::GraphicsWindowX11 {
public:
    InputMethodWindow(osg::GraphicsContext::Traits* traits, CommitText commit)
        : GraphicsWindowX11(traits), commit_(std::move(commit)) {}

    bool checkEvents() override {
        if (!valid()) return false;
        if (!tried_) {
            open();
            // Says which input method typing goes through: "none" is why pinyin would not work.
            if (std::getenv("JBT_DEBUG_INPUT"))
                std::fprintf(stderr, "input method: %s, locale %s\n", ic_ ? name_.c_str() : "none",
                             std::setlocale(LC_CTYPE, nullptr));
        }
        if (ic_) {
            moveSpot();
            filterQueue();
        }
        return GraphicsWindowX11::checkEvents();
    }

protected:
    ~InputMethodWindow() override {
        if (ic_) XDestroyIC(ic_);
        if (im_) XCloseIM(im_);
        if (fontSet_) XFreeFontSet(getEventDisplay(), fontSet_);
    }

private:
    void open() {
        tried_ = true;
        Display* d = getEventDisplay();
        Window w = getWindow();
        if (!d || !w) return;
        // Xlib hands committed text over in the locale's encoding: it must be UTF-8.
        const char* loc = std::setlocale(LC_CTYPE, "");
        if (!loc || !(std::strstr(loc, "UTF-8") || std::strstr(loc, "utf8"))) std::setlocale(LC_CTYPE, "C.UTF-8");
        if (!XSupportsLocale()) return;
        XSetLocaleModifiers("");  // XMODIFIERS=@im=fcitx (or ibus, uim) names the server
        im_ = XOpenIM(d, nullptr, nullptr, nullptr);
        const char* env = std::getenv("XMODIFIERS");
        name_ = env && *env ? env : "the default input method";
        if (!im_) {
            XSetLocaleModifiers("@im=none");  // Xlib's own: compose sequences and dead keys
            im_ = XOpenIM(d, nullptr, nullptr, nullptr);
            name_ = "Xlib's compose keys";
        }
        if (!im_) return;
        // Over the spot where the IM can (its candidates appear at the text cursor), else the
        // IM's own window ("root" style), else none.
        const XIMStyle overSpot = XIMPreeditPosition | XIMStatusNothing, root = XIMPreeditNothing | XIMStatusNothing,
                       none = XIMPreeditNone | XIMStatusNone;
        std::vector<XIMStyle> offered;
        XIMStyles* styles = nullptr;
        if (!XGetIMValues(im_, XNQueryInputStyle, &styles, nullptr) && styles) {
            offered.assign(styles->supported_styles, styles->supported_styles + styles->count_styles);
            XFree(styles);
        }
        auto offers = [&](XIMStyle s) { return std::find(offered.begin(), offered.end(), s) != offered.end(); };
        if (offers(overSpot)) {
            char** missing = nullptr;
            int missingCount = 0;
            char* defString = nullptr;
            // Xlib wants a font set for this style (uim draws with it; fcitx and ibus draw their own).
            fontSet_ = XCreateFontSet(d, "-*-*-medium-r-normal--16-*-*-*-*-*-*-*,*", &missing, &missingCount, &defString);
            if (missing) XFreeStringList(missing);
            if (fontSet_) {
                XPoint spot{0, 0};
                XVaNestedList attrs = XVaCreateNestedList(0, XNSpotLocation, &spot, XNFontSet, fontSet_, nullptr);
                ic_ = XCreateIC(im_, XNInputStyle, overSpot, XNClientWindow, w, XNFocusWindow, w, XNPreeditAttributes, attrs, nullptr);
                XFree(attrs);
                overSpot_ = ic_ != nullptr;
            }
        }
        for (XIMStyle s : {root, none})
            if (!ic_ && offers(s)) ic_ = XCreateIC(im_, XNInputStyle, s, XNClientWindow, w, XNFocusWindow, w, nullptr);
        if (!ic_) return;
        long mask = 0;
        XGetICValues(ic_, XNFilterEvents, &mask, nullptr);
        XWindowAttributes a;
        if (XGetWindowAttributes(d, w, &a)) XSelectInput(d, w, a.your_event_mask | mask | FocusChangeMask);
        XSetICFocus(ic_);
    }

    // Every event goes to the input method first (its own protocol travels as X events too); a
    // key it takes is part of a pinyin syllable, and what it commits comes back as a key event
    // with keycode 0. The rest go back on the queue, in order, for OSG.
    void filterQueue() {
        Display* d = getEventDisplay();
        std::vector<XEvent> kept;
        while (XPending(d)) {
            XEvent ev;
            XNextEvent(d, &ev);
            if (ev.xany.window == getWindow()) {
                if (ev.type == FocusIn) XSetICFocus(ic_);
                if (ev.type == FocusOut) XUnsetICFocus(ic_);
            }
            if (XFilterEvent(&ev, None)) continue;
            if (ev.type == KeyPress && ev.xkey.keycode == 0) {
                commitFrom(ev.xkey);
                continue;
            }
            kept.push_back(ev);
        }
        for (auto it = kept.rbegin(); it != kept.rend(); ++it) XPutBackEvent(d, &*it);
    }

    void commitFrom(XKeyEvent& key) {
        std::vector<char> buf(64);
        KeySym sym = 0;
        Status status = 0;
        int n = Xutf8LookupString(ic_, &key, buf.data(), int(buf.size()), &sym, &status);
        if (status == XBufferOverflow) {
            buf.resize(std::size_t(n) + 1);
            n = Xutf8LookupString(ic_, &key, buf.data(), int(buf.size()), &sym, &status);
        }
        if ((status == XLookupChars || status == XLookupBoth) && n > 0 && commit_) commit_(std::string(buf.data(), std::size_t(n)));
    }

    // The text cursor ImGui reported last: the candidates are shown there.
    void moveSpot() {
        int x = g_spotX.load(), y = g_spotY.load();
        if (!overSpot_ || (x == spotX_ && y == spotY_)) return;
        spotX_ = x, spotY_ = y;
        XPoint spot{short(x), short(y)};
        XVaNestedList attrs = XVaCreateNestedList(0, XNSpotLocation, &spot, nullptr);
        XSetICValues(ic_, XNPreeditAttributes, attrs, nullptr);
        XFree(attrs);
    }

    CommitText commit_;
    XFontSet fontSet_ = nullptr;
    bool overSpot_ = false;
    int spotX_ = -1, spotY_ = -1;
    XIM im_ = nullptr;
    XIC ic_ = nullptr;
    bool tried_ = false;
    std::string name_;
};

}  // namespace

void setUpViewWithInputMethod(osgViewer::Viewer& viewer, int x, int y, int width, int height, unsigned screen,
                              CommitText commit) {
    osg::ref_ptr<osg::GraphicsContext::Traits> t = new osg::GraphicsContext::Traits(osg::DisplaySettings::instance().get());
    t->readDISPLAY();
    if (t->displayNum < 0) t->displayNum = 0;
    t->screenNum = int(screen);
    t->stencil = 8;  // classification (单体化) tints the oblique mesh through the stencil
    bool fullscreen = width <= 0;
    if (fullscreen) {
        osg::GraphicsContext::ScreenSettings s;
        if (auto* wsi = osg::GraphicsContext::getWindowingSystemInterface()) wsi->getScreenSettings(*t, s);
        if (s.width <= 0 || s.height <= 0) {
            viewer.setUpViewOnSingleScreen(screen);
            return;
        }
        x = y = 0;
        width = s.width;
        height = s.height;
    }
    t->x = x;
    t->y = y;
    t->width = width;
    t->height = height;
    t->windowDecoration = !fullscreen;
    t->overrideRedirect = false;
    t->doubleBuffer = true;
    t->sharedContext = nullptr;
    osg::ref_ptr<InputMethodWindow> gw = new InputMethodWindow(t.get(), commit);
    if (!gw->valid() && t->samples > 0) {  // no anti-aliased visual on this display: without
        t->samples = 0;
        t->sampleBuffers = 0;
        osg::DisplaySettings::instance()->setNumMultiSamples(0);
        gw = new InputMethodWindow(t.get(), std::move(commit));
    }
    if (!gw->valid()) {  // as OSG would have tried (and reported) it
        if (fullscreen)
            viewer.setUpViewOnSingleScreen(screen);
        else
            viewer.setUpViewInWindow(x, y, width, height, screen);
        return;
    }
    osg::Camera* cam = viewer.getCamera();
    cam->setGraphicsContext(gw.get());
    gw->getEventQueue()->getCurrentEventState()->setWindowRectangle(x, y, width, height);
    cam->setViewport(new osg::Viewport(0, 0, width, height));
    GLenum buffer = t->doubleBuffer ? GL_BACK : GL_FRONT;
    cam->setDrawBuffer(buffer);
    cam->setReadBuffer(buffer);
}

void noteTextCursor(int x, int y) {
    g_spotX = x;
    g_spotY = y;
}


}  // namespace jbt
