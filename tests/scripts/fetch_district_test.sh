#!/usr/bin/env bash
# The fetch step end to end, offline: a loopback HTTP server plays the Overpass API (serving the
# reference OSM extract) and the DEM bucket (serving the reference DEM clip); then the viewer
# opens the fetched folder and must show the extract's buildings on the DEM.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
viewer="$1"
shared="$repo/../shared/data/reference"
if [ ! -f "$shared/monaco-2021-04-21.osm.pbf" ]; then echo "SKIP: $shared not beside the checkout"; exit 0; fi
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
tile=Copernicus_DSM_COG_10_N43_00_E007_00_DEM
mkdir -p "$work/srv/api" "$work/srv/$tile"
cp "$shared/monaco-2021-04-21.osm.pbf" "$work/srv/api/interpreter"   # GDAL sniffs PBF whatever the name
cp "$shared/N43E007_monaco_clip.tif" "$work/srv/$tile/$tile.tif"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/srv" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

fail() { echo "FAIL: $*"; exit 1; }
"$repo/scripts/fetch_district.sh" --bbox 7.409,43.723,7.449,43.752 --out "$work/out" \
  --overpass "http://127.0.0.1:$port/api/interpreter" --dem-base "http://127.0.0.1:$port"
[ -f "$work/out/district.osm" ] || fail "no district.osm"
[ -f "$work/out/dem/$tile.tif" ] || fail "no DEM tile"
ls "$work/out"/*.part "$work/out/dem"/*.part 2>/dev/null && fail "partial files left behind"
python3 -c "import json,sys; m=json.load(open(sys.argv[1])); assert m['dem'].endswith('.tif') and m['osm']=='district.osm'" "$work/out/manifest.json" \
  || fail "manifest.json"

# An unreachable server fails cleanly and leaves the earlier fetch intact.
if "$repo/scripts/fetch_district.sh" --bbox 7.409,43.723,7.449,43.752 --out "$work/out" \
  --overpass "http://127.0.0.1:1/api/interpreter" --dem-base "http://127.0.0.1:1" 2>/dev/null; then
  fail "an unreachable Overpass server did not fail"
fi
[ -s "$work/out/district.osm" ] || fail "a failed fetch spoiled the earlier one"

json=$("$repo/scripts/with_display.sh" "$viewer" --data "$work/out" --snapshot "$work/fetched.png" --size 320x240 2>/dev/null)
python3 - "$json" <<'PY' || fail "viewer on the fetched folder: $json"
import json, sys
j = json.loads(sys.argv[1])
kinds = {l["kind"]: l for l in j["layers"]}
assert kinds["buildings"]["features_imported"] == 1207, kinds["buildings"]
assert kinds["lines"]["features_read"] > 2000
assert kinds["points"]["features_read"] > 500
assert not any(l["demo_data"] for l in j["layers"]), "real data replaces the demo"
assert j["terrain"]["source"].endswith(".tif"), j["terrain"]
PY
echo "fetch_district: 1 passed, 0 failed"
