"""KLPT's morphology beside sorani's, for `cargo xtask eval-morph --klpt` and bench/morph.sh.

Run with the peers' python (bench/setup-peers.sh), never as a project dependency.
  morph_klpt.py words    < words.txt   # per word: lemmas joined by | TAB stem TAB ▁-segmentation
  morph_klpt.py stem     < words.txt   # per word: KLPT's stem (timing)
  morph_klpt.py analyze  < words.txt   # per word: KLPT's analysis count (timing)
"""
import sys

from klpt.stem import Stem
from klpt.tokenize import Tokenize


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "words"
    stem = Stem("Sorani", "Arabic")
    words = [w.rstrip("\n") for w in sys.stdin]
    out = sys.stdout
    if mode == "words":
        tok = Tokenize("Sorani", "Arabic")
        for w in words:
            try:
                lemmas = stem.lemmatize(w) or [w]
                stems = stem.stem(w) or [w]
                seg = "".join(tok.word_tokenize(w)) if w else ""
            except Exception:  # KLPT raises on some inputs; count them as misses
                lemmas, stems, seg = [w], [w], w
            out.write("%s\t%s\t%s\n" % ("|".join(lemmas), stems[0], seg.strip("▁")))
    elif mode == "stem":
        for w in words:
            out.write("%s\n" % (stem.stem(w) or [w])[0])
    elif mode == "analyze":
        for w in words:
            out.write("%d\n" % len(stem.analyze(w)))
    else:
        sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
