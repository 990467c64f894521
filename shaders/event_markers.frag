#version 120
varying vec4 v_color;
varying float v_pulse;

void main() {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    float r = dot(p, p);
    if (r > 1.0) discard;
    // A white rim keeps markers readable over any terrain colour.
    vec3 c = r > 0.62 ? vec3(1.0) : mix(v_color.rgb, vec3(1.0), 0.35 * v_pulse);
    gl_FragColor = vec4(c, v_color.a);
}
