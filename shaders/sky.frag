#version 120
// Sky by the view ray: deep blue overhead fading to the haze at the horizon (Chongqing's humid
// air keeps the horizon pale), the sun's glow and disc, after dark the moon and stars, and below
// the horizon the haze the distant terrain fades into.
uniform vec3 u_sunDirection;  // the light: towards the sun, at least 20° up; the moon's when the sun is down
uniform vec3 u_sunInSky;      // towards the sun where it really is
uniform vec3 u_hazeColor;
uniform float u_daylight;     // 0 night … 1 day
uniform float u_night;
uniform float u_fog;          // 0 clear … 1 thick fog: the whole sky goes to haze
varying vec3 v_ray;

vec3 skyGradient(float up);  // atmosphere.frag

float hash(vec3 p) { return fract(sin(dot(p, vec3(12.9898, 78.233, 37.719))) * 43758.5453); }

void main() {
    vec3 d = normalize(v_ray);
    vec3 toLight = normalize(u_daylight > 0.05 ? u_sunInSky : u_sunDirection);
    float up = d.z;
    vec3 sky = skyGradient(up);
    float towards = max(dot(d, toLight), 0.0);
    bool sunUp = u_daylight > 0.05;
    if (sunUp) {
        // Forward scattering round the sun, warmer and wider when it is low.
        float low = 1.0 - clamp(toLight.z * 3.0, 0.0, 1.0);
        vec3 glow = mix(vec3(1.0, 0.95, 0.85), vec3(1.0, 0.55, 0.25), low);
        sky += glow * (0.35 * pow(towards, 12.0) + 0.25 * low * pow(towards, 3.0)) * (1.0 - 0.6 * u_fog);
        sky = mix(sky, vec3(1.0, 0.97, 0.9), smoothstep(0.99965, 0.9999, towards) * (1.0 - u_fog) * step(0.0, up));
    } else {
        float stars = step(0.9975, hash(floor(d * 420.0))) * smoothstep(0.02, 0.25, up) * u_night * (1.0 - u_fog);
        sky += vec3(0.8, 0.85, 1.0) * stars * (0.5 + 0.5 * hash(floor(d * 420.0) + 7.0));
        float moon = smoothstep(0.99955, 0.9998, towards) * step(0.0, toLight.z);
        sky = mix(sky, vec3(0.92, 0.92, 0.86), moon * (1.0 - 0.7 * u_fog));
        sky += vec3(0.12, 0.13, 0.16) * pow(towards, 40.0) * step(0.0, toLight.z) * (1.0 - u_fog);
    }
    if (up < 0.0) sky = mix(sky, u_hazeColor, smoothstep(0.0, 0.06, -up));
    gl_FragColor = vec4(sky, 1.0);
}
