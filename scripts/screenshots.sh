#!/usr/bin/env bash
# Snapshots of the default scene from every bookmark by day, dusk and night, and frames of the
# pearl-chain tour: what the look is judged by. Extra arguments go to every snapshot (e.g.
# --quality high, --fog 0.6). Writes OUT/<view>_<time>.png (default build/screenshots).
#   scripts/screenshots.sh [--out DIR] [jiangbei-twin options...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/screenshots
if [ "${1:-}" = "--out" ]; then out="$2"; shift 2; fi
mkdir -p "$out"
[ -x build/viewer/jiangbei-twin ] || { scripts/install_deps.sh && scripts/build.sh; }
views=$(python3 -c 'import json; print(" ".join(b["id"] for b in json.load(open("assets/bookmarks.json"))["bookmarks"]))')
shoot() {  # name, then options
  local name="$1"; shift
  xvfb-run -a -s "-screen 0 1920x1080x24" build/viewer/jiangbei-twin --hide-ui --size 1920x1080 \
    --snapshot "$out/$name.png" "$@" > /dev/null
  echo "$out/$name.png"
}
for view in $views; do
  for time in 10:30 18:50 21:30; do
    shoot "${view}_${time/:/}" --view "$view" --time "$time" "$@"
  done
done
tour=$(python3 -c 'import json; t=json.load(open("assets/tours.json")); print(next((x["id"] for x in t["tours"] if "pearl" in x["id"]), t["tours"][0]["id"]))')
for second in 0 20 40 60; do
  shoot "tour_${tour}_${second}s" --tour "$tour" --tour-time "$second" "$@"
done
