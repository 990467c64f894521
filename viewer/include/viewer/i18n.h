#pragma once
// The UI language: 中文, English, or both side by side (the default, for mixed audiences).
#include <string>

namespace jbt {

enum class UiLanguage { Both, Chinese, English };

UiLanguage uiLanguage();
void setUiLanguage(UiLanguage language);

// The text for the current language ("图层 Layers" when both).
std::string tr(const char* zh, const char* en);
// The UI font holds the glyphs of the text the UI shows: tr() notes every text it returns, and
// text that does not pass through tr() (data: layer and place names, attribute values, events)
// is noted with uiText() before it is drawn. New glyphs rebuild the font atlas between frames.
const char* uiText(const char* utf8);
const std::string& uiText(const std::string& utf8);
// Every character noted so far (UTF-8), and a count that grows whenever new ones are noted.
const std::string& uiGlyphText();
int uiGlyphVersion();

// A window title that keeps its ImGui id (position, size) when the language changes.
std::string windowTitle(const char* zh, const char* en, const char* id);

}  // namespace jbt
