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


def _arrow_map(map_buffers: Callable[..., Any], array: Any) -> Any:
    """Map a pyarrow string array through ``map_buffers(offsets, data, width)``,
    which returns the result's offsets and data buffers: the strings never
    become Python objects. Chunked arrays map chunk by chunk; nulls stay null."""
    import pyarrow as pa  # imported lazily: pyarrow is optional
    import pyarrow.compute as pc

    if isinstance(array, pa.ChunkedArray):
        return pa.chunked_array([_arrow_map(map_buffers, chunk) for chunk in array.chunks], type=array.type)
    if pa.types.is_string(array.type):
        width = 4
    elif pa.types.is_large_string(array.type):
        width = 8
    else:
        raise TypeError(f"expected a pyarrow string or large_string array, not {array.type}")
    _validity, offsets, data = array.buffers()
    first, count = array.offset, len(array)
    offsets_bytes = offsets.to_pybytes()[first * width : (first + count + 1) * width] if offsets else bytes(width)
    data_bytes = data.to_pybytes() if data is not None else b""
    new_offsets, new_data = map_buffers(offsets_bytes, data_bytes, width)
    result = pa.Array.from_buffers(array.type, count, [None, pa.py_buffer(new_offsets), pa.py_buffer(new_data)])
    if array.null_count:
        result = pc.if_else(array.is_valid(), result, pa.scalar(None, array.type))
    return result


def normalize_arrow(array: Any, **options: Any) -> Any:
    """Normalize a pyarrow string array with the options of ``normalize``; nulls
    stay null. The fastest way to normalize a column: no Python string is made."""
    return _arrow_map(lambda offsets, data, width: _sorani._normalize_arrow_buffers(offsets, data, width, **options), array)


def _text_function_arrow(function: str, array: Any, restore: str = "auto") -> Any:
    return _arrow_map(
        lambda offsets, data, width: _sorani._map_arrow_buffers(function, offsets, data, width, restore=restore), array
    )


def tokenize_arrow(array: Any) -> Any:
    """Tokenize a pyarrow string array: each string becomes its tokens joined by
    single spaces (``tokenize_text``, what ``sorani tokenize`` prints)."""
    return _text_function_arrow("tokenize", array)


def transliterate_arrow(array: Any, *, to: str = "latin", restore: str = "auto", **options: Any) -> Any:
    """Transliterate a pyarrow string array (``to``, ``restore`` and the other
    keywords, such as ``letters``, as in ``transliterate``)."""
    return _arrow_map(
        lambda offsets, data, width: _sorani._transliterate_arrow_buffers(
            offsets, data, width, to=to, restore=restore, **options
        ),
        array,
    )


def stem_arrow(array: Any, *, restore: str = "auto") -> Any:
    """``stem_text`` over a pyarrow string array (``restore`` as in ``stem_text``)."""
    return _text_function_arrow("stem", array, restore)


def lemmatize_arrow(array: Any, *, restore: str = "auto") -> Any:
    """``lemmatize_text`` over a pyarrow string array (``restore`` as in ``lemmatize_text``)."""
    return _text_function_arrow("lemma", array, restore)
