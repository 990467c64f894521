#version 120
varying vec3 v_viewPos;
varying vec4 v_color;

void main() {
    v_color = gl_Color;
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_viewPos = viewPos.xyz;
    gl_Position = gl_ProjectionMatrix * viewPos;
}
