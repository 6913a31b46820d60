#!/usr/bin/env bash
# Sets up, builds (Release) and runs `digest` on the sample digests shipped in
# testdata/samples: validate them, then convert them to JSON Lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
echo "$ digest validate testdata/samples/"
build/tools/digest/digest validate testdata/samples/ && echo "(no findings)"
echo "$ digest convert --to jsonl testdata/samples/"
build/tools/digest/digest convert --to jsonl testdata/samples/
