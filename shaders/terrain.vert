#version 120
// Terrain chunks are only translated, so gl_Normal is a world normal.
uniform mat4 osg_ViewMatrixInverse;
varying vec3 v_worldNormal;
varying vec3 v_worldPos;
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    v_worldNormal = gl_Normal;
    v_color = gl_Color;
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_worldPos = (osg_ViewMatrixInverse * viewPos).xyz;
    v_viewDistance = length(viewPos.xyz);
    gl_Position = gl_ProjectionMatrix * viewPos;
}
