#pragma once
// Dear ImGui inside OSG: input from an osgGA handler, drawing with the OpenGL3 backend in the
// main camera's post-draw callback, initialised on the first draw when the GL context is current.
#include <osg/Camera>
#include <imgui.h>
#include <osgGA/GUIEventHandler>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "viewer/i18n.h"

namespace jbt {

// io.KeysDown slot of F1 (F2… follow): ImGui 1.86 has no F-keys of its own.
constexpr int kKeyF1 = 271;

class Panel {
public:
    virtual ~Panel() = default;
    virtual void draw() = 0;
};

class ImGuiLayer {
public:
    ImGuiLayer();
    ~ImGuiLayer();

    void addPanel(std::unique_ptr<Panel> panel) { panels_.push_back(std::move(panel)); }
    void setPanelsVisible(bool visible) { panelsVisible_ = visible; }
    bool panelsVisible() const { return panelsVisible_; }
    void togglePanels() { panelsVisible_ = !panelsVisible_; }
    // Always drawn, even with panels hidden (e.g. the demo-data banner).
    void addOverlay(std::unique_ptr<Panel> overlay) { overlays_.push_back(std::move(overlay)); }

    // Hooks into the camera (post-draw) and returns the event handler to add to the viewer.
    osg::ref_ptr<osgGA::GUIEventHandler> install(osg::Camera& camera);

    // Whether ImGui claims this event (mouse over a window, typing into a field).
    bool wantsEvent(const osgGA::GUIEventAdapter& ea) const;

    const std::string& fontMessage() const { return fontMessage_; }
    // Extra characters the font atlas must hold (place names etc.), added before the first draw.

    // UI scale for 4K and 8K displays (fonts rasterised at the size, style scaled); live.
    void setScale(float scale);
    float scale() const { return scale_; }
    enum class Theme { Dark, HighContrast };
    void setTheme(Theme theme);
    Theme theme() const { return theme_; }

    void drawFrame(osg::RenderInfo& renderInfo);  // called by the post-draw callback
    // Panels cover the whole window (the camera's viewport is the 3D view between them); off
    // for video walls, where the operator's camera is the window.
    void setFullWindow(bool full) { fullWindow_ = full; }
    struct MouseEvent {
        ImVec2 pos;
        int button = -1;  // -1: a move
        bool down = false;
    };
    void queueMouse(const MouseEvent& mouse);     // called by the event handler
    struct KeyEvent {
        int slot = -1;            // io.KeysDown index, -1 for none
        bool down = false, ctrl = false, shift = false, alt = false, super = false;
        unsigned character = 0;   // typed character (Unicode), 0 for none
    };
    void queueKey(const KeyEvent& key);           // called by the event handler
    void queueText(const std::string& utf8);      // text an input method committed

    // The top-level ImGui windows drawn in the last frame (for layout checks).
    struct WindowRect {
        std::string name;
        float x = 0, y = 0, w = 0, h = 0;
    };
    std::vector<WindowRect> windowRects() const;

private:
    void initialise();
    void buildFonts();
    void applyStyle();
    bool atlasLacksNewGlyphs();  // among the UI text noted since the last look
    void applyQueuedKeys();
    void applyQueuedMouse();
    bool overWindow(float x, float y) const;  // inside a window drawn last frame

    std::vector<std::unique_ptr<Panel>> panels_, overlays_;
    bool panelsVisible_ = true;
    bool initialised_ = false;
    double lastTime_ = -1;
    std::string fontMessage_;
    int glyphVersion_ = -1;           // of uiGlyphText() when last looked at
    std::size_t glyphBytesChecked_ = 0;  // of uiGlyphText() known to be in the atlas
    bool wantMouse_ = false, wantKeyboard_ = false;
    std::vector<MouseEvent> mouseQueue_;
    std::vector<WindowRect> lastRects_;
    std::vector<KeyEvent> keyQueue_;
    float scale_ = 1.0f;
    Theme theme_ = Theme::Dark;
    bool fontsDirty_ = false;
    bool fullWindow_ = true;
    ImVector<ImWchar> glyphRanges_;
};

}  // namespace jbt
