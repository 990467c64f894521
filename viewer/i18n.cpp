#include "viewer/i18n.h"

namespace jbt {
namespace {
UiLanguage current = UiLanguage::Both;
}

UiLanguage uiLanguage() { return current; }
void setUiLanguage(UiLanguage language) { current = language; }

std::string tr(const char* zh, const char* en) {
    switch (current) {
        case UiLanguage::Chinese: return zh;
        case UiLanguage::English: return en;
        default: return std::string(zh) + " " + en;
    }
}

std::string windowTitle(const char* zh, const char* en, const char* id) { return tr(zh, en) + "###" + id; }

}  // namespace jbt
