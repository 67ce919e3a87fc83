//! Rebuilding a text with some of its spans replaced, borrowed when none is:
//! what restoration, spelling fixes and the like hand back.

use std::borrow::Cow;

/// `text` with each `(start, end, replacement)` span (in order, apart, on
/// character boundaries) replaced; borrowed when there is none.
pub(crate) fn splice<S: AsRef<str>>(text: &str, spans: impl IntoIterator<Item = (usize, usize, S)>) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut last = 0usize;
    for (start, end, replacement) in spans {
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 8 + 16));
        buf.push_str(&text[last..start]);
        buf.push_str(replacement.as_ref());
        last = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut buf) => {
            buf.push_str(&text[last..]);
            Cow::Owned(buf)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_replaced_and_nothing_else() {
        assert!(matches!(splice("ئەمە", std::iter::empty::<(usize, usize, &str)>()), Cow::Borrowed("ئەمە")));
        assert_eq!(splice("a bc d", [(2, 4, "XYZ")]), "a XYZ d");
        assert_eq!(splice("a bc d", [(0, 1, String::from("A")), (5, 6, String::new())]), "A bc ");
    }
}
