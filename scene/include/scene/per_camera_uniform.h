#pragma once
// A cull callback that gives each camera (video-wall tiles have their own frusta and viewports)
// its own copy of one uniform, set from that camera's cull each frame and pushed for its cull
// only. The sky's rays and the draped lines' pixel widths use it.
#include <osg/NodeCallback>
#include <osg/StateSet>
#include <osg/Uniform>
#include <osgUtil/CullVisitor>

#include <functional>
#include <map>

namespace jbt {

class PerCameraUniform : public osg::NodeCallback {
public:
    // `set` gives the camera's value; false when the camera lacks what it needs (nothing pushed).
    using Setter = std::function<bool(osgUtil::CullVisitor&, osg::Uniform&)>;
    PerCameraUniform(osg::ref_ptr<osg::Uniform> prototype, Setter set) : prototype_(prototype), set_(std::move(set)) {}

    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv);
        if (!cv) {
            traverse(node, nv);
            return;
        }
        // One StateSet per camera, made once: its uniform is set again each frame.
        osg::ref_ptr<osg::StateSet>& ss = perCamera_[cv->getCurrentCamera()];
        if (!ss) {
            ss = new osg::StateSet;
            ss->addUniform(new osg::Uniform(*prototype_, osg::CopyOp::DEEP_COPY_ALL));
        }
        if (!set_(*cv, *ss->getUniform(prototype_->getName()))) {
            traverse(node, nv);
            return;
        }
        cv->pushStateSet(ss.get());
        traverse(node, nv);
        cv->popStateSet();
    }

private:
    osg::ref_ptr<osg::Uniform> prototype_;
    Setter set_;
    std::map<const osg::Camera*, osg::ref_ptr<osg::StateSet>> perCamera_;
};

}  // namespace jbt
