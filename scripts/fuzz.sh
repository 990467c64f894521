#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for SECONDS (default 60)
# from its seed corpus in tests/fuzz/corpus/TARGET; new inputs go to build-fuzz/corpus/TARGET,
# crashes to build-fuzz/crashes/ (each one becomes a regression test). Usage:
#   scripts/fuzz.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
for p in clang-15 libfuzzer-15-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && continue
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends clang-15 libfuzzer-15-dev
  break
done
scripts/install_deps.sh
CC=clang-15 CXX=clang++-15 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJBT_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_events fuzz_bookmarks fuzz_project fuzz_wall fuzz_ogr fuzz_dem fuzz_oblique fuzz_city fuzz_gltf fuzz_tiles)
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
mkdir -p build-fuzz/crashes
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "== $t for ${seconds}s"
  # Leaks are not crashes here (GDAL and PROJ keep process-lifetime state).
  ASAN_OPTIONS=detect_leaks=0 "build-fuzz/tests/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=30 \
    -artifact_prefix="build-fuzz/crashes/$t-" "build-fuzz/corpus/$t" "tests/fuzz/corpus/${t#fuzz_}" 2>&1 |
    grep -E "^#[0-9]+ *DONE|^Done|ERROR|SUMMARY|artifact" || status=1
done
ls build-fuzz/crashes
exit $status
