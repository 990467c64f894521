#version 120
// Event markers: screen-sized round points; newly arrived ones pulse for a minute.
attribute vec2 a_marker;          // x: size in pixels, y: arrival (simulation seconds)
uniform float osg_SimulationTime;
uniform float u_uiScale;
varying vec4 v_color;
varying float v_pulse;

void main() {
    float age = osg_SimulationTime - a_marker.y;
    v_pulse = age >= 0.0 && age < 60.0 ? 0.5 + 0.5 * sin(age * 6.0) : 0.0;
    gl_PointSize = a_marker.x * max(u_uiScale, 1.0) * (1.0 + 0.6 * v_pulse);
    v_color = gl_Color;
    gl_Position = ftransform();
}
