#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (render tests under xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
scripts/build.sh
cd "${JBT_BUILD_DIR:-build}"
# Each GoogleTest binary writes a report, so a test that skipped itself can be found below.
rm -rf test-reports
export GTEST_OUTPUT="xml:$PWD/test-reports/"
# One Xvfb for the whole run, unless a display is already there.
status=0
../scripts/with_display.sh ctest --output-on-failure -j"$(nproc)" "$@" 2>&1 | tee ctest.log || status=$?
# JBT_NO_SKIPS=1 (CI): a test that did not run, or skipped itself, fails the run. A green run
# must mean every test ran.
if [ -n "${JBT_NO_SKIPS:-}" ]; then
  if grep -q "The following tests did not run" ctest.log; then
    echo "FAIL: CTest did not run some tests (see above)"
    status=1
  fi
  skipped=$(grep -ho '<testcase name="[^"]*"[^>]*result="skipped"[^>]*classname="[^"]*"' test-reports/*.xml 2>/dev/null || true)
  if [ -n "$skipped" ]; then
    echo "FAIL: tests skipped themselves:"
    echo "$skipped" | sed 's/^/  /'
    status=1
  fi
fi
exit $status
