#!/usr/bin/env bash
# Reliability benchmark: how digestkit holds up under hostile input and faults.
#
#   bench/reliability.sh [--seconds N] [--digest PATH] [--fuzz-dir DIR] [--work DIR] [--no-large]
#
# 1. Fuzzing: each libFuzzer harness already built in --fuzz-dir (default
#    build-fuzz/fuzz, see scripts/fuzz.sh) runs for --seconds (default 30);
#    per harness: inputs executed, mutations tried (executions after the seed
#    corpus), new corpus units, crashes (crash-/leak-/timeout-/oom- files) and
#    sanitizer reports in its log.
# 2. Faults: every command of --digest (default build/tools/digest/digest) is
#    run against injected faults (output to /dev/full, a closed stdout, a pipe
#    closed early with SIGPIPE ignored; a corrupt gzip trailer, a truncated
#    archive, duplicate members, a bomb); a fault is handled when the command
#    exits 2 (1 for findings where documented) with a message on stderr and
#    no sanitizer report. Reports faults tried / handled, and lists the rest.
# 3. Resources: peak RSS and wall/CPU time (GNU time -v) of validate, fmt and
#    convert on a 1 GB digest file (generated once into --work, default
#    build/reliability-data; --no-large skips it) and on bombs: a .tar.gz of
#    one 900 MB member of NULs and a zip of 1 GB of zeros.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=30
digest=$root/build/tools/digest/digest
fuzz_dir=$root/build-fuzz/fuzz
work=$root/build/reliability-data
large=1
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --digest) digest=$2; shift 2 ;;
    --fuzz-dir) fuzz_dir=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --no-large) large=0; shift ;;
    *) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
mkdir -p "$work"

echo "== fuzzing (${seconds}s per harness)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$root/fuzz/ubsan.supp}
printf '%-16s %12s %12s %8s %8s %10s\n' harness executed mutations crashes reports peak_rss
for exe in "$fuzz_dir"/*_fuzz; do
  [ -x "$exe" ] || continue
  name=$(basename "$exe")
  corpus=$work/corpus-$name
  mkdir -p "$corpus"
  seeds=$root/build-fuzz/seeds/text
  case $name in read_json_fuzz) seeds=$root/build-fuzz/seeds/json ;; config_fuzz) seeds=$root/build-fuzz/seeds/toml ;;
    archive_fuzz) seeds=$root/build-fuzz/seeds/archive ;; esac
  [ -d "$seeds" ] || seeds=$root/testdata
  initial=$(find "$corpus" "$seeds" -type f | wc -l)
  log=$work/$name.log
  dict=()
  [ -f "$root/fuzz/$name.dict" ] && dict=("-dict=$root/fuzz/$name.dict")
  "$exe" -max_total_time="$seconds" -max_len=1048576 -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$work/$name-" "${dict[@]}" "$corpus" "$seeds" > "$log" 2>&1
  executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  crashes=$(find "$work" -maxdepth 1 -name "$name-*" -newer "$corpus" | wc -l)
  reports=$(grep -cE 'runtime error:|ERROR: [A-Za-z]*Sanitizer' "$log")
  printf '%-16s %12s %12s %8s %8s %8sMB\n' "$name" "${executed:-?}" "$(( ${executed:-0} > initial ? ${executed:-0} - initial : 0 ))" \
    "$crashes" "$reports" "${rss:-?}"
done

echo "== faults"
tried=0 handled=0 unhandled=()
fixture=$root/testdata/samples/nerf-2023-03-14.txt
[ -x "$digest" ] || { echo "no digest at $digest"; exit 2; }
# fault NAME EXPECTED_STATUS COMMAND...: runs the command as given (a shell string).
fault() {
  local name=$1 want=$2; shift 2
  tried=$((tried + 1))
  local err status
  err=$(bash -c "$*" 2>&1 >/dev/null | head -c 2000; exit "${PIPESTATUS[0]}")
  status=$?
  if [[ " $want " == *" $status "* ]] && [ -n "$err" ] && ! grep -qE 'runtime error|Sanitizer' <<< "$err"; then
    handled=$((handled + 1))
  else
    unhandled+=("$name (exit $status)")
  fi
}
for cmd in "validate $fixture" "validate --format json $fixture" "validate --format sarif $fixture" \
  "validate --format github $fixture" "fmt $fixture" "diff $fixture $root/testdata/samples/ssl-2023-05-02.txt" \
  "diff --format json $fixture $fixture" "convert --to jsonl $fixture" "convert --to csv $fixture" \
  "--help" "--version" "validate --list-rules" "validate --explain DG103"; do
  fault "$cmd > /dev/full" 2 "'$digest' $cmd > /dev/full"
  fault "$cmd >&-" 2 "'$digest' $cmd >&-"
  fault "$cmd | EPIPE" 2 "trap '' PIPE; '$digest' $cmd | head -c 0; exit \${PIPESTATUS[0]}"
done
tar_tree=$work/tree
rm -rf "$tar_tree" && mkdir -p "$tar_tree/posts" && cp "$root"/testdata/samples/*.txt "$tar_tree/posts/"
tar -C "$tar_tree" -czf "$work/good.tar.gz" posts
python3 - "$work/good.tar.gz" "$work/crc.tar.gz" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[-8] ^= 1; open(sys.argv[2], "wb").write(b)
PY
head -c $(( $(stat -c %s "$work/good.tar.gz") / 2 )) "$work/good.tar.gz" > "$work/cut.tar.gz"
tar -C "$tar_tree" -cf "$work/dup.tar" posts posts
for cmd in validate fmt "convert --to jsonl"; do
  fault "$cmd crc.tar.gz" 2 "'$digest' $cmd '$work/crc.tar.gz'"
  fault "$cmd cut.tar.gz" 2 "'$digest' $cmd '$work/cut.tar.gz'"
  fault "$cmd dup.tar" 2 "'$digest' $cmd '$work/dup.tar'"
done
fault "diff dup.tar dup.tar" 2 "'$digest' diff '$work/dup.tar' '$work/dup.tar'"
echo "faults tried: $tried, handled: $handled"
for u in "${unhandled[@]}"; do echo "  not handled: $u"; done

echo "== resources"
[ -f "$work/bomb.tar.gz" ] || python3 - "$work/bomb.tar.gz" <<'PY'
import io, sys, tarfile, zlib
# One member of 900 MB of NULs, compressed as it streams.
size = 900 * 10**6
info = tarfile.TarInfo("posts/nul.txt"); info.size = size
with open(sys.argv[1], "wb") as out:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out.write(z.compress(info.tobuf(tarfile.GNU_FORMAT)))
    block = bytes(1 << 20)
    left = size
    while left > 0:
        n = min(left, len(block)); out.write(z.compress(block[:n])); left -= n
    out.write(z.compress(bytes((512 - size % 512) % 512 + 1024)))
    out.write(z.flush())
PY
[ -f "$work/zeros.zip" ] || python3 - "$work/zeros.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("posts/zeros.txt", "w", force_zip64=True) as f:
        block = bytes(1 << 20)
        for _ in range(1024): f.write(block)
PY
inputs=("$work/bomb.tar.gz" "$work/zeros.zip")
if [ "$large" = 1 ]; then
  if [ ! -f "$work/1g.txt" ]; then
    # A 1 GB digest: the samples' entries repeated under one category and
    # date line (one valid digest of about 2.3 million entries).
    python3 - "$root/testdata/samples/nerf-2023-03-14.txt" "$work/1g.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
date_end = text.index("\u66f4\u65b0\n\n") + len("\u66f4\u65b0\n\n")
head, rest = text[:date_end], text[date_end:]
body = rest[: rest.rindex("文章作者")]
footer = rest[len(body):]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(head); written = 0
    while written < 10**9: out.write(body); written += len(body.encode())
    out.write(footer)
PY
  fi
  inputs+=("$work/1g.txt")
fi
printf '%-34s %10s %10s %12s %6s\n' case wall_s cpu_s peak_rss_MB exit
for input in "${inputs[@]}"; do
  for cmd in validate fmt "convert --to jsonl"; do
    /usr/bin/time -v -o "$work/time.txt" "$digest" $cmd "$input" > /dev/null 2> "$work/stderr.txt"
    status=$?
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
    printf '%-34s %10s %10s %12s %6s   stderr %s bytes\n' "$cmd $(basename "$input")" "$wall" "$cpu" "$rss" "$status" \
      "$(wc -c < "$work/stderr.txt")"
  done
done
