"""Helpers for Apache Spark's ``DataFrame.mapInArrow``.

Spark pickles the function it runs on executors by reference, so it must live
in an importable module: these do, and every executor that has ``sorani``
installed can run them.

>>> from sorani.spark import normalize_and_tokenize
>>> df.mapInArrow(normalize_and_tokenize, "id long, normalized string, tokens string")
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator


def normalize_and_tokenize(batches: Iterable[Any], text_column: str = "text", id_column: str = "id") -> Iterator[Any]:
    """For each Arrow record batch, yield ``id``, ``normalized`` text and ``tokens``
    (the normalized-input tokens joined by single spaces, as ``sorani tokenize``
    prints them). Null texts stay null."""
    import pyarrow as pa

    from . import normalize_arrow, tokenize_arrow

    for batch in batches:
        texts = batch.column(text_column)
        yield pa.RecordBatch.from_arrays(
            [batch.column(id_column), normalize_arrow(texts), tokenize_arrow(texts)],
            names=[id_column, "normalized", "tokens"],
        )
