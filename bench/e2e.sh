#!/usr/bin/env bash
# End-to-end benchmark of the `digest` program on a large generated archive,
# next to cat, wc -l, zcat, diff -u and diff -r on the same bytes.
#
#   bench/e2e.sh [--digest PATH] [--generator PATH] [--cache DIR]
#                [--megabytes N]... [--large] [--repeat N] [--seed N]
#                [--pages DIR] [--page-copies N]...
#
# Builds nothing: it runs an already built `digest` and `generate_archive`
# (defaults: build/tools/digest/digest and build/bench/generator/generate_archive).
# The archive is generated once per size into the cache directory (default
# build/bench-data) and reused while the generator and seed are unchanged.
# Sizes: 300 MB by default; --large adds 1000 MB; --megabytes replaces both.
# digest extract is measured on saved web pages: the .html pages and their
# .txt dumps in --pages DIR (default ../shared/corpus/scraped beside the
# checkout; skipped when absent), each copied N times (--page-copies, default
# 20 and 100: peak memory must not grow with the number of pages).
# A command that fails (not built yet, crash, unexpected exit status) is
# reported as failed in its row and the run goes on.
#
# Columns: wall time (best of --repeat runs), throughput in MB/s of input
# (10^6 bytes of uncompressed digest text; for diffs, both versions), CPU
# time (user + system; on a shared machine wall time also measures the
# neighbours, CPU time does not), peak resident memory of the process (GNU
# time's %M) and the exit status.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
digest=$root/build/tools/digest/digest
generator=$root/build/bench/generator/generate_archive
cache=$root/build/bench-data
sizes=()
large=0
repeat=1
seed=1
pages_dir=$root/../shared/corpus/scraped
page_copies=()

usage() { sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --digest) digest=$2; shift 2 ;;
    --generator) generator=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --megabytes) sizes+=("$2"); shift 2 ;;
    --large) large=1; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --pages) pages_dir=$2; shift 2 ;;
    --page-copies) page_copies+=("$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "e2e.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(300)
  [ $large -eq 1 ] && sizes+=(1000)
fi
if [ ! -x /usr/bin/time ]; then
  echo "e2e.sh: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi
if [ ! -x "$generator" ]; then
  echo "e2e.sh: generator not found at $generator (build the generate_archive target, or pass --generator)" >&2
  exit 2
fi
digest=$(realpath -m "$digest")
generator=$(realpath -m "$generator")

log() { echo "e2e: $*" >&2; }

# Generates (or reuses) the data for one size under $cache/mbN:
# v1/ (the archive), v2/ (5% of entries edited), v1.tar.gz, and v1.txt and
# v2.txt (every file of the version concatenated, for diff -u).
prepare_data() {
  local mb=$1 dir=$cache/mb$1
  local stamp="seed=$seed megabytes=$mb generator=$(sha256sum "$generator" | cut -c1-16)"
  if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$stamp" ]; then
    log "reusing $dir"
    return 0
  fi
  log "generating $mb MB into $dir"
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  "$generator" --out "$dir/v1" --megabytes "$mb" --seed "$seed" >&2 || return 1
  "$generator" --from "$dir/v1" --out "$dir/v2" --edit-percent 5 --seed "$seed" >&2 || return 1
  # Reproducible tarball: sorted names, fixed owner and times, gzip without a name or time stamp.
  tar -C "$dir" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - v1 | gzip -n -6 >"$dir/v1.tar.gz" ||
    return 1
  # A newline after each file: a digest ends without one, and digests back to back need it.
  local v
  for v in v1 v2; do
    find "$dir/$v" -name '*.txt' -print0 | LC_ALL=C sort -z | xargs -0 awk 1 >"$dir/$v.txt" || return 1
  done
  echo "$stamp" >"$dir/stamp"
}

# run_row LABEL INPUT_BYTES ALLOWED_EXIT_CODES COMMAND
# Runs COMMAND (a bash command line, stdout to /dev/null) $repeat times and
# prints one table row.
run_row() {
  local label=$1 bytes=$2 allowed=$3 command=$4
  local best_ns="" best_usage="" code=0 status="ok" err=$tmp/err usage=$tmp/usage
  local i start end ns
  for ((i = 0; i < repeat; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$usage" bash -c "$command" >/dev/null 2>"$err"
    code=$?
    end=$(date +%s%N)
    ns=$((end - start))
    if ! [[ " $allowed " == *" $code "* ]]; then
      status="FAILED (exit $code)"
      break
    fi
    if [ -z "$best_ns" ] || [ "$ns" -lt "$best_ns" ]; then
      best_ns=$ns
      best_usage=$(tail -n 1 "$usage")
    fi
  done
  if [ "$status" != ok ]; then
    wall[$label]=""
    printf '%-44s %8s %8s %8s %8s  %s\n' "$label" - - - - "$status"
    # GNU time adds "Command exited with non-zero status N" to its -o file, not to stderr.
    grep -v '^$' "$err" | head -n 3 | cut -c1-160 | sed 's/^/      | /'
    return 0
  fi
  [ "$code" -ne 0 ] && status="ok (exit $code)"
  wall[$label]=$best_ns
  rss_kb[$label]=${best_usage%% *}
  cpu_s[$label]=$(echo "$best_usage" | awk '{ print $2 + $3 }')
  echo "$best_usage" | awk -v ns="$best_ns" -v bytes="$bytes" -v label="$label" -v status="$status" '{
    s = ns / 1e9
    printf "%-44s %8.3f %8.1f %8.2f %8.1f  %s\n", label, s, (s > 0 ? bytes / 1e6 / s : 0), $2 + $3, $1 / 1024, status
  }'
}

q() { printf '%q' "$1"; }

declare -A wall rss_kb cpu_s

# sqlite_floor_prepare DB DIR: SQLite's own floor for --to sqlite. The rows
# of a database digest wrote, as one CSV file per table, and DIR/load.sql:
# the sqlite3 program creating the same tables, importing the rows in one
# transaction and building the same indexes as digest's first run does
# (secondary index after the load, FTS 'rebuild' without automerge, then
# WAL). CSV has no NULL: NULL columns come back as ''. Untimed.
sqlite_floor_prepare() {
  local db=$1 dir=$2 t
  local tables="meta sources digests entries authors entry_authors"
  rm -rf "$dir" && mkdir -p "$dir" || return 1
  {
    echo "PRAGMA page_size = $(sqlite3 "$db" "PRAGMA page_size");"
    echo "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;"
    # The tables as digest created them, entries_fts (not its shadow tables) included.
    sqlite3 "$db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\\' AND name NOT LIKE 'entries\_fts\_%' ESCAPE '\\' ORDER BY rowid"
    echo "BEGIN;"
    for t in $tables; do
      sqlite3 -csv "$db" "SELECT * FROM $t" >"$dir/$t.csv" || return 1
      echo ".import --csv $dir/$t.csv $t"
    done
    echo "COMMIT;"
    echo "BEGIN;"
    sqlite3 "$db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
    echo "INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0);"
    echo "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');"
    echo "INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 4);"
    sqlite3 "$db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'trigger'"
    echo "COMMIT;"
    echo "PRAGMA journal_mode = WAL;"
  } >"$dir/load.sql"
}

# ratio NUMERATOR_LABEL DENOMINATOR_LABEL: wall-time ratio, or "n/a" when either failed.
ratio() {
  local a=${wall[$1]:-} b=${wall[$2]:-}
  if [ -z "$a" ] || [ -z "$b" ]; then echo n/a; else awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }'; fi
}
# mbps LABEL BYTES: throughput on the wall clock, and on CPU time in brackets.
mbps() {
  local ns=${wall[$1]:-} cpu=${cpu_s[$1]:-}
  if [ -z "$ns" ]; then
    echo n/a
  else
    awk -v ns="$ns" -v cpu="$cpu" -v bytes="$2" 'BEGIN {
      printf "%.0f", bytes / 1e6 / (ns / 1e9)
      if (cpu > 0) printf " (cpu: %.0f)", bytes / 1e6 / cpu
    }'
  fi
}

# The issues' targets, from the rows just measured.
print_targets() {
  local bytes=$1
  echo "targets (MB/s on the wall clock; on CPU time in brackets):"
  echo "  convert --to jsonl dir -j1: $(mbps "digest convert --to jsonl dir -j1" "$bytes") MB/s (issue 6: >= 400; issue 2: >= 300)"
  echo "  convert .tar.gz -j1 throughput / zcat's: $(ratio "zcat (.tar.gz)" "digest convert --to jsonl .tar.gz -j1") (>= 0.80)"
  echo "  convert dir -j2 speed-up over -j1: $(ratio "digest convert --to jsonl dir -j1" "digest convert --to jsonl dir -j2")x (>= 1.7)"
  echo "  convert --to sqlite dir -j2 / --to jsonl dir -j2 throughput: $(ratio "digest convert --to jsonl dir -j2" "digest convert --to sqlite dir -j2") (issue 16: >= 0.5)"
  echo "  convert --to sqlite dir -j2 time / SQLite's floor (same rows and indexes): $(ratio "digest convert --to sqlite dir -j2" "sqlite3 .import + same indexes (floor)") (issue 16, restated: <= 1.2)"
  echo "  validate dir -j1: $(mbps "digest validate dir -j1" "$bytes") MB/s (>= 500); -j2 speed-up: $(ratio "digest validate dir -j1" "digest validate dir -j2")x (>= 1.7)"
  echo "  fmt --check dir: $(mbps "digest fmt --check dir" "$bytes") MB/s (>= 300); -j2 speed-up: $(ratio "digest fmt --check dir" "digest fmt --check dir -j2")x (like validate's)"
  echo "  digest diff time / diff -u time: pair $(ratio "digest diff (concatenated pair)" "diff -u (concatenated pair)"), directories $(ratio "digest diff (directories)" "diff -u (concatenated pair)") (<= 2)"
  echo "  digest diff directories / diff -r directories: $(ratio "digest diff (directories)" "diff -r (directories)")"
  local rss=${rss_kb["digest convert --to jsonl dir -j1"]:-}
  [ -n "$rss" ] && echo "  convert dir -j1 peak RSS: $((rss / 1024)) MiB (issue 2: < 64 MiB; issue 6: same within 10% for 300 MB and 1 GB)"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "digestkit end-to-end benchmark"
echo "host: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
if [ -x "$digest" ]; then
  echo "digest: $digest ($("$digest" --version 2>&1 | head -n 1))"
else
  echo "digest: $digest (not found: its rows will fail)"
fi
echo "repeat: best of $repeat"

for mb in "${sizes[@]}"; do
  if ! prepare_data "$mb"; then
    echo "could not generate the $mb MB archive; skipped"
    continue
  fi
  dir=$cache/mb$mb
  v1=$dir/v1 v2=$dir/v2 tgz=$dir/v1.tar.gz
  v1_bytes=$(find "$v1" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  v2_bytes=$(find "$v2" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  files=$(find "$v1" -name '*.txt' | wc -l)
  pair_bytes=$((v1_bytes + v2_bytes))
  echo
  echo "== $mb MB archive: $files files, $v1_bytes bytes; .tar.gz $(stat -c %s "$tgz") bytes; edited copy $v2_bytes bytes =="
  printf '%-44s %8s %8s %8s %8s  %s\n' command "wall s" "MB/s" "cpu s" "RSS MiB" status
  list="find $(q "$v1") -name '*.txt' -print0 | LC_ALL=C sort -z"
  D=$(q "$digest")
  run_row "cat (directory)" "$v1_bytes" 0 "$list | xargs -0 cat"
  run_row "wc -l (directory)" "$v1_bytes" 0 "$list | xargs -0 wc -l"
  run_row "cat (one concatenated file)" "$v1_bytes" 0 "cat $(q "$dir/v1.txt")"
  run_row "wc -l (one concatenated file)" "$v1_bytes" 0 "wc -l $(q "$dir/v1.txt")"
  run_row "zcat (.tar.gz)" "$v1_bytes" 0 "zcat $(q "$tgz")"
  run_row "digest convert --to jsonl dir -j1" "$v1_bytes" 0 "$D convert --to jsonl -j 1 $(q "$v1")"
  run_row "digest convert --to jsonl dir -j2" "$v1_bytes" 0 "$D convert --to jsonl -j 2 $(q "$v1")"
  run_row "digest convert --to jsonl .tar.gz -j1" "$v1_bytes" 0 "$D convert --to jsonl -j 1 $(q "$tgz")"
  run_row "digest convert --to jsonl .tar.gz -j2" "$v1_bytes" 0 "$D convert --to jsonl -j 2 $(q "$tgz")"
  # A new database each time: the first conversion, not the re-run that skips every digest.
  run_row "digest convert --to sqlite dir -j2" "$v1_bytes" 0 "rm -f $(q "$tmp/a.db")* && $D convert -q --to sqlite -j 2 -o $(q "$tmp/a.db") $(q "$v1")"
  run_row "digest convert --to sqlite re-run -j2" "$v1_bytes" 0 "$D convert -q --to sqlite -j 2 -o $(q "$tmp/a.db") $(q "$v1")"
  if command -v sqlite3 >/dev/null && sqlite_floor_prepare "$tmp/a.db" "$tmp/floor"; then
    run_row "sqlite3 .import + same indexes (floor)" "$v1_bytes" 0 "rm -f $(q "$tmp/floor.db")* && sqlite3 -bail $(q "$tmp/floor.db") <$(q "$tmp/floor/load.sql")"
  else
    run_row "sqlite3 .import + same indexes (floor)" "$v1_bytes" 0 "echo 'no sqlite3 program, or no database from the sqlite row' >&2; exit 127"
  fi
  rm -rf "$tmp/floor" "$tmp/floor.db"*
  run_row "digest validate dir -j1" "$v1_bytes" 0 "$D validate -j 1 $(q "$v1")"
  run_row "digest validate dir -j2" "$v1_bytes" 0 "$D validate -j 2 $(q "$v1")"
  run_row "digest fmt --check dir" "$v1_bytes" 0 "$D fmt --check $(q "$v1")"
  run_row "digest fmt --check dir -j2" "$v1_bytes" 0 "$D fmt --check -j 2 $(q "$v1")"
  run_row "diff -u (concatenated pair)" "$pair_bytes" 1 "diff -u $(q "$dir/v1.txt") $(q "$dir/v2.txt")"
  run_row "digest diff (concatenated pair)" "$pair_bytes" 1 "$D diff $(q "$dir/v1.txt") $(q "$dir/v2.txt")"
  run_row "diff -r (directories)" "$pair_bytes" 1 "diff -r $(q "$v1") $(q "$v2")"
  run_row "digest diff (directories)" "$pair_bytes" 1 "$D diff $(q "$v1") $(q "$v2")"
  print_targets "$v1_bytes"
done

# digest extract: N copies of every saved page, HTML and text dumps apart.
[ ${#page_copies[@]} -eq 0 ] && page_copies=(20 100)
if [ -d "$pages_dir" ] && ls "$pages_dir"/*.html >/dev/null 2>&1; then
  for copies in "${page_copies[@]}"; do
    pdir=$cache/pages-$copies
    if [ ! -f "$pdir/stamp" ] || [ "$(cat "$pdir/stamp")" != "$copies $(ls "$pages_dir" | wc -l)" ]; then
      rm -rf "$pdir" && mkdir -p "$pdir/html" "$pdir/txt"
      for ((c = 0; c < copies; c++)); do
        for f in "$pages_dir"/*.html; do cp "$f" "$pdir/html/$c-$(basename "$f")"; done
        for f in "$pages_dir"/*.txt; do cp "$f" "$pdir/txt/$c-$(basename "$f")"; done
      done
      echo "$copies $(ls "$pages_dir" | wc -l)" >"$pdir/stamp"
    fi
    html_bytes=$(find "$pdir/html" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    txt_bytes=$(find "$pdir/txt" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    D=$(q "$digest")
    echo
    echo "== saved pages x$copies: $(ls "$pdir/html" | wc -l) HTML pages ($html_bytes bytes), $(ls "$pdir/txt" | wc -l) text dumps ($txt_bytes bytes) =="
    printf '%-44s %8s %8s %8s %8s  %s\n' command "wall s" "MB/s" "cpu s" "RSS MiB" status
    run_row "cat (HTML pages) x$copies" "$html_bytes" 0 "find $(q "$pdir/html") -type f -print0 | xargs -0 cat"
    run_row "digest extract HTML pages -j1 x$copies" "$html_bytes" 0 "$D extract -j 1 $(q "$pdir/html")"
    run_row "cat (text dumps) x$copies" "$txt_bytes" 0 "find $(q "$pdir/txt") -type f -print0 | xargs -0 cat"
    run_row "digest extract text dumps -j1 x$copies" "$txt_bytes" 0 "$D extract -j 1 $(q "$pdir/txt")"
    echo "targets (MB/s on the wall clock; on CPU time in brackets):"
    echo "  extract HTML -j1: $(mbps "digest extract HTML pages -j1 x$copies" "$html_bytes") MB/s (issue 14: >= 50)"
    echo "  extract text dumps -j1: $(mbps "digest extract text dumps -j1 x$copies" "$txt_bytes") MB/s (issue 14: >= 200)"
    rss=${rss_kb["digest extract HTML pages -j1 x$copies"]:-}
    [ -n "$rss" ] && echo "  extract HTML -j1 peak RSS: $((rss / 1024)) MiB (issue 14: flat in the number of pages)"
  done
else
  echo
  echo "no saved pages at $pages_dir: digest extract not measured (--pages DIR)"
fi
