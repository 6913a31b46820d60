#!/usr/bin/env bash
# The two routes past one machine (docs/scale.md) on one generated archive:
# digest convert --to jsonl, examples/dask_convert.py on a local cluster,
# and digest convert --from jsonl-posts (one stream, and as two mappers).
#
#   bench/scale.sh [BUILD_DIR] [MEGABYTES]      (defaults: build, 300)
#
# Needs digest, generate_archive and the Python module built in BUILD_DIR.
# Prints one row per command: wall seconds, MB/s and seconds per GB of
# uncompressed post text (10^6 / 10^9 bytes).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(realpath "${1:-$root/build}")
mb=${2:-300}
data=$build/scale-data/mb$mb
digest=$build/tools/digest/digest
export PYTHONPATH=$build/python
mkdir -p "$data"
if [ ! -f "$data/v1.tar.gz" ]; then
  "$build/bench/generator/generate_archive" --out "$data/v1" --megabytes "$mb" --seed 1 >&2
  tar -C "$data" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - v1 | gzip -n -6 >"$data/v1.tar.gz"
fi
[ -f "$data/posts.jsonl" ] || /usr/bin/python3 "$root/bench/posts_to_jsonl.py" "$data/v1.tar.gz" >"$data/posts.jsonl"
bytes=$(find "$data/v1" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
split -n l/2 -d "$data/posts.jsonl" "$data/split-"
"$digest" convert --to jsonl "$data/v1.tar.gz" >"$data/reference.jsonl"

row() {
  local label=$1
  shift
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$data/err" || [ $? -eq 1 ]
  end=$(date +%s%N)
  awk -v l="$label" -v ns=$((end - start)) -v b="$bytes" \
    'BEGIN { s = ns / 1e9; printf "| %s | %.1f | %.0f | %.1f |\n", l, s, b / 1e6 / s, s / (b / 1e9) }'
}
check() { cmp -s "$1" "$data/reference.jsonl" || { echo "scale.sh: $2 differs from convert --to jsonl" >&2; exit 1; }; }

echo "| command | s | MB/s | s per GB |"
echo "|---|---|---|---|"
row "digest convert --to jsonl v1.tar.gz" "$digest" convert --to jsonl "$data/v1.tar.gz"
row "digest convert -j 2 --to jsonl v1.tar.gz" "$digest" convert -j 2 --to jsonl "$data/v1.tar.gz"
row "digest convert -j 2 --to jsonl v1/" "$digest" convert -j 2 --to jsonl "$data/v1"
for input in v1.tar.gz v1; do
  rm -rf "$data/out"
  row "dask_convert.py --workers 2 $input" /usr/bin/python3 "$root/examples/dask_convert.py" --workers 2 \
    --local-directory "$data/dask-tmp" -o "$data/out" "$data/$input"
  [ "$input" = v1.tar.gz ] && { cat "$data"/out/part-*.jsonl >"$data/dask.jsonl"; check "$data/dask.jsonl" "the Dask example"; }
done
row "digest convert --from jsonl-posts --to jsonl < posts.jsonl" \
  bash -c "'$digest' convert --from jsonl-posts --to jsonl - <'$data/posts.jsonl'"
row "digest convert -j 2 --from jsonl-posts --to jsonl < posts.jsonl" \
  bash -c "'$digest' convert -j 2 --from jsonl-posts --to jsonl - <'$data/posts.jsonl'"
row "2 mappers (-j 1 each) over 2 splits" \
  bash -c "for s in '$data'/split-0*; do '$digest' convert --from jsonl-posts --to jsonl - <\$s >\$s.out & done; wait"
