#!/usr/bin/env bash
# Configures and builds into build/ (Release with debug info). Used by run.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# JBT_WERROR=ON (CI) turns warnings into errors.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJBT_WERROR="${JBT_WERROR:-OFF}" >/dev/null
cmake --build build -j"$(nproc)"
