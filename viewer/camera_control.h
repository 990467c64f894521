#pragma once
// Camera: bookmarks as eye/centre, an orbit and a fly manipulator switched by key, eased
// flights between views, and a guard so events ImGui wants never reach the manipulator.
#include <osgGA/KeySwitchMatrixManipulator>
#include <functional>
#include <memory>

#include "data_import/height_grid.h"
#include "data_import/places.h"

namespace jbt {

struct CameraPose {
    osg::Vec3d eye, center, up{0, 0, 1};
};

// Looks at the bookmark's target on the ground (the terrain, when there is one).
CameraPose poseForBookmark(const Bookmark& b, const SceneFrame& frame, const HeightGrid* terrain = nullptr);

// The camera part-way (t from 0 to 1) along an eased flight: smoothstep timing, and a rise in
// the middle of long flights so the view pulls out and settles in again.
CameraPose interpolateFlight(const CameraPose& from, const CameraPose& to, double t);

class TourPlayer;

// Orbit (key 1) and first-person fly (key 2). `imguiWants(ea)` says whether ImGui claims an
// event; such events are not passed on.
class GuardedCameraManipulator : public osgGA::KeySwitchMatrixManipulator {
public:
    explicit GuardedCameraManipulator(std::function<bool(const osgGA::GUIEventAdapter&)> imguiWants);

    bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) override;

    void jumpTo(const CameraPose& pose);
    bool currentPose(CameraPose& pose) const;
    // Eased flight over `seconds`; the next frames' handle() calls advance it.
    void flyTo(const CameraPose& pose, double seconds = 1.8);
    bool flying() const { return flight_.active; }

    // Plays a tour from the next frame on; user input (a click, the wheel) pauses it.
    void playTour(std::shared_ptr<TourPlayer> tour);
    void stopTour();
    void setTourPaused(bool paused);
    void seekTour(double seconds);
    // Flights and tours keep the eye at least this high above any point (terrain, towers).
    void setClearance(std::function<double(double, double)> minimumEyeHeight) { clearance_ = std::move(minimumEyeHeight); }

    // Kiosk: a tour paused by user input resumes by itself after this many idle seconds (0: never).
    void setIdleResumeSeconds(double seconds) { idleResume_ = seconds; }
    bool tourPaused() const { return tourPaused_; }
    const TourPlayer* tour() const { return tour_.get(); }
    double tourTime() const { return tourTime_; }

private:
    struct Flight {
        bool active = false;
        CameraPose from, to;
        double start = -1, duration = 1;
    };
    void advance(double time);

    void place(CameraPose pose);  // every manipulator, lifted clear of the ground if needed

    std::function<bool(const osgGA::GUIEventAdapter&)> imguiWants_;
    std::function<double(double, double)> clearance_;
    Flight flight_;
    std::shared_ptr<TourPlayer> tour_;
    bool tourPaused_ = false;
    double tourTime_ = 0, lastFrameTime_ = -1;
    double idleResume_ = 0, lastInputTime_ = 0;
    bool pausedByInput_ = false;
};

}  // namespace jbt
