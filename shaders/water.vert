#version 120
uniform mat4 osg_ViewMatrixInverse;
varying vec3 v_viewPos;
varying vec3 v_worldPos;
varying vec4 v_color;

void main() {
    v_color = gl_Color;
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_viewPos = viewPos.xyz;
    v_worldPos = (osg_ViewMatrixInverse * viewPos).xyz;
    gl_Position = gl_ProjectionMatrix * viewPos;
}
