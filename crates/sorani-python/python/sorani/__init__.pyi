from typing import Any

from ._sorani import *  # noqa: F401,F403
from ._sorani import Preset

__version__: str

def normalize_arrow(array: Any, **options: Any) -> Any: ...
def tokenize_arrow(array: Any) -> Any: ...
def transliterate_arrow(
    array: Any,
    *,
    to: str = "latin",
    restore: str = "auto",
    letters: str = "caron",
    ain: str = "apostrophe",
    capitalize: bool = True,
    latin_digits: bool = False,
    strict: bool = False,
) -> Any: ...
def stem_arrow(array: Any, *, restore: str = "auto") -> Any: ...
def lemmatize_arrow(array: Any, *, restore: str = "auto") -> Any: ...
