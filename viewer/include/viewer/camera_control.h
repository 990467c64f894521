#pragma once
// Camera: an orbit and a fly manipulator switched by key, eased flights between views
// (twin/camera_pose.h), and a guard so events ImGui wants never reach the manipulator.
#include <osgGA/KeySwitchMatrixManipulator>
#include <functional>
#include <memory>

#include "twin/camera_pose.h"

namespace jbt {

class TourPlayer;

// Orbit (key 1) and first-person fly (key 2). `imguiWants(ea)` says whether ImGui claims an
// event; such events are not passed on.
class GuardedCameraManipulator : public osgGA::KeySwitchMatrixManipulator {
public:
    explicit GuardedCameraManipulator(std::function<bool(const osgGA::GUIEventAdapter&)> imguiWants);

    bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter& aa) override;

    void jumpTo(const CameraPose& pose);
    bool currentPose(CameraPose& pose) const;
    // Eased flight over `seconds`; the next frames' handle() calls advance it. `askedAt`: the time
    // of the event that asked for it; input from before then (the same frame's first click of a
    // double-click) does not cancel it.
    void flyTo(const CameraPose& pose, double seconds = 1.8, double askedAt = -1);
    bool flying() const { return flight_.active; }

    // Plays a tour from the next frame on; user input (a click, the wheel) pauses it.
    void playTour(std::shared_ptr<TourPlayer> tour);
    void stopTour();
    void setTourPaused(bool paused);
    void seekTour(double seconds);
    // Flights and tours keep the eye at least this high above any point (terrain, towers).
    void setClearance(std::function<double(double, double)> minimumEyeHeight) { clearance_ = std::move(minimumEyeHeight); }

    // Guard rails for the user's own moves: the eye stays above `groundClearance` (terrain and
    // buildings, metres) and between minRange and maxRange from what it looks at.
    void setGuardRails(std::function<double(double, double)> groundClearance, double minRange, double maxRange);
    double minRange() const { return minRange_; }
    double maxRange() const { return maxRange_; }
    // Web-map wheel (up zooms in) unless inverted.
    void setWheelZoomsInOnUp(bool inOnUp);

    // Kiosk: a tour paused by user input resumes by itself after this many idle seconds (0: never).
    void setIdleResumeSeconds(double seconds) { idleResume_ = seconds; }
    bool tourPaused() const { return tourPaused_; }
    const TourPlayer* tour() const { return tour_.get(); }
    double tourTime() const { return tourTime_; }

private:
    struct Flight {
        bool active = false;
        CameraPose from, to;
        double start = -1, duration = 1, askedAt = -1;
    };
    void advance(double time);

    void place(CameraPose pose);  // every manipulator, lifted clear of the ground if needed
    void keepWithinRails();
    bool moveByKey(int key);      // arrows/WASD pan, Q/E turn; true if the key was one of them

    std::function<bool(const osgGA::GUIEventAdapter&)> imguiWants_;
    std::function<double(double, double)> clearance_, guard_;
    double minRange_ = 5, maxRange_ = 1e7;
    Flight flight_;
    std::shared_ptr<TourPlayer> tour_;
    bool tourPaused_ = false;
    double tourTime_ = 0, lastFrameTime_ = -1;
    double idleResume_ = 0, lastInputTime_ = 0;
    bool pausedByInput_ = false;
};

}  // namespace jbt
