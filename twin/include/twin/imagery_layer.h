#pragma once
// The imagery basemap of a scene (--imagery): read and resampled once over the terrain's extent
// when the scene is assembled, then laid on the terrain by its shader.
#include "twin/app_options.h"
#include "twin/scene_assembly.h"

namespace jbt {

// The options' imagery over the terrain, at most 4096 pixels a side and never finer than half a
// metre. One that cannot be read goes into scene.errors and the terrain is drawn without it.
void addImagery(const AppOptions& options, SceneModel& scene);

}  // namespace jbt
