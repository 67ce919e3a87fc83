//! The labels the identifier can give: ISO 639-3 language + ISO 15924 script.

/// One label and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelInfo {
    /// The label, `language-Script` (`ckb-Arab`), or `und`.
    pub label: &'static str,
    /// ISO 639-3 language code (`und` for undetermined).
    pub language: &'static str,
    /// ISO 15924 script code.
    pub script: &'static str,
    /// English name.
    pub name: &'static str,
}

const fn info(label: &'static str, language: &'static str, script: &'static str, name: &'static str) -> LabelInfo {
    LabelInfo { label, language, script, name }
}

/// Every label a model may use, plus `eng-Latn` (given by a heuristic) and
/// `urd-Arab`, `snd-Arab`, `kas-Arab`, `pus-Arab`, `uig-Arab` (given by the
/// letters of their alphabets that none of the model's languages writes; see
/// the module documentation). `und` is not listed: it is the absence of a
/// confident label.
pub const LABELS: &[LabelInfo] = &[
    info("ckb-Arab", "ckb", "Arab", "Central Kurdish (Sorani), Arabic script"),
    info("ckb-Latn", "ckb", "Latn", "Central Kurdish (Sorani), Latin script"),
    info("kmr-Arab", "kmr", "Arab", "Northern Kurdish (Kurmanji), Arabic script"),
    info("kmr-Latn", "kmr", "Latn", "Northern Kurdish (Kurmanji), Latin script"),
    info("sdh-Arab", "sdh", "Arab", "Southern Kurdish, Arabic script"),
    info("hac-Arab", "hac", "Arab", "Gorani (Hawrami), Arabic script"),
    info("zza-Latn", "zza", "Latn", "Zazaki, Latin script"),
    info("fas-Arab", "fas", "Arab", "Persian, Arabic script"),
    info("arb-Arab", "arb", "Arab", "Arabic (Modern Standard), Arabic script"),
    info("tur-Latn", "tur", "Latn", "Turkish, Latin script"),
    info("eng-Latn", "eng", "Latn", "English, Latin script (heuristic)"),
    info("urd-Arab", "urd", "Arab", "Urdu, Arabic script (by its letters)"),
    info("snd-Arab", "snd", "Arab", "Sindhi, Arabic script (by its letters)"),
    info("kas-Arab", "kas", "Arab", "Kashmiri, Arabic script (by its letters)"),
    info("pus-Arab", "pus", "Arab", "Pashto, Arabic script (by its letters)"),
    info("uig-Arab", "uig", "Arab", "Uyghur, Arabic script (by its letters)"),
];

/// Index of `label` in [`LABELS`].
pub fn label_index(label: &str) -> Option<usize> {
    LABELS.iter().position(|info| info.label == label)
}

/// Index of `ckb-Arab` in [`LABELS`].
pub const CENTRAL_KURDISH_ARAB: usize = 0;
/// Index of `hac-Arab` in [`LABELS`].
pub const GORANI: usize = 5;
/// Index of `eng-Latn` in [`LABELS`].
pub const ENGLISH: usize = 10;
/// Indices of the labels given by their letters alone (see `ByLetters`).
pub const URDU: usize = 11;
pub const SINDHI: usize = 12;
pub const KASHMIRI: usize = 13;
pub const PASHTO: usize = 14;
pub const UYGHUR: usize = 15;
