#!/usr/bin/env bash
# Transliteration beside the peers: word accuracy on the development pairs
# (../shared/data/wergor-transliteration and unimorph-ckb; the same held-out
# fifth as `cargo xtask eval-translit`) and single-core speed on clean Sorani
# text (../shared/data/awta-en-ckb), for sorani, asosoft (Ar2La/La2Ar), klpt
# (Transliterate) and kurdish (Hemwar).
#
# Usage: bench/translit.sh [SPEED_BYTES]   (default 10000000 for sorani: on
# 1 MB, two fifths of a whole-process run is start-up; peers get a smaller slice
# scaled to their speed). Needs bench/setup-peers.sh's venv.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SORANI_SHARED_DIR:-$(pwd)/../shared}"
if [ ! -d "$shared/data/wergor-transliteration" ]; then
  echo "bench/translit.sh: $shared/data is absent; nothing to measure" >&2
  exit 0
fi
py="$(bench/setup-peers.sh | tail -n 1)"
# SORANI_BIN=path/to/sorani skips the release build (its speed line is then that binary's).
if [ -z "${SORANI_BIN:-}" ]; then
  cargo build --release -q -p sorani-cli
fi
sorani="${SORANI_BIN:-$(pwd)/target/release/sorani}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

SORANI="$sorani" SHARED="$shared" WORK="$work" SPEED_BYTES="${1:-10000000}" "$py" - <<'PY'
import os, subprocess, time, resource, sys, io, contextlib
sorani, shared, work = os.environ["SORANI"], os.environ["SHARED"], os.environ["WORK"]

def run(args, text):
    return subprocess.run([sorani] + args, input=text.encode(), capture_output=True, check=True).stdout.decode()

# Gold pairs (latin, arabic), tokens with repeats, as in `cargo xtask eval-translit`.
pairs = {"wergor": [], "unimorph": []}
with open(f"{shared}/data/wergor-transliteration/token_pairs_latin_arabic.tsv") as f:
    next(f)
    for line in f:
        la, _, ar = line.rstrip("\n").partition("\t")
        if la.strip() and ar.strip():
            pairs["wergor"].append((la.strip(), ar.strip()))
A = [l.rstrip("\n").split("\t") for l in open(f"{shared}/data/unimorph-ckb/arab/ckb-arab.train")]
L = [l.rstrip("\n").split("\t") for l in open(f"{shared}/data/unimorph-ckb/latn/ckb-latn.train")]
for a, l in zip(A, L):
    for k in (0, 1):
        if k < len(a) and k < len(l) and not any(c in a[k] + l[k] for c in " +"):
            pairs["unimorph"].append((l[k], a[k]))

def fnv(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h

def canon(s):
    return s.strip().lower().replace("ë", "’").replace("'", "’")

import asosoft
from klpt.transliterate import Transliterate
from kurdish.ku import Hemwar
klpt_a2l = Transliterate("Sorani", "Arabic", target_script="Latin")
klpt_l2a = Transliterate("Sorani", "Latin", target_script="Arabic")
hemwar = Hemwar()

def quiet(fn):
    def wrapped(s):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                return fn(s)
        except Exception:
            return "<error>"
    return wrapped

# sorani: the exception lexicon less its held-out rows (what it gives on words
# it never learned, as the peers never learned them); shipped: as it ships,
# having learned every pair (on held-out words that is memory, not a measure).
a2l = {
    "sorani": None,
    "shipped": None,
    "asosoft": quiet(asosoft.Ar2La),
    "klpt": quiet(klpt_a2l.transliterate),
    "kurdish": quiet(hemwar.transliterate),
}
l2a = {"sorani": None, "asosoft": quiet(asosoft.La2Ar), "klpt": quiet(klpt_l2a.transliterate)}

print("== word accuracy on development pairs (tokens; held-out = the fifth sorani's figures never learned from)")
print(f"{'set':<9} {'part':<9} {'words':>5}  " + "  ".join(f"{'ar→la ' + n:>16}" for n in a2l) + "  " + "  ".join(f"{'la→ar ' + n:>16}" for n in l2a))
for name, ps in pairs.items():
    ars = [a for _, a in ps]
    norm = run(["normalize"], "\n".join(ars) + "\n").split("\n")[: len(ars)]
    held = [fnv(n) % 5 == 0 for n in norm]
    ours_l = run(["translit", "--no-capitalize", "--hold-out-evaluation-words"], "\n".join(ars) + "\n").split("\n")
    shipped_l = run(["translit", "--no-capitalize"], "\n".join(ars) + "\n").split("\n")
    ours_a = run(["translit", "--to", "arabic"], "\n".join(la for la, _ in ps) + "\n").split("\n")
    outs_l = {"sorani": ours_l, "shipped": shipped_l}
    outs_a = {"sorani": ours_a}
    for n, fn in a2l.items():
        if fn:
            outs_l[n] = [fn(a) for a in ars]
    for n, fn in l2a.items():
        if fn:
            outs_a[n] = [fn(la) for la, _ in ps]
    normed_gold_ar = norm
    for part in ("held-out", "all"):
        idx = [i for i in range(len(ps)) if part == "all" or held[i]]
        cells = []
        for n in a2l:
            ok = sum(canon(outs_l[n][i]) == canon(ps[i][0]) for i in idx)
            cells.append(f"{100*ok/len(idx):15.2f}%")
        for n in l2a:
            got = run(["normalize"], "\n".join(outs_a[n][i].strip() for i in idx) + "\n").split("\n")
            ok = sum(got[j] == normed_gold_ar[i] for j, i in enumerate(idx))
            cells.append(f"{100*ok/len(idx):15.2f}%")
        print(f"{name:<9} {part:<9} {len(idx):>5}  " + "  ".join(cells))

print()
print("== speed, one core, CPU seconds (clean Unicode Sorani from awta-en-ckb)")
text = open(f"{shared}/data/awta-en-ckb/100000_samples_ku.txt", encoding="utf-8").read()
def slice_bytes(n):
    b = text.encode()[:n]
    return b[: b.rfind(b"\n") + 1].decode()
big = slice_bytes(int(os.environ["SPEED_BYTES"]))
latin_big = run(["translit", "--no-capitalize"], big)
for label, args, data in (("sorani to_latin", ["translit"], big), ("sorani to_arabic", ["translit", "--to", "arabic"], latin_big)):
    path = f"{work}/in.txt"
    open(path, "w").write(data)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sorani] + args + [path], stdout=subprocess.DEVNULL, check=True, env={**os.environ, "RAYON_NUM_THREADS": "1"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{label:<22} {len(data.encode())/1e6/cpu:10.2f} MB/s  ({len(data.encode())} bytes, whole process)")
for label, fn, n, latin_in in (
    ("asosoft Ar2La", asosoft.Ar2La, 20000, False),
    ("asosoft La2Ar", asosoft.La2Ar, 20000, True),
    ("klpt ar→la", klpt_a2l.transliterate, 100000, False),
    ("klpt la→ar", klpt_l2a.transliterate, 100000, True),
    ("kurdish Hemwar", hemwar.transliterate, 200000, False),
):
    data = slice_bytes(n)
    if latin_in:
        data = run(["translit", "--no-capitalize"], data)
    lines = data.split("\n")
    t0 = time.process_time()
    for l in lines:
        quiet(fn)(l)
    cpu = time.process_time() - t0
    print(f"{label:<22} {len(data.encode())/1e6/cpu:10.3f} MB/s  ({len(data.encode())} bytes)")
PY
