#include "scene/sun_shadows.h"

#include <osg/CullFace>
#include <osg/PolygonOffset>
#include <osg/Texture2D>
#include <osgUtil/CullVisitor>

#include <algorithm>
#include <cmath>

namespace jbt {
namespace {

// Fits the sun's orthographic view to what the main camera looks at, before the pass is culled.
class FitToView : public osg::NodeCallback {
public:
    FitToView(osg::Camera& view, osg::Uniform* shadowMatrix, osg::StateSet* rootState, int mapSize)
        : view_(&view), matrix_(shadowMatrix), rootState_(rootState), mapSize_(mapSize) {}

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        auto* rtt = static_cast<osg::Camera*>(node);
        osg::ref_ptr<osg::Camera> view;
        if (!view_.lock(view)) return;  // its window is gone: no pass (a new one was added for the next)
        osg::Vec3f sun(0, 0, 1);
        if (osg::Uniform* u = rootState_->getUniform("u_sunDirection")) u->get(sun);
        sun.normalize();
        osg::Matrixd inv = osg::Matrixd::inverse(view->getViewMatrix());
        osg::Vec3d eye = osg::Vec3d(0, 0, 0) * inv;
        osg::Vec3d look = osg::Matrixd::transform3x3(osg::Vec3d(0, 0, -1), inv);
        look.normalize();
        // Focus where the view ray meets the ground plane of the eye's height band, else ahead.
        double height = std::max(50.0, eye.z() - 200.0);
        double ahead = look.z() < -0.05 ? std::min(height / -look.z(), 20000.0) : 3000.0;
        osg::Vec3d focus = eye + look * ahead;
        double half = std::clamp(ahead * 0.9, 400.0, 9000.0);
        // Snap the focus to whole texels so shadows do not shimmer as the camera moves.
        double texel = 2 * half / mapSize_;
        focus.x() = std::floor(focus.x() / texel) * texel;
        focus.y() = std::floor(focus.y() / texel) * texel;
        osg::Vec3d up = std::fabs(sun.z()) > 0.99f ? osg::Vec3d(0, 1, 0) : osg::Vec3d(0, 0, 1);
        double distance = 6000;
        rtt->setViewMatrixAsLookAt(focus + osg::Vec3d(sun) * distance, focus, up);
        rtt->setProjectionMatrixAsOrtho(-half, half, -half, half, 1.0, distance * 2);
        osg::Matrixd bias = osg::Matrixd::scale(0.5, 0.5, 0.5) * osg::Matrixd::translate(0.5, 0.5, 0.5);
        matrix_->set(osg::Matrixf(rtt->getViewMatrix() * rtt->getProjectionMatrix() * bias));
        traverse(node, nv);
    }

private:
    osg::observer_ptr<osg::Camera> view_;
    osg::ref_ptr<osg::Uniform> matrix_;
    osg::ref_ptr<osg::StateSet> rootState_;
    int mapSize_;
};

}  // namespace

void addSunShadows(osg::Group& root, osg::Group& casters, osg::Camera& view, const SunShadowOptions& o) {
    osg::ref_ptr<osg::Texture2D> depth = new osg::Texture2D;
    depth->setTextureSize(o.mapSize, o.mapSize);
    depth->setInternalFormat(GL_DEPTH_COMPONENT24);
    depth->setSourceFormat(GL_DEPTH_COMPONENT);
    depth->setSourceType(GL_FLOAT);
    depth->setFilter(osg::Texture::MIN_FILTER, osg::Texture::NEAREST);
    depth->setFilter(osg::Texture::MAG_FILTER, osg::Texture::NEAREST);
    // Outside the map nothing is shadowed.
    depth->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_BORDER);
    depth->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_BORDER);
    depth->setBorderColor(osg::Vec4d(1, 1, 1, 1));

    // A scene shown again in a new window: the old window's pass goes.
    for (unsigned i = root.getNumChildren(); i-- > 0;)
        if (root.getChild(i)->getName() == "sun shadow pass") root.removeChild(i);
    osg::ref_ptr<osg::Camera> rtt = new osg::Camera;
    rtt->setName("sun shadow pass");
    rtt->setRenderOrder(osg::Camera::PRE_RENDER);
    rtt->setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
    rtt->attach(osg::Camera::DEPTH_BUFFER, depth.get());
    rtt->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    rtt->setClearMask(GL_DEPTH_BUFFER_BIT);
    rtt->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    rtt->setViewport(0, 0, o.mapSize, o.mapSize);
    rtt->addChild(&casters);
    osg::StateSet* rs = rtt->getOrCreateStateSet();
    if (o.depthProgram) rs->setAttributeAndModes(o.depthProgram.get(), osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    // Depth from back faces and a slope-scaled offset keep lit walls free of shadow acne.
    rs->setAttributeAndModes(new osg::CullFace(osg::CullFace::FRONT), osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    rs->setAttributeAndModes(new osg::PolygonOffset(1.5f, 4.0f), osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);

    osg::StateSet* ss = root.getOrCreateStateSet();
    osg::ref_ptr<osg::Uniform> matrix = new osg::Uniform("u_shadowMatrix", osg::Matrixf());
    ss->addUniform(matrix);
    ss->addUniform(new osg::Uniform("u_shadowMap", kShadowTextureUnit));
    ss->addUniform(new osg::Uniform("u_shadowTexel", 1.0f / o.mapSize));
    ss->setTextureAttributeAndModes(kShadowTextureUnit, depth.get(), osg::StateAttribute::ON);
    rtt->setCullCallback(new FitToView(view, matrix.get(), ss, o.mapSize));
    root.addChild(rtt);
}

}  // namespace jbt
