#!/usr/bin/env bash
# Throughput of the `sorani` release binary on ~100 MB of real Sorani text,
# beside the Python peers klpt and asosoft on a slice of the same file.
#
#   bench/throughput.sh [SIZE_MB]        (default 100)
#
# Builds two corpora in $TMPDIR (default /tmp) from ../shared/data (or
# $SORANI_SHARED_DIR), repeated up to SIZE_MB:
#   clean   the awta-en-ckb Sorani side after `sorani normalize` (text that
#           needs no change),
#   legacy  the raw ktc-textbooks chapters (Arabic KAF/YEH, ZWNJ, tatweel...).
# For each subcommand it prints MB/s on one core (taskset) and on two (best
# of RUNS=3 runs), the CPU time, and the peak memory (/usr/bin/time). The
# peers are far slower, so they are timed on the first PEER_MB (default 2;
# 0.2 for klpt's word tokenizer) of the same file, and the ratio compares
# MB/s to MB/s. It then times the spell checker's start-up (one correct and
# one misspelt word from a fresh process), and finally runs normalize,
# tokenize and sentences on one line of the whole legacy corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-100}"
peer_mb="${PEER_MB:-2}"
shared="${SORANI_SHARED_DIR:-../shared}"
tmp="${TMPDIR:-/tmp}/sorani-bench"
mkdir -p "$tmp"
if [ ! -d "$shared/data/awta-en-ckb" ] || [ ! -d "$shared/data/ktc-textbooks" ]; then
  echo "skipped: $shared/data not found (set SORANI_SHARED_DIR)"; exit 0
fi

cargo build --release -q -p sorani-cli
bin="$PWD/target/release/sorani"

target=$((size_mb * 1000 * 1000))
build_corpus() { # NAME SOURCE-FILE
  local out="$tmp/$1.txt"
  if [ ! -s "$out" ] || [ "$(stat -c %s "$out")" -lt "$target" ]; then
    : > "$out"
    while [ "$(stat -c %s "$out")" -lt "$target" ]; do cat "$2" >> "$out"; done
  fi
  echo "$out"
}
"$bin" normalize "$shared/data/awta-en-ckb/100000_samples_ku.txt" -o "$tmp/awta-normalized.txt"
find "$shared/data/ktc-textbooks" -name '*.txt' -print0 | sort -z | xargs -0 cat > "$tmp/ktc-raw.txt"
clean=$(build_corpus clean "$tmp/awta-normalized.txt")
legacy=$(build_corpus legacy "$tmp/ktc-raw.txt")
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }
echo "corpora: clean $(mb "$clean") MB, legacy $(mb "$legacy") MB (in $tmp)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# run CORES FILE ARGS... -> prints "wall_s cpu_s maxrss_kb", the run with
# the least wall time of RUNS (default 3): single runs of well under a second
# are at the mercy of the machine's other work.
run() {
  local cores=$1 file=$2; shift 2
  # The process is pinned to the first CORES cores (its reader, writer and
  # worker threads share them), so "1" is one core, not one worker thread.
  local cpus; cpus="0-$((cores - 1))"
  : > "$tmp/times.txt"
  for _ in $(seq "${RUNS:-3}"); do
    # Wall time from the clock in nanoseconds (/usr/bin/time rounds to 10 ms,
    # a tenth of a fast run); CPU time and peak memory from /usr/bin/time.
    local t0 t1; t0=$(date +%s%N)
    # (exit status 1 is `sorani spell` reporting findings; /usr/bin/time then
    # writes a line of its own before the figures)
    taskset -c "$cpus" /usr/bin/time -f "%U %S %M" -o "$tmp/time.txt" "$bin" "$@" "$file" > /dev/null || [ $? -eq 1 ]
    t1=$(date +%s%N)
    echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }') $(tail -1 "$tmp/time.txt")" >> "$tmp/times.txt"
  done
  sort -n "$tmp/times.txt" | head -1 | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}

declare -A sorani_mbs
printf "%-28s %10s %10s %10s %10s %9s\n" "sorani" "MB/s 1core" "MB/s 2core" "CPU MB/s" "speed-up" "peak MB"
for spec in "normalize clean normalize" "normalize legacy normalize" \
  "normalize-no-restore clean normalize --restore never" "normalize-no-restore legacy normalize --restore never" \
  "tokenize clean tokenize" "sentences clean sentences" \
  "stem clean stem" "lemma clean lemma" "analyze clean analyze"; do
  set -- $spec
  name="$1 ($2)"; file=$([ "$2" = clean ] && echo "$clean" || echo "$legacy"); shift 2
  read -r w1 c1 m1 < <(run 1 "$file" "$@")
  read -r w2 c2 m2 < <(run 2 "$file" "$@")
  bytes=$(stat -c %s "$file")
  one=$(awk -v b="$bytes" -v t="$w1" 'BEGIN { printf "%.1f", b / 1e6 / t }')
  two=$(awk -v b="$bytes" -v t="$w2" 'BEGIN { printf "%.1f", b / 1e6 / t }')
  cpu=$(awk -v b="$bytes" -v t="$c1" 'BEGIN { printf "%.1f", b / 1e6 / t }')
  up=$(awk -v a="$w1" -v b="$w2" 'BEGIN { printf "%.2fx", a / b }')
  peak=$(( (m1 > m2 ? m1 : m2) / 1024 ))
  sorani_mbs["$name"]=$one
  printf "%-28s %10s %10s %10s %10s %9s\n" "$name" "$one" "$two" "$cpu" "$up" "$peak"
done
echo "(MB/s = input bytes / wall time; CPU MB/s = input bytes / user+sys time on one core, the figure to read on a loaded machine;"
echo " normalize runs restoration's screen on every line and its detection on the lines the screen is not sure of (--restore auto,"
echo " the default); normalize-no-restore is the normalizer alone, as issue #2 specifies it;"
echo " analyze writes about 40 bytes of JSON per input byte)"
echo

# The spell checker's start-up: one word checked, from a fresh process (the
# lexicon read, and for a misspelt word the suggestion index built).
printf 'ماڵ\n' > "$tmp/spell-correct.txt"
printf 'ماڵێكككک\n' > "$tmp/spell-misspelt.txt"
for kind in correct misspelt; do
  for cores in 1 2; do
    read -r w c m < <(run "$cores" "$tmp/spell-$kind.txt" spell --words)
    printf "spell --words, one %-8s word, %d core(s): %6ss wall, peak %d MB\n" "$kind" "$cores" "$w" "$((m / 1024))"
  done
done
echo

python=$(bench/setup-peers.sh 2>/dev/null | tail -1)
slice() { # FILE MB -> slice path, cut at a line end
  local out="$tmp/slice-$(basename "$1" .txt)-$2.txt"
  head -c "$(awk -v m="$2" 'BEGIN { printf "%d", m * 1e6 }')" "$1" | sed '$d' > "$out"
  echo "$out"
}
printf "%-34s %10s %14s %14s\n" "peer (same file, first MB)" "MB/s" "sorani MB/s" "sorani/peer"
peer() { # TASK SORANI-NAME FILE MB
  local s; s=$(slice "$3" "$4")
  local r; r=$("$python" bench/peers.py "$1" "$s" 2>/dev/null | awk '{ print $2 }')
  local ours=${sorani_mbs["$2"]}
  printf "%-34s %10s %14s %14s\n" "$1 ($4 MB)" "$r" "$ours" "$(awk -v a="$ours" -v b="$r" 'BEGIN { if (b > 0) printf "%.0fx", a / b; else print "-" }')"
}
peer klpt-normalize "normalize (legacy)" "$legacy" "$peer_mb"
peer asosoft-normalize "normalize (legacy)" "$legacy" "$peer_mb"
peer klpt-normalize "normalize (clean)" "$clean" "$peer_mb"
peer asosoft-normalize "normalize (clean)" "$clean" "$peer_mb"
peer klpt-tokenize "tokenize (clean)" "$clean" "${PEER_TOKENIZE_MB:-0.2}"
peer klpt-sentences "sentences (clean)" "$clean" "$peer_mb"
echo

# One line of SIZE_MB: no panic, linear time, memory about the line's size.
tr '\n' ' ' < "$legacy" > "$tmp/one-line.txt"
echo "one $(mb "$tmp/one-line.txt") MB line (legacy text, newlines turned to spaces):"
for sub in normalize tokenize sentences; do
  read -r w c m < <(run 2 "$tmp/one-line.txt" "$sub")
  printf "  %-10s %6ss wall, peak %d MB\n" "$sub" "$w" "$((m / 1024))"
done
