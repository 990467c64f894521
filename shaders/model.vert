#version 120
// Placed models (glTF, OBJ, …): under a transform that turns and scales them, so the normal
// goes through the normal matrix and back from view to world space.
uniform mat4 osg_ViewMatrixInverse;
varying vec3 v_worldNormal;
varying vec3 v_worldPos;
varying vec2 v_uv;
varying vec4 v_color;
varying float v_viewDistance;

void main() {
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_worldNormal = mat3(osg_ViewMatrixInverse) * (gl_NormalMatrix * gl_Normal);
    v_worldPos = (osg_ViewMatrixInverse * viewPos).xyz;
    v_uv = gl_MultiTexCoord0.xy;
    v_color = gl_Color;
    v_viewDistance = length(viewPos.xyz);
    gl_Position = gl_ProjectionMatrix * viewPos;
}
