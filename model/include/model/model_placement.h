#pragma once
// A 3D model (glTF/GLB, OBJ, DAE, 3DS, OSGB…) placed in the city: a landmark's detailed model
// stood at a longitude/latitude, raised, turned and scaled.
#include <string>

namespace jbt {

struct ModelPlacement {
    std::string path;
    double lon = 0, lat = 0;   // WGS84 degrees
    double altitude = 0;       // metres above the ground there
    double headingDeg = 0;     // clockwise from north, the turn of the model's forward (+Y up-right)
    double scale = 1;
};

// "FILE@LON,LAT[,ALT,HEADING,SCALE]" (the last '@' splits, so paths may hold one). Throws
// Error with the text and the reason.
ModelPlacement parseModelPlacement(const std::string& text);

// The inverse, for messages and the command line a project can be reopened with.
std::string formatModelPlacement(const ModelPlacement& placement);

}  // namespace jbt
