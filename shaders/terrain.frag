#version 120
// Lit terrain with the draped layers (roads, areas, boundaries) laid over it.
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
float hazeAmountAtGround(float viewDistance, vec2 worldXY);  // atmosphere.frag
uniform float u_daylight;
uniform float u_night;
uniform sampler2D u_drape;
uniform float u_hasDrape;
uniform vec2 u_drapeOrigin;
uniform vec2 u_drapeSize;
varying vec3 v_worldNormal;
varying vec3 v_worldPos;

float sunLight(vec3 world);  // sun_shadow.frag
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    vec3 n = normalize(v_worldNormal);
    vec3 base = v_color.rgb;
    vec2 uv = (v_worldPos.xy - u_drapeOrigin) / u_drapeSize;
    vec4 drape = u_hasDrape > 0.5 && all(greaterThanEqual(uv, vec2(0.0))) && all(lessThanEqual(uv, vec2(1.0)))
                     ? texture2D(u_drape, uv) : vec4(0.0);
    base = mix(base, drape.rgb, drape.a);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.45 + 0.2 * n.z;
    vec3 lit = base * (sky + 0.75 * sun) * (0.15 + 0.85 * u_daylight);
    // Street lights: draped roads glow softly after dark.
    lit += drape.a * u_night * vec3(0.35, 0.25, 0.12) * step(0.6, drape.r);
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmountAtGround(v_viewDistance, v_worldPos.xy)), 1.0);
}
