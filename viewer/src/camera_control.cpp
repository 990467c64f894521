#include "viewer/camera_control.h"

#include <osgGA/FirstPersonManipulator>
#include <osgGA/OrbitManipulator>
#include <osgGA/StandardManipulator>
#include <osgGA/TerrainManipulator>

#include <algorithm>
#include <cmath>

#include "twin/tour_player.h"

namespace jbt {
namespace {

void setAll(osgGA::KeySwitchMatrixManipulator& k, const CameraPose& p) {
    for (unsigned i = 0; i < k.getNumMatrixManipulators(); ++i)
        if (auto* m = dynamic_cast<osgGA::StandardManipulator*>(k.getMatrixManipulatorWithIndex(i)))
            m->setTransformation(p.eye, p.center, p.up);
}

}  // namespace

GuardedCameraManipulator::GuardedCameraManipulator(std::function<bool(const osgGA::GUIEventAdapter&)> imguiWants)
    : imguiWants_(std::move(imguiWants)) {
    osg::ref_ptr<osgGA::TerrainManipulator> orbit = new osgGA::TerrainManipulator;
    orbit->setAllowThrow(false);
    addMatrixManipulator('1', "Orbit", orbit);
    osg::ref_ptr<osgGA::FirstPersonManipulator> fly = new osgGA::FirstPersonManipulator;
    fly->setAllowThrow(false);
    addMatrixManipulator('2', "Fly", fly);
}

bool GuardedCameraManipulator::handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) {
    if (ea.getEventType() == osgGA::GUIEventAdapter::FRAME) {
        double dt = lastFrameTime_ < 0 ? 0 : ea.getTime() - lastFrameTime_;
        lastFrameTime_ = ea.getTime();
        if (tour_ && tourPaused_ && pausedByInput_ && idleResume_ > 0 && ea.getTime() - lastInputTime_ > idleResume_) {
            tourPaused_ = pausedByInput_ = false;
            // Pick up from where the user left the camera, without a jump: fly from here to the
            // stop that was next, and carry on round the tour from there.
            CameraPose here;
            if (currentPose(here)) {
                int next = tour_->at(tourTime_).stop;
                Tour rest = tour_->tour();
                std::vector<CameraPose> poses = tour_->poses();
                std::rotate(rest.stops.begin(), rest.stops.begin() + next, rest.stops.end());
                std::rotate(poses.begin(), poses.begin() + next, poses.end());
                tour_ = std::make_shared<TourPlayer>(rest, poses, here);
                tourTime_ = -dt;  // the flight starts with this frame, at time 0
            }
        }
        if (tour_ && !tourPaused_) {
            tourTime_ += dt;
            TourPlayer::State st = tour_->at(tourTime_);
            place(st.pose);
            if (st.finished) tourPaused_ = true;
            return false;
        }
        if (flight_.active) {
            advance(ea.getTime());
            aa.requestRedraw();
            return false;
        }
    }
    if (imguiWants_ && imguiWants_(ea)) return false;
    if (ea.getHandled()) return false;  // taken by a handler before us (a double-click's flight)
    bool userMoves = ea.getEventType() == osgGA::GUIEventAdapter::PUSH ||
                     ea.getEventType() == osgGA::GUIEventAdapter::SCROLL ||
                     ea.getEventType() == osgGA::GUIEventAdapter::KEYDOWN;  // any input pauses a tour
    if (userMoves || ea.getEventType() == osgGA::GUIEventAdapter::KEYDOWN || ea.getEventType() == osgGA::GUIEventAdapter::DRAG)
        lastInputTime_ = ea.getTime();
    if (userMoves) {
        // The user takes over mid-flight. OSG hands all of a frame's events to the handlers
        // before the manipulator: at a low frame rate a double-click's first press arrives here
        // after the second one asked for the flight, and must not cancel it.
        if (ea.getTime() > flight_.askedAt) flight_.active = false;
        if (tour_ && !tourPaused_) tourPaused_ = pausedByInput_ = true;
    }
    if (ea.getEventType() == osgGA::GUIEventAdapter::KEYDOWN && moveByKey(ea.getUnmodifiedKey())) {
        aa.requestRedraw();
        return true;
    }
    bool handled = osgGA::KeySwitchMatrixManipulator::handle(ea, aa);
    auto t = ea.getEventType();
    if (t == osgGA::GUIEventAdapter::DRAG || t == osgGA::GUIEventAdapter::SCROLL || t == osgGA::GUIEventAdapter::KEYDOWN ||
        t == osgGA::GUIEventAdapter::RELEASE || t == osgGA::GUIEventAdapter::FRAME)
        keepWithinRails();
    return handled;
}

void GuardedCameraManipulator::setGuardRails(std::function<double(double, double)> ground, double minRange, double maxRange) {
    guard_ = std::move(ground);
    minRange_ = minRange;
    maxRange_ = std::max(minRange, maxRange);
}

void GuardedCameraManipulator::setWheelZoomsInOnUp(bool inOnUp) {
    for (unsigned i = 0; i < getNumMatrixManipulators(); ++i)
        if (auto* m = dynamic_cast<osgGA::OrbitManipulator*>(getMatrixManipulatorWithIndex(i)))
            m->setWheelZoomFactor(inOnUp ? -0.1 : 0.1);  // OSG zooms out on wheel up by default
}

// After every user move: pull the eye back above the ground and into the zoom range. Only when
// needed, so the manipulators keep their own state otherwise.
void GuardedCameraManipulator::keepWithinRails() {
    if (tour_ && !tourPaused_) return;
    CameraPose p;
    if (!currentPose(p)) return;
    osg::Vec3d look = p.eye - p.center;
    double range = look.length();
    bool changed = false;
    if (range > maxRange_ || range < minRange_) {
        look *= std::clamp(range, minRange_, maxRange_) / std::max(range, 1e-9);
        p.eye = p.center + look;
        changed = true;
    }
    if (guard_) {
        double floor = guard_(p.eye.x(), p.eye.y());
        if (std::isfinite(floor) && p.eye.z() < floor) {
            // Swing the eye up around what it looks at (same heading and distance) until it
            // clears the ground: dragging past the horizon stops at it.
            osg::Vec3d flat(look.x(), look.y(), 0);
            double r = look.length();
            if (flat.length2() < 1e-12) flat = osg::Vec3d(0, -1, 0);
            flat.normalize();
            double lift = std::asin(std::clamp((floor - p.center.z()) / std::max(r, 1e-9), -1.0, 1.0));
            lift = std::min(lift + osg::DegreesToRadians(1.0), osg::PI_2 - 1e-3);
            p.eye = p.center + flat * (r * std::cos(lift)) + osg::Vec3d(0, 0, r * std::sin(lift));
            if (p.eye.z() < floor) p.eye.z() = floor;  // closer than the ground is high: straight up
            changed = true;
        }
    }
    if (!changed) return;
    osg::Vec3d side = (p.center - p.eye) ^ osg::Vec3d(0, 0, 1);
    p.up = side.length2() > 1e-12 ? side ^ (p.center - p.eye) : osg::Vec3d(0, 1, 0);
    p.up.normalize();
    setAll(*this, p);
}

bool GuardedCameraManipulator::moveByKey(int key) {
    using GEA = osgGA::GUIEventAdapter;
    double panX = 0, panY = 0, turn = 0;
    switch (key) {
        case GEA::KEY_Left: case 'a': panX = -1; break;
        case GEA::KEY_Right: case 'd': panX = 1; break;
        case GEA::KEY_Up: case 'w': panY = 1; break;
        case GEA::KEY_Down: case 's': panY = -1; break;
        case 'q': turn = -1; break;
        case 'e': turn = 1; break;
        default: return false;
    }
    CameraPose p;
    if (!currentPose(p)) return false;
    flight_.active = false;
    osg::Vec3d look = p.center - p.eye;
    osg::Vec3d forward(look.x(), look.y(), 0);
    if (forward.length2() < 1e-9) forward = osg::Vec3d(p.up.x(), p.up.y(), 0);  // looking straight down
    forward.normalize();
    osg::Vec3d right = forward ^ osg::Vec3d(0, 0, 1);
    if (turn != 0) {  // Q/E: turn 10° about the point looked at
        osg::Matrixd r = osg::Matrixd::rotate(osg::DegreesToRadians(-10.0 * turn), osg::Vec3d(0, 0, 1));
        p.eye = p.center + (p.eye - p.center) * r;
    } else {  // a tenth of the view's distance per press
        osg::Vec3d move = (right * panX + forward * panY) * (0.1 * look.length());
        p.eye += move;
        p.center += move;
    }
    p.up = osg::Vec3d(0, 0, 1);
    setAll(*this, p);
    keepWithinRails();
    return true;
}

void GuardedCameraManipulator::jumpTo(const CameraPose& pose) {
    flight_.active = false;
    setAll(*this, pose);
}

bool GuardedCameraManipulator::currentPose(CameraPose& pose) const {
    auto* current = dynamic_cast<const osgGA::StandardManipulator*>(getCurrentMatrixManipulator());
    if (!current) return false;
    current->getTransformation(pose.eye, pose.center, pose.up);
    return true;
}

void GuardedCameraManipulator::flyTo(const CameraPose& pose, double seconds, double askedAt) {
    osg::Vec3d eye, center, up;
    auto* current = dynamic_cast<osgGA::StandardManipulator*>(getCurrentMatrixManipulator());
    if (!current) return jumpTo(pose);
    current->getTransformation(eye, center, up);
    // Keep the orbit centre at the same distance so the interpolation starts from what is seen.
    flight_ = {true, {eye, center, osg::Vec3d(0, 0, 1)}, pose, -1, seconds, askedAt};
}

void GuardedCameraManipulator::advance(double time) {
    if (flight_.start < 0) flight_.start = time;
    double t = std::min(1.0, (time - flight_.start) / flight_.duration);
    place(interpolateFlight(flight_.from, flight_.to, t));
    if (t >= 1.0) flight_.active = false;
}

void GuardedCameraManipulator::place(CameraPose pose) {
    if (clearance_) pose.eye.z() = std::max(pose.eye.z(), clearance_(pose.eye.x(), pose.eye.y()));
    setAll(*this, pose);
}

void GuardedCameraManipulator::playTour(std::shared_ptr<TourPlayer> tour) {
    flight_.active = false;
    tour_ = std::move(tour);
    tourTime_ = 0;
    tourPaused_ = false;
}

void GuardedCameraManipulator::stopTour() {
    tour_.reset();
    tourPaused_ = false;
}

void GuardedCameraManipulator::setTourPaused(bool paused) { tourPaused_ = paused; }

void GuardedCameraManipulator::seekTour(double seconds) {
    tourTime_ = seconds;
    if (tour_) place(tour_->at(seconds).pose);
}

}  // namespace jbt
