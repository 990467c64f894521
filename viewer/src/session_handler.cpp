#include "viewer/session_handler.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include "twin/ground_ray.h"

namespace jbt {
namespace {

using GEA = osgGA::GUIEventAdapter;

// The window's close button asks (unsaved changes), as Project → Quit does; the pointer's
// ground position feeds the status bar; a double-click flies to the point clicked.
class SessionHandler : public osgGA::GUIEventHandler {
public:
    SessionHandler(AppState& app, ImGuiLayer& imgui) : app_(app), imgui_(imgui) {}

    bool handle(const GEA& ea, osgGA::GUIActionAdapter& aa) override {
        switch (ea.getEventType()) {
            case GEA::CLOSE_WINDOW:
            case GEA::QUIT_APPLICATION:
                app_.request = ProjectRequest::Quit;
                return true;
            case GEA::DRAG:
                // A drag is not the first half of a double-click.
                if (std::hypot(ea.getX() - pressX_, ea.getY() - pressY_) >= 6) lastPress_ = -1;
                [[fallthrough]];
            case GEA::MOVE:
            case GEA::SCROLL:
                x_ = ea.getX();
                y_ = ea.getY();
                known_ = true;
                return false;
            case GEA::FRAME:
                if (app_.fitView) app_.fitView();
                if (known_ && ea.getTime() - lastPointer_ > 0.1) {
                    lastPointer_ = ea.getTime();
                    std::optional<osg::Vec3d> hit = groundAt(x_, y_);
                    app_.pointer.valid = bool(hit);
                    if (hit) {
                        app_.pointer.geo = app_.scene.frame->toWgs84({hit->x(), hit->y()});
                        app_.pointer.height = hit->z();
                        app_.pointer.metresPerPixel = metresPerPixel(*hit);
                    }
                }
                return false;
            case GEA::PUSH: {
                // OSG's X11 window reports no double-clicks: two left presses close in time and place.
                if (ea.getButton() != GEA::LEFT_MOUSE_BUTTON) return false;
                bool second = ea.getTime() - lastPress_ < 0.4 && std::hypot(ea.getX() - pressX_, ea.getY() - pressY_) < 6;
                lastPress_ = second ? -1 : ea.getTime();
                pressX_ = ea.getX();
                pressY_ = ea.getY();
                if (!second) return false;
                [[fallthrough]];
            }
            case GEA::DOUBLECLICK:
                if (ea.getButton() == GEA::LEFT_MOUSE_BUTTON && !imgui_.wantsEvent(ea) && app_.camera) {
                    if (std::optional<osg::Vec3d> hit = groundAt(ea.getX(), ea.getY())) {
                        CameraPose here;
                        if (!app_.camera->currentPose(here)) return false;
                        // Half as far, looking at the point from the same direction.
                        osg::Vec3d back = here.eye - here.center;
                        CameraPose to{*hit + back * 0.5, *hit, osg::Vec3d(0, 0, 1)};
                        app_.camera->flyTo(to, 1.0, ea.getTime());
                        aa.requestRedraw();
                        return true;  // the camera does not take this press as the start of a drag
                    }
                }
                return false;
            default: return false;
        }
    }

private:
    std::optional<osg::Vec3d> groundAt(double x, double y) const {
        osg::Camera* cam = app_.viewCamera;
        if (!cam || !cam->getViewport()) return std::nullopt;
        osg::Matrixd vpw = cam->getViewMatrix() * cam->getProjectionMatrix() * cam->getViewport()->computeWindowMatrix();
        osg::Matrixd inv;
        if (!inv.invert(vpw)) return std::nullopt;
        osg::Vec3d from = osg::Vec3d(x, y, 0) * inv, to = osg::Vec3d(x, y, 1) * inv;
        // Far enough for a whole region, not to the far plane's end of the world.
        osg::Vec3d dir = to - from;
        double len = dir.normalize();
        osg::Vec3d end = from + dir * std::min(len, 2.0 * kRegionRadiusM);
        std::optional<osg::Vec3d> best = groundHit(app_.scene.terrain, from, end);
        // An oblique mesh is the ground where it lies (its roofs and streets, not the plane under).
        for (const ObliqueScene& o : app_.scene.oblique) {
            if (!o.visible || !o.node) continue;
            osg::ref_ptr<osgUtil::LineSegmentIntersector> ray = new osgUtil::LineSegmentIntersector(from, end);
            osgUtil::IntersectionVisitor iv(ray.get());
            o.node->accept(iv);
            if (!ray->containsIntersections()) continue;
            osg::Vec3d hit = ray->getFirstIntersection().getWorldIntersectPoint();
            if (!best || (hit - from).length2() < (*best - from).length2()) best = hit;
        }
        return best;
    }

    double metresPerPixel(const osg::Vec3d& at) const {
        osg::Camera* cam = app_.viewCamera;
        double fovy = 30, aspect = 1, zn = 1, zf = 1;
        cam->getProjectionMatrixAsPerspective(fovy, aspect, zn, zf);
        osg::Vec3d eye = osg::Vec3d(0, 0, 0) * osg::Matrixd::inverse(cam->getViewMatrix());
        return (at - eye).length() * 2 * std::tan(osg::DegreesToRadians(fovy) / 2) / std::max(1.0, cam->getViewport()->height());
    }

    AppState& app_;
    ImGuiLayer& imgui_;
    double x_ = 0, y_ = 0, lastPointer_ = -1;
    double lastPress_ = -1, pressX_ = 0, pressY_ = 0;
    bool known_ = false;
};

}  // namespace

osg::ref_ptr<osgGA::GUIEventHandler> makeSessionHandler(AppState& app, ImGuiLayer& imgui) {
    return new SessionHandler(app, imgui);
}

}  // namespace jbt
