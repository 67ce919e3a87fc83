from typing import Any

from ._sorani import *  # noqa: F401,F403
from ._sorani import Ain, Letters, PlainLatin, Preset, RestoreMode, Target

__version__: str

def normalize_arrow(array: Any, **options: Any) -> Any: ...
def tokenize_arrow(array: Any) -> Any: ...
def transliterate_arrow(
    array: Any,
    *,
    to: Target = "latin",
    restore: RestoreMode = "auto",
    letters: Letters = "caron",
    ain: Ain = "apostrophe",
    capitalize: bool = True,
    latin_digits: bool = False,
    strict: bool = False,
    plain_latin: PlainLatin = "auto",
) -> Any: ...
def stem_arrow(array: Any, *, restore: RestoreMode = "auto") -> Any: ...
def lemmatize_arrow(array: Any, *, restore: RestoreMode = "auto") -> Any: ...
