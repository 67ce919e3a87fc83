#!/usr/bin/env python3
"""Times one peer tool on one file and prints its throughput.

Usage: peers.py TASK FILE
TASK: klpt-normalize | asosoft-normalize | klpt-tokenize | klpt-sentences
Prints one line: "TASK MB/s SECONDS BYTES". Only the processing loop is timed
(not imports or model loading); the peers run line by line, as sorani does.
Run with the python of bench/setup-peers.sh (the peers are never dependencies
of the project).
"""
import sys
import time


def main():
    task, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    if task == "klpt-normalize":
        from klpt.preprocess import Preprocess
        p = Preprocess("Sorani", "Arabic", numeral="Latin")
        fn = p.preprocess
    elif task == "asosoft-normalize":
        import asosoft
        fn = asosoft.Normalize
    elif task == "klpt-tokenize":
        from klpt.tokenize import Tokenize
        t = Tokenize("Sorani", "Arabic")
        fn = t.word_tokenize
    elif task == "klpt-sentences":
        from klpt.tokenize import Tokenize
        t = Tokenize("Sorani", "Arabic")
        fn = t.sent_tokenize
    else:
        sys.exit(f"unknown task {task}")
    start = time.perf_counter()
    for line in lines:
        if line:
            fn(line)
    seconds = time.perf_counter() - start
    print(f"{task} {size / 1e6 / seconds:.3f} {seconds:.2f} {size}")


if __name__ == "__main__":
    main()
