#include "scene/sky.h"

#include <osg/Depth>
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Projection>

#include "scene/per_camera_uniform.h"

namespace jbt {

osg::ref_ptr<osg::Node> buildSky(osg::ref_ptr<osg::Program> program) {
    osg::ref_ptr<osg::Geometry> quad = osg::createTexturedQuadGeometry(osg::Vec3(-1, -1, 0), osg::Vec3(2, 0, 0), osg::Vec3(0, 2, 0));
    quad->setCullingActive(false);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(quad);
    geode->setCullingActive(false);
    osg::ref_ptr<osg::MatrixTransform> absolute = new osg::MatrixTransform;
    absolute->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    absolute->addChild(geode);
    osg::ref_ptr<osg::Projection> projection = new osg::Projection(osg::Matrix::identity());
    projection->addChild(absolute);
    projection->setCullingActive(false);
    // The rays are read above the Projection node, where the camera's own projection still holds.
    osg::ref_ptr<osg::Group> sky = new osg::Group;
    sky->setName("sky");
    sky->addChild(projection);
    sky->setCullingActive(false);
    // Each camera's pixels get their rays from the inverse of its own projection.
    sky->setCullCallback(new PerCameraUniform(new osg::Uniform("u_inverseProjection", osg::Matrixf()),
                                              [](osgUtil::CullVisitor& cv, osg::Uniform& u) {
                                                  if (!cv.getProjectionMatrix()) return false;
                                                  u.set(osg::Matrixf::inverse(*cv.getProjectionMatrix()));
                                                  return true;
                                              }));
    osg::StateSet* ss = sky->getOrCreateStateSet();
    if (program) ss->setAttributeAndModes(program.get(), osg::StateAttribute::ON);
    // After the opaque scene, at the far plane, writing no depth: only the pixels nothing else
    // covered are shaded (a software rasterizer then pays for the visible sky alone), and
    // transparent layers (bin 10) still draw over it.
    ss->setRenderBinDetails(9, "RenderBin");
    ss->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0, 1, false));
    ss->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    ss->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    return sky;
}

}  // namespace jbt
