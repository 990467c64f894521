#!/usr/bin/env bash
# Live layers end to end with the feed simulator: to a watched file, and through a real mosquitto
# broker on loopback, each shown by the viewer (snapshot JSON: the layer is live with events).
set -euo pipefail
viewer="$1"; sim="$2"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
broker=""
trap '[ -n "$broker" ] && kill "$broker" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
check() {  # json expected-state min-events
  python3 - "$1" "$2" "$3" <<'PY' || fail "viewer JSON: $1"
import json, sys
j = json.loads(sys.argv[1]); live = j["live"][0]
assert live["state"] == sys.argv[2], live
assert live["events"] >= int(sys.argv[3]), live
PY
}

"$sim" --to "$work/events.geojson" --rate 5000 --count 60 >/dev/null
n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['features']))" "$work/events.geojson")
json=$("$repo/scripts/with_display.sh" "$viewer" --events "$work/events.geojson" --snapshot "$work/a.png" --size 320x240 2>/dev/null)
check "$json" live "$n"
# Per-grid counts over the whole scene add up to the events that fall in it (all of them here).
json=$("$repo/scripts/with_display.sh" "$viewer" --events "$work/events.geojson" --grid 1000 --snapshot "$work/g.png" --size 320x240 2>/dev/null)
python3 - "$json" "$n" <<'PY' || fail "grid counts: $json"
import json, sys
j = json.loads(sys.argv[1])
assert j["grid"]["events"] == int(sys.argv[2]), j["grid"]
assert j["grid"]["cells"] > 100, j["grid"]
PY

# The city's own grid: two named cells; three of four events fall inside them.
cat >"$work/cells.geojson" <<'GJ'
{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"grid_id":"JB-001"},"geometry":{"type":"Polygon","coordinates":[[[106.60,29.60],[106.61,29.60],[106.61,29.61],[106.60,29.61],[106.60,29.60]]]}},
 {"type":"Feature","properties":{"grid_id":"JB-002"},"geometry":{"type":"Polygon","coordinates":[[[106.61,29.60],[106.62,29.60],[106.62,29.61],[106.61,29.61],[106.61,29.60]]]}}]}
GJ
cat >"$work/four.geojson" <<'GJ'
{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[106.603,29.605]}},
 {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"Point","coordinates":[106.607,29.602]}},
 {"type":"Feature","properties":{"id":"c"},"geometry":{"type":"Point","coordinates":[106.615,29.605]}},
 {"type":"Feature","properties":{"id":"d"},"geometry":{"type":"Point","coordinates":[106.640,29.640]}}]}
GJ
json=$("$repo/scripts/with_display.sh" "$viewer" --no-demo --events "$work/four.geojson" --grid-file "$work/cells.geojson" --snapshot "$work/f.png" --size 320x240 2>/dev/null)
python3 - "$json" <<'PY' || fail "own grid: $json"
import json, sys
g = json.loads(sys.argv[1])["grid"]
assert g["cells"] == 2 and g["events"] == 3, g
PY

# HTTP: the simulator serves its collection; the viewer polls it.
hport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$sim" --to "http://127.0.0.1:$hport/events" --rate 50 --count 300 >/dev/null &
hsim=$!
sleep 0.5
json=$("$repo/scripts/with_display.sh" "$viewer" --events "http://127.0.0.1:$hport/events" --snapshot "$work/h.png" --size 320x240 2>/dev/null)
check "$json" live 1
kill "$hsim" 2>/dev/null || true

# Green coverage: a park covering a quarter of a square district, another half outside it.
cat >"$work/district.geojson" <<'GJ'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[106.60,29.60],[106.62,29.60],[106.62,29.62],[106.60,29.62],[106.60,29.60]]]}}]}
GJ
cat >"$work/parks.geojson" <<'GJ'
{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"park"},"geometry":{"type":"Polygon","coordinates":[[[106.60,29.60],[106.61,29.60],[106.61,29.61],[106.60,29.61],[106.60,29.60]]]}},
 {"type":"Feature","properties":{"name":"forest"},"geometry":{"type":"Polygon","coordinates":[[[106.615,29.615],[106.625,29.615],[106.625,29.625],[106.615,29.625],[106.615,29.615]]]}}]}
GJ
json=$("$repo/scripts/with_display.sh" "$viewer" --no-demo --boundary "$work/district.geojson" --green "$work/parks.geojson" --snapshot "$work/c.png" --size 320x240 2>/dev/null)
python3 - "$json" <<'PY' || fail "green coverage: $json"
import json, sys
j = json.loads(sys.argv[1])
# A quarter from the park, a sixteenth from the forest's corner inside the district.
assert abs(j["green"]["district_ratio"] - (0.25 + 0.0625)) < 2e-3, j["green"]
PY

if command -v mosquitto >/dev/null; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$port" >"$work/mosquitto.conf"
  mosquitto -c "$work/mosquitto.conf" >/dev/null 2>&1 &
  broker=$!
  # until it listens (a loaded CI machine takes its time), at most 10 s
  python3 -c 'import socket, sys, time
for _ in range(200):
    try: socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close(); break
    except OSError: time.sleep(0.05)' "$port"
  "$sim" --to "mqtt://127.0.0.1:$port/jiangbei/events" --rate 40 --count 400 >/dev/null &
  simpid=$!
  json=$("$repo/scripts/with_display.sh" "$viewer" --events "mqtt://127.0.0.1:$port/jiangbei/events" --snapshot "$work/b.png" --size 320x240 2>/dev/null)
  check "$json" live 1
  kill "$simpid" 2>/dev/null || true
else
  fail "mosquitto is not installed (scripts/install_deps.sh installs it): the MQTT part cannot run"
fi
echo "live_feed: 1 passed, 0 failed"
