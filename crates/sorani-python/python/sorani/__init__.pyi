from typing import Any

from ._sorani import *  # noqa: F401,F403
from ._sorani import Preset

__version__: str

def normalize_arrow(array: Any, *, preset: Preset = "standard") -> Any: ...
