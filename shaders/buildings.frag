#version 120
// Sun and sky light, the humid haze of the river valleys, and lit windows after dark (the
// night economy of Guanyinqiao and Jiangbeizui).
uniform vec3 u_sunDirection;   // world, towards the sun
uniform vec3 u_hazeColor;
float hazeAmount(float viewDistance);  // atmosphere.frag
uniform float u_opacity;
uniform float u_daylight;      // 0 night … 1 day
uniform float u_night;         // how much the windows glow
uniform float u_textured;      // 1: a city model's own facade image (its windows are in it)
uniform sampler2D u_texture;
varying vec2 v_uv;
varying float v_aboveBase;  // metres above the building's foot
varying float v_belowTop;   // metres below its top
varying float v_buildingHeight;
varying vec3 v_worldNormal;
varying vec3 v_localPos;
varying vec3 v_worldPos;

float sunLight(vec3 world);  // sun_shadow.frag
varying vec4 v_color;
varying float v_highlight;
varying float v_featureId;
varying float v_viewDistance;

float hash(vec3 p) { return fract(sin(dot(p, vec3(12.9898, 78.233, 37.719))) * 43758.5453); }

// A pulse lo..hi in each unit cell, box-filtered over the pixel's footprint w: crisp windows up
// close, their average glow far away instead of speckle.
float pulse(float x, float lo, float hi, float w) {
    w = max(w, 1e-4);
    float a = x - 0.5 * w, b = x + 0.5 * w;
    float ia = floor(a) * (hi - lo) + clamp(fract(a) - lo, 0.0, hi - lo);
    float ib = floor(b) * (hi - lo) + clamp(fract(b) - lo, 0.0, hi - lo);
    return (ib - ia) / w;
}

// Windows after dark: a bay every 3 m, a floor every 3.2 m; lit in blocks (an office floor, a
// flat's rooms: 2–5 bays on one or two floors), each building with its own occupancy and light —
// cool white offices, warm homes — and a few single windows on or off within a block.
// The building's id, exact: the varying arrives a hair off its value, which the hash would
// amplify into noise across one face.
float buildingId() { return floor(v_featureId + 0.5); }

vec3 windowLight(vec2 cell, vec2 w, float window) {
    float id = buildingId();
    float occupancy = 0.25 + 0.5 * hash(vec3(id, 3.1, 7.7));
    float blockWidth = 2.0 + floor(4.0 * hash(vec3(id, 5.3, 1.9)));
    float blockHeight = 1.0 + step(0.5, hash(vec3(id, 9.1, 4.2)));
    vec2 block = floor(cell / vec2(blockWidth, blockHeight));
    float on = step(1.0 - occupancy, hash(vec3(block, id)));
    float odd = step(0.88, hash(vec3(floor(cell), id + 0.5)));  // the one left on, the one switched off
    on = abs(on - odd);
    float office = step(0.5, hash(vec3(id, 1.7, 2.3)));
    vec3 light = mix(vec3(1.0, 0.74, 0.42), vec3(0.82, 0.9, 1.0), office) * (0.75 + 0.25 * hash(vec3(block, id + 2.0)));
    // Where a window is smaller than a pixel, the facade glows with the average of its windows.
    float far = smoothstep(0.35, 0.9, max(w.x, w.y));
    float glow = mix(window * on, 0.3 * occupancy, far);
    return glow * light * 1.6;
}

void main() {
    vec3 n = normalize(v_worldNormal);
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.55 + 0.25 * n.z;
    bool drawnFacade = abs(n.z) < 0.5 && u_textured < 0.5;  // a city model's own image has its windows
    vec3 own = u_textured > 0.5 ? texture2D(u_texture, v_uv).rgb * v_color.rgb
                                : v_color.rgb * (0.88 + 0.24 * hash(vec3(buildingId(), 0.3, 0.7)));  // no two alike
    vec2 cell = vec2(0.0), w = vec2(1.0);
    float window = 0.0;
    if (drawnFacade) {
        // Storeys by day too: glass bands of windows, a shade of the sky, by building.
        cell = vec2(dot(v_localPos.xy, vec2(-n.y, n.x)) / 3.0, v_localPos.z / 3.2);
        w = fwidth(cell);
        window = pulse(cell.x, 0.2, 0.8, w.x) * pulse(cell.y, 0.3, 0.8, w.y);
        float glass = mix(window, 0.3, smoothstep(0.35, 0.9, max(w.x, w.y)));
        vec3 tint = mix(vec3(0.28, 0.34, 0.42), vec3(0.40, 0.46, 0.50), hash(vec3(buildingId(), 8.1, 0.4)));
        own = mix(own, tint, glass * 0.55);
    }
    vec3 base = mix(own, vec3(1.0, 0.55, 0.1), v_highlight * 0.85);
    vec3 lit = base * (sky + 0.55 * sun) * (0.12 + 0.88 * u_daylight) + v_highlight * vec3(0.15, 0.06, 0.0);
    // Contact shade: the sky reaches less of a wall's foot (ambient occlusion's cheapest part).
    if (abs(n.z) < 0.5) lit *= mix(0.62, 1.0, smoothstep(0.0, 6.0, v_aboveBase));
    if (u_night > 0.01 && drawnFacade) lit += windowLight(cell, w, window) * u_night;
    // Landmarks after dark: towers over 200 m wear a lit crown and a wash rising up their faces
    // (Jiangbeizui's skyline from across the river), in one of a few colours per tower.
    if (u_night > 0.01 && abs(n.z) < 0.5 && v_buildingHeight > 200.0) {
        float crown = 1.0 - smoothstep(0.0, 0.06 * v_buildingHeight, v_belowTop);
        float wash = smoothstep(0.35, 1.0, 1.0 - v_belowTop / v_buildingHeight) * 0.35;
        float pick = hash(vec3(buildingId(), 4.4, 6.6));
        vec3 colour = pick < 0.4 ? vec3(0.55, 0.8, 1.0) : pick < 0.7 ? vec3(1.0, 0.8, 0.45) : vec3(0.85, 0.55, 1.0);
        lit += colour * (crown * 1.2 + wash) * u_night;
    }
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmount(v_viewDistance)), u_opacity);
}
