#version 120
// Shared by the building and terrain programs (linked in as a second fragment shader):
// how much sunlight reaches a world position, from the sun's depth map (2×2 PCF).
uniform sampler2D u_shadowMap;
uniform mat4 u_shadowMatrix;
uniform float u_shadowTexel;

float sunLight(vec3 world) {
    vec4 sc = u_shadowMatrix * vec4(world, 1.0);
    if (sc.w <= 0.0 || sc.x <= 0.0 || sc.x >= 1.0 || sc.y <= 0.0 || sc.y >= 1.0 || sc.z >= 1.0) return 1.0;
    float lit = 0.0;
    for (int i = -1; i <= 1; i += 2)
        for (int j = -1; j <= 1; j += 2) {
            float d = texture2D(u_shadowMap, sc.xy + vec2(float(i), float(j)) * 0.5 * u_shadowTexel).r;
            lit += sc.z - 0.0004 <= d ? 1.0 : 0.0;
        }
    return lit * 0.25;
}
