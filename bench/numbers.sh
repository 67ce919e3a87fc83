#!/usr/bin/env bash
# Number verbalization: accuracy beside the peers on the golden cases, and
# speed on running news text.
#
# Usage: bench/numbers.sh [MEGABYTES]      (news text size, default 64)
#
# 1. builds the release `sorani` binary;
# 2. runs tests/golden/numbers/cases.tsv through sorani, ckb-textify, asosoft
#    Number2Word and kurdish-sorani-tools (bench/numbers_peers.py, in the
#    throwaway venv of bench/setup-peers.sh);
# 3. builds a news text of MEGABYTES from the Sorani news sentences in
#    ../shared/data ($SORANI_SHARED_DIR first) and times `sorani verbalize` and
#    `sorani numbers --to digits` over it, on one thread and on all cores.
# The news text is built at run time in a temporary directory, never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-64}"
shared="${SORANI_SHARED_DIR:-../shared}"

cargo build --release -q -p sorani-cli
bin=target/release/sorani

echo "== accuracy on the golden cases (exact / lenient)"
if py=$(bench/setup-peers.sh | tail -1); then
  "$py" bench/numbers_peers.py --sorani "$bin"
else
  echo "peer venv unavailable: skipping the peer comparison"
fi

echo
echo "== speed on running news text"
news_src=()
for f in "$shared/data/interdialect-parallel/CKB-KMR/CKB-KMR_ckb_no_tag.txt" \
         "$shared/data/interdialect-parallel/CKB-ENG/CKB-ENG.CKB_no_tag.txt"; do
  [ -f "$f" ] && news_src+=("$f")
done
if [ ${#news_src[@]} -eq 0 ]; then
  echo "no news text under $shared/data: skipping the speed test"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
news="$tmp/news.txt"
cat "${news_src[@]}" > "$tmp/one.txt"
while [ "$(stat -c %s "$news" 2>/dev/null || echo 0)" -lt $((size_mb * 1024 * 1024)) ]; do
  cat "$tmp/one.txt" >> "$news"
done
bytes=$(stat -c %s "$news")
lines_with_digits=$(LC_ALL=C.UTF-8 grep -cP '[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}]' "$tmp/one.txt" || true)
echo "news text: $((bytes / 1024 / 1024)) MiB ($(wc -l < "$tmp/one.txt") distinct lines, $lines_with_digits with digits)"

measure() { # label, threads, args...
  local label=$1 threads=$2; shift 2
  local start end secs
  "$bin" "$@" "$news" > /dev/null  # warm the page cache
  start=$(date +%s.%N)
  RAYON_NUM_THREADS=$threads "$bin" "$@" "$news" > /dev/null
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  printf '%-32s %2s thread(s) %8.2f s %8.1f MB/s\n' "$label" "$threads" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)"
}
cores=$(nproc)
measure "sorani verbalize" 1 verbalize
measure "sorani verbalize" "$cores" verbalize
measure "sorani numbers --to digits" 1 numbers --to digits
measure "sorani numbers --to digits" "$cores" numbers --to digits
echo "(whole process, output to /dev/null; library throughput: cargo bench -p sorani --bench number)"
