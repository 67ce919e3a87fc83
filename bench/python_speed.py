#!/usr/bin/env python3
"""Speed of the `sorani` Python package beside klpt, on the same text.

Usage: python bench/python_speed.py [--mb N] [--peers PYTHON]

Builds a corpus of about N MB (default 20) of Sorani sentences from
../shared/data/awta-en-ckb (or $SORANI_SHARED_DIR), then times, in this
process, sorani's batch functions over a Python list and its Arrow functions
over a pyarrow column (all cores, GIL released) and, in the peers'
venv (bench/setup-peers.sh), klpt's functions on a slice of the same lines
(klpt is too slow for the whole corpus; its rate is measured on the slice and
the slice size is printed). Prints MB/s and the sorani/klpt ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import sorani

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("SORANI_SHARED_DIR", REPO.parent / "shared"))


def corpus(megabytes: float) -> list[str]:
    source = shared_dir() / "data" / "awta-en-ckb" / "100000_samples_ku.txt"
    if not source.exists():
        sys.exit(f"skipped: {source} is absent (set SORANI_SHARED_DIR)")
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    out, size = [], 0
    while size < megabytes * 1e6:
        for line in lines:
            out.append(line)
            size += len(line.encode("utf-8")) + 1
            if size >= megabytes * 1e6:
                break
    return out


def rate(lines: list[str], function, runs: int = 3) -> float:
    """MB/s of the best of `runs` runs (the first warms caches and threads)."""
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function(lines)
        best = min(best, time.perf_counter() - start)
    return size / 1e6 / best


KLPT = textwrap.dedent(
    """
    import json, sys, time
    from klpt.preprocess import Preprocess
    from klpt.tokenize import Tokenize
    from klpt.transliterate import Transliterate
    from klpt.stem import Stem
    lines = json.load(sys.stdin)
    size = sum(len(l.encode("utf-8")) + 1 for l in lines)
    pre = Preprocess("Sorani", "Arabic", numeral="Latin")
    tok = Tokenize("Sorani", "Arabic")
    tr = Transliterate("Sorani", "Arabic", target_script="Latin")
    st = Stem("Sorani", "Arabic")
    def timed(f, subset):
        s = sum(len(l.encode("utf-8")) + 1 for l in subset)
        t = time.perf_counter()
        for l in subset:
            try:
                f(l)
            except Exception:
                pass
        return {"mb_s": s / 1e6 / (time.perf_counter() - t), "bytes": s}
    out = {
        "normalize": timed(pre.preprocess, lines),
        "tokenize": timed(tok.word_tokenize, lines[:200]),
        "transliterate": timed(tr.transliterate, lines[:200]),
        "stem": timed(lambda l: [st.stem(w) for w in l.split()], lines[:200]),
    }
    print(json.dumps(out))
    """
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--peers", help="python of the peers' venv (default: from bench/setup-peers.sh)")
    args = parser.parse_args()
    lines = corpus(args.mb)
    sorani.normalize_batch(lines[:1000])  # load embedded data before timing
    ours = {
        "normalize": rate(lines, sorani.normalize_batch),
        "tokenize": rate(lines, sorani.tokenize_batch),
        "transliterate": rate(lines, sorani.transliterate_batch),
        # The same task as klpt's row (every word of every line), two ways:
        # lines through stem_text_batch, and a Python list of words.
        "stem": rate(lines, sorani.stem_text_batch),
        "stem (words)": rate(lines, lambda ls: sorani.stem_batch([w for l in ls for w in l.split()])),
    }
    try:
        import pyarrow as pa
    except ImportError:
        arrow = {}
    else:
        column = pa.array(lines)
        arrow = {
            "normalize": rate(lines, lambda _: sorani.normalize_arrow(column)),
            "tokenize": rate(lines, lambda _: sorani.tokenize_arrow(column)),
            "transliterate": rate(lines, lambda _: sorani.transliterate_arrow(column)),
            "stem": rate(lines, lambda _: sorani.stem_arrow(column)),
        }
    peers_python = args.peers or subprocess.run(
        [str(REPO / "bench" / "setup-peers.sh")], capture_output=True, text=True, check=True
    ).stdout.strip().splitlines()[-1]
    klpt = json.loads(
        subprocess.run([peers_python, "-c", KLPT], input=json.dumps(lines[:2000]), capture_output=True, text=True, check=True).stdout
    )
    print(f"corpus: {len(lines)} lines, {args.mb:.0f} MB; sorani on {os.cpu_count()} cores (GIL released)")
    print("list = *_batch over a Python list; arrow = *_arrow over a pyarrow column (no Python strings)")
    print("stem: stem_text_batch over the lines; stem (words): stem_batch over a list of their words")
    print("sorani: best of 3 runs; klpt: one run over the slice")
    print(f"{'task':<14}{'list MB/s':>11}{'arrow MB/s':>12}{'klpt MB/s':>12}{'klpt slice':>12}{'list/klpt':>11}{'arrow/klpt':>12}")
    for task, mb_s in ours.items():
        peer = klpt[task.split()[0]]
        arrow_mb_s = f"{arrow[task]:.1f}" if task in arrow else "-"
        arrow_ratio = f"{arrow[task] / peer['mb_s']:.0f}x" if task in arrow else "-"
        print(
            f"{task:<14}{mb_s:>11.1f}{arrow_mb_s:>12}{peer['mb_s']:>12.3f}{peer['bytes']:>12}"
            f"{mb_s / peer['mb_s']:>10.0f}x{arrow_ratio:>12}"
        )

if __name__ == "__main__":
    main()
