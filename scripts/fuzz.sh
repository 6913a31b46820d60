#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang and runs each for SECONDS
# (default 60), seeded for its entry point (text fixtures, JSON, digest.toml
# files, archives built from the fixtures) and with its dictionary when
# fuzz/NAME.dict exists. Inputs up to 1 MiB. Any crash, assertion, leak or
# sanitizer report fails the script (one, narrowly suppressed: fuzz/ubsan.supp). HARNESSES (space-separated) picks some.
# What each harness asserts and how to run long: docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/setup.sh
build=${FUZZ_BUILD_DIR:-build-fuzz}
all="parse_fuzz fmt_fuzz lint_fuzz diff_fuzz read_json_fuzz csv_fuzz archive_fuzz config_fuzz round_trip_fuzz extract_html_fuzz extract_dump_fuzz"
harnesses=${HARNESSES:-$all}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
  -DDIGESTKIT_BUILD_FUZZ=ON -DDIGESTKIT_BUILD_TESTS=OFF -DDIGESTKIT_BUILD_BENCH=OFF ${EXTRA_CMAKE_ARGS:-}
# shellcheck disable=SC2086
cmake --build "$build" -j "${JOBS:-2}" --target $harnesses

# Seeds, by kind of input.
seeds=$build/seeds
rm -rf "$seeds" && mkdir -p "$seeds"/{text,json,toml,archive,html}
i=0
for f in $(find testdata -type f -name '*.txt' | sort); do cp "$f" "$seeds/text/seed-$i.txt"; i=$((i + 1)); done
# digest extract's pages: the invented HTML pages and their text dumps.
for f in $(find testdata/extract -type f \( -name '*.html' -o -name '*.txt' \) | sort); do cp "$f" "$seeds/html/seed-$i.${f##*.}"; i=$((i + 1)); done
for f in $(find testdata -type f \( -name '*.json' -o -name '*.jsonl' \) | sort); do cp "$f" "$seeds/json/seed-$i.json"; i=$((i + 1)); done
for f in $(find testdata -type f -name 'digest.toml' | sort); do cp "$f" "$seeds/toml/seed-$i.toml"; i=$((i + 1)); done
printf '[validate]\nselect = ["ALL"]\nignore = ["DG3"]\n\n[[per-file]]\nglob = "posts/*.txt"\nignore = ["DG2"]\n' > "$seeds/toml/seed-select.toml"
archives=$build/seed-tree
rm -rf "$archives" && mkdir -p "$archives/posts"
cp testdata/archive/*.txt "$archives/posts/" 2>/dev/null || cp testdata/samples/*.txt "$archives/posts/"
tar -C "$archives" -cf "$seeds/archive/posts.tar" posts
tar -C "$archives" -czf "$seeds/archive/posts.tar.gz" posts
tar -C "$archives" -cJf "$seeds/archive/posts.tar.xz" posts
(cd "$archives" && python3 -c 'import sys, zipfile, pathlib
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for p in sorted(pathlib.Path("posts").iterdir()): z.write(p)' "$OLDPWD/$seeds/archive/posts.zip")
# Seeds are at most 1 MiB (libFuzzer's -max_len below): a larger fixture is cut there.
find "$seeds" -type f -size +1024k -exec truncate -s 1M {} +

seed_dirs() {
  case $1 in
    read_json_fuzz) echo "$seeds/json" ;;
    config_fuzz) echo "$seeds/toml" ;;
    archive_fuzz) echo "$seeds/archive" ;;
    extract_html_fuzz | extract_dump_fuzz) echo "$seeds/html" ;;
    *) echo "$seeds/text" ;;
  esac
}

failed=()
for harness in $harnesses; do
  corpus=$build/corpus-$harness
  mkdir -p "$corpus"
  echo "-- $harness for ${seconds}s"
  dict=()
  [ -f "fuzz/$harness.dict" ] && dict=("-dict=fuzz/$harness.dict")
  # shellcheck disable=SC2046
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=fuzz/ubsan.supp} \
    "$build/fuzz/$harness" -max_total_time="$seconds" -max_len=1048576 -timeout=20 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$build/$harness-" "${dict[@]}" "$corpus" $(seed_dirs "$harness") \
    > "$build/$harness.log" 2>&1; then
    failed+=("$harness")
    tail -n 40 "$build/$harness.log"
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$build/$harness.log" | tail -n 3 || true
  # A sanitizer report that did not stop the run is still a failure.
  if grep -qE 'runtime error:|ERROR: (Address|Leak|Undefined)Sanitizer' "$build/$harness.log"; then
    [[ " ${failed[*]} " == *" $harness "* ]] || failed+=("$harness")
    grep -m 3 -E 'runtime error:|ERROR: .*Sanitizer' "$build/$harness.log"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (logs and crashing inputs in $build/)"
  exit 1
fi
echo "fuzz: all ${seconds}s runs clean: $harnesses"
