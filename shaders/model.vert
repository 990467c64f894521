#version 120
// Placed models (glTF, OBJ, …): under a transform that turns and scales them, so the normal
// goes through the normal matrix and back from view to world space.
uniform mat4 osg_ViewMatrixInverse;
// A tile's picked feature: geometry that carries feature ids (u_featureIds 1) lights up where
// its id is the one picked (without ids the attribute reads 0, which is a real id).
attribute float a_featureId;
uniform float u_featureIds;
uniform float u_highlightId;
varying float v_featureHighlight;
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
    v_featureHighlight = u_featureIds > 0.5 && abs(a_featureId - u_highlightId) < 0.5 ? 1.0 : 0.0;
    gl_Position = gl_ProjectionMatrix * viewPos;
}
