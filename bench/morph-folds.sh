#!/usr/bin/env bash
# Cross-validation of the lemmatizer over the four development folds.
#
# Usage: bench/morph-folds.sh [OUT_DIR]   (default: a temporary directory)
#
# `cargo xtask eval-morph` scores lemmas unseen by the generator on one fifth
# of the UniMorph lemmas (the dev part) and reports another fifth (held out,
# never learned, never looked at). A single fifth is small (about 130 rows),
# so for each fold k = 0..3 this regenerates the stem lexicon with
# SORANI_MORPH_FOLD=k (the dev part becomes another fifth; the held-out part
# stays out of every fold), rebuilds, writes `eval-morph --misses` to
# OUT_DIR/fold-k.txt and prints the lemma accuracy of its parts. The shipped
# lexicon is regenerated at the end (it is the fold 0 one).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
restore() { SORANI_MORPH_FOLD=0 cargo -q xtask morph >/dev/null; }
trap restore EXIT
for k in 0 1 2 3; do
  SORANI_MORPH_FOLD=$k cargo -q xtask morph >/dev/null
  SORANI_MORPH_FOLD=$k cargo -q xtask eval-morph --misses >"$out/fold-$k.txt"
  printf 'fold %s: %s\n' "$k" "$(grep -E 'lemmas \(' "$out/fold-$k.txt" | awk '{printf "%s %s  ", $1, $(NF-1)}')"
done
echo "misses per fold in $out"
