#include "viewer/camera_control.h"

#include <osgGA/FirstPersonManipulator>
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
    bool userMoves = ea.getEventType() == osgGA::GUIEventAdapter::PUSH ||
                     ea.getEventType() == osgGA::GUIEventAdapter::SCROLL ||
                     ea.getEventType() == osgGA::GUIEventAdapter::KEYDOWN;  // any input pauses a tour
    if (userMoves || ea.getEventType() == osgGA::GUIEventAdapter::KEYDOWN || ea.getEventType() == osgGA::GUIEventAdapter::DRAG)
        lastInputTime_ = ea.getTime();
    if (userMoves) {
        flight_.active = false;  // the user takes over mid-flight
        if (tour_ && !tourPaused_) tourPaused_ = pausedByInput_ = true;
    }
    return osgGA::KeySwitchMatrixManipulator::handle(ea, aa);
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

void GuardedCameraManipulator::flyTo(const CameraPose& pose, double seconds) {
    osg::Vec3d eye, center, up;
    auto* current = dynamic_cast<osgGA::StandardManipulator*>(getCurrentMatrixManipulator());
    if (!current) return jumpTo(pose);
    current->getTransformation(eye, center, up);
    // Keep the orbit centre at the same distance so the interpolation starts from what is seen.
    flight_ = {true, {eye, center, osg::Vec3d(0, 0, 1)}, pose, -1, seconds};
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
