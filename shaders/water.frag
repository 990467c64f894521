#version 120
// River water: darker looking down, sky-coloured at grazing angles, hazed with distance.
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;
uniform float u_fog;           // 0 clear … 1 thick: how far the haze may cover
uniform float u_daylight;     // 0 night … 1 noon
uniform vec4 u_terrainBounds;  // the rivers fade out with the terrain at its edges
uniform float u_edgeFade;
varying vec3 v_viewPos;
varying vec3 v_worldPos;
varying vec4 v_color;

void main() {
    vec3 view = normalize(-v_viewPos);
    vec3 up = normalize(gl_NormalMatrix * vec3(0.0, 0.0, 1.0));
    float grazing = pow(1.0 - max(dot(view, up), 0.0), 3.0);
    vec3 c = mix(v_color.rgb, u_hazeColor, 0.55 * grazing) * (0.25 + 0.75 * u_daylight);
    float haze = 1.0 - exp(-u_hazeDensity * length(v_viewPos));
    vec2 size = u_terrainBounds.zw - u_terrainBounds.xy;
    vec2 inside = min(v_worldPos.xy - u_terrainBounds.xy, u_terrainBounds.zw - v_worldPos.xy);
    float edge = clamp(min(inside.x, inside.y) / (0.12 * max(size.x, size.y)), 0.0, 1.0);
    float amount = max(haze * (0.75 + 0.25 * u_fog), u_edgeFade * (1.0 - edge * edge * (3.0 - 2.0 * edge)));
    gl_FragColor = vec4(mix(c, u_hazeColor, amount), 1.0);
}
