#version 120
// Lit terrain (the draped layers are geometry of their own on top: draped.vert).
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
float hazeAmountAtGround(float viewDistance, vec2 worldXY);  // atmosphere.frag
uniform float u_daylight;
uniform sampler2D u_imagery;   // imagery over the terrain (--imagery), where its alpha is
uniform float u_hasImagery;
uniform vec2 u_imageryOrigin;
uniform vec2 u_imagerySize;
uniform sampler2D u_imageryFine;   // finer imagery round the camera, over the coarse
uniform float u_hasImageryFine;
uniform vec2 u_imageryOriginFine;
uniform vec2 u_imagerySizeFine;
varying vec3 v_worldNormal;
varying vec3 v_worldPos;

float sunLight(vec3 world);  // sun_shadow.frag
varying vec4 v_color;
varying float v_viewDistance;

// Value noise: smooth random patches, so open ground reads as fields, scrub and woods instead of
// one flat green. The finest scale fades out where a pixel covers it (no shimmer far away).
float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
float noise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x), mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
}

vec3 groundVariation(vec3 base, vec2 xy) {
    float pixel = length(fwidth(xy));
    float broad = noise(xy / 900.0), fields = noise(xy / 140.0 + 17.0);
    float fine = mix(noise(xy / 35.0 + 3.0), 0.5, clamp(pixel / 20.0, 0.0, 1.0));
    vec3 dry = base * vec3(1.04, 1.02, 0.93), lush = base * vec3(0.93, 0.99, 0.93);
    vec3 c = mix(lush, dry, smoothstep(0.3, 0.7, broad * 0.6 + fields * 0.4));
    return c * (0.96 + 0.08 * fine);
}

void main() {
    vec3 n = normalize(v_worldNormal);
    vec3 base = groundVariation(v_color.rgb, v_worldPos.xy);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.45 + 0.2 * n.z;
    vec3 lit = base * (sky + 0.75 * sun);
#ifdef WITH_IMAGERY
    if (u_hasImagery > 0.5) {
        // A photo carries its own light and shade: only the scene's shadows and the time of day
        // act on it.
        vec2 uv = (v_worldPos.xy - u_imageryOrigin) / u_imagerySize;
        vec4 photo = texture2D(u_imagery, clamp(uv, 0.0, 1.0));
        photo.a *= step(0.0, uv.x) * step(uv.x, 1.0) * step(0.0, uv.y) * step(uv.y, 1.0);
        if (u_hasImageryFine > 0.5) {
            vec2 fuv = (v_worldPos.xy - u_imageryOriginFine) / u_imagerySizeFine;
            vec2 inside = min(fuv, 1.0 - fuv);
            vec4 fine = texture2D(u_imageryFine, clamp(fuv, 0.0, 1.0));
            float w = smoothstep(0.0, 0.06, min(inside.x, inside.y)) * fine.a;  // fades into the coarse at its edges
            photo = mix(photo, vec4(fine.rgb, 1.0), w);
        }
        lit = mix(lit, photo.rgb * (0.75 + 0.3 * sun), photo.a);
    }
#endif
    lit *= 0.15 + 0.85 * u_daylight;
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmountAtGround(v_viewDistance, v_worldPos.xy)), 1.0);
}
