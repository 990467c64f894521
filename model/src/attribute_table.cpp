#include "model/attribute_table.h"

#include <cctype>

namespace jbt {

bool equalsIgnoreCase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

const std::string* findAttribute(const Attributes& attrs, const std::string& key) {
    for (auto& [name, value] : attrs)
        if (!value.empty() && equalsIgnoreCase(name, key)) return &value;
    return nullptr;
}

}  // namespace jbt
