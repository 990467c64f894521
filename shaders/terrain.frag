#version 120
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;
uniform float u_daylight;
varying vec3 v_worldNormal;
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    vec3 n = normalize(v_worldNormal);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0);
    float sky = 0.45 + 0.2 * n.z;
    vec3 lit = v_color.rgb * (sky + 0.75 * sun) * (0.15 + 0.85 * u_daylight);
    float haze = 1.0 - exp(-u_hazeDensity * v_viewDistance);
    gl_FragColor = vec4(mix(lit, u_hazeColor, haze * 0.7), 1.0);
}
