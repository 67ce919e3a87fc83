#!/usr/bin/env bash
# Creates a throwaway virtual environment with the Python tools sorani is
# compared against (see ../shared/PEERS.md). They are never dependencies of the
# project: only the benchmark and evaluation scripts under bench/ use them.
# Usage: bench/setup-peers.sh [VENV_DIR]   (default: /tmp/sorani-peers-venv)
# Prints the venv's python path on its last line.
set -euo pipefail
venv="${1:-${SORANI_PEERS_VENV:-/tmp/sorani-peers-venv}}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import klpt, asosoft, ckb_textify, kurdish_sorani_tools, kurdish, ckb_g2p" 2>/dev/null; then
  "$venv/bin/pip" install -q klpt asosoft ckb-textify kurdish-sorani-tools kurdish ckb-g2p >&2
fi
echo "$venv/bin/python"
