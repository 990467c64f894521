#pragma once
// Where the camera is at any moment of a guided tour: an eased flight to each stop, then a
// dwell there with its caption. Pure timing logic, driven by the viewer's clock.
#include <memory>
#include <string>
#include <vector>

#include "data_import/tours.h"
#include "twin/camera_pose.h"

namespace jbt {

class TourPlayer {
public:
    // `poses[i]` is where stop i looks from; `start` is the camera when the tour begins.
    TourPlayer(Tour tour, std::vector<CameraPose> poses, CameraPose start);

    struct State {
        int stop = 0;          // the stop being flown to or dwelt at
        bool flying = true;
        bool finished = false;
        CameraPose pose;
    };
    State at(double seconds) const;

    double arrivalTime(int stop) const;  // seconds from the start until the camera is at `stop`
    double duration() const;             // one pass
    const Tour& tour() const { return tour_; }
    const std::vector<CameraPose>& poses() const { return poses_; }

private:
    Tour tour_;
    std::vector<CameraPose> poses_;
    CameraPose start_;
};

struct SceneModel;

// Resolves each stop's bookmark in the scene; throws Error naming the missing ones.
std::shared_ptr<TourPlayer> makeTourPlayer(const SceneModel& scene, const Tour& tour, const CameraPose& start);

}  // namespace jbt
