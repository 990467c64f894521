#!/usr/bin/env bash
# Fetches the real district for users with internet: OSM buildings, roads, water, land use and
# points of interest for a bounding box from the Overpass API, and the Copernicus GLO-30 DEM
# tiles that cover it, into a data folder that the viewer opens with --data (scripts/run.sh
# does so by itself when data/district/manifest.json exists).
#
#   scripts/fetch_district.sh [--bbox W,S,E,N] [--out DIR] [--overpass URL] [--dem-base URL]
#
# Defaults: Jiangbei District's bounding box (WGS84), data/district, the public Overpass API
# and the public Copernicus DEM bucket. Downloads go to *.part files and are renamed only when
# complete, so an interrupted run never leaves a half file behind or spoils an earlier fetch.
set -euo pipefail

bbox="106.44,29.55,106.90,29.69"
out="data/district"
overpass="${JBT_OVERPASS_URL:-https://overpass-api.de/api/interpreter}"
dem_base="${JBT_DEM_BASE_URL:-https://copernicus-dem-30m.s3.amazonaws.com}"
while [ $# -gt 0 ]; do
  case "$1" in
    --bbox) bbox="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --overpass) overpass="$2"; shift 2 ;;
    --dem-base) dem_base="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "fetch_district: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r west south east north <<<"$bbox"
for v in "$west" "$south" "$east" "$north"; do
  [[ "$v" =~ ^-?[0-9]+([.][0-9]+)?$ ]] || { echo "fetch_district: --bbox wants W,S,E,N in degrees, got '$bbox'" >&2; exit 2; }
done
mkdir -p "$out/dem"

fetch() {  # url file [curl args...]: atomic download
  local url="$1" file="$2"; shift 2
  curl -fsS --retry 3 --retry-delay 2 --connect-timeout 20 "$@" "$url" -o "$file.part" && mv "$file.part" "$file"
}

echo "OSM features for $bbox from $overpass ..." >&2
query="[out:xml][timeout:300][bbox:$south,$west,$north,$east];
(way[building];relation[building];way[highway];way[waterway];way[natural=water];relation[natural=water];
 way[landuse];relation[landuse];way[leisure];relation[leisure];way[natural];
 node[amenity][name];node[shop][name];node[tourism][name];node[historic][name];node[place][name];);
(._;>;);out body;"
if ! fetch "$overpass" "$out/district.osm" -G --data-urlencode "data=$query"; then
  echo "fetch_district: the Overpass request failed; nothing was replaced in $out" >&2
  exit 1
fi

echo "DEM tiles (Copernicus GLO-30) from $dem_base ..." >&2
tiles=()
floor() { python3 -c "import math,sys; print(math.floor(float(sys.argv[1])))" "$1"; }
for ((lat = $(floor "$south"); lat <= $(floor "$north"); lat++)); do
  for ((lon = $(floor "$west"); lon <= $(floor "$east"); lon++)); do
    ns=$([ "$lat" -ge 0 ] && echo N || echo S); ew=$([ "$lon" -ge 0 ] && echo E || echo W)
    name=$(printf "Copernicus_DSM_COG_10_%s%02d_00_%s%03d_00_DEM" "$ns" "${lat#-}" "$ew" "${lon#-}")
    if fetch "$dem_base/$name/$name.tif" "$out/dem/$name.tif"; then
      tiles+=("dem/$name.tif")
    else
      echo "fetch_district: no DEM tile $name (sea, or not published); going on without it" >&2
    fi
  done
done
dem=""
if [ ${#tiles[@]} -eq 1 ]; then
  dem="${tiles[0]}"
elif [ ${#tiles[@]} -gt 1 ]; then
  (cd "$out" && gdalbuildvrt -q dem.vrt "${tiles[@]}") && dem="dem.vrt"
fi

cat >"$out/manifest.json.part" <<JSON
{
  "about": "Real data fetched by scripts/fetch_district.sh; open with jiangbei-twin --data $out",
  "bbox": [$west, $south, $east, $north],
  "osm": "district.osm",
  "dem": "$dem",
  "fetched": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "licences": {"osm": "ODbL 1.0, (c) OpenStreetMap contributors", "dem": "Copernicus DEM GLO-30, (c) DLR e.V. 2010-2014 and (c) Airbus Defence and Space GmbH 2014-2018, provided under COPERNICUS by the European Union and ESA"}
}
JSON
mv "$out/manifest.json.part" "$out/manifest.json"
echo "wrote $out (open it with: build/viewer/jiangbei-twin --data $out)" >&2
