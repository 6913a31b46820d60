#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang and runs each for SECONDS
# (default 60), seeded with every fixture under testdata/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/setup.sh
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
  -DDIGESTKIT_BUILD_FUZZ=ON -DDIGESTKIT_BUILD_TESTS=OFF -DDIGESTKIT_BUILD_BENCH=OFF
cmake --build build-fuzz -j "${JOBS:-2}" --target parse_fuzz $( [ -f fuzz/fmt_fuzz.cpp ] && echo fmt_fuzz ) extract_html_fuzz extract_dump_fuzz
seeds=build-fuzz/seeds
rm -rf "$seeds" && mkdir -p "$seeds"
i=0
for f in $(find testdata -type f -name '*.txt' | sort); do cp "$f" "$seeds/seed-$i.txt"; i=$((i + 1)); done
# digest extract's harnesses also start from the invented pages (HTML too).
for f in $(find testdata/extract -type f -name '*.html' | sort); do cp "$f" "$seeds/seed-$i.html"; i=$((i + 1)); done
for harness in parse_fuzz fmt_fuzz extract_html_fuzz extract_dump_fuzz; do
  [ -x "build-fuzz/fuzz/$harness" ] || continue
  corpus=build-fuzz/corpus-$harness
  mkdir -p "$corpus"
  echo "-- $harness for ${seconds}s"
  dict=()
  [ -f "fuzz/$harness.dict" ] && dict=("-dict=fuzz/$harness.dict")
  "build-fuzz/fuzz/$harness" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "${dict[@]}" "$corpus" "$seeds"
done
