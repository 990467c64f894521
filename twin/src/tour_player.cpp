#include "twin/tour_player.h"

#include <cmath>

#include "twin/scene_assembly.h"

#include "model/error.h"

namespace jbt {

TourPlayer::TourPlayer(Tour tour, std::vector<CameraPose> poses, CameraPose start)
    : tour_(std::move(tour)), poses_(std::move(poses)), start_(start) {}

double TourPlayer::arrivalTime(int stop) const {
    double t = 0;
    for (int i = 0; i <= stop && i < int(tour_.stops.size()); ++i) {
        t += tour_.stops[i].flySeconds;
        if (i < stop) t += tour_.stops[i].dwellSeconds;
    }
    return t;
}

double TourPlayer::duration() const {
    return tour_.stops.empty() ? 0 : arrivalTime(int(tour_.stops.size()) - 1) + tour_.stops.back().dwellSeconds;
}

TourPlayer::State TourPlayer::at(double seconds) const {
    State s;
    s.pose = start_;
    if (tour_.stops.empty() || poses_.size() != tour_.stops.size()) {
        s.finished = true;
        return s;
    }
    double total = duration();
    if (tour_.loop && total > 0 && seconds >= total) seconds = std::fmod(seconds, total);
    double t = 0;
    for (int i = 0; i < int(tour_.stops.size()); ++i) {
        const TourStop& stop = tour_.stops[i];
        const CameraPose& from = i == 0 ? start_ : poses_[i - 1];
        s.stop = i;
        if (seconds < t + stop.flySeconds) {
            s.flying = true;
            s.pose = interpolateFlight(from, poses_[i], (seconds - t) / stop.flySeconds);
            return s;
        }
        t += stop.flySeconds;
        if (seconds < t + stop.dwellSeconds) {
            s.flying = false;
            s.pose = poses_[i];
            return s;
        }
        t += stop.dwellSeconds;
    }
    s.flying = false;
    s.finished = !tour_.loop;
    s.pose = poses_.back();
    return s;
}

std::shared_ptr<TourPlayer> makeTourPlayer(const SceneModel& scene, const Tour& tour, const CameraPose& start) {
    std::vector<CameraPose> poses;
    std::string error;
    for (const TourStop& stop : tour.stops) {
        const Bookmark* b = findBookmark(scene, stop.bookmark);
        if (!b) {
            error += (error.empty() ? "tour '" + tour.id + "': no bookmark named" : ",") + std::string(" '") + stop.bookmark + "'";
            continue;
        }
        poses.push_back(poseForBookmark(*b, *scene.frame, &scene.terrain));
    }
    if (!error.empty()) throw Error(error);
    return std::make_shared<TourPlayer>(tour, std::move(poses), start);
}

}  // namespace jbt
