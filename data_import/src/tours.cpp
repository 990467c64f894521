#include "data_import/tours.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/error.h"

namespace jbt {

std::vector<Tour> loadTours(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot open");
    std::vector<Tour> out;
    try {
        nlohmann::json j = nlohmann::json::parse(in);
        for (const auto& t : j.at("tours")) {
            Tour tour{t.at("id"), t.value("name_zh", ""), t.value("name_en", ""), t.value("loop", false), {}};
            for (const auto& s : t.at("stops")) {
                TourStop stop{s.at("bookmark"), s.value("fly_s", 4.0), s.value("dwell_s", 4.0),
                              s.value("caption_zh", ""), s.value("caption_en", "")};
                if (stop.flySeconds <= 0 || stop.dwellSeconds < 0)
                    throw Error(path + ": tour '" + tour.id + "', stop '" + stop.bookmark +
                                             "': fly_s must be > 0 and dwell_s >= 0");
                tour.stops.push_back(stop);
            }
            out.push_back(std::move(tour));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": malformed: " + e.what());
    }
    return out;
}

}  // namespace jbt
