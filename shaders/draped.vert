#version 120
// Vector layers on the terrain (scene/draped_layer_builder.h): each vertex is a point of a
// line's centre (or an area's corner) on the ground, widened here so a road keeps its width in
// metres but never drops under its least width in pixels, and a boundary keeps its width in
// pixels at any distance. Pulled towards the eye by a little more the farther it is, so it lies
// above the terrain's coarser levels far away without writing depth.
uniform mat4 osg_ViewMatrixInverse;
uniform vec2 u_viewport;
varying vec4 v_color;
varying vec3 v_worldPos;
varying vec3 v_groundNormal;
varying float v_viewDistance;
varying float v_across;    // −1 … 1 across a band, 0 on areas
varying float v_along;     // metres along the line
varying float v_coverage;  // how much of its drawn width a line thinner than that covers

vec4 towardsEye(vec4 viewPos) {
    float d = length(viewPos.xyz);
    return vec4(viewPos.xyz * (1.0 - min((0.3 + 0.004 * d) / max(d, 1e-3), 0.5)), 1.0);
}

void main() {
    vec4 shape = gl_MultiTexCoord0;  // half width m, least half width px, along, side
    vec4 centre = gl_ModelViewMatrix * gl_Vertex;
    bool ortho = gl_ProjectionMatrix[3][3] > 0.5;
    float metresPerPixel = 2.0 * (ortho ? 1.0 : max(-centre.z, 0.01)) / (gl_ProjectionMatrix[1][1] * u_viewport.y);
    float halfPx = max(shape.x / metresPerPixel, shape.y);
    float drawnPx = max(halfPx, 0.75);  // thinner lines are drawn this wide and fade instead
    v_coverage = shape.w == 0.0 ? 1.0 : halfPx / drawnPx;
    vec4 viewPos;
    if (shape.x > 0.0 || shape.y == 0.0) {
        // On the ground: widened across the line in the world, rising with the ground.
        viewPos = gl_ModelViewMatrix * (gl_Vertex + vec4(gl_Normal * (drawnPx * metresPerPixel), 0.0));
        gl_Position = gl_ProjectionMatrix * towardsEye(viewPos);
    } else {
        // A line of constant screen width: widened across its direction on screen.
        vec2 side = gl_Normal.xy * sign(shape.w);  // left of the line (either vertex), mitre-long
        vec2 ahead = normalize(vec2(side.y, -side.x));
        vec4 a = gl_ProjectionMatrix * towardsEye(centre);
        vec4 b = gl_ProjectionMatrix * towardsEye(gl_ModelViewMatrix * (gl_Vertex + vec4(ahead, 0.0, 0.0)));
        float forward = 1.0;
        if (b.w < 1e-4) {  // the point ahead is behind the eye: look back along the line instead
            b = gl_ProjectionMatrix * towardsEye(gl_ModelViewMatrix * (gl_Vertex - vec4(ahead, 0.0, 0.0)));
            forward = -1.0;
        }
        vec2 dir = forward * normalize((b.xy / b.w - a.xy / a.w) * u_viewport);
        vec2 left = vec2(-dir.y, dir.x) * sign(shape.w) * length(side);
        a.xy += left * drawnPx * 2.0 / u_viewport * a.w;
        gl_Position = a;
        viewPos = centre;
    }
    v_color = gl_Color;
    v_groundNormal = gl_MultiTexCoord1.xyz;
    v_worldPos = (osg_ViewMatrixInverse * viewPos).xyz;
    v_viewDistance = length(viewPos.xyz);
    v_across = shape.w;
    v_along = shape.z;
}
