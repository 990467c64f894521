#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (render tests under xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
scripts/build.sh
cd build
# One Xvfb for the whole run, unless a display is already there.
../scripts/with_display.sh ctest --output-on-failure -j"$(nproc)" "$@"
