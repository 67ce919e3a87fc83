"""Type stubs of the native module (see ``sorani/__init__.py``)."""

from typing import Any, Dict, List, Literal, Optional, Tuple

__version__: str

Preset = Literal["standard", "search"]

class Token:
    """One token: ``source[start:end] == text`` (code-point offsets)."""

    text: str
    kind: str
    start: int
    end: int

Digits = Literal["keep", "latin", "arabic", "persian"]
HLetter = Literal["heh", "doachashmee", "keep"]

def normalize(
    text: str,
    *,
    preset: Preset = "standard",
    restore: "RestoreMode" = "auto",
    convention: Optional[str] = None,
    digits: Optional[Digits] = None,
    h_letter: HLetter = "heh",
    keep_harakat: bool = False,
) -> str: ...
def normalize_batch(
    texts: List[str],
    *,
    preset: Preset = "standard",
    restore: "RestoreMode" = "auto",
    convention: Optional[str] = None,
    digits: Optional[Digits] = None,
    h_letter: HLetter = "heh",
    keep_harakat: bool = False,
) -> List[str]: ...
def _normalize_arrow_buffers(
    offsets: bytes,
    data: bytes,
    width: int,
    *,
    preset: Preset = "standard",
    restore: "RestoreMode" = "auto",
    convention: Optional[str] = None,
    digits: Optional[Digits] = None,
    h_letter: HLetter = "heh",
    keep_harakat: bool = False,
) -> Tuple[bytes, bytes]: ...
def _map_arrow_buffers(
    function: str, offsets: bytes, data: bytes, width: int, *, restore: RestoreMode = "auto"
) -> Tuple[bytes, bytes]: ...
def tokenize_text(text: str) -> str: ...
def tokenize(text: str) -> List[Token]: ...
def tokenize_batch(texts: List[str]) -> List[List[Token]]: ...
def words(text: str) -> List[str]: ...
def sentences(text: str) -> List[str]: ...
def sentences_batch(texts: List[str]) -> List[List[str]]: ...

RestoreMode = Literal["auto", "always", "never"]
Target = Literal["latin", "arabic", "ipa", "syllables"]
Letters = Literal["caron", "acute", "plain"]
Ain = Literal["apostrophe", "diaeresis"]
PlainLatin = Literal["auto", "always", "never"]
Months = Literal["gregorian", "kurdish"]
OrdinalStyle = Literal["plain", "attributive"]
DigitSystem = Literal["arabic", "ascii", "persian"]

def restore(text: str, *, mode: RestoreMode = "auto", convention: Optional[str] = None) -> str: ...
def restore_batch(texts: List[str], *, mode: RestoreMode = "auto", convention: Optional[str] = None) -> List[str]: ...
def restore_explained(text: str, *, mode: RestoreMode = "auto", convention: Optional[str] = None) -> Dict[str, Any]: ...
def detect(text: str) -> Dict[str, Any]: ...
def transliterate(
    text: str,
    *,
    to: Target = "latin",
    restore: RestoreMode = "auto",
    letters: Letters = "caron",
    ain: Ain = "apostrophe",
    capitalize: bool = True,
    latin_digits: bool = False,
    strict: bool = False,
    plain_latin: PlainLatin = "auto",
) -> str: ...
def transliterate_batch(
    texts: List[str],
    *,
    to: Target = "latin",
    restore: RestoreMode = "auto",
    letters: Letters = "caron",
    ain: Ain = "apostrophe",
    capitalize: bool = True,
    latin_digits: bool = False,
    strict: bool = False,
    plain_latin: PlainLatin = "auto",
) -> List[str]: ...
def _transliterate_arrow_buffers(
    offsets: bytes,
    data: bytes,
    width: int,
    *,
    to: Target = "latin",
    restore: RestoreMode = "auto",
    letters: Letters = "caron",
    ain: Ain = "apostrophe",
    capitalize: bool = True,
    latin_digits: bool = False,
    strict: bool = False,
    plain_latin: PlainLatin = "auto",
) -> Tuple[bytes, bytes]: ...
def analyze(word: str) -> List[Dict[str, Any]]: ...
def lemma(word: str) -> str: ...
def lemma_batch(words: List[str]) -> List[str]: ...
def stem(word: str) -> str: ...
def stem_batch(words: List[str]) -> List[str]: ...
def lemmatize_text(text: str, *, restore: RestoreMode = "auto") -> str: ...
def lemmatize_text_batch(texts: List[str], *, restore: RestoreMode = "auto") -> List[str]: ...
def stem_text(text: str, *, restore: RestoreMode = "auto") -> str: ...
def stem_text_batch(texts: List[str], *, restore: RestoreMode = "auto") -> List[str]: ...
def index_terms(text: str, *, restore: RestoreMode = "auto") -> List[str]: ...
def morphemes(word: str) -> List[str]: ...
def is_stopword(word: str) -> bool: ...
def stopwords() -> List[str]: ...
def spell_check(
    text: str,
    *,
    min_severity: Literal["warning", "error"] = "warning",
    max_suggestions: int = 5,
    restore: RestoreMode = "auto",
) -> List[Dict[str, Any]]: ...
def spell_suggest(word: str) -> List[Dict[str, Any]]: ...
def spell_is_correct(word: str) -> bool: ...
def spell_check_entry(entry: str) -> Optional[List[Dict[str, Any]]]: ...
def spell_fix(text: str, *, restore: RestoreMode = "auto") -> str: ...
def spell_fix_explained(
    text: str,
    *,
    min_severity: Literal["warning", "error"] = "warning",
    max_suggestions: int = 5,
    restore: RestoreMode = "auto",
) -> List[Dict[str, Any]]: ...
def verbalize(text: str, *, months: Months = "gregorian", ordinal: OrdinalStyle = "plain") -> str: ...
def verbalize_batch(texts: List[str], *, months: Months = "gregorian", ordinal: OrdinalStyle = "plain") -> List[str]: ...
def words_to_digits(text: str, *, digits: DigitSystem = "arabic") -> str: ...
def number_to_words(number: int) -> str: ...
def identify(text: str, *, threshold: float = 0.5, only: Optional[List[str]] = None) -> Dict[str, Any]: ...
def identify_batch(texts: List[str], *, threshold: float = 0.5, only: Optional[List[str]] = None) -> List[str]: ...
def language_segments(text: str, *, threshold: float = 0.5, only: Optional[List[str]] = None) -> List[Dict[str, Any]]: ...
