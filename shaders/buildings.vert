#version 120
// Extruded buildings, and streamed 3D Tiles content with vertex colours (turned and placed by
// its tile's matrix, hence the normal taken to the world).
uniform mat4 osg_ViewMatrixInverse;
attribute float a_featureId;
attribute vec2 a_footTop;      // the building's foot and top z (0, 0 where content carries none)
uniform float u_highlightId;
varying vec3 v_worldNormal;
varying vec3 v_localPos;
varying vec3 v_worldPos;
varying vec4 v_color;
varying float v_highlight;
varying float v_featureId;
varying float v_viewDistance;
varying vec2 v_uv;
varying float v_aboveBase;
varying float v_belowTop;      // metres below the building's top
varying float v_buildingHeight;

void main() {
    v_color = gl_Color;
    v_uv = gl_MultiTexCoord0.xy;
    v_featureId = a_featureId;
    v_highlight = abs(a_featureId - u_highlightId) < 0.5 ? 1.0 : 0.0;
    vec4 viewPos = gl_ModelViewMatrix * gl_Vertex;
    v_viewDistance = length(viewPos.xyz);
    v_worldPos = (osg_ViewMatrixInverse * viewPos).xyz;
    v_worldNormal = normalize(mat3(osg_ViewMatrixInverse) * gl_NormalMatrix * gl_Normal);
    v_localPos = v_worldPos;  // window rows and columns: metres along the wall and up
    // Building tiles are only moved sideways: their z is the world's.
    v_aboveBase = v_worldPos.z - a_footTop.x;
    v_belowTop = a_footTop.y - v_worldPos.z;
    v_buildingHeight = a_footTop.y - a_footTop.x;
    gl_Position = gl_ProjectionMatrix * viewPos;
}
