#include "viewer/imgui_layer.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <backends/imgui_impl_opengl3.h>
#include <osg/Timer>

#include <algorithm>
#include <cstdio>
#include <string>

#include "scene/cjk_font.h"
#include "viewer/clipboard.h"
#include "viewer/input_method_window.h"

#include "model/log.h"

namespace jbt {
namespace {

using GEA = osgGA::GUIEventAdapter;

// ImGui 1.86 uses io.KeysDown[512] and io.KeyMap: special keys get slots above 256.
int keyIndex(int osgKey) {
    switch (osgKey) {
        case GEA::KEY_Tab: return 256;
        case GEA::KEY_Left: return 257;
        case GEA::KEY_Right: return 258;
        case GEA::KEY_Up: return 259;
        case GEA::KEY_Down: return 260;
        case GEA::KEY_Page_Up: return 261;
        case GEA::KEY_Page_Down: return 262;
        case GEA::KEY_Home: return 263;
        case GEA::KEY_End: return 264;
        case GEA::KEY_Insert: return 265;
        case GEA::KEY_Delete: return 266;
        case GEA::KEY_BackSpace: return 267;
        case GEA::KEY_Return: return 268;
        case GEA::KEY_Escape: return 269;
        case GEA::KEY_KP_Enter: return 270;
        default:
            if (osgKey >= GEA::KEY_F1 && osgKey <= GEA::KEY_F12) return kKeyF1 + (osgKey - GEA::KEY_F1);
            return (osgKey >= 0 && osgKey < 256) ? osgKey : -1;
    }
}

// The character a key press types, or 0. OSG gives Latin-1 as the character itself and
// everything else as the X keysym: Unicode keysyms (0x01000000 + code point) are what xdotool
// and many layouts send for CJK; modifier and function keys (0xFExx, 0xFFxx) type nothing.
unsigned typedCharacter(int key) {
    if ((key >= 0x20 && key < 0x7f) || (key >= 0xa0 && key <= 0xff)) return unsigned(key);
    if (key >= 0x01000100 && key <= 0x0110ffff) return unsigned(key - 0x01000000);
    return 0;
}

class ImGuiEventHandler : public osgGA::GUIEventHandler {
public:
    explicit ImGuiEventHandler(ImGuiLayer& layer) : layer_(layer) {}

    bool handle(const GEA& ea, osgGA::GUIActionAdapter&) override {
        ImGuiIO& io = ImGui::GetIO();
        auto position = [&] {
            float y = ea.getMouseYOrientation() == GEA::Y_INCREASING_UPWARDS ? ea.getWindowHeight() - ea.getY() + ea.getYmin()
                                                                             : ea.getY() - ea.getYmin();
            return ImVec2(ea.getX() - ea.getXmin(), y);
        };
        auto button = [&]() -> int {
            switch (ea.getButton()) {
                case GEA::LEFT_MOUSE_BUTTON: return 0;
                case GEA::RIGHT_MOUSE_BUTTON: return 1;
                case GEA::MIDDLE_MOUSE_BUTTON: return 2;
                default: return -1;
            }
        };
        switch (ea.getEventType()) {
            case GEA::MOVE:
            case GEA::DRAG: layer_.queueMouse({position(), -1, false}); break;
            case GEA::PUSH:
            case GEA::RELEASE:
            case GEA::DOUBLECLICK:
                layer_.queueMouse({position(), -1, false});
                if (int b = button(); b >= 0) layer_.queueMouse({position(), b, ea.getEventType() != GEA::RELEASE});
                break;
            case GEA::SCROLL:
                io.MouseWheel += ea.getScrollingMotion() == GEA::SCROLL_UP ? 1.f
                                 : ea.getScrollingMotion() == GEA::SCROLL_DOWN ? -1.f : 0.f;
                break;
            case GEA::KEYDOWN:
            case GEA::KEYUP: {
                bool down = ea.getEventType() == GEA::KEYDOWN;
                int mods = ea.getModKeyMask();
                // The unmodified key names the slot: with Ctrl held X reports Ctrl+S as 0x13.
                // OSG reports unmodified letters as capitals ('A' for the A key): ImGui's map uses 'a'.
                int base = ea.getUnmodifiedKey();
                if (base >= 'A' && base <= 'Z') base += 'a' - 'A';
                int slot = keyIndex(base);
                if (slot < 0) slot = keyIndex(ea.getKey());
                ImGuiLayer::KeyEvent k;
                k.slot = slot;
                k.down = down;
                k.ctrl = mods & GEA::MODKEY_CTRL;
                k.shift = mods & GEA::MODKEY_SHIFT;
                k.alt = mods & GEA::MODKEY_ALT;
                k.super = mods & GEA::MODKEY_SUPER;
                if (down && !k.ctrl && !k.alt && !k.super) k.character = typedCharacter(ea.getKey());
                layer_.queueKey(k);
                break;
            }
            default: break;
        }
        // Returning true marks the event handled; the camera guard also checks wantsEvent().
        return layer_.wantsEvent(ea);
    }

private:
    ImGuiLayer& layer_;
};

class ImGuiDrawCallback : public osg::Camera::DrawCallback {
public:
    explicit ImGuiDrawCallback(ImGuiLayer& layer) : layer_(layer) {}
    void operator()(osg::RenderInfo& renderInfo) const override { layer_.drawFrame(renderInfo); }

private:
    ImGuiLayer& layer_;
};

}  // namespace

ImGuiLayer::ImGuiLayer() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is the workspace's, kept in the project
    io.GetClipboardTextFn = [](void*) -> const char* {
        static std::string text;
        text = readClipboard();
        return text.c_str();
    };
    io.SetClipboardTextFn = [](void*, const char* text) { writeClipboard(text ? text : ""); };
    io.KeyMap[ImGuiKey_Tab] = 256;
    io.KeyMap[ImGuiKey_LeftArrow] = 257;
    io.KeyMap[ImGuiKey_RightArrow] = 258;
    io.KeyMap[ImGuiKey_UpArrow] = 259;
    io.KeyMap[ImGuiKey_DownArrow] = 260;
    io.KeyMap[ImGuiKey_PageUp] = 261;
    io.KeyMap[ImGuiKey_PageDown] = 262;
    io.KeyMap[ImGuiKey_Home] = 263;
    io.KeyMap[ImGuiKey_End] = 264;
    io.KeyMap[ImGuiKey_Insert] = 265;
    io.KeyMap[ImGuiKey_Delete] = 266;
    io.KeyMap[ImGuiKey_Backspace] = 267;
    io.KeyMap[ImGuiKey_Enter] = 268;
    io.KeyMap[ImGuiKey_Escape] = 269;
    io.KeyMap[ImGuiKey_KeyPadEnter] = 270;
    io.KeyMap[ImGuiKey_Space] = ' ';
    io.KeyMap[ImGuiKey_A] = 'a';
    io.KeyMap[ImGuiKey_C] = 'c';
    io.KeyMap[ImGuiKey_V] = 'v';
    io.KeyMap[ImGuiKey_X] = 'x';
    io.KeyMap[ImGuiKey_Y] = 'y';
    io.KeyMap[ImGuiKey_Z] = 'z';
}

ImGuiLayer::~ImGuiLayer() {
    if (initialised_) ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
}

osg::ref_ptr<osgGA::GUIEventHandler> ImGuiLayer::install(osg::Camera& camera) {
    camera.setPostDrawCallback(new ImGuiDrawCallback(*this));
    return new ImGuiEventHandler(*this);
}

void ImGuiLayer::queueKey(const KeyEvent& k) {
    if (keyQueue_.size() < 4096) keyQueue_.push_back(k);
}

void ImGuiLayer::queueText(const std::string& utf8) {
    KeyEvent mods = keyQueue_.empty() ? KeyEvent{} : keyQueue_.back();
    if (keyQueue_.empty()) {
        const ImGuiIO& io = ImGui::GetIO();
        mods.ctrl = io.KeyCtrl, mods.shift = io.KeyShift, mods.alt = io.KeyAlt, mods.super = io.KeySuper;
    }
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned c = 0;
        int n = ImTextCharFromUtf8(&c, utf8.c_str() + i, utf8.c_str() + utf8.size());
        if (n <= 0) break;
        i += std::size_t(n);
        KeyEvent k = mods;
        k.slot = -1;
        k.down = false;
        k.character = c;
        queueKey(k);
    }
}

// ImGui 1.86 samples KeysDown once per frame: a press and release in one frame (a quick tap at
// a low frame rate) would never be seen. Events are applied in order until one would change a
// key already changed this frame, or a typed character would follow a key (ImGui handles
// characters before keys within a frame), or a modifier would change after a key; the rest
// wait for the next frame.
void ImGuiLayer::applyQueuedKeys() {
    ImGuiIO& io = ImGui::GetIO();
    std::vector<int> changed;
    bool keySeen = false;
    std::size_t used = 0;
    for (; used < keyQueue_.size(); ++used) {
        const KeyEvent& k = keyQueue_[used];
        bool isKey = k.slot >= 0;
        bool slotChanged = isKey && std::find(changed.begin(), changed.end(), k.slot) != changed.end();
        // Plain typing needs only the character: the letter's key state matters to shortcuts
        // (Ctrl+A) alone. Leaving it out lets a whole burst of typing land in one frame instead
        // of one letter per frame (70 characters took 7 s at 10 fps).
        bool plainText = k.character && !k.ctrl && !k.alt && !k.super;
        if (isKey && !k.down && !io.KeysDown[k.slot] && !slotChanged) continue;  // the release of such a key
        if (isKey && plainText && !slotChanged) isKey = false;
        if (isKey && slotChanged) break;
        if (k.character && keySeen) break;
        // Ctrl released right after Ctrl+A: the A press must be seen with Ctrl still held.
        bool modsChange = k.ctrl != io.KeyCtrl || k.shift != io.KeyShift || k.alt != io.KeyAlt || k.super != io.KeySuper;
        if (modsChange && !changed.empty()) break;
        io.KeyCtrl = k.ctrl;
        io.KeyShift = k.shift;
        io.KeyAlt = k.alt;
        io.KeySuper = k.super;
        if (isKey) {
            io.KeysDown[k.slot] = k.down;
            changed.push_back(k.slot);
            keySeen = keySeen || !k.character;
        }
        if (k.character) io.AddInputCharacter(k.character);
    }
    keyQueue_.erase(keyQueue_.begin(), keyQueue_.begin() + long(used));
}

void ImGuiLayer::queueMouse(const MouseEvent& m) {
    if (mouseQueue_.size() < 4096) mouseQueue_.push_back(m);
}

// As with keys: ImGui 1.86 samples the mouse once per frame. A press waits for the frame after
// the pointer moved (so ImGui knows what it is over), a release for the frame after its press.
void ImGuiLayer::applyQueuedMouse() {
    ImGuiIO& io = ImGui::GetIO();
    bool moved = false, changed[3] = {};
    std::size_t used = 0;
    for (; used < mouseQueue_.size(); ++used) {
        const MouseEvent& m = mouseQueue_[used];
        if (m.button < 0) {
            moved = moved || m.pos.x != io.MousePos.x || m.pos.y != io.MousePos.y;
            io.MousePos = m.pos;
            continue;
        }
        if (changed[m.button] || (m.down && moved)) break;
        io.MouseDown[m.button] = m.down;
        changed[m.button] = true;
    }
    mouseQueue_.erase(mouseQueue_.begin(), mouseQueue_.begin() + long(used));
}

bool ImGuiLayer::overWindow(float x, float y) const {
    for (const WindowRect& r : lastRects_)
        if (x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h) return true;
    return false;
}

bool ImGuiLayer::wantsEvent(const GEA& ea) const {
    switch (ea.getEventType()) {
        case GEA::PUSH:
        case GEA::DOUBLECLICK:
        case GEA::SCROLL: {
            // Over a panel drawn last frame, even if ImGui has not seen the pointer there yet
            // (a click right after a quick move).
            float y = ea.getMouseYOrientation() == GEA::Y_INCREASING_UPWARDS ? ea.getWindowHeight() - ea.getY() + ea.getYmin()
                                                                             : ea.getY() - ea.getYmin();
            return wantMouse_ || overWindow(ea.getX() - ea.getXmin(), y);
        }
        case GEA::RELEASE:
        case GEA::DRAG:
        case GEA::MOVE: return wantMouse_;
        case GEA::KEYDOWN:
        case GEA::KEYUP: return wantKeyboard_;
        default: return false;
    }
}

void ImGuiLayer::buildFonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fontMessage_.clear();
    std::string hint;
    std::string font = findCjkFont(hint);
    // Fonts are rasterised at the scaled size (crisp on 4K walls), not magnified afterwards.
    float size = 17.0f * scale_;
    if (!font.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
        builder.AddText(uiGlyphText().c_str());
        glyphVersion_ = uiGlyphVersion();
        glyphBytesChecked_ = uiGlyphText().size();
        glyphRanges_.clear();
        builder.BuildRanges(&glyphRanges_);  // must outlive the atlas build
        ImFontConfig cfg;
        cfg.OversampleH = 1;  // CJK atlases are big; horizontal oversampling buys little here
        if (!io.Fonts->AddFontFromFileTTF(font.c_str(), size, &cfg, glyphRanges_.Data)) {
            fontMessage_ = font + ": could not be loaded as a font";
            io.Fonts->AddFontDefault();
        }
    } else {
        fontMessage_ = hint;
        ImFontConfig cfg;
        cfg.SizePixels = size;
        io.Fonts->AddFontDefault(&cfg);
    }
}

bool ImGuiLayer::atlasLacksNewGlyphs() {
    const std::string& text = uiGlyphText();
    ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    bool lacks = false;
    for (const char* p = text.c_str() + std::min(glyphBytesChecked_, text.size()); font && *p;) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, nullptr);
        lacks |= font->FindGlyphNoFallback(ImWchar(c)) == nullptr;
    }
    glyphBytesChecked_ = text.size();
    return lacks;
}

void ImGuiLayer::applyStyle() {
    ImGuiStyle style;
    if (theme_ == Theme::HighContrast) {
        // For projectors and walls: black panels, white text, yellow accents, firm borders.
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0.95f);
        style.Colors[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_TitleBgActive] = style.Colors[ImGuiCol_TitleBg] = ImVec4(0.1f, 0.1f, 0.1f, 1);
        for (ImGuiCol c : {ImGuiCol_Header, ImGuiCol_Button, ImGuiCol_FrameBg, ImGuiCol_SliderGrab, ImGuiCol_CheckMark})
            style.Colors[c] = ImVec4(0.95f, 0.8f, 0.1f, c == ImGuiCol_FrameBg ? 0.35f : 0.85f);
        style.Colors[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.8f);
        style.WindowBorderSize = style.FrameBorderSize = 1.5f;
    } else {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg].w = 0.88f;
    }
    style.WindowRounding = 4.f;
    style.ScaleAllSizes(scale_);
    ImGui::GetStyle() = style;
}

void ImGuiLayer::setScale(float scale) {
    scale_ = std::clamp(scale, 0.5f, 6.0f);
    fontsDirty_ = true;
}

void ImGuiLayer::setTheme(Theme theme) {
    theme_ = theme;
    fontsDirty_ = true;
}

void ImGuiLayer::initialise() {
    // The text cursor of the active field, for the input method's candidate window (ImGui gives
    // the top of the line; X wants the baseline).
    ImGui::GetIO().ImeSetInputScreenPosFn = [](int x, int y) { noteTextCursor(x, y + int(ImGui::GetFontSize())); };
    buildFonts();
    applyStyle();
    if (!fontMessage_.empty()) spdlog::warn(fontMessage_);
    ImGui_ImplOpenGL3_Init("#version 130");
    initialised_ = true;
    fontsDirty_ = false;
}

void ImGuiLayer::drawFrame(osg::RenderInfo& renderInfo) {
    if (!initialised_) initialise();
    // Text with characters the atlas lacks was noted last frame: rebuild with them (a CJK font is
    // loaded, so only then does it help).
    if (uiGlyphVersion() != glyphVersion_ && fontMessage_.empty() && atlasLacksNewGlyphs()) fontsDirty_ = true;
    glyphVersion_ = uiGlyphVersion();
    if (fontsDirty_) {  // new glyphs, UI scale or theme: rebuild between frames, with the context current
        buildFonts();
        applyStyle();
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        fontsDirty_ = false;
    }
    // The whole window: the 3D view's viewport is only the part the panels leave free.
    const osg::Viewport* vp = renderInfo.getCurrentCamera()->getViewport();
    const osg::GraphicsContext* gc = renderInfo.getState() ? renderInfo.getState()->getGraphicsContext() : nullptr;
    const osg::GraphicsContext::Traits* traits = gc ? gc->getTraits() : nullptr;
    ImGuiIO& io = ImGui::GetIO();
    if (traits && traits->width > 0 && traits->height > 0 && fullWindow_)
        io.DisplaySize = ImVec2(float(traits->width), float(traits->height));
    else
        io.DisplaySize = ImVec2(vp ? float(vp->width()) : 1280.f, vp ? float(vp->height()) : 720.f);
    double now = osg::Timer::instance()->time_s();
    io.DeltaTime = lastTime_ < 0 ? 1.f / 60.f : std::max(1e-4f, float(now - lastTime_));
    lastTime_ = now;

    applyQueuedKeys();
    applyQueuedMouse();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    for (auto& o : overlays_) o->draw();
    if (panelsVisible_)
        for (auto& p : panels_) p->draw();
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    wantMouse_ = io.WantCaptureMouse;
    lastRects_ = windowRects();
    wantKeyboard_ = io.WantCaptureKeyboard;
}

std::vector<ImGuiLayer::WindowRect> ImGuiLayer::windowRects() const {
    std::vector<WindowRect> out;
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return out;
    for (ImGuiWindow* w : g->Windows) {
        if (!w->WasActive || w->Hidden || (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip))) continue;
        out.push_back({w->Name, w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
    }
    return out;
}

}  // namespace jbt
