#!/usr/bin/env bash
# Spell checking beside klpt (check_spelling / correct_spelling).
#
# Usage: bench/spell.sh [SENTENCES]   (sentences per development set, default 3000)
#
# 1. `cargo xtask eval-spell` scores sorani on the learner-like and news-like
#    development sets it builds from ../shared/data ($SORANI_SHARED_DIR first)
#    and writes them as TSV to a temporary directory;
# 2. bench/spell_peers.py scores klpt on a sample of the same sets and word
#    lists, in the throwaway venv of bench/setup-peers.sh (klpt corrects
#    ~100 words/s);
#    It also keeps the learner list's rows whose correction klpt accepts,
#    which sorani is then scored on too (`eval-spell --list`);
# 3. the criterion bench `spell` gives sorani's speed: the verdict on every
#    word of running text, checking it with suggestions, and suggesting for
#    misspelt words, single thread.
# Nothing built here is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"
dev=$(mktemp -d)
trap 'rm -rf "$dev"' EXIT

echo "== sorani (cargo xtask eval-spell)"
cargo xtask eval-spell --sentences "$n" --write-dev "$dev"

echo
echo "== klpt"
if py=$(bench/setup-peers.sh | tail -1) && [ -f "$dev/learner.tsv" ]; then
  "$py" bench/spell_peers.py "$dev"
else
  echo "peer venv or development sets unavailable: skipping klpt"
fi

if [ -f "$dev/learner-dictionary-list.tsv" ]; then
  echo
  echo "== sorani on the rows whose correction klpt accepts (cargo xtask eval-spell --list)"
  cargo xtask eval-spell --sentences "$n" --list "$dev/learner-dictionary-list.tsv" | sed -n '/learner-dictionary-list/,$p'
fi

echo
echo "== sorani speed (criterion, single thread)"
cargo bench -p sorani --bench spell 2>&1 | grep -E "^spell/|time:|thrpt:"
