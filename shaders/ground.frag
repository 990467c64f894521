#version 120
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;
uniform float u_daylight;
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    float sun = max(normalize(u_sunDirection).z, 0.0);
    vec3 lit = v_color.rgb * (0.7 + 0.35 * sun) * (0.12 + 0.88 * u_daylight);
    float haze = 1.0 - exp(-u_hazeDensity * v_viewDistance);
    gl_FragColor = vec4(mix(lit, u_hazeColor, haze * 0.7), 1.0);
}
