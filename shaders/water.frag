#version 120
// River water: small waves moving downstream-ish (two sets of sine ripples in world metres, their
// slopes bending the normal), the sky's colour reflected by the Fresnel term (grazing views are
// mirrors, looking down shows the silty Yangtze green-brown), the sun's glint, hazed with distance
// and faded at the terrain's edges like the land.
uniform vec3 u_hazeColor;
uniform float u_fog;           // 0 clear … 1 thick: how far the haze may cover
uniform float u_daylight;     // 0 night … 1 noon
uniform float u_night;
uniform vec3 u_sunInSky;       // towards the sun where it really is
uniform float osg_FrameTime;   // seconds, for the waves
uniform mat4 osg_ViewMatrixInverse;
uniform sampler2D u_bed;       // the terrain under the water (water_builder.cpp)
uniform vec4 u_bedGrid;        // its origin x, y, metres a texel; w: 0 when there is none
uniform vec2 u_bedTexels;
float hazeAmountAtGround(float viewDistance, vec2 worldXY);  // atmosphere.frag
vec3 skyGradient(float up);
varying vec3 v_viewPos;
varying vec3 v_worldPos;
varying vec4 v_color;

// The slope of a few travelling ripples at p (metres): d(height)/dx, d(height)/dy.
vec2 waveSlope(vec2 p, float t) {
    vec2 s = vec2(0.0);
    vec2 dirs[4];
    dirs[0] = vec2(0.8, 0.6); dirs[1] = vec2(-0.3, 0.95); dirs[2] = vec2(0.97, -0.24); dirs[3] = vec2(-0.7, -0.7);
    float lengths[4];
    lengths[0] = 23.0; lengths[1] = 11.0; lengths[2] = 5.3; lengths[3] = 2.9;
    for (int i = 0; i < 4; ++i) {
        float k = 6.2831853 / lengths[i];
        float amp = 0.035 * lengths[i] / 6.2831853;  // steepness kept small
        float phase = k * dot(dirs[i], p) - sqrt(9.81 * k) * t;
        s += dirs[i] * (amp * k * cos(phase));
    }
    return s;
}

void main() {
    vec3 toEye = normalize((osg_ViewMatrixInverse * vec4(0.0, 0.0, 0.0, 1.0)).xyz - v_worldPos);
    float distance = length(v_viewPos);
    // Waves fade out with distance, where they would only shimmer.
    vec2 slope = waveSlope(v_worldPos.xy, osg_FrameTime) * (1.0 - smoothstep(300.0, 3000.0, distance));
    vec3 n = normalize(vec3(-slope, 1.0));
    float cosView = max(dot(n, toEye), 0.0);
    float fresnel = 0.02 + 0.98 * pow(1.0 - cosView, 5.0);
    vec3 r = reflect(-toEye, n);
    vec3 sky = skyGradient(r.z);
    vec3 body = v_color.rgb;
    if (u_bedGrid.w > 0.0) {
        // Shallow water towards the banks: lighter and siltier where the bed rises within a few
        // metres of the surface. No depth at all (a DEM of the water's surface): no tint.
        vec2 uv = ((v_worldPos.xy - u_bedGrid.xy) / u_bedGrid.z + 0.5) / u_bedTexels;
        float depth = v_worldPos.z - texture2D(u_bed, uv).r;
        float shallow = depth > 0.3 ? 1.0 - smoothstep(3.0, 9.0, depth) : 0.0;
        body = mix(body, vec3(0.46, 0.50, 0.38), 0.7 * shallow);
    }
    body *= 0.25 + 0.75 * u_daylight;
    vec3 c = mix(body, sky, clamp(fresnel + 0.25, 0.0, 1.0));
    vec3 sun = normalize(u_sunInSky);
    float glint = pow(max(dot(r, sun), 0.0), 180.0) * step(0.0, sun.z) * u_daylight * (1.0 - u_fog);
    c += vec3(1.0, 0.95, 0.85) * glint * 1.5;
    // After dark the city's lights shimmer on the water.
    float near = 1.0 - smoothstep(300.0, 3000.0, distance);  // far off, the shimmer's average
    float shimmer = 0.5 + 0.5 * near * sin(dot(v_worldPos.xy, vec2(0.7, 0.4)) + 120.0 * slope.x);
    c += vec3(0.9, 0.7, 0.4) * u_night * 0.06 * shimmer;
    gl_FragColor = vec4(mix(c, u_hazeColor, hazeAmountAtGround(distance, v_worldPos.xy)), 1.0);
}
