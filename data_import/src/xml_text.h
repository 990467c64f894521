#pragma once
// Text of XML elements: trimmed strings and whitespace-separated numbers (coordinates, texture
// coordinates, colours), for the CityGML reader, its appearances and oblique metadata.xml.
#include <cstdlib>
#include <string>
#include <vector>

namespace jbt {

inline std::string trim(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

inline std::vector<double> numbersIn(const std::string& text) {
    std::vector<double> v;
    const char* p = text.c_str();
    char* e = nullptr;
    for (double d = std::strtod(p, &e); e != p; d = std::strtod(p, &e)) {
        v.push_back(d);
        p = e;
    }
    return v;
}

}  // namespace jbt
