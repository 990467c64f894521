#version 120
// Depth-only pass from the sun: position is all that matters.
void main() { gl_Position = ftransform(); }
