// CityGML 1.0, 2.0 and 3.0 streamed through expat: one Building at a time is held, its polygons
// collected with their semantic surface and LOD, then cross-references (xlink:href, how LOD2
// solids usually point at the boundary surfaces' polygons) resolved when the Building ends.
// libcitygml (Debian 2.4.3) reads neither CityGML 3.0 nor LoD0 footprints, hence our own.
#include <expat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>

#include "citygml_appearance.h"
#include "xml_text.h"
#include "data_import/city_model.h"
#include "model/error.h"

namespace jbt {
namespace {

std::string localName(const char* name) {
    const char* bar = std::strrchr(name, '|');
    return bar ? bar + 1 : name;
}

// Inside a building but never seen from outside: left out.
bool isInterior(const std::string& n) {
    return n == "Room" || n == "BuildingRoom" || n == "InteriorWallSurface" || n == "FloorSurface" ||
           n == "CeilingSurface" || n == "IntBuildingInstallation" || n == "BuildingFurniture" || n == "Storey";
}

bool isPolygon(const std::string& n) {
    return n == "Polygon" || n == "Triangle" || n == "Rectangle" || n == "PolygonPatch";
}

// "lod2Solid", "lod0FootPrint" → "2", "0"; curves and implicit geometry are not surfaces.
std::string lodOf(const std::string& n) {
    if (n.size() < 5 || n.compare(0, 3, "lod") != 0 || n[3] < '0' || n[3] > '4') return "";
    if (n.find("Curve") != std::string::npos || n.find("TerrainIntersection") != std::string::npos ||
        n.find("Implicit") != std::string::npos || n.find("Point") != std::string::npos)
        return "";
    return std::string(1, n[3]);
}

struct GmlPolygon {
    std::vector<std::vector<Vec3>> rings;
    std::optional<SurfaceKind> kind;
    std::vector<std::string> targetIds, ringIds;  // for appearances
};

class GmlReader {
public:
    GmlReader(std::string path, CityDocument& doc) : path_(path), doc_(doc), appearances_(std::move(path)) {}

    void finish() { appearances_.resolve(doc_); }

    void start(const char* name, const char** atts) {
        std::string local = localName(name);
        int depth = static_cast<int>(stack_.size());
        if (doc_.format.empty()) {
            const char* ns = std::strstr(name, "/citygml/");
            if (ns) doc_.format = "CityGML " + std::string(ns + 9, ns + 12);
        }
        std::string id, href, srsName, attrName;
        for (int i = 0; atts[i]; i += 2) {
            std::string a = localName(atts[i]);
            if (a == "id" && std::strstr(atts[i], "gml")) id = atts[i + 1];
            else if (a == "href") href = atts[i + 1];
            else if (a == "srsName") srsName = atts[i + 1];
            else if (a == "srsDimension") dims_.push_back({depth, std::atoi(atts[i + 1])});
            else if (a == "name") attrName = atts[i + 1];
        }
        if (!srsName.empty() && doc_.crs.empty()) doc_.crs = srsName;
        if (attrCandidate_ >= 0) attrCandidate_ = -1;  // has children: not a simple attribute
        stack_.push_back(local);
        appearances_.start(local, atts, depth);

        if (building_ < 0) {
            if (local == "Building" || local == "BuildingPart") beginBuilding(depth, id);
            else if (depth > 0 && stack_[depth - 1] == "cityObjectMember") ++doc_.otherObjects[local];
            return;
        }
        if (local == "BuildingPart" && part_ < 0) {
            part_ = depth;
            ++current_.parts;
        }
        if (auto k = semanticSurfaceKind(local)) semantics_.push_back({depth, *k});
        // LoD0's two outlines: the footprint is the ground plan, the roof edge overhangs it.
        if (local == "lod0FootPrint") semantics_.push_back({depth, SurfaceKind::Ground});
        if (local == "lod0RoofEdge") semantics_.push_back({depth, SurfaceKind::Roof});
        if (isInterior(local) && interior_ < 0) interior_ = depth;
        std::string lod = lodOf(local);
        if (!lod.empty()) lods_.push_back({depth, lod});
        if (!id.empty()) ids_.push_back({depth, id});
        if (!href.empty() && !lods_.empty() && interior_ < 0 && href[0] == '#')
            refs_.push_back({lods_.back().second, kind(), href.substr(1)});

        if (part_ < 0 && interior_ < 0) {
            if (depth == building_ + 1 && local != "boundedBy" && local != "boundary") {
                attrCandidate_ = depth;
                attrKey_ = local == "name" ? "name" : local;
            }
            if (local.size() > 9 && local.compare(local.size() - 9, 9, "Attribute") == 0 && local != "genericAttribute") {
                generic_ = depth;
                genericName_ = attrName;
                genericValue_.clear();
            }
        }
        if (isPolygon(local) && polygon_ < 0) {
            polygon_ = depth;
            poly_ = GmlPolygon{};
            poly_.kind = kind();
        } else if (local == "exterior" || local == "outerBoundaryIs") {
            exterior_ = true;
        } else if (local == "interior" || local == "innerBoundaryIs") {
            exterior_ = false;
        } else if (local == "LinearRing") {
            ring_.clear();
            ringId_ = id;
        }
        text_.clear();
    }

    void end(const char* name) {
        std::string local = localName(name);
        int depth = static_cast<int>(stack_.size()) - 1;
        appearances_.end(local, depth, text_);
        if (building_ >= 0) endInBuilding(local, depth);
        else text_.clear();
        if (depth == building_) finishBuilding();
        stack_.pop_back();
        while (!dims_.empty() && dims_.back().first >= depth) dims_.pop_back();
    }

    void text(const char* s, int n) {
        if (building_ >= 0 || appearances_.active()) text_.append(s, static_cast<std::size_t>(n));
    }

private:
    std::optional<SurfaceKind> kind() const {
        return semantics_.empty() ? std::nullopt : std::optional<SurfaceKind>(semantics_.back().second);
    }

    void beginBuilding(int depth, const std::string& id) {
        building_ = depth;
        current_ = CityBuilding{};
        current_.id = id.empty() ? "building " + std::to_string(doc_.buildings.size() + 1) : id;
        if (!id.empty()) ids_.push_back({depth, id});
    }

    void endInBuilding(const std::string& local, int depth) {
        if (local == "posList" || local == "pos" || local == "coordinates") readCoordinates(local == "coordinates");
        else if (local == "LinearRing" && polygon_ >= 0) closeRing();
        if (depth == polygon_) finishPolygon();
        if (depth == attrCandidate_) {
            std::string v = trim(text_);
            if (!v.empty()) current_.attributes.emplace_back(attrKey_, v);
            attrCandidate_ = -1;
        }
        if (generic_ >= 0 && depth == generic_ + 1) {
            if (local == "name") genericName_ = trim(text_);
            else if (local == "value") genericValue_ = trim(text_);
        }
        if (depth == generic_) {
            if (!genericName_.empty() && !genericValue_.empty()) current_.attributes.emplace_back(genericName_, genericValue_);
            generic_ = -1;
        }
        auto popAt = [depth](auto& stack) {
            while (!stack.empty() && stack.back().first >= depth) stack.pop_back();
        };
        popAt(semantics_);
        popAt(lods_);
        popAt(ids_);
        if (depth == interior_) interior_ = -1;
        if (depth == part_) part_ = -1;
        text_.clear();
    }

    void readCoordinates(bool gml2) {
        std::string s = text_;
        int dim = dims_.empty() ? 3 : dims_.back().second;
        if (gml2) {  // "x,y,z x,y,z": the commas in the first tuple give the dimension
            std::size_t firstSpace = trim(s).find_first_of(" \t\n");
            std::string tuple = trim(s).substr(0, firstSpace);
            dim = 1 + static_cast<int>(std::count(tuple.begin(), tuple.end(), ','));
            for (char& c : s)
                if (c == ',') c = ' ';
        }
        std::vector<double> v = numbersIn(s);
        if (dim != 2 && dim != 3) dim = 3;
        if (v.size() % static_cast<std::size_t>(dim) != 0 && v.size() % 2 == 0) dim = 2;
        for (std::size_t i = 0; i + static_cast<std::size_t>(dim) <= v.size(); i += static_cast<std::size_t>(dim))
            ring_.push_back({v[i], v[i + 1], dim == 3 ? v[i + 2] : 0.0});
    }

    void closeRing() {
        if (ring_.size() > 1) {
            const Vec3 &a = ring_.front(), &b = ring_.back();
            if (a.x == b.x && a.y == b.y && a.z == b.z) ring_.pop_back();
        }
        if (exterior_) {
            poly_.rings.insert(poly_.rings.begin(), std::move(ring_));
            poly_.ringIds.insert(poly_.ringIds.begin(), ringId_);
        } else {
            poly_.rings.push_back(std::move(ring_));
            poly_.ringIds.push_back(ringId_);
        }
        ring_.clear();
    }

    void finishPolygon() {
        polygon_ = -1;
        if (poly_.rings.empty()) return;
        std::size_t index = polys_.size();
        // The polygon's own id first, then the surfaces around it, up to the building.
        for (auto it = ids_.rbegin(); it != ids_.rend() && it->first > building_; ++it) poly_.targetIds.push_back(it->second);
        polys_.push_back(std::move(poly_));
        for (auto& [d, id] : ids_) members_[id].push_back(index);
        if (!lods_.empty() && interior_ < 0) placed_.push_back({lods_.back().second, index});
    }

    void finishBuilding() {
        std::set<std::pair<std::string, std::size_t>> seen;
        auto place = [&](const std::string& lod, std::size_t i, std::optional<SurfaceKind> k) {
            if (!seen.insert({lod, i}).second) return;
            const GmlPolygon& p = polys_[i];
            current_.lods[lod].push_back({k ? k : p.kind, p.rings, nullptr, p.targetIds, p.ringIds});
        };
        for (auto& [lod, i] : placed_) place(lod, i, polys_[i].kind);
        for (const Ref& r : refs_) {
            auto it = members_.find(r.id);
            if (it == members_.end()) {
                noteSkipped(doc_, "unresolved_reference",
                            path_ + ": building '" + current_.id + "': xlink:href '#" + r.id +
                                "' names no polygon of this building; that surface is left out");
                continue;
            }
            for (std::size_t i : it->second) place(r.lod, i, r.kind);
        }
        doc_.buildings.push_back(std::move(current_));
        building_ = part_ = interior_ = generic_ = attrCandidate_ = polygon_ = -1;
        polys_.clear();
        placed_.clear();
        refs_.clear();
        members_.clear();
        semantics_.clear();
        lods_.clear();
        ids_.clear();
    }

    struct Ref {
        std::string lod;
        std::optional<SurfaceKind> kind;
        std::string id;
    };

    std::string path_;
    CityDocument& doc_;
    std::vector<std::string> stack_;
    std::vector<std::pair<int, int>> dims_;
    int building_ = -1, part_ = -1, interior_ = -1, polygon_ = -1, attrCandidate_ = -1, generic_ = -1;
    CityBuilding current_;
    std::vector<std::pair<int, SurfaceKind>> semantics_;
    std::vector<std::pair<int, std::string>> lods_, ids_;
    std::vector<GmlPolygon> polys_;
    std::vector<std::pair<std::string, std::size_t>> placed_;
    std::vector<Ref> refs_;
    std::map<std::string, std::vector<std::size_t>> members_;
    GmlPolygon poly_;
    std::vector<Vec3> ring_;
    bool exterior_ = true;
    std::string text_, attrKey_, genericName_, genericValue_, ringId_;
    GmlAppearances appearances_;
};

struct ParserFree {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

}  // namespace

CityDocument readCityGml(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": no such file");
    CityDocument doc;
    GmlReader reader(path, doc);
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreateNS(nullptr, '|'));
    XML_SetUserData(parser.get(), &reader);
    XML_SetElementHandler(
        parser.get(),
        [](void* r, const XML_Char* n, const XML_Char** a) { static_cast<GmlReader*>(r)->start(n, a); },
        [](void* r, const XML_Char* n) { static_cast<GmlReader*>(r)->end(n); });
    XML_SetCharacterDataHandler(parser.get(),
                                [](void* r, const XML_Char* s, int n) { static_cast<GmlReader*>(r)->text(s, n); });
    std::vector<char> buf(1 << 16);
    bool last = false;
    while (!last) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        auto got = static_cast<int>(in.gcount());
        last = got < static_cast<int>(buf.size());
        if (XML_Parse(parser.get(), buf.data(), got, last) != XML_STATUS_OK) {
            std::string why = std::string("not well-formed XML at line ") +
                              std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                              XML_ErrorString(XML_GetErrorCode(parser.get()));
            if (doc.buildings.empty()) throw Error(path + ": " + why);
            doc.messages.push_back(path + ": reading stopped early: " + why);
            break;
        }
    }
    if (doc.format.empty()) throw Error(path + ": not a CityGML file (no CityGML namespace)");
    reader.finish();
    return doc;
}

}  // namespace jbt
