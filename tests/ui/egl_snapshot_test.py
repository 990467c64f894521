#!/usr/bin/env python3
"""A snapshot with no X server (DISPLAY unset: EGL, as on a GPU server or render node) shows the
same picture as one through GLX on Xvfb. Usage: egl_snapshot_test.py VIEWER (under xvfb-run)."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from png_stats import read_png  # noqa: E402

viewer = sys.argv[1]
work = tempfile.mkdtemp(prefix="jbt-egl-")
shots = {}
for name, env in [("glx", dict(os.environ)), ("egl", {k: v for k, v in os.environ.items() if k != "DISPLAY"})]:
    out = os.path.join(work, name + ".png")
    p = subprocess.run([viewer, "--snapshot", out, "--size", "480x270"], env=env, capture_output=True, text=True)
    if p.returncode != 0 or not os.path.exists(out):
        print("FAIL %s snapshot: exit %d\n%s" % (name, p.returncode, p.stderr[-2000:]))
        sys.exit(1)
    shots[name] = read_png(out)
(w1, h1, c1, a), (w2, h2, c2, b) = shots["glx"], shots["egl"]
if (w1, h1) != (w2, h2):
    print("FAIL sizes differ: %dx%d and %dx%d" % (w1, h1, w2, h2))
    sys.exit(1)
# Same scene, same software rasteriser: the pictures agree to within rounding.
diff = sum(abs(a[y][x * c1 + k] - b[y][x * c2 + k]) for y in range(h1) for x in range(w1) for k in range(3))
mean = diff / (w1 * h1 * 3)
print("mean difference per channel: %.3f of 255" % mean)
sys.exit(0 if mean < 2.0 else 1)
