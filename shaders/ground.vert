#version 120
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    v_color = gl_Color;
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_viewDistance = length(viewPos.xyz);
    gl_Position = gl_ProjectionMatrix * viewPos;
}
