#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
log=$(mktemp)
status=0
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j "${JOBS:-2}" 2>&1 | tee "$log" || status=$?
# The plain closing line CI reads: passed and failed counts from CTest.
total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$log" | tail -n 1)
failed=$(sed -n 's/.*, \([0-9]*\) tests failed out of.*/\1/p' "$log" | tail -n 1)
skipped=$(grep -c '\*\*\*Skipped' "$log" || true)
rm -f "$log"
if [ -n "$total" ]; then
  echo "tests: $((total - failed - skipped)) passed, ${failed} failed, ${skipped} skipped"
fi
exit "$status"
