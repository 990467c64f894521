#version 120
// Lit terrain (the draped layers are geometry of their own on top: draped.vert).
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
float hazeAmountAtGround(float viewDistance, vec2 worldXY);  // atmosphere.frag
uniform float u_daylight;
varying vec3 v_worldNormal;
varying vec3 v_worldPos;

float sunLight(vec3 world);  // sun_shadow.frag
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    vec3 n = normalize(v_worldNormal);
    vec3 base = v_color.rgb;
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.45 + 0.2 * n.z;
    vec3 lit = base * (sky + 0.75 * sun) * (0.15 + 0.85 * u_daylight);
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmountAtGround(v_viewDistance, v_worldPos.xy)), 1.0);
}
