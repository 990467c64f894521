#version 120
// Sun and sky light, the humid haze of the river valleys, and lit windows after dark (the
// night economy of Guanyinqiao and Jiangbeizui).
uniform vec3 u_sunDirection;   // world, towards the sun
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;
uniform float u_fog;           // 0 clear … 1 thick: how far the haze may cover   // per metre
uniform float u_opacity;
uniform float u_daylight;      // 0 night … 1 day
uniform float u_night;         // how much the windows glow
uniform float u_textured;      // 1: a city model's own facade image (its windows are in it)
uniform sampler2D u_texture;
varying vec2 v_uv;
varying vec3 v_worldNormal;
varying vec3 v_localPos;
varying vec3 v_worldPos;

float sunLight(vec3 world);  // sun_shadow.frag
varying vec4 v_color;
varying float v_highlight;
varying float v_featureId;
varying float v_viewDistance;

float hash(vec3 p) { return fract(sin(dot(p, vec3(12.9898, 78.233, 37.719))) * 43758.5453); }

void main() {
    vec3 n = normalize(v_worldNormal);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.55 + 0.25 * n.z;
    vec3 own = u_textured > 0.5 ? texture2D(u_texture, v_uv).rgb * v_color.rgb : v_color.rgb;
    vec3 base = mix(own, vec3(1.0, 0.55, 0.1), v_highlight * 0.85);
    vec3 lit = base * (sky + 0.55 * sun) * (0.12 + 0.88 * u_daylight) + v_highlight * vec3(0.15, 0.06, 0.0);
    if (u_night > 0.01 && abs(n.z) < 0.5 && u_textured < 0.5) {
        // Windows: a floor every 3.2 m, a bay every 3 m along the wall; about half are lit.
        float along = dot(v_localPos.xy, vec2(-n.y, n.x));
        vec2 cell = vec2(along / 3.0, v_localPos.z / 3.2);
        vec2 f = fract(cell);
        float window = step(0.2, f.x) * step(f.x, 0.8) * step(0.3, f.y) * step(f.y, 0.8);
        float on = step(0.55, hash(vec3(floor(cell), v_featureId)));
        vec3 glow = mix(vec3(1.0, 0.78, 0.45), vec3(0.85, 0.9, 1.0), hash(vec3(floor(cell.y), v_featureId, 1.0)));
        lit += window * on * glow * 0.9 * u_night;
    }
    float haze = 1.0 - exp(-u_hazeDensity * v_viewDistance);
    gl_FragColor = vec4(mix(lit, u_hazeColor, haze * (0.75 + 0.25 * u_fog)), u_opacity);
}
