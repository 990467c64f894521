#version 120
// River water: darker looking down, sky-coloured at grazing angles, hazed with distance.
uniform vec3 u_hazeColor;
uniform float u_hazeDensity;
uniform float u_daylight;     // 0 night … 1 noon
varying vec3 v_viewPos;
varying vec4 v_color;

void main() {
    vec3 view = normalize(-v_viewPos);
    vec3 up = normalize(gl_NormalMatrix * vec3(0.0, 0.0, 1.0));
    float grazing = pow(1.0 - max(dot(view, up), 0.0), 3.0);
    vec3 c = mix(v_color.rgb, u_hazeColor, 0.55 * grazing) * (0.25 + 0.75 * u_daylight);
    float haze = 1.0 - exp(-u_hazeDensity * length(v_viewPos));
    gl_FragColor = vec4(mix(c, u_hazeColor, haze * 0.7), 1.0);
}
