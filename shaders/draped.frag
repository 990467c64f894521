#version 120
// Vector layers on the terrain: lit like the ground they lie on (sun, shadows, haze), edges
// smoothed over a pixel, dashed centre lines, and pools of street light along roads after dark.
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
uniform float u_daylight;
uniform float u_night;
uniform float u_opacity;       // the layer's
uniform float u_dashLength;    // metres; 0: solid
uniform float u_streetLights;  // 1: road surfaces, lit by lamps every 30 m after dark
varying vec4 v_color;
varying vec3 v_worldPos;
varying vec3 v_groundNormal;
varying float v_viewDistance;
varying float v_across;
varying float v_along;
varying float v_coverage;

float sunLight(vec3 world);                                  // sun_shadow.frag
float hazeAmountAtGround(float viewDistance, vec2 worldXY);  // atmosphere.frag

void main() {
    float alpha = v_color.a * u_opacity * clamp(v_coverage, 0.0, 1.0);
    float along = fwidth(v_along);
    if (v_across != 0.0) {
        // Pixels to the band's edge, from how fast `across` changes on screen: a one-pixel ramp.
        float edge = (1.0 - abs(v_across)) / max(fwidth(v_across), 1e-4);
        alpha *= clamp(edge, 0.0, 1.0);
    }
    if (u_dashLength > 0.0) {
        float on = step(mod(v_along, 2.0 * u_dashLength), u_dashLength);
        alpha *= mix(on, 0.5, clamp(along / u_dashLength, 0.0, 1.0));  // far away: a fainter solid line
    }
    if (alpha < 0.004) discard;
    vec3 n = normalize(v_groundNormal);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.45 + 0.2 * n.z;
    vec3 lit = v_color.rgb * (sky + 0.75 * sun) * (0.15 + 0.85 * u_daylight);
    if (u_streetLights > 0.5 && u_night > 0.0) {
        // A lamp every 30 m, alternating sides: warm pools, evened out where they would alias.
        float cell = mod(v_along, 30.0) - 15.0;
        float side = mod(floor(v_along / 30.0), 2.0) * 2.0 - 1.0;
        float pool = exp(-cell * cell / 40.0) * (0.55 + 0.45 * clamp(v_across * side, 0.0, 1.0));
        pool = mix(pool, 0.25, clamp(along / 6.0, 0.0, 1.0));
        lit += u_night * vec3(1.0, 0.72, 0.42) * (0.12 + 0.75 * pool);
    }
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmountAtGround(v_viewDistance, v_worldPos.xy)), alpha);
}
