#pragma once
// The UI language: 中文, English, or both side by side (the default, for mixed audiences).
#include <string>

namespace jbt {

enum class UiLanguage { Both, Chinese, English };

UiLanguage uiLanguage();
void setUiLanguage(UiLanguage language);

// The text for the current language ("图层 Layers" when both).
std::string tr(const char* zh, const char* en);
// A window title that keeps its ImGui id (position, size) when the language changes.
std::string windowTitle(const char* zh, const char* en, const char* id);

}  // namespace jbt
