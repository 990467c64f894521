#include "data_import/scene_frame.h"

#include <proj.h>

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "model/error.h"

namespace jbt {

struct SceneFrame::Impl {
    PJ_CONTEXT* ctx = nullptr;
    PJ* toScene = nullptr;  // lon/lat (WGS84, GIS order) → scene metres
};

SceneFrame::SceneFrame(GeoPoint origin) : origin_(origin), impl_(std::make_unique<Impl>()) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "+proj=tmerc +lat_0=%.9f +lon_0=%.9f +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs",
                  origin.lat, origin.lon);
    proj_ = buf;
    impl_->ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(impl_->ctx, "EPSG:4326", proj_.c_str(), nullptr);
    if (!raw) throw Error("PROJ cannot build the scene CRS: " + proj_);
    impl_->toScene = proj_normalize_for_visualization(impl_->ctx, raw);
    proj_destroy(raw);
    if (!impl_->toScene) throw Error("PROJ cannot normalise the scene transform");
}

SceneFrame::~SceneFrame() {
    proj_destroy(impl_->toScene);
    proj_context_destroy(impl_->ctx);
}

Vec2 SceneFrame::toScene(GeoPoint p) const {
    PJ_COORD c = proj_coord(p.lon, p.lat, 0, 0);
    PJ_COORD r = proj_trans(impl_->toScene, PJ_FWD, c);
    return {r.xy.x, r.xy.y};
}

GeoPoint SceneFrame::toWgs84(Vec2 s) const {
    PJ_COORD c = proj_coord(s.x, s.y, 0, 0);
    PJ_COORD r = proj_trans(impl_->toScene, PJ_INV, c);
    return {r.lp.lam, r.lp.phi};
}

void SceneFrame::toWgs84(std::vector<double>& xy) const {
    std::size_t n = xy.size() / 2;
    if (n == 0) return;
    proj_trans_generic(impl_->toScene, PJ_INV, xy.data(), 2 * sizeof(double), n, xy.data() + 1, 2 * sizeof(double), n,
                       nullptr, 0, 0, nullptr, 0, 0);
}

}  // namespace jbt
