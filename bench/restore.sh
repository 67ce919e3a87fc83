#!/usr/bin/env bash
# Restoration speed: `sorani normalize` with restoration on, over text typed
# on a legacy keyboard, an Arabic keyboard, set in the Ali-K legacy font, and
# standard text, beside the peers' normalizers (asosoft Normalize, klpt
# preprocess) on the same file.
#
# Usage: bench/restore.sh [MEGABYTES]      (corpus size, default 20)
#
# The corpora are built at run time in a temporary directory by
# `cargo xtask restore-corpus` from awta-en-ckb in ../shared/data
# ($SORANI_SHARED_DIR first), corrupted with the keyboard models of
# `cargo xtask eval-restore`; nothing is committed. Accuracy figures come from
# `cargo xtask eval-restore`.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-20}"
shared="${SORANI_SHARED_DIR:-../shared}"
if [ ! -f "$shared/data/awta-en-ckb/100000_samples_ku.txt" ]; then
  echo "no awta-en-ckb under $shared/data: skipping the restoration benchmark"
  exit 0
fi

cargo build --release -q -p sorani-cli
bin=target/release/sorani
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for noise in legacy arabic ali-k none; do
  cargo xtask restore-corpus --shared "$shared" --noise "$noise" --mb "$size_mb" --out "$tmp/$noise.txt" 2>/dev/null
done

measure() { # label, threads, file, args...
  local label=$1 threads=$2 file=$3; shift 3
  local start end secs bytes
  bytes=$(stat -c %s "$file")
  "$bin" "$@" "$file" > /dev/null  # warm the page cache
  start=$(date +%s.%N)
  RAYON_NUM_THREADS=$threads "$bin" "$@" "$file" > /dev/null
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  printf '%-44s %2s thread(s) %8.2f s %8.1f MB/s\n' "$label" "$threads" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)"
}
cores=$(nproc)
echo "== sorani ($size_mb MB per corpus, whole process, output to /dev/null)"
measure "legacy keyboard: normalize --restore auto" 1 "$tmp/legacy.txt" normalize
measure "legacy keyboard: normalize --restore auto" "$cores" "$tmp/legacy.txt" normalize
measure "legacy keyboard: normalize --restore never" 1 "$tmp/legacy.txt" normalize --restore never
measure "Arabic keyboard: normalize --restore auto" 1 "$tmp/arabic.txt" normalize
measure "Ali-K font: normalize --restore auto" 1 "$tmp/ali-k.txt" normalize
measure "standard text: normalize --restore auto" 1 "$tmp/none.txt" normalize
measure "standard text: normalize --restore always" 1 "$tmp/none.txt" normalize --restore always
measure "legacy keyboard: detect" 1 "$tmp/legacy.txt" detect

echo
echo "== peers on the first 2 MB of the legacy corpus (one process each)"
if py=$(bench/setup-peers.sh | tail -1); then
  # Cut at a line end: a cut inside a character is not valid UTF-8.
  head -c 2000000 "$tmp/legacy.txt" | sed '$d' > "$tmp/peer.txt"
  for peer in asosoft klpt; do
    "$py" - "$peer" "$tmp/peer.txt" <<'PY'
import sys, time
peer, path = sys.argv[1], sys.argv[2]
if peer == "asosoft":
    import asosoft
    f = asosoft.Normalize
else:
    from klpt.preprocess import Preprocess
    f = Preprocess("Sorani", "Arabic", numeral="Latin").preprocess
lines = open(path, encoding="utf-8").read().split("\n")
size = sum(len(l.encode()) + 1 for l in lines)
t = time.time()
for l in lines:
    f(l)
secs = time.time() - t
print(f"{peer + ' normalize':<44}  1 thread(s) {secs:8.2f} s {size / 1e6 / secs:8.1f} MB/s")
PY
  done
else
  echo "peer venv unavailable: skipping the peers"
fi
