#!/usr/bin/env bash
# Runs the viewer on the default scene (the generated demo district). Extra arguments go to
# jiangbei-twin, e.g. scripts/run.sh --layer buildings.gpkg. Without a display it renders a
# snapshot under Xvfb instead and says where it wrote it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
scripts/build.sh
# A folder written by scripts/fetch_district.sh replaces the demo district.
if [ -f data/district/manifest.json ] && [ $# -eq 0 ]; then
  set -- --data data/district
fi
if [ -n "${DISPLAY:-}" ]; then
  exec build/viewer/jiangbei-twin "$@"
fi
out="${JBT_SNAPSHOT:-$PWD/build/snapshot.png}"
echo "no display: rendering a snapshot under Xvfb instead" >&2
xvfb-run -a -s "-screen 0 1920x1080x24" build/viewer/jiangbei-twin --snapshot "$out" "$@"
echo "snapshot written to $out" >&2
