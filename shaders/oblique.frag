#version 120
// The photographs carry the real day's light and shadows, so no second shading: they dim with
// the sun (dusk, night) and fade into the same haze as everything else.
uniform sampler2D u_texture;
uniform float u_textured;  // 1 where the tile carries its photograph on unit 0
uniform float u_daylight;  // 0 night … 1 day
uniform vec3 u_hazeColor;
float hazeAmount(float viewDistance);  // atmosphere.frag
varying vec2 v_uv;
varying float v_viewDistance;

void main() {
    vec3 photo = u_textured > 0.5 ? texture2D(u_texture, v_uv).rgb : vec3(0.75);
    vec3 lit = photo * (0.12 + 0.88 * u_daylight);  // as the buildings dim
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmount(v_viewDistance)), 1.0);
}
