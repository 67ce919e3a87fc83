//! Evaluations of the foundation: `eval-normalize` and `eval-sentences`.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::Context;
use sorani::chars;
use sorani::sentence::sentence_spans;
use sorani::tokenize::tokenize;

use crate::shared::shared_dir;

/// `cargo xtask eval-normalize [--shared DIR] [--examples N] [FILE...]`
///
/// For each corpus (by default the clean awta-en-ckb Sorani side, then the
/// raw ktc-textbooks chapters for contrast), tokenizes every line, normalizes
/// it with the `standard` preset and counts the tokens that changed, by the
/// documented rule that changed them. A change no rule explains is counted as
/// `UNEXPLAINED` (the target is 0).
pub fn eval_normalize(args: &[String]) -> anyhow::Result<()> {
    let shared = shared_dir(args);
    let examples: usize = flag_value(args, "--examples").map(|v| v.parse()).transpose()?.unwrap_or(3);
    let files: Vec<String> = positional(args, &["--shared", "--examples"]);
    let corpora: Vec<(String, Vec<PathBuf>)> = if files.is_empty() {
        let awta = shared.join("data/awta-en-ckb/100000_samples_ku.txt");
        let ktc = shared.join("data/ktc-textbooks");
        if !awta.exists() {
            println!("skipped: {} not found (set --shared DIR or $SORANI_SHARED_DIR)", awta.display());
            return Ok(());
        }
        let mut ktc_files = Vec::new();
        collect_files(&ktc, "txt", &mut ktc_files)?;
        vec![("awta-en-ckb (clean)".into(), vec![awta]), ("ktc-textbooks (raw, not normalized)".into(), ktc_files)]
    } else {
        files.iter().map(|f| (f.clone(), vec![PathBuf::from(f)])).collect()
    };
    for (name, paths) in corpora {
        let mut tokens = 0u64;
        let mut changed = 0u64;
        let mut by_rule: BTreeMap<&'static str, (u64, Vec<String>)> = BTreeMap::new();
        for path in &paths {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            for line in text.lines() {
                let out = sorani::normalize(line);
                let unchanged = matches!(out, std::borrow::Cow::Borrowed(_));
                for token in tokenize(line) {
                    tokens += 1;
                    if unchanged {
                        continue;
                    }
                    // Normalize the token with its neighbours (rules look one character around).
                    let from =
                        line[..token.start].chars().next_back().map_or(token.start, |c| token.start - c.len_utf8());
                    let to = line[token.end..].chars().next().map_or(token.end, |c| token.end + c.len_utf8());
                    let window = &line[from..to];
                    let normalized = sorani::normalize(window);
                    if normalized == window {
                        continue;
                    }
                    changed += 1;
                    for rule in explain(window, token.start - from, token.text) {
                        let entry = by_rule.entry(rule).or_default();
                        entry.0 += 1;
                        if entry.1.len() < examples {
                            entry.1.push(format!("{:?} → {:?}", window, normalized));
                        }
                    }
                }
            }
        }
        println!("== {name}: {} file(s)", paths.len());
        println!(
            "tokens {tokens}, changed by `standard` {changed} ({:.3}%)",
            100.0 * changed as f64 / tokens.max(1) as f64
        );
        for (rule, (count, samples)) in &by_rule {
            println!("  {rule:<44} {count:>8} ({:.3}% of tokens)", 100.0 * *count as f64 / tokens.max(1) as f64);
            for s in samples {
                println!("      e.g. {s}");
            }
        }
    }
    Ok(())
}

/// The documented rules that apply to a token (with one character of context).
fn explain(window: &str, token_at: usize, token: &str) -> Vec<&'static str> {
    let mut rules = Vec::new();
    let mut push = |r| {
        if !rules.contains(&r) {
            rules.push(r)
        }
    };
    let chars: Vec<char> = window.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'ك' => push("ARABIC KAF → ک"),
            'ي' | 'ى' => push("ARABIC YEH / ALEF MAKSURA → ی"),
            'ة' => push("TEH MARBUTA → ە"),
            'ؤ' => push("WAW WITH HAMZA → ۆ"),
            'ڒ' => push("REH WITH SMALL V → ڕ"),
            'ھ' => push("HEH DOACHASHMEE → ه"),
            chars::TATWEEL => push("tatweel removed"),
            chars::ZWNJ => {
                if i > 0 && matches!(chars[i - 1], 'ه' | 'ھ') {
                    push("HEH + ZWNJ → ە")
                } else {
                    push("ZWNJ not between joining letters removed")
                }
            }
            'ر' if i == 0
                || !(chars[i - 1].is_alphanumeric() || chars::is_mark(chars[i - 1]) || chars[i - 1] == chars::ZWNJ) =>
            {
                push("word-initial ر → ڕ")
            }
            _ if chars::is_removable_format(c) => push("format / bidi control removed"),
            _ if chars::is_other_space(c) => push("space → U+0020"),
            _ if chars::is_presentation_form(c) => push("presentation form → letters"),
            _ if chars::is_harakat(c) => push("harakat removed"),
            _ if chars::is_mark(c) => push("NFC / composition of marks"),
            _ if !c.is_ascii()
                && !chars::in_arabic_block(c)
                && sorani::normalize(c.encode_utf8(&mut [0; 4])) != c.to_string() =>
            {
                push("NFC (canonical equivalent, e.g. OHM SIGN → OMEGA)")
            }
            _ => {}
        }
    }
    if rules.is_empty() {
        let _ = (token_at, token);
        rules.push("UNEXPLAINED");
    }
    rules
}

/// `cargo xtask eval-sentences [--shared DIR] [--errors N]`
///
/// Scores `sentence_spans` against the ktc-segmented reference: each `<s>` of
/// a chapter XML file is a sentence of the raw chapter in ktc-textbooks.
/// Boundaries are compared as positions counted in non-white-space characters.
/// Scored boundaries are those right after a terminal mark (`.` `!` `…` with
/// closers); boundaries whose mark run holds `؟` (never split by the
/// annotators) and boundaries with no terminal mark (line breaks: headings,
/// which the annotators glue to the next sentence) are left out of the score
/// on both sides. Chapters are split by position in sorted order: two of
/// every three for tuning (dev), every third held out (test).
pub fn eval_sentences(args: &[String]) -> anyhow::Result<()> {
    let shared = shared_dir(args);
    let errors: usize = flag_value(args, "--errors").map(|v| v.parse()).transpose()?.unwrap_or(0);
    let seg_dir = shared.join("data/ktc-segmented");
    let raw_dir = shared.join("data/ktc-textbooks");
    if !seg_dir.exists() || !raw_dir.exists() {
        println!(
            "skipped: {} or {} not found (set --shared DIR or $SORANI_SHARED_DIR)",
            seg_dir.display(),
            raw_dir.display()
        );
        return Ok(());
    }
    let mut xml = Vec::new();
    collect_files(&seg_dir, "xml", &mut xml)?;
    xml.sort();
    let mut dev = Score::default();
    let mut test = Score::default();
    let mut dev_naive = Score::default();
    let mut test_naive = Score::default();
    let mut shown = 0;
    let (mut dev_files, mut test_files) = (0, 0);
    for (index, path) in xml.iter().enumerate() {
        let rel = path.strip_prefix(&seg_dir)?;
        let raw_path = raw_dir.join(rel).with_extension("txt");
        let Ok(raw) = std::fs::read_to_string(&raw_path) else {
            println!("note: no raw chapter for {}", rel.display());
            continue;
        };
        let reference = std::fs::read_to_string(path)?;
        let sentences = parse_sentences(&reference);
        let gold = gold_boundaries(&sentences);
        let held_out = index % 3 == 2;
        let nonspace = nonspace_index(&raw);
        let total = *nonspace.last().unwrap_or(&0);
        let ours: Vec<usize> = sentence_spans(&raw).map(|r| nonspace[r.end]).collect();
        let naive = naive_boundaries(&raw, &nonspace);
        let scored = |b: &[usize]| -> HashSet<usize> {
            b.iter().copied().filter(|&k| k > 0 && k < total && scored_boundary(&raw, &nonspace, k)).collect()
        };
        let gold_set = scored(&gold);
        let ours_set = scored(&ours);
        let naive_set = scored(&naive);
        let (score, naive_score) = if held_out { (&mut test, &mut test_naive) } else { (&mut dev, &mut dev_naive) };
        if held_out {
            test_files += 1
        } else {
            dev_files += 1
        }
        score.add(&gold_set, &ours_set);
        naive_score.add(&gold_set, &naive_set);
        if !held_out && shown < errors {
            for &k in gold_set.symmetric_difference(&ours_set) {
                if shown >= errors {
                    break;
                }
                shown += 1;
                let at = nonspace.partition_point(|&n| n < k);
                let from = floor_char(&raw, at.saturating_sub(60));
                let to = floor_char(&raw, (at + 40).min(raw.len()));
                let kind = if gold_set.contains(&k) { "missed" } else { "extra " };
                println!(
                    "{kind} {}: {}⟦|⟧{}",
                    rel.display(),
                    raw[from..at].replace('\n', "⏎"),
                    raw[at..to].replace('\n', "⏎")
                );
            }
        }
    }
    println!("sentence boundaries vs ktc-segmented (scored: after . ! … ; not after ؟ ; not at bare line breaks)");
    println!("  dev  ({dev_files} chapters)  sorani {}   naive {}", dev.report(), dev_naive.report());
    println!("  test ({test_files} chapters)  sorani {}   naive {}", test.report(), test_naive.report());
    Ok(())
}

#[derive(Default)]
struct Score {
    tp: u64,
    fp: u64,
    fn_: u64,
}

impl Score {
    fn add(&mut self, gold: &HashSet<usize>, ours: &HashSet<usize>) {
        self.tp += gold.intersection(ours).count() as u64;
        self.fp += ours.difference(gold).count() as u64;
        self.fn_ += gold.difference(ours).count() as u64;
    }

    fn report(&self) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("P {p:.4} R {r:.4} F1 {f:.4} (tp {} fp {} fn {})", self.tp, self.fp, self.fn_)
    }
}

/// `<s>` contents of a ktc-segmented chapter, XML entities decoded.
fn parse_sentences(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find("<s>") {
        let after = &rest[open + 3..];
        let Some(close) = after.find("</s>") else { break };
        out.push(
            after[..close]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        rest = &after[close + 4..];
    }
    out
}

/// Reference boundaries in non-white-space characters.
fn gold_boundaries(sentences: &[String]) -> Vec<usize> {
    let mut k = 0;
    sentences
        .iter()
        .map(|s| {
            k += s.chars().filter(|c| !c.is_whitespace()).count();
            k
        })
        .collect()
}

/// For each byte offset (and the end), the count of non-white-space chars before it.
fn nonspace_index(text: &str) -> Vec<usize> {
    let mut index = vec![0; text.len() + 1];
    let mut k = 0;
    for (i, c) in text.char_indices() {
        for slot in &mut index[i..i + c.len_utf8()] {
            *slot = k;
        }
        if !c.is_whitespace() {
            k += 1;
        }
    }
    index[text.len()] = k;
    index
}

/// Whether the boundary after `k` non-white-space chars is scored: the
/// characters before it end in a terminal mark run (closers allowed) that
/// holds no `؟`.
fn scored_boundary(text: &str, nonspace: &[usize], k: usize) -> bool {
    // Byte offset just after the k-th non-space char.
    let at = nonspace.partition_point(|&n| n < k);
    let before: Vec<char> = text[..at].chars().rev().filter(|c| !c.is_whitespace()).take(12).collect();
    let mut iter = before.into_iter().skip_while(|&c| matches!(c, '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}'));
    let mut any = false;
    for c in iter.by_ref() {
        match c {
            '؟' => return false,
            '.' | '!' | '?' | '…' | '۔' => any = true,
            _ => break,
        }
    }
    any
}

/// The baseline the issue quotes: a split after . ! ? ؟ followed by a space.
fn naive_boundaries(text: &str, nonspace: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if matches!(c, '.' | '!' | '?' | '؟') && iter.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
            out.push(nonspace[i + c.len_utf8()]);
        }
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn collect_files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, ext, out)?;
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

fn flag_value<'a>(args: &'a [String], flag: &str) -> Option<&'a String> {
    args.iter().position(|a| a == flag).and_then(|p| args.get(p + 1))
}

fn positional(args: &[String], flags_with_values: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if flags_with_values.contains(&a.as_str()) {
            skip = true;
            continue;
        }
        if !a.starts_with("--") {
            out.push(a.clone());
        }
    }
    out
}
