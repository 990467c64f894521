#!/usr/bin/env bash
# Configures and builds into build/ (Release with debug info). Used by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# JBT_WERROR=ON (CI) turns warnings into errors; JBT_SANITIZE=ON builds with AddressSanitizer
# and UndefinedBehaviorSanitizer into JBT_BUILD_DIR (CI: build-sanitize).
dir="${JBT_BUILD_DIR:-build}"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJBT_WERROR="${JBT_WERROR:-OFF}" \
  -DJBT_SANITIZE="${JBT_SANITIZE:-OFF}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
