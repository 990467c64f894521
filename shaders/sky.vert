#version 120
// A screen-filling quad: each corner's ray through the camera's own projection, turned to the world.
uniform mat4 osg_ViewMatrixInverse;
uniform mat4 u_inverseProjection;
varying vec3 v_ray;

void main() {
    vec4 far = u_inverseProjection * vec4(gl_Vertex.xy, 1.0, 1.0);
    vec4 near = u_inverseProjection * vec4(gl_Vertex.xy, -1.0, 1.0);
    vec3 view = far.xyz / far.w - near.xyz / near.w;
    v_ray = mat3(osg_ViewMatrixInverse) * view;
    gl_Position = vec4(gl_Vertex.xy, 1.0, 1.0);  // the far plane: behind everything drawn
}
