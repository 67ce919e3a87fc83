//! The Sorani analyzer for tantivy: a word tokenizer and token filters.
//!
//! The chain is [`SoraniTokenizer`] (words with byte offsets into the
//! original text, optionally restored in context by the core restorer:
//! legacy-keyboard / Arabic / Persian-keyboard spellings to standard ones)
//! followed by optional [`SoraniFilter`] stages:
//!
//! | stage | what it does |
//! |---|---|
//! | [`Stage::Normalize`] | letter variants to standard Sorani, harakat/tatweel/format characters removed, digits to ASCII, Latin lower-cased |
//! | [`Stage::Stem`] | light stem (inflection and clitics stripped) |
//! | [`Stage::Stopwords`] | drops function words (positions keep their gap) |
//! | [`Stage::Key`] | a lossy phonetic key that merges spelling variants (see [`crate::keys`]) |
//!
//! Filters only rewrite the token text; offsets always point into the text
//! the tokenizer was given, so snippets highlight the original characters.
//!
//! Registered names (see [`register`]): `ckb` (normalize, restore),
//! `ckb_stem` (normalize, restore, stopwords, stem), `ckb_key` (normalize,
//! restore, stopwords, key of the stem and of the word), and the two baselines measured by the evaluation:
//! `baseline_default` (tantivy's default) and `baseline_lucene` (Lucene's
//! Sorani analyzer rules, see [`crate::lucene`]).

use std::borrow::Cow;

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TextAnalyzerBuilder, Token, TokenFilter, TokenStream,
    Tokenizer,
};

use crate::lucene;

/// Name of the analyzer that normalizes and restores but keeps inflection.
pub const CKB: &str = "ckb";
/// Name of the analyzer that also drops stopwords and stems (the default for text fields).
pub const CKB_STEM: &str = "ckb_stem";
/// Name of the analyzer producing phonetic keys (query words' keys, the export's `keys`).
pub const CKB_KEY: &str = "ckb_key";
/// Name of tantivy's default analyzer as a baseline.
pub const BASELINE_DEFAULT: &str = "baseline_default";
/// Name of the re-implementation of Lucene's Sorani analyzer as a baseline.
pub const BASELINE_LUCENE: &str = "baseline_lucene";

/// Words longer than this many bytes are dropped (they are not words).
const MAX_TOKEN_BYTES: usize = 200;

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

/// Splits text into words with the core tokenizer ([`sorani::tokenize`]):
/// Arabic-script words (ZWNJ inside), numbers and Latin words; hashtags and
/// mentions without their `#`/`@`. Offsets are byte offsets into the input.
///
/// With `restore` on, the whole text first goes through the core restorer
/// ([`sorani::restore::Restorer`], in context, detection per text); each
/// restored word replaces the token(s) it covers while the offsets stay
/// those of the original characters, so highlighting marks what was typed.
#[derive(Clone, Default)]
pub struct SoraniTokenizer {
    restore: bool,
    tokens: Vec<(usize, usize, Source)>,
    /// The texts of restored words, back to back ([`Source::Restored`]).
    restored: String,
    token: Token,
}

/// Where a token's text is: the original text at the token's offsets, or a
/// range of the tokenizer's restored words. (Ranges, not one `String` per
/// token: the allocations cost more than the analysis on long documents.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Original,
    Restored(usize, usize),
}

impl SoraniTokenizer {
    /// A tokenizer; `restore` turns on document-level restoration.
    pub fn new(restore: bool) -> Self {
        SoraniTokenizer { restore, ..Default::default() }
    }
}

/// The token stream of [`SoraniTokenizer`].
pub struct SoraniTokenStream<'a> {
    text: &'a str,
    restored: &'a str,
    tokens: std::slice::Iter<'a, (usize, usize, Source)>,
    token: &'a mut Token,
}

static RESTORER: std::sync::LazyLock<sorani::restore::Restorer> =
    std::sync::LazyLock::new(sorani::restore::Restorer::new);

/// The words of `text` as `(start, end, text)`, restored when asked.
pub fn word_tokens(text: &str, restore: bool, out: &mut Vec<(usize, usize, String)>) {
    let (mut spans, mut restored) = (Vec::new(), String::new());
    word_spans(text, restore, &mut spans, &mut restored);
    out.clear();
    out.extend(spans.iter().map(|&(s, e, source)| match source {
        Source::Original => (s, e, text[s..e].to_string()),
        Source::Restored(a, b) => (s, e, restored[a..b].to_string()),
    }));
}

/// [`word_tokens`] as offsets and [`Source`]s, restored words appended to `restored`.
fn word_spans(text: &str, restore: bool, out: &mut Vec<(usize, usize, Source)>, restored: &mut String) {
    out.clear();
    restored.clear();
    if !restore {
        out.extend(words(text).map(|(s, e)| (s, e, Source::Original)));
        return;
    }
    let explained = RESTORER.restore_explained(text);
    if explained.changes.is_empty() {
        out.extend(words(text).map(|(s, e)| (s, e, Source::Original)));
        return;
    }
    let spans: Vec<(usize, usize)> = words(text).collect();
    for (s, e, change) in sorani::restore::changed_words(&spans, &explained.changes) {
        match change {
            Some(c) => restored_words(s, &text[s..e], &c.replacement, out, restored),
            None => out.push((s, e, Source::Original)),
        }
    }
}

/// The words of `replacement`, the restoration of `written` (at byte
/// `start` of the text), each with the span of the letters it was written
/// with ([`sorani::restore::Placement`]): a change may span several words
/// (a legacy-font line whose decoding moved spaces is one change), but a
/// match in it marks one word.
fn restored_words(
    start: usize,
    written: &str,
    replacement: &str,
    out: &mut Vec<(usize, usize, Source)>,
    restored: &mut String,
) {
    let mut placement = sorani::restore::Placement::new(written, replacement);
    for (ws, we) in words(replacement) {
        let (from, to) = placement.written_span(ws, we);
        let at = restored.len();
        restored.push_str(&replacement[ws..we]);
        out.push((start + from, start + to, Source::Restored(at, restored.len())));
    }
}

impl Tokenizer for SoraniTokenizer {
    type TokenStream<'a> = SoraniTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SoraniTokenStream<'a> {
        self.token.reset();
        self.token.position = usize::MAX;
        word_spans(text, self.restore, &mut self.tokens, &mut self.restored);
        SoraniTokenStream { text, restored: &self.restored, tokens: self.tokens.iter(), token: &mut self.token }
    }
}

impl TokenStream for SoraniTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(&(start, end, source)) => {
                self.token.text.clear();
                self.token.text.push_str(match source {
                    Source::Original => &self.text[start..end],
                    Source::Restored(a, b) => &self.restored[a..b],
                });
                self.token.offset_from = start;
                self.token.offset_to = end;
                self.token.position = self.token.position.wrapping_add(1);
                self.token.position_length = 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Whether `c` is a combining mark of the scripts we meet (Arabic harakat,
/// Quranic marks, Latin combining diacritics).
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}')
}

/// The words of `text` with their byte spans: the core tokenizer's words,
/// numbers and Latin words, and hashtags and mentions without `#`/`@`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    use sorani::tokenize::TokenKind;
    sorani::tokenize::tokenize(text).filter_map(|t| match t.kind {
        TokenKind::Word | TokenKind::Number | TokenKind::Latin => Some((t.start, t.end)),
        TokenKind::Hashtag | TokenKind::Mention => {
            let skip = t.text.chars().next().map_or(0, char::len_utf8);
            (t.end > t.start + skip).then_some((t.start + skip, t.end))
        }
        _ => None,
    })
}

// ---------------------------------------------------------------------------
// Per-word functions (each stage's logic, usable outside tantivy)
// ---------------------------------------------------------------------------

/// Normalizes one word for search: the core normalizer's `search` preset
/// first, then this crate's word-level folding (see [`fold_word`]).
pub fn normalize_word(word: &str) -> Cow<'_, str> {
    static CORE: std::sync::LazyLock<sorani::Normalizer> =
        std::sync::LazyLock::new(|| sorani::Normalizer::new(sorani::NormalizeOptions::search()));
    match CORE.normalize(word) {
        Cow::Borrowed(b) => fold_word(b),
        Cow::Owned(o) => Cow::Owned(fold_word(&o).into_owned()),
    }
}

/// Word-level folding this crate applies on top of the core normalizer,
/// written from the published orthography rules: Arabic yeh/alef maksura →
/// ی, Arabic kaf → ک, teh marbuta → ە, heh doachashmee ھ → ه, ه + ZWNJ → ە,
/// word-final ه → ە (legacy keyboards), Arabic-Indic and Persian digits →
/// ASCII, harakat, tatweel and format characters removed, Latin lower-cased.
/// Borrowed when nothing changes.
pub fn fold_word(word: &str) -> Cow<'_, str> {
    let needs = word.chars().any(|c| {
        let cp = c as u32;
        if cp < 0x80 {
            c.is_ascii_uppercase()
        } else if cp >> 8 == 0x06 {
            // Most words are Arabic script: one table entry per letter.
            ARABIC_FOLDS[(cp & 0xFF) as usize]
        } else {
            folds(c)
        }
    }) || word.ends_with('ه');
    if !needs {
        return Cow::Borrowed(word);
    }
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            'ي' | 'ى' => out.push('ی'),
            'ك' => out.push('ک'),
            'ة' => out.push('ە'),
            'ھ' => out.push('ه'),
            'ه' if next == Some('\u{200C}') => out.push('ە'),
            'ه' if i + 1 == chars.len() && i > 0 => out.push('ە'),
            '\u{0660}'..='\u{0669}' => out.push((b'0' + (c as u32 - 0x0660) as u8) as char),
            '\u{06F0}'..='\u{06F9}' => out.push((b'0' + (c as u32 - 0x06F0) as u8) as char),
            '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if is_mark(c) => {}
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether [`fold_word`] changes or drops `c` wherever it stands.
fn folds(c: char) -> bool {
    matches!(c, 'ي' | 'ى' | 'ك' | 'ة' | 'ھ' | '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{00AD}')
        || is_mark(c)
        || c.is_ascii_uppercase()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
        || (!c.is_ascii() && c.is_uppercase())
}

/// [`folds`] of U+0600–U+06FF.
static ARABIC_FOLDS: std::sync::LazyLock<[bool; 256]> =
    std::sync::LazyLock::new(|| std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).is_some_and(folds)));

/// The light stem of one normalized word ([`sorani::morph::stem`]).
pub fn stem_word(word: &str) -> Cow<'_, str> {
    sorani::morph::stem(word)
}

/// Whether a normalized word is a stopword ([`sorani::morph::is_stopword`]).
pub fn is_stopword(word: &str) -> bool {
    sorani::morph::is_stopword(word)
}

/// The Sorani phonetic key of one normalized (and usually stemmed) word: a
/// lossy skeleton that merges the spellings keyboards and habits produce.
/// Vowel letters ە and medial ه are dropped (legacy ە typed as ه, dropped
/// vowels); ێ→ی, ۆ→و, ڵ→ل, ڕ→ر, ڤ→ف, گ→ک, پ→ب, چ→ج, ژ→ز, غ→ق (letters
/// missing from Arabic and Persian keyboards); runs of one letter collapse
/// (وو→و, یی→ی); ئ is dropped except at the start.
pub fn phonetic_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last: Option<char> = None;
    for (i, c) in word.chars().enumerate() {
        let k = match c {
            'ە' | 'ة' => None,
            'ه' | 'ھ' if i > 0 => None,
            'ھ' => Some('ه'),
            'ێ' | 'ي' | 'ى' => Some('ی'),
            'ۆ' => Some('و'),
            'ڵ' => Some('ل'),
            'ڕ' => Some('ر'),
            'ڤ' => Some('ف'),
            'گ' | 'ك' => Some('ک'),
            'پ' => Some('ب'),
            'چ' => Some('ج'),
            'ژ' => Some('ز'),
            'غ' => Some('ق'),
            'ئ' if i > 0 => None,
            '\u{200C}' | '\u{200D}' | '\u{0640}' => None,
            c => Some(c),
        };
        if let Some(k) = k {
            if last != Some(k) {
                out.push(k);
            }
            last = Some(k);
        }
    }
    if out.is_empty() {
        word.to_string()
    } else {
        out
    }
}

// ---------------------------------------------------------------------------
// Token filters
// ---------------------------------------------------------------------------

/// One stage of the Sorani analysis chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// [`normalize_word`].
    Normalize,
    /// [`stem_word`].
    Stem,
    /// Drops tokens for which [`is_stopword`] holds.
    Stopwords,
    /// [`phonetic_key`] of the light stem; when the key of the whole word
    /// differs, it follows as a second token at the same position (a stemmer
    /// may cut a misspelled name differently from its standard spelling).
    Key,
    /// Lucene's Sorani normalizer ([`lucene::normalize`]).
    LuceneNormalize,
    /// Lucene's Sorani stemmer ([`lucene::stem`]).
    LuceneStem,
}

impl Stage {
    /// Applies this stage to `text` (`scratch`: a buffer to reuse); `false`
    /// drops the token.
    fn apply(self, text: &mut String, scratch: &mut String) -> bool {
        let result = match self {
            Stage::Normalize => normalize_word(text),
            Stage::Stem => stem_word(text),
            Stage::Stopwords => return !is_stopword(text),
            Stage::Key => Cow::Owned(phonetic_key(&stem_word(text))),
            Stage::LuceneNormalize => lucene::normalize(text),
            Stage::LuceneStem => lucene::stem(text),
        };
        // a stage may return a borrowed string that is not its input (a
        // prefix of it, or a lexicon's lemma of the same length: `بووە` →
        // `بوون`), so compare the texts rather than trusting Cow::Borrowed
        let unchanged = result.as_ref() == text.as_str();
        if !unchanged {
            scratch.clear();
            scratch.push_str(&result);
            drop(result);
            std::mem::swap(text, scratch);
        }
        !text.is_empty()
    }
}

/// A tantivy [`TokenFilter`] running one [`Stage`].
#[derive(Debug, Clone, Copy)]
pub struct SoraniFilter(pub Stage);

impl TokenFilter for SoraniFilter {
    type Tokenizer<T: Tokenizer> = SoraniFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SoraniFilterWrapper<T> {
        SoraniFilterWrapper { stage: self.0, inner: tokenizer }
    }
}

/// The tokenizer produced by [`SoraniFilter`].
#[derive(Clone)]
pub struct SoraniFilterWrapper<T> {
    stage: Stage,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for SoraniFilterWrapper<T> {
    type TokenStream<'a> = SoraniFilterStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SoraniFilterStream {
            stage: self.stage,
            tail: self.inner.token_stream(text),
            pending: None,
            scratch: String::new(),
        }
    }
}

/// The token stream of [`SoraniFilter`].
pub struct SoraniFilterStream<T> {
    stage: Stage,
    tail: T,
    pending: Option<String>,
    scratch: String,
}

impl<T: TokenStream> TokenStream for SoraniFilterStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(p) = self.pending.take() {
            self.tail.token_mut().text = p;
            return true;
        }
        while self.tail.advance() {
            if self.stage == Stage::Key {
                let whole = phonetic_key(&self.tail.token().text);
                if self.stage.apply(&mut self.tail.token_mut().text, &mut self.scratch) {
                    if whole != self.tail.token().text {
                        self.pending = Some(whole);
                    }
                    return true;
                }
                continue;
            }
            if self.stage.apply(&mut self.tail.token_mut().text, &mut self.scratch) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

// ---------------------------------------------------------------------------
// Analyzers
// ---------------------------------------------------------------------------

/// Which stages an analyzer runs (all optional).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalyzerOptions {
    /// Run [`Stage::Normalize`].
    pub normalize: bool,
    /// Restore the text in context before analysis (see [`SoraniTokenizer`]).
    pub restore: bool,
    /// Run [`Stage::Stopwords`].
    pub stopwords: bool,
    /// Run [`Stage::Stem`].
    pub stem: bool,
    /// Run [`Stage::Key`] (which stems by itself: `stem` is then ignored).
    pub key: bool,
}

impl AnalyzerOptions {
    /// The `ckb` analyzer.
    pub const CKB: Self = AnalyzerOptions { normalize: true, restore: true, stopwords: false, stem: false, key: false };
    /// The `ckb_stem` analyzer.
    pub const CKB_STEM: Self =
        AnalyzerOptions { normalize: true, restore: true, stopwords: true, stem: true, key: false };
    /// The `ckb_key` analyzer.
    pub const CKB_KEY: Self =
        AnalyzerOptions { normalize: true, restore: true, stopwords: true, stem: false, key: true };

    /// The stages in order.
    pub fn stages(&self) -> Vec<Stage> {
        let mut s = Vec::new();
        if self.normalize {
            s.push(Stage::Normalize);
        }
        if self.stopwords {
            s.push(Stage::Stopwords);
        }
        if self.stem && !self.key {
            s.push(Stage::Stem);
        }
        if self.key {
            s.push(Stage::Key);
        }
        s
    }
}

/// Builds a tantivy analyzer running `options`' stages.
pub fn build_analyzer(options: AnalyzerOptions) -> TextAnalyzer {
    analyzer_builder(options).build()
}

/// The builder of [`build_analyzer`], to add filters after its stages.
pub fn analyzer_builder(options: AnalyzerOptions) -> TextAnalyzerBuilder {
    let mut b = TextAnalyzer::builder(SoraniTokenizer::new(options.restore))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .dynamic();
    for stage in options.stages() {
        b = b.filter_dynamic(SoraniFilter(stage));
    }
    b
}

/// tantivy's default analyzer (simple tokenizer, long-token removal, lower case).
pub fn baseline_default() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).build()
}

/// Lucene's Sorani analyzer: standard-like tokenizer, Sorani normalizer,
/// lower case, stopwords (Lucene's list is not reproduced; ours is used),
/// Sorani stemmer.
pub fn baseline_lucene() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(SoraniFilter(Stage::LuceneNormalize))
        .filter(LowerCaser)
        .filter(SoraniFilter(Stage::Stopwords))
        .filter(SoraniFilter(Stage::LuceneStem))
        .build()
}

/// The analyzer registered under `name`, if any.
pub fn analyzer_by_name(name: &str) -> Option<TextAnalyzer> {
    Some(match name {
        CKB => build_analyzer(AnalyzerOptions::CKB),
        CKB_STEM => build_analyzer(AnalyzerOptions::CKB_STEM),
        CKB_KEY => build_analyzer(AnalyzerOptions::CKB_KEY),
        BASELINE_DEFAULT => baseline_default(),
        BASELINE_LUCENE => baseline_lucene(),
        _ => return None,
    })
}

/// Registers `ckb`, `ckb_stem`, `ckb_key` and the two baselines on an index.
pub fn register(index: &tantivy::Index) {
    let m = index.tokenizers();
    for name in [CKB, CKB_STEM, CKB_KEY, BASELINE_DEFAULT, BASELINE_LUCENE] {
        if let Some(a) = analyzer_by_name(name) {
            m.register(name, a);
        }
    }
}

/// One analyzed token, for display and export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnalyzedToken {
    /// The term as indexed.
    pub term: String,
    /// The original text of the token.
    pub original: String,
    /// Byte offset of the token's start in the input.
    pub start: usize,
    /// Byte offset one past the token's end in the input.
    pub end: usize,
    /// Token position (stopwords leave gaps).
    pub position: usize,
}

/// Runs `analyzer` over `text` and collects its tokens.
pub fn analyze_with(analyzer: &mut TextAnalyzer, text: &str) -> Vec<AnalyzedToken> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push(AnalyzedToken {
            term: t.text.clone(),
            original: text[t.offset_from..t.offset_to].to_string(),
            start: t.offset_from,
            end: t.offset_to,
            position: t.position,
        });
    }
    out
}

/// Runs the analyzer named `name` over `text`; `None` for an unknown name.
pub fn analyze(name: &str, text: &str) -> Option<Vec<AnalyzedToken>> {
    let mut a = analyzer_by_name(name)?;
    Some(analyze_with(&mut a, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_zwnj_and_offsets() {
        let text = "سەر\u{200C}کەوتن، و  ماڵ";
        let got: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, vec!["سەر\u{200C}کەوتن", "و", "ماڵ"]);
    }

    #[test]
    fn fold_table() {
        let cases = [
            ("كورد", "کورد"),
            ("ماله", "مالە"),
            ("ده\u{200C}ست", "دەست"),
            ("عەلي", "عەلی"),
            ("٢٠٢٤", "2024"),
            ("Kurd", "kurd"),
            ("ھەولێر", "هەولێر"),
            ("کـورد", "کورد"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_word(input), want, "fold_word({input:?})");
        }
    }

    #[test]
    fn key_merges_keyboard_variants() {
        for (a, b) in [("پووتین", "پوتین"), ("ئەردۆغان", "ئهردوغان"), ("وڵات", "ولات"), ("دەستان", "دستان")]
        {
            assert_eq!(phonetic_key(a), phonetic_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn a_stem_of_the_same_length_replaces_the_word() {
        // the stemmer may answer with a lexicon's lemma, borrowed and as long as the word
        let word = "بووە";
        let stem = stem_word(word);
        assert_ne!(stem, word, "this case needs a stem other than the word");
        let terms: Vec<String> = analyze(CKB_STEM, word).unwrap().into_iter().map(|t| t.term).collect();
        assert_eq!(terms, vec![stem.into_owned()]);
    }

    #[test]
    fn offsets_point_into_original() {
        let text = "ئهردۆغان و وڵاتهكهیان";
        for t in analyze(CKB_STEM, text).unwrap() {
            assert_eq!(&text[t.start..t.end], t.original);
        }
    }

    #[test]
    fn restored_words_keep_their_own_spans() {
        // a line in a legacy font: each word spans the letters it was
        // written with, not the whole line
        let font = "لە سالَی یەک ، لەڕۆژیَکی";
        let got: Vec<(String, String)> =
            analyze(CKB, font).unwrap().into_iter().map(|t| (t.term, t.original)).collect();
        let want = [("لە", "لە"), ("ساڵی", "سال\u{64e}ی"), ("یەک", "یەک"), ("لەڕۆژێکی", "لەڕۆژی\u{64e}کی")];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
        // words joined by digits in one piece, typed on an Arabic keyboard
        let joined = "ماله١كتێبه٢";
        let originals: Vec<String> = analyze(CKB, joined).unwrap().into_iter().map(|t| t.original).collect();
        assert_eq!(originals, ["ماله", "١", "كتێبه", "٢"]);
    }
}
