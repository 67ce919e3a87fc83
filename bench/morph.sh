#!/usr/bin/env bash
# Times `sorani stem` / `sorani lemma` / `sorani analyze` beside KLPT's stem and analyze on the
# same words (one word per line), single process, wall clock and CPU via /usr/bin/time.
# Usage: bench/morph.sh [WORDS]  (default: 200,000 words of ../shared/data/awta-en-ckb,
#         normalized; peers from bench/setup-peers.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SORANI_SHARED_DIR:-../shared}"
n="${1:-200000}"
src="$shared/data/awta-en-ckb/100000_samples_ku.txt"
if [ ! -f "$src" ]; then
  echo "bench/morph.sh: $src not found; skipping" >&2
  exit 0
fi
cargo build -q --release -p sorani-cli
bin=target/release/sorani
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" normalize "$src" | "$bin" tokenize --kinds word | tr ' ' '\n' | grep -v '^$' | head -n "$n" > "$tmp/words.txt"
words=$(wc -l < "$tmp/words.txt")
echo "words: $words"
timeit() { # name command...
  local name="$1"; shift
  /usr/bin/time -f "%e %U" -o "$tmp/t" "$@" > /dev/null
  read -r wall user < "$tmp/t"
  awk -v n="$words" -v w="$wall" -v u="$user" -v name="$name" \
    'BEGIN { printf "%-16s %8.2f s wall %8.2f s user %12.0f words/s (user)\n", name, w, u, (u > 0 ? n / u : 0) }'
}
export RAYON_NUM_THREADS=1
timeit "sorani stem" "$bin" stem "$tmp/words.txt"
timeit "sorani lemma" "$bin" lemma "$tmp/words.txt"
timeit "sorani analyze" "$bin" analyze --best "$tmp/words.txt"
python="$(bench/setup-peers.sh 2>/dev/null | tail -1 || true)"
if [ -n "$python" ] && [ -x "$python" ]; then
  timeit "klpt stem" "$python" bench/morph_klpt.py stem < "$tmp/words.txt"
  timeit "klpt analyze" "$python" bench/morph_klpt.py analyze < "$tmp/words.txt"
else
  echo "KLPT not available (bench/setup-peers.sh failed): peer rows skipped"
fi
