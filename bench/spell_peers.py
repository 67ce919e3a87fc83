"""klpt's spell checker on the development sets of `cargo xtask eval-spell`.

Usage: python bench/spell_peers.py DEV_DIR [--errors N] [--clean N]
DEV_DIR holds learner.tsv and news.tsv (written by
`cargo xtask eval-spell --write-dev DIR`). klpt corrects only about a hundred
words per second, so it is scored on a sample: the first N error units and the
first N clean words of each set (single words only: klpt checks words, so
merged and split units are scored on their shown text). Prints detection
precision/recall/F1, correct-first and top-5 rates, and speed; then the same
on the word lists (learner-list.tsv, news-list.tsv) as `eval-spell` scores them.

It also writes DEV_DIR/learner-dictionary-list.tsv: the rows of the learner
word list whose correction klpt accepts (a set like the held-out learner set,
on which klpt's published F1 is 0.95), with klpt's detection on all of them;
bench/spell.sh scores sorani on that file with `eval-spell --list`.
"""
import argparse
import csv
import sys
import time

from klpt.stem import Stem


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dev_dir")
    ap.add_argument("--errors", type=int, default=300)
    ap.add_argument("--clean", type=int, default=1000)
    args = ap.parse_args()
    stem = Stem("Sorani", "Arabic")
    for name in ("learner", "news"):
        errors, clean = [], []
        with open(f"{args.dev_dir}/{name}.tsv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                shown, gold, cls = row["shown"], row["gold"], row["class"]
                if cls == "ok":
                    if len(clean) < args.clean and shown.strip():
                        clean.append(shown)
                elif len(errors) < args.errors:
                    errors.append((shown, gold))
        t0 = time.perf_counter()
        fp = sum(1 for w in clean if not stem.check_spelling(w))
        check_time = time.perf_counter() - t0
        tp = first = top5 = 0
        t0 = time.perf_counter()
        for shown, gold in errors:
            # a split unit "a b": klpt sees the two words; flagged if either is
            flagged = any(not stem.check_spelling(w) for w in shown.split())
            if flagged:
                tp += 1
            sugg = stem.correct_spelling(shown) if " " not in shown else []
            if isinstance(sugg, tuple):
                sugg = sugg[1] if len(sugg) > 1 else []
            sugg = list(sugg or [])
            if sugg[:1] == [gold]:
                first += 1
            if gold in sugg[:5]:
                top5 += 1
        correct_time = time.perf_counter() - t0
        fn = len(errors) - tp
        # scale the clean sample to the set's clean/error ratio is not done:
        # precision here is over the sampled clean words and errors
        p = tp / max(1, tp + fp)
        r = tp / max(1, tp + fn)
        f1 = 2 * p * r / max(1e-9, p + r)
        n = max(1, len(errors))
        print(f"== klpt on {name}: {len(errors)} errors, {len(clean)} clean words (sample)")
        print(f"detection on the sample: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
        print(f"correct first: {100 * first / n:.1f}%   top 5: {100 * top5 / n:.1f}%")
        print(f"check_spelling: {len(clean) / max(check_time, 1e-9):.0f} words/s; "
              f"correct_spelling: {len(errors) / max(correct_time, 1e-9):.0f} words/s")
        sys.stdout.flush()
    for name in ("learner", "news"):
        word_list(stem, f"{args.dev_dir}/{name}-list.tsv", name, args.errors)
    dictionary_list(stem, args.dev_dir)


def dictionary_list(stem, dev_dir):
    """Writes the learner word list's rows whose correction klpt accepts and
    prints klpt's detection on them (check_spelling only: it is fast)."""
    try:
        f = open(f"{dev_dir}/learner-list.tsv", encoding="utf-8")
    except FileNotFoundError:
        return
    with f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    flagged = lambda entry: any(not stem.check_spelling(w) for w in entry.split())
    kept = [r for r in rows if not flagged(r["gold"])]
    with open(f"{dev_dir}/learner-dictionary-list.tsv", "w", encoding="utf-8") as out:
        out.write("shown\tgold\tclass\n")
        for r in kept:
            out.write(f"{r['shown']}\t{r['gold']}\t{r['class']}\n")
    tp = sum(1 for r in kept if flagged(r["shown"]))
    n = max(1, len(kept))
    r = tp / n
    f1 = 2 * r / (1 + r) if tp else 0.0
    print(f"== klpt on the learner word list's {len(kept)} rows whose correction it accepts "
          f"(of {len(rows)}; written to learner-dictionary-list.tsv)")
    print(f"detection: P 1.000 R {r:.3f} F1 {f1:.3f}")
    sys.stdout.flush()


def word_list(stem, path, name, limit):
    """klpt on a word list as `sorani spell --words` is scored: each error is
    one entry that should be flagged, its correction another that should not
    (an entry of several words is flagged when any of its words is)."""
    try:
        f = open(path, encoding="utf-8")
    except FileNotFoundError:
        return
    with f:
        pairs = [(r["shown"], r["gold"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    pairs = pairs[:limit]
    flagged = lambda entry: any(not stem.check_spelling(w) for w in entry.split())
    tp = fp = first = top5 = 0
    t0 = time.perf_counter()
    for shown, gold in pairs:
        if flagged(shown):
            tp += 1
            sugg = stem.correct_spelling(shown) if " " not in shown else []
            if isinstance(sugg, tuple):
                sugg = sugg[1] if len(sugg) > 1 else []
            sugg = list(sugg or [])
            first += sugg[:1] == [gold]
            top5 += gold in sugg[:5]
        if flagged(gold):
            fp += 1
    seconds = time.perf_counter() - t0
    n = max(1, len(pairs))
    p = tp / max(1, tp + fp)
    r = tp / n
    f1 = 2 * p * r / max(1e-9, p + r)
    print(f"== klpt on the {name} word list: first {len(pairs)} errors and their corrections")
    print(f"detection: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    print(f"correct first: {100 * first / n:.1f}%   top 5: {100 * top5 / n:.1f}%")
    print(f"{2 * len(pairs) / max(seconds, 1e-9):.0f} entries/s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
