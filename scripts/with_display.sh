#!/bin/sh
# Runs a command on the current X display, or on a private Xvfb when there is none
# (render tests need an OpenGL context; Debian's OSG has GLX only).
if [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$@"
