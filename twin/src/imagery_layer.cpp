#include "twin/imagery_layer.h"

#include <chrono>
#include <cstdio>

#include "data_import/imagery.h"
#include "model/error.h"
#include "scene/terrain_builder.h"

namespace jbt {

void addImagery(const AppOptions& o, SceneModel& scene) {
    ImagerySource src;
    src.source = o.imagery;
    if (o.imageryOffset.empty()) src.datum = guessImageryDatum(o.imagery);
    else parseChineseDatum(o.imageryOffset, src.datum);
    const HeightGrid& g = scene.terrain;
    try {
        auto t0 = std::chrono::steady_clock::now();
        ImageryImage img = warpImagery(src, *scene.frame, g.originX, g.originY, g.maxX(), g.maxY(), 0.5);
        osg::ref_ptr<osg::Image> image = new osg::Image;
        image->allocateImage(img.width, img.height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
        std::copy(img.rgba.begin(), img.rgba.end(), image->data());
        setTerrainImagery(*scene.terrainNode, image, {img.originX, img.originY},
                          {img.width * img.pixelSize, img.height * img.pixelSize});
        char line[256];
        std::snprintf(line, sizeof line, ": imagery %d × %d at %.1f m a pixel%s (%.1f s)", img.width, img.height, img.pixelSize,
                      src.datum == ChineseDatum::None ? "" : src.datum == ChineseDatum::Gcj02 ? ", moved from GCJ-02 to WGS84"
                                                                                               : ", moved from BD-09 to WGS84",
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        scene.messages.push_back(o.imagery + line);
        scene.imagery = o.imagery;
    } catch (const Error& e) {
        scene.errors.push_back(std::string(e.what()) + "; the terrain is drawn without it");
    }
}

}  // namespace jbt
