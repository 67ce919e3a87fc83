"""Fast, correct Central Kurdish (Sorani) text processing.

A Python face over the Rust ``sorani`` core: every function here runs native
code. Functions named ``*_batch`` take a list of strings, release the GIL and
use all cores; use them with ``datasets.map(batched=True)``, pandas or Spark.

>>> import sorani
>>> sorani.normalize("كوردستان")
'کوردستان'
"""

from __future__ import annotations

from typing import Any, Callable, List

from . import _sorani
from ._sorani import *  # noqa: F401,F403  (the native functions and Token)

__version__: str = _sorani.__version__


def _arrow_map(batch_function: Callable[..., List[Any]], array: Any, **options: Any) -> Any:
    """Apply a ``*_batch`` function to a pyarrow string array or chunked array."""
    import pyarrow as pa  # imported lazily: pyarrow is optional

    if isinstance(array, pa.ChunkedArray):
        return pa.chunked_array([_arrow_map(batch_function, chunk, **options) for chunk in array.chunks])
    values = array.to_pylist()
    present = [value for value in values if value is not None]
    results = iter(batch_function(present, **options))
    return pa.array([None if value is None else next(results) for value in values])


def normalize_arrow(array: Any, *, preset: str = "standard") -> Any:
    """Normalize a pyarrow string array (nulls stay null); returns a new array."""
    return _arrow_map(_sorani.normalize_batch, array, preset=preset)
