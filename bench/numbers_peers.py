#!/usr/bin/env python3
"""Runs the golden number cases through sorani and the peer tools and counts
how many each gets right.

Usage (the peers live in the throwaway venv made by bench/setup-peers.sh):
    PY=$(bench/setup-peers.sh | tail -1)
    $PY bench/numbers_peers.py --sorani target/release/sorani [--cases FILE] [--show N]

Peers, each called the way its documentation shows:
  ckb-textify           Pipeline(NormalizationConfig()).normalize(text)
  asosoft               asosoft.Number2Word(text)
  kurdish-sorani-tools  number_to_words(int) on every digit run (this script finds
                        the runs for it; ordinal=True when ەم/یەم follows), and
                        words_to_number_string(text) for the words->digits cases

Scoring: "exact" compares strings as they are; "lenient" first folds what is not
about numbers: Arabic-script letter variants (ھ ه, ي ى ی, ك ک), ZWNJ and all
whitespace removed (so دوو سەد = دووسەد), digits of any system as ASCII, and
the documented spelling variants سیازدە (13) and کوادرلیۆن accepted.
Cases of kind date-kurdish need an option no peer has; they are scored for
sorani only and left out of the peer totals.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CASES = os.path.join(HERE, "..", "tests", "golden", "numbers", "cases.tsv")

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
FOLD = str.maketrans({"ھ": "ه", "ي": "ی", "ى": "ی", "ك": "ک", "\u200c": None, "\u200d": None})


# Spelling variants documented in docs/numbers.md that a peer may write instead
# of ours; lenient scoring accepts them.
VARIANTS = {"سیازدە": "سێزدە", "کوادرلیۆن": "کوادریلیۆن"}


def lenient(s):
    s = (s or "").translate(FOLD).translate(DIGITS)
    for a, b in VARIANTS.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s)


def read_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("kind\t"):
                continue
            kind, inp, exp, comment = line.split("\t")
            cases.append((kind, inp, exp, comment))
    return cases


def run_sorani(binary, cases):
    out = {}
    for mode, kinds, args in (
        ("words", lambda k: k not in ("digits", "date-kurdish"), ["verbalize"]),
        ("kurdish", lambda k: k == "date-kurdish", ["verbalize", "--months", "kurdish"]),
        ("digits", lambda k: k == "digits", ["numbers", "--to", "digits"]),
    ):
        idx = [i for i, c in enumerate(cases) if kinds(c[0])]
        text = "".join(cases[i][1] + "\n" for i in idx)
        res = subprocess.run([binary] + args, input=text.encode(), capture_output=True, check=True)
        lines = res.stdout.decode().split("\n")
        for j, i in enumerate(idx):
            out[i] = lines[j]
    return out


def peer_functions():
    peers = {}
    try:
        from ckb_textify import NormalizationConfig, Pipeline

        pipe = Pipeline(NormalizationConfig())
        peers["ckb-textify"] = (pipe.normalize, None)
    except Exception as e:  # pragma: no cover - depends on the venv
        print(f"ckb-textify unavailable: {e}", file=sys.stderr)
    try:
        import asosoft

        peers["asosoft"] = (asosoft.Number2Word, None)
    except Exception as e:
        print(f"asosoft unavailable: {e}", file=sys.stderr)
    try:
        import kurdish_sorani_tools as kst

        run = re.compile(r"([0-9٠-٩۰-۹]+)(یەم|ەم|ەمین|یەمین)?")

        def kst_words(text):
            def sub(m):
                n = int(m.group(1).translate(DIGITS))
                return kst.number_to_words(n, ordinal=bool(m.group(2)))

            return run.sub(sub, text)

        def kst_digits(text):
            r = kst.words_to_number_string(text)
            return text if r is None else r

        peers["kurdish-sorani-tools"] = (kst_words, kst_digits)
    except Exception as e:
        print(f"kurdish-sorani-tools unavailable: {e}", file=sys.stderr)
    return peers


def call(fn, text):
    try:
        return str(fn(text))
    except Exception as e:  # a crash counts as wrong
        return f"<error {type(e).__name__}>"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sorani", default=os.path.join(HERE, "..", "target", "release", "sorani"))
    ap.add_argument("--cases", default=DEFAULT_CASES)
    ap.add_argument("--show", type=int, default=0, help="print N wrong answers per tool")
    args = ap.parse_args()

    cases = read_cases(args.cases)
    results = {"sorani": run_sorani(args.sorani, cases)}
    timing = {}
    for name, (to_words, to_digits) in peer_functions().items():
        t0 = time.perf_counter()
        got = {}
        for i, (kind, inp, _, _) in enumerate(cases):
            if kind == "date-kurdish":
                continue
            if kind == "digits":
                got[i] = call(to_digits, inp) if to_digits else inp
            else:
                got[i] = call(to_words, inp)
        timing[name] = time.perf_counter() - t0
        results[name] = got

    tools = list(results)
    kinds = list(dict.fromkeys(c[0] for c in cases))
    scored = {t: collections.Counter() for t in tools}
    for t in tools:
        for i, (kind, _, exp, _) in enumerate(cases):
            if i not in results[t]:
                continue
            got = results[t][i]
            scored[t][(kind, "n")] += 1
            scored[t][(kind, "exact")] += got == exp
            scored[t][(kind, "lenient")] += lenient(got) == lenient(exp)

    print(f"golden number cases: {len(cases)} ({args.cases})")
    head = f"{'kind':<13}{'cases':>6}" + "".join(f"{t:>24}" for t in tools)
    print(head)
    print("-" * len(head))
    for k in kinds:
        n = scored["sorani"][(k, "n")]
        row = f"{k:<13}{n:>6}"
        for t in tools:
            if scored[t][(k, "n")]:
                row += f"{scored[t][(k, 'exact')]:>12} / {scored[t][(k, 'lenient')]:<9}"
            else:
                row += f"{'-':>24}"
        print(row)
    print("-" * len(head))
    shared = [i for i, c in enumerate(cases) if c[0] != "date-kurdish"]
    row = f"{'total*':<13}{len(shared):>6}"
    for t in tools:
        ex = sum(results[t].get(i) == cases[i][2] for i in shared)
        le = sum(lenient(results[t].get(i)) == lenient(cases[i][2]) for i in shared)
        row += f"{ex:>12} / {le:<9}"
    print(row)
    print("cells: exact / lenient.  total* = all kinds but date-kurdish (an option no peer has).")
    print("sorani on all cases: %d / %d exact" % (sum(results["sorani"][i] == c[2] for i, c in enumerate(cases)), len(cases)))
    for t, s in timing.items():
        print(f"{t}: {s:.2f} s for the cases")
    if args.show:
        for t in tools:
            wrong = [(cases[i], results[t][i]) for i in shared if lenient(results[t].get(i)) != lenient(cases[i][2])]
            print(f"\n== {t}: {len(wrong)} wrong (lenient); first {args.show}")
            for (kind, inp, exp, _), got in wrong[: args.show]:
                print(f"[{kind}] {inp}\n   want: {exp}\n   got:  {got}")


if __name__ == "__main__":
    main()
