#version 120
// Sun plus sky light, and the humid haze of the river valleys (Chongqing is the fog city).
uniform vec3 u_sunDirection;   // world, towards the sun
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;   // per metre
uniform float u_opacity;
varying vec3 v_worldNormal;
varying vec4 v_color;
varying float v_highlight;
varying float v_viewDistance;

void main() {
    vec3 n = normalize(v_worldNormal);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0);
    float sky = 0.55 + 0.25 * n.z;
    vec3 base = mix(v_color.rgb, vec3(1.0, 0.55, 0.1), v_highlight * 0.85);
    vec3 lit = base * (sky + 0.55 * sun) + v_highlight * vec3(0.15, 0.06, 0.0);
    float haze = 1.0 - exp(-u_hazeDensity * v_viewDistance);
    gl_FragColor = vec4(mix(lit, u_hazeColor, haze * 0.7), u_opacity);
}
