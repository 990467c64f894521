#version 120
// Oblique photography: the photographs are the colour; only the time of day and the haze are
// laid over them.
varying vec2 v_uv;
varying float v_viewDistance;

void main() {
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_uv = gl_MultiTexCoord0.xy;
    v_viewDistance = length(viewPos.xyz);
    gl_Position = gl_ProjectionMatrix * viewPos;
}
