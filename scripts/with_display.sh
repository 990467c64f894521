#!/bin/sh
# Runs a command on the current X display, or on a private Xvfb when there is none
# (render tests need an OpenGL context; Debian's OSG has GLX only).
if [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi
# A random first server number: parallel tests each starting xvfb-run -a at :99 would race.
exec xvfb-run -a -n $(( $(od -An -N2 -tu2 /dev/urandom) % 2000 + 100 )) -s "-screen 0 1920x1080x24" "$@"
