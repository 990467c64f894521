#version 120
// Placed models lit by the same sun, sky and haze as the buildings: the material's diffuse
// colour (glTF base colour), its texture when it has one, vertex colours when it has them.
uniform vec3 u_sunDirection;
uniform vec3 u_hazeColor;
float hazeAmount(float viewDistance);  // atmosphere.frag
uniform float u_daylight;
uniform sampler2D u_texture;
uniform float u_textured;     // 1 where the StateSet carries a texture on unit 0
uniform float u_vertexColor;  // 1 where the geometry has vertex colours
uniform float u_highlight;    // 1 when the model (or an i3dm instance) is selected
varying float v_featureHighlight;  // 1 on a tile's picked feature
varying vec3 v_worldNormal;
varying vec3 v_worldPos;
varying vec2 v_uv;
varying vec4 v_color;
varying float v_viewDistance;

float sunLight(vec3 world);  // sun_shadow.frag

void main() {
    vec4 base = gl_FrontMaterial.diffuse;
    if (u_vertexColor > 0.5) base *= v_color;
    if (u_textured > 0.5) base *= texture2D(u_texture, v_uv);
    vec3 n = normalize(v_worldNormal);
    if (!gl_FrontFacing) n = -n;  // thin or open meshes are seen from both sides
    float sun = max(dot(n, normalize(u_sunDirection)), 0.0) * sunLight(v_worldPos);
    float sky = 0.55 + 0.25 * n.z;
    vec3 rgb = mix(base.rgb, vec3(1.0, 0.55, 0.1), max(u_highlight, v_featureHighlight) * 0.6);
    vec3 lit = rgb * (sky + 0.55 * sun) * (0.12 + 0.88 * u_daylight);
    gl_FragColor = vec4(mix(lit, u_hazeColor, hazeAmount(v_viewDistance)), base.a);
}
