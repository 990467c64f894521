#version 120
// The air every surface and the sky share: distance haze scaled by the fog setting, the fade of
// the terrain's edges into it, and the sky's gradient from the horizon's haze to the zenith.
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;   // per metre
uniform float u_fog;           // 0 clear … 1 thick: how far the haze may cover
uniform float u_daylight;      // 0 night … 1 day
uniform vec4 u_terrainBounds;  // x0, y0, x1, y1 of the terrain, scene metres
uniform float u_edgeFade;      // 1: the last stretch before the terrain's edge fades into the haze

// How much of the haze colour covers a surface this far away.
float hazeAmount(float viewDistance) {
    return (1.0 - exp(-u_hazeDensity * viewDistance)) * (0.75 + 0.25 * u_fog);
}

// The same, and all of it towards the terrain's edges (land and rivers end in the haze).
float hazeAmountAtGround(float viewDistance, vec2 worldXY) {
    vec2 size = u_terrainBounds.zw - u_terrainBounds.xy;
    vec2 inside = min(worldXY - u_terrainBounds.xy, u_terrainBounds.zw - worldXY);
    float edge = clamp(min(inside.x, inside.y) / (0.12 * max(size.x, size.y)), 0.0, 1.0);
    return max(hazeAmount(viewDistance), u_edgeFade * (1.0 - edge * edge * (3.0 - 2.0 * edge)));
}

// The sky seen `up` (the ray's z, −1…1): the haze at the horizon to deep blue (or night) overhead.
vec3 skyGradient(float up) {
    vec3 zenith = mix(vec3(0.015, 0.025, 0.07), vec3(0.20, 0.42, 0.78), u_daylight);
    return mix(u_hazeColor, zenith, pow(clamp(up, 0.0, 1.0), 0.5) * (1.0 - 0.85 * u_fog));
}
