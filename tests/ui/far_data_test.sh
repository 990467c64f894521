#!/usr/bin/env bash
# Data far apart (Monaco beside Jiangbei) never crashes: the scene holds the region of its first
# layer, the far layer is listed, memory stays under 2 GiB, and a view on the far layer moves the
# scene there and shows its buildings.
set -euo pipefail
viewer="$1"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$repo/../shared/data"
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
monaco="$shared/reference/monaco-2021-04-21.osm.pbf"
jiangbei="$shared/jiangbei/jiangbei_boundary_wgs84.geojson"

# Monaco first: the scene is Monaco's; Jiangbei's boundary is listed as far away.
/usr/bin/time -v -o "$work/time.txt" "$repo/scripts/with_display.sh" "$viewer" --layer "$monaco" --area "$jiangbei" \
  --snapshot "$work/a.png" >"$work/a.json" 2>"$work/a.err" || fail "exit $? ($(tail -3 "$work/a.err"))"
kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
echo "peak memory: $((kb / 1024)) MiB"
[ "$kb" -lt $((2 * 1024 * 1024)) ] || fail "peak memory ${kb} kB is over 2 GiB"
grep -q "jiangbei_boundary_wgs84.geojson lies 8457 km from the scene centre: not drawn here" "$work/a.err" ||
  fail "the far layer is not named: $(cat "$work/a.err")"
python3 - "$work/a.json" <<'PY' || fail "snapshot JSON: $(cat "$work/a.json")"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["errors"] == [], j["errors"]
assert [l["features_imported"] for l in j["layers"]] == [1207], j["layers"]
assert [f["name"] for f in j["far_layers"]] == ["jiangbei_boundary_wgs84.geojson"], j.get("far_layers")
PY

# A project with Jiangbei first, then "zoom to" its Monaco layer: the scene moves there and shows
# its buildings.
cat >"$work/p.json" <<JSON
{"format": "jiangbei-twin-project", "version": 1, "demo": false,
 "layers": [{"path": "$jiangbei", "kind": "areas"}, {"path": "$monaco", "kind": "buildings"}]}
JSON
"$repo/scripts/with_display.sh" "$viewer" --project "$work/p.json" --autosave 0 \
  --view "layer:monaco-2021-04-21.osm.pbf" --hide-ui --snapshot "$work/b.png" >"$work/b.json" 2>"$work/b.err" ||
  fail "zoom to the far layer: exit $? ($(tail -3 "$work/b.err"))"
grep -q "the scene moves to monaco-2021-04-21.osm.pbf" "$work/b.err" || fail "no move: $(cat "$work/b.err")"
python3 - "$work/b.json" "$work/b.png" "$repo/tests/support" <<'PY' || fail "Monaco's buildings are not on screen: $(cat "$work/b.json")"
import json, sys
sys.path.insert(0, sys.argv[3])
from png_stats import read_png
j = json.load(open(sys.argv[1]))
names = [l["name"] for l in j["layers"]]
assert "monaco-2021-04-21.osm.pbf" in names, names
assert [f["name"] for f in j["far_layers"]] == ["jiangbei_boundary_wgs84.geojson"], j["far_layers"]
assert j["view"] == "layer:monaco-2021-04-21.osm.pbf", j["view"]
# Buildings are light walls and roofs on the green flat ground: pixels brighter than the ground.
w, h, ch, rows = read_png(sys.argv[2])
bright = sum(1 for r in rows for x in range(0, w * ch, ch) if 0.299 * r[x] + 0.587 * r[x + 1] + 0.114 * r[x + 2] > 0.8 * 255)
assert bright / (w * h) > 0.02, "bright share %f" % (bright / (w * h))
PY
echo "far data: ok"
