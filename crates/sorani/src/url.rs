//! Where URLs are in a text, so that the transforms that rewrite letters
//! (normalization, restoration) leave them as typed: a browser shows
//! `https://ckb.wikipedia.org/wiki/…` and older news sites' addresses with
//! their Arabic letters decoded (`…/story/201675-بۆمبێكی-…`, with Arabic
//! KAF), and changing one letter of the path breaks the link.
//!
//! A URL starts at `http://`, `https://` or `www.` (any case) and runs to
//! the next white space, less the punctuation that ends the sentence after
//! it (`.` `،` `»` `)` …, as the tokenizer trims it). What comes before it
//! does not matter: a rule that looked at it could see a URL in a text and
//! not in the text normalized (`ـhttp://` once the tatweel is gone), and
//! normalizing twice would then differ from normalizing once.

use std::ops::Range;

/// Whether `bytes` may hold a URL: a quick screen before [`url_spans`].
/// One pass for `://` and `www.` (it runs on every word that normalization
/// changes, so it builds no searcher).
pub(crate) fn may_hold_url(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b':', b'.', bytes).any(|p| url_mark_at(bytes, p))
}

/// Whether `bytes` may hold a URL or an `@` (of an email address or a
/// mention): [`may_hold_url`] and a search for `@` in one pass.
pub(crate) fn may_hold_url_or_at(bytes: &[u8]) -> bool {
    memchr::memchr3_iter(b':', b'.', b'@', bytes).any(|p| bytes[p] == b'@' || url_mark_at(bytes, p))
}

/// Whether the `:` or `.` at `p` is the `://` or the `www.` of a URL.
fn url_mark_at(bytes: &[u8], p: usize) -> bool {
    if bytes[p] == b':' {
        bytes[p + 1..].starts_with(b"//")
    } else {
        p >= 3 && bytes[p - 3..p].eq_ignore_ascii_case(b"www")
    }
}

/// The byte ranges of the URLs in `text`, in order.
pub(crate) fn url_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = matches!(bytes[i], b'h' | b'H' | b'w' | b'W') && url_head(&bytes[i..]);
        if !starts {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        let token = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
        let url = token.trim_end_matches(crate::tokenize::is_url_trailing);
        let head = if bytes[i..].starts_with(b"w") || bytes[i..].starts_with(b"W") {
            4
        } else {
            token.find("//").map_or(0, |p| p + 2)
        };
        if url.len() > head {
            spans.push(i..i + url.len());
        }
        i += token.len().max(1);
    }
    spans
}

/// Whether `rest` starts with `http://`, `https://` or `www.`, in any case.
fn url_head(rest: &[u8]) -> bool {
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    starts(b"http://") || starts(b"https://") || starts(b"www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        // the screen never misses one
        assert!(url_spans(text).is_empty() || may_hold_url(text.as_bytes()), "{text}");
        url_spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_urls_to_the_next_space_without_the_sentence_punctuation() {
        assert_eq!(
            urls("بڕوانە https://ckb.wikipedia.org/wiki/كوردستان."),
            ["https://ckb.wikipedia.org/wiki/كوردستان"]
        );
        assert_eq!(
            urls("«WWW.Example.com/هه‌واڵ»، و http://a.b/c?d=١"),
            ["WWW.Example.com/هه\u{200c}واڵ", "http://a.b/c?d=١"]
        );
        assert_eq!(urls("(https://a.b/c)"), ["https://a.b/c"]);
    }

    #[test]
    fn needs_a_scheme_or_www_and_something_after_it() {
        assert!(urls("ھhttp:// www. http://، ftp://a.b").is_empty());
        assert!(urls("واتە: ئێران www").is_empty());
        assert_eq!(urls("ئەوwww.a.b xhttp://c.d"), ["www.a.b", "http://c.d"]);
    }
}
