//! Sentence splitter over the tokens of [`crate::tokenize`].
//!
//! Why it exists: the tagger and parser work sentence by sentence, and the coder's
//! evidence is a sentence; a sentence cut in two loses its subject or object, two
//! sentences glued together invent relations between them.
//!
//! Why it is built this way: in news English nearly every boundary is a `.`, `!` or `?`
//! token followed by a new sentence; the hard cases (abbreviations, initials, decimals)
//! are settled earlier by the tokenizer, which keeps an abbreviation's period on the
//! abbreviation unless it ends a sentence (it looks at the next word for that). So the
//! splitter is a small set of rules over token forms and the whitespace between tokens:
//!
//! * break after a run of `.`/`!`/`?` plus any closing quotes and brackets glued to it,
//!   unless the next token continues the sentence (a lower-case word after `?`/`!`,
//!   as in `"Why?" he asked`, or punctuation such as `,`);
//! * after an ellipsis, break only when a capitalised word follows;
//! * always break at a blank line (a paragraph), and at a single line break that ends
//!   a headline-like line (short, no final punctuation) or a list item, or that is
//!   followed by a list item;
//! * never produce an empty sentence; every token belongs to exactly one sentence.
//!
//! On top of the rules, a small averaged perceptron (`data/sentence_model.tsv`, ~1,000
//! weights, trained on the raw text of EWT train by [`train_boundary_model`]; the command
//! is in `tests/eval_train_splitter.rs`) may *add* boundaries the rules cannot see: a
//! capitalised word or number after a word with no final punctuation (web and e-mail
//! text, and news subheadings run into the text, as in `A final decision If the ...`).
//! It never removes a rule boundary and is not consulted after dashes, brackets,
//! quotes, commas or ellipses, where news sentences go on: trained freely, it learned
//! web habits (a break after `—`) that hurt news.

use std::ops::Range;

/// Sentence boundaries as ranges of token indices (in order, covering all tokens).
pub fn split_sentences(text: &str, tokens: &[(u32, u32)]) -> Vec<Range<usize>> {
    split_sentences_with(boundary_model(), text, tokens)
}

/// [`split_sentences`] with a given boundary model (for training and evaluation).
pub fn split_sentences_with(
    model: &BoundaryModel,
    text: &str,
    tokens: &[(u32, u32)],
) -> Vec<Range<usize>> {
    let rules = split_by_rules(text, tokens);
    if model.weights.is_empty() || tokens.len() < 2 {
        return rules;
    }
    let mut rule_end = vec![false; tokens.len()];
    for r in &rules {
        rule_end[r.end - 1] = true;
    }
    let mut out = Vec::with_capacity(rules.len());
    let mut start = 0;
    let n = tokens.len();
    for i in 0..n {
        let brk = if i + 1 == n {
            true
        } else {
            if rule_end[i] {
                true
            } else if !text
                .get(tokens[i + 1].0 as usize..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                false // fast path: see Gap::may_add
            } else {
                // The rules' boundaries stand (news punctuation is reliable); the model
                // only adds boundaries the rules cannot see.
                // Trained on all such gaps, but not used after a number: in news a
                // number runs on into a capitalised word (`821,838 Chinese nationals`).
                let g = Gap::new(text, tokens, i);
                g.may_add()
                    && !g.cur.starts_with(|c: char| c.is_numeric())
                    && model.score(&g, false) > 0.0
            }
        };
        if brk {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// The rule-based splitter alone (the model's main feature).
pub fn split_by_rules(text: &str, tokens: &[(u32, u32)]) -> Vec<Range<usize>> {
    let n = tokens.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    let form = |i: usize| {
        text.get(tokens[i].0 as usize..tokens[i].1 as usize)
            .unwrap_or("")
    };
    let gap = |i: usize| {
        // Whitespace between token i and i+1.
        let a = tokens[i].1 as usize;
        let b = tokens.get(i + 1).map_or(text.len(), |t| t.0 as usize);
        text.get(a..b.max(a)).unwrap_or("")
    };
    let mut start = 0;
    let mut line_start = 0; // first token of the current line
    let mut i = 0;
    while i < n {
        let f = form(i);
        let mut end = i; // last token of the candidate sentence
        let mut brk = false;
        // A terminal that opens a sentence (`... Bosnia needs`) does not close it.
        let opening_ellipsis = i == start && (f.starts_with("..") || f.contains('\u{2026}'));
        if is_terminal(f) && !opening_ellipsis {
            // Glue closing quotes/brackets written right after the terminal.
            while end + 1 < n && tokens[end + 1].0 == tokens[end].1 && is_closer(form(end + 1)) {
                end += 1;
            }
            // An emoticon after the terminal belongs to the sentence it comments on.
            while end + 1 < n && is_emoticon(form(end + 1)) {
                end += 1;
            }
            brk = match tokens.get(end + 1) {
                None => true,
                Some(_) => {
                    let next = form(end + 1);
                    let ellipsis = f.starts_with("..") || f.contains('\u{2026}');
                    let first = next.chars().next().unwrap_or(' ');
                    if ellipsis {
                        first.is_uppercase()
                            || first.is_ascii_digit()
                            || is_opener(next)
                            || newlines(gap(end)) > 0
                    } else if f.contains(['?', '!']) {
                        // `"Why?" he asked`: a closing quote glued to the mark, then a
                        // lower-case word, continues the sentence.
                        // `"Why now?" Khan asked`: a quote closed on ?/! followed by its
                        // attribution.
                        let attribution = end > i && {
                            let mut k = end + 1;
                            while k < n
                                && k <= end + 4
                                && form(k).chars().next().is_some_and(char::is_uppercase)
                            {
                                k += 1;
                            }
                            k > end + 1 && k < n && is_speech_verb(form(k))
                        };
                        !((end > i && first.is_lowercase())
                            || attribution
                            || is_continuing_punct(next))
                    } else {
                        !is_continuing_punct(next)
                    }
                }
            };
        }
        // Line breaks.
        let nl = newlines(gap(end));
        if !brk && end + 1 < n && nl > 0 {
            if nl >= 2 {
                brk = true;
            } else {
                let line: Vec<&str> = (line_start..=end).map(form).collect();
                let next = form(end + 1);
                brk = is_list_item_start(&line, 0)
                    || is_list_item_start(&[next, if end + 2 < n { form(end + 2) } else { "" }], 0)
                    || is_headline_like(&line);
            }
        }
        if nl > 0 {
            line_start = end + 1;
        }
        if brk || end + 1 >= n {
            out.push(start..end + 1);
            start = end + 1;
        }
        i = end + 1;
    }
    out
}

fn newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// A run of sentence-final punctuation: `.`, `!`, `?`, `...`, `…`, `?!`.
fn is_terminal(f: &str) -> bool {
    !f.is_empty()
        && f.chars().all(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '\u{2026}' | '\u{203C}' | '\u{2047}' | '\u{2049}'
            )
        })
}

/// Verbs of saying that follow a quotation and its speaker.
fn is_speech_verb(f: &str) -> bool {
    matches!(
        f,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "replied"
            | "replies"
            | "tweeted"
            | "posted"
            | "stated"
            | "declared"
            | "insisted"
            | "warned"
            | "continued"
            | "explained"
            | "noted"
            | "remarked"
            | "exclaimed"
            | "shouted"
    )
}

fn is_emoticon(f: &str) -> bool {
    matches!(
        f,
        ":)" | ":(" | ":-)" | ":-(" | ";)" | ";-)" | ":D" | ":-D" | ":P" | ":p"
    )
}

fn is_closer(f: &str) -> bool {
    !f.is_empty()
        && f.chars().all(|c| {
            matches!(
                c,
                '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '}' | '\u{00BB}'
            )
        })
}

fn is_opener(f: &str) -> bool {
    !f.is_empty()
        && f.chars().all(|c| {
            matches!(
                c,
                '"' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}' | '`'
            )
        })
}

/// Punctuation that continues a sentence after a terminal: `,`, `;`, `:`, `)`, `-`.
fn is_continuing_punct(f: &str) -> bool {
    matches!(
        f,
        "," | ";" | ":" | ")" | "]" | "-" | "--" | "\u{2013}" | "\u{2014}" | "%"
    )
}

/// `-`, `*`, `•`, `1.`, `1)`, `a)` at the start of a line.
fn is_list_item_start(line: &[&str], k: usize) -> bool {
    let Some(first) = line.get(k) else {
        return false;
    };
    if matches!(
        *first,
        "-" | "*" | "\u{2022}" | "\u{00B7}" | "\u{2013}" | "\u{2014}" | ">" | "o"
    ) && line.len() > 1
    {
        return *first != "o"
            || line
                .get(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    }
    let second = line.get(k + 1).copied().unwrap_or("");
    let numbered = first.len() <= 3 && first.chars().all(|c| c.is_ascii_digit());
    let lettered = first.len() == 1 && first.chars().all(|c| c.is_ascii_lowercase());
    (numbered || lettered) && matches!(second, "." | ")")
        || (first.len() <= 4
            && first.ends_with('.')
            && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit())
            && first.len() > 1)
}

/// A line that reads like a headline or a label: no final punctuation, at most 12
/// tokens, and not ending in a word or mark that needs a continuation.
fn is_headline_like(line: &[&str]) -> bool {
    let Some(last) = line.last() else {
        return false;
    };
    if line.len() > 12 {
        return false;
    }
    if matches!(
        *last,
        "," | "-" | "--" | "(" | "[" | "&" | "/" | "\u{2013}" | "\u{2014}" | "\"" | "\u{201C}"
    ) {
        return false;
    }
    let lw = last.to_ascii_lowercase();
    !matches!(
        lw.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "and"
            | "or"
            | "but"
            | "for"
            | "with"
            | "by"
            | "at"
            | "from"
            | "that"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "his"
            | "her"
            | "their"
            | "its"
    )
}

// ---------------------------------------------------------------------------------
// Boundary classifier: an averaged perceptron over the gaps between tokens, with the
// rule decision as one feature, trained on the raw text of EWT train
// (`data/sentence_model.tsv`, see `train_boundary_model`).

/// One gap between token `i` and `i + 1`.
struct Gap<'a> {
    prev: &'a str,
    cur: &'a str,
    next: &'a str,
    next2: &'a str,
    newlines: usize,
    /// No whitespace between the tokens.
    glued: bool,
}

impl<'a> Gap<'a> {
    fn new(text: &'a str, tokens: &[(u32, u32)], i: usize) -> Gap<'a> {
        let form = |k: usize| {
            tokens
                .get(k)
                .and_then(|t| text.get(t.0 as usize..t.1 as usize))
                .unwrap_or("")
        };
        let a = tokens[i].1 as usize;
        let b = tokens.get(i + 1).map_or(text.len(), |t| t.0 as usize);
        let gap = text.get(a..b.max(a)).unwrap_or("");
        Gap {
            prev: if i > 0 { form(i - 1) } else { "" },
            cur: form(i),
            next: form(i + 1),
            next2: form(i + 2),
            newlines: newlines(gap),
            glued: gap.is_empty(),
        }
    }

    /// Gaps where the model may add a boundary the rules did not find: whitespace
    /// between, a capital or digit after, and before it a word, number, terminal or
    /// emoticon — not a dash, bracket, quote, comma or ellipsis, where a news sentence
    /// goes on.
    fn may_add(&self) -> bool {
        if self.glued {
            return false;
        }
        let c1 = self.next.chars().next().unwrap_or(' ');
        if !(c1.is_uppercase() || c1.is_ascii_digit()) {
            return false;
        }
        let c0 = self.cur.chars().next().unwrap_or(' ');
        if c0.is_alphanumeric() {
            // Not a clitic-like piece.
            return !self.cur.contains(['\'', '\u{2019}']);
        }
        (is_terminal(self.cur) && !self.cur.starts_with("..") && !self.cur.contains('\u{2026}'))
            || is_emoticon(self.cur)
            || matches!(self.cur, ">" | ">>" | "*" | "!!")
    }

    /// Calls `f` with each feature's template and parts.
    fn each_feature(&self, rule: bool, mut f: impl FnMut(&[u8], Part, Part)) {
        let r: &[u8] = if rule { b"1" } else { b"0" };
        let nl: &[u8] = match self.newlines {
            0 => b"0",
            1 => b"1",
            _ => b"2",
        };
        let mut sh = [[0u8; 8]; 4];
        let [b0, b1, b2, b3] = &mut sh;
        let s_prev = shape(self.prev, b0);
        let s_cur = shape(self.cur, b1);
        let s_next = shape(self.next, b2);
        let s_next2 = shape(self.next2, b3);
        let rs = [s_cur, b"_", s_next].concat_small();
        use Part::{Lit, Low};
        let feats: [(&[u8], Part, Part); 14] = [
            (b"bias", Lit(b""), Lit(b"")),
            (b"r", Lit(r), Lit(b"")),
            (b"r_nl", Lit(r), Lit(nl)),
            (b"w0", Low(self.cur), Lit(b"")),
            (b"w1", Low(self.next), Lit(b"")),
            (b"wm1", Low(self.prev), Lit(b"")),
            (b"s0s1", Lit(s_cur), Lit(s_next)),
            (b"r_s0s1", Lit(r), Lit(&rs)),
            (b"w0s1", Low(self.cur), Lit(s_next)),
            (b"s0w1", Lit(s_cur), Low(self.next)),
            (b"w0w1", Low(self.cur), Low(self.next)),
            (b"sm1s0", Lit(s_prev), Lit(s_cur)),
            (b"s1s2", Lit(s_next), Lit(s_next2)),
            (b"r_w0", Lit(r), Low(self.cur)),
        ];
        for (t, a, b) in feats {
            f(t, a, b);
        }
    }

    /// Calls `f` with each feature's hash.
    fn features(&self, rule: bool, mut f: impl FnMut(u64)) {
        self.each_feature(rule, |t, a, b| f(feature_hash(t, a, b)));
    }

    /// Calls `f` with each feature's hash and readable name.
    fn feature_names(&self, rule: bool, mut f: impl FnMut(u64, String)) {
        self.each_feature(rule, |t, a, b| {
            f(feature_hash(t, a, b), feature_string(t, a, b))
        });
    }
}

/// A feature part: literal bytes, or a word lower-cased (ASCII) on the fly.
#[derive(Clone, Copy)]
enum Part<'a> {
    Lit(&'a [u8]),
    Low(&'a str),
}

trait ConcatSmall {
    fn concat_small(&self) -> SmallBuf;
}

/// A short byte string on the stack.
struct SmallBuf {
    buf: [u8; 24],
    len: usize,
}

impl std::ops::Deref for SmallBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl ConcatSmall for [&[u8]; 3] {
    fn concat_small(&self) -> SmallBuf {
        let mut b = SmallBuf {
            buf: [0; 24],
            len: 0,
        };
        for part in self {
            for &c in *part {
                if b.len < b.buf.len() {
                    b.buf[b.len] = c;
                    b.len += 1;
                }
            }
        }
        b
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn part_hash(h: u64, p: Part) -> u64 {
    match p {
        Part::Lit(b) => fnv(h, b.iter().copied()),
        // Long words are cut at 24 bytes (URLs and the like).
        Part::Low(w) => fnv(h, w.bytes().take(24).map(|c| c.to_ascii_lowercase())),
    }
}

fn feature_hash(template: &[u8], a: Part, b: Part) -> u64 {
    let h = fnv(FNV_OFFSET, template.iter().copied());
    let h = part_hash(fnv(h, [b'=']), a);
    part_hash(fnv(h, [0x1f]), b)
}

/// The human-readable form of a feature (written next to its hash in the model file).
fn feature_string(template: &[u8], a: Part, b: Part) -> String {
    let s = |p: Part| match p {
        Part::Lit(b) => String::from_utf8_lossy(b).into_owned(),
        Part::Low(w) => w
            .bytes()
            .take(24)
            .map(|c| c.to_ascii_lowercase() as char)
            .collect(),
    };
    format!("{}={}|{}", String::from_utf8_lossy(template), s(a), s(b))
}

/// Word shape: X upper, x lower, d digit, other chars as themselves; runs collapsed;
/// at most 8 bytes.
fn shape<'b>(w: &str, buf: &'b mut [u8; 8]) -> &'b [u8] {
    let mut n = 0;
    let mut last = 0u8;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if k != last && n < buf.len() {
            buf[n] = k;
            n += 1;
            last = k;
        }
    }
    &buf[..n]
}

/// Weights of the boundary model (empty: rules only).
#[derive(Debug, Default)]
pub struct BoundaryModel {
    weights: std::collections::HashMap<u64, f32, BuildIdHasher>,
}

/// The keys are already FNV hashes: use them as they are.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0 ^ FNV_OFFSET, bytes.iter().copied());
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type BuildIdHasher = std::hash::BuildHasherDefault<IdHasher>;

impl BoundaryModel {
    fn score(&self, g: &Gap, rule: bool) -> f32 {
        let mut s = 0.0;
        g.features(rule, |h| s += self.weights.get(&h).copied().unwrap_or(0.0));
        s
    }
}

/// The built-in model (`data/sentence_model.tsv`).
pub fn boundary_model() -> &'static BoundaryModel {
    static M: std::sync::OnceLock<BoundaryModel> = std::sync::OnceLock::new();
    M.get_or_init(|| BoundaryModel::parse(include_str!("../data/sentence_model.tsv")))
}

impl BoundaryModel {
    /// Reads a model file written by [`train_boundary_model`]; malformed lines are
    /// ignored (the model is built in, so it is checked by the tests).
    pub fn parse(src: &str) -> BoundaryModel {
        parse_model(src)
    }
    /// Number of weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

fn parse_model(src: &str) -> BoundaryModel {
    let mut weights = std::collections::HashMap::default();
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(h), Some(w)) = (cols.next(), cols.next()) else {
            continue;
        };
        if let (Ok(h), Ok(w)) = (u64::from_str_radix(h, 16), w.parse::<f32>()) {
            weights.insert(h, w);
        }
    }
    BoundaryModel { weights }
}

/// Trains the boundary model on raw texts with gold sentence end offsets (byte offsets
/// where a sentence's last token ends), returning the model file's content. The
/// training is deterministic: same input, same file. `epochs` passes of an averaged
/// perceptron; features seen fewer than `min_count` times are dropped.
pub fn train_boundary_model(
    docs: &[(String, Vec<usize>)],
    epochs: usize,
    min_count: u32,
) -> String {
    use std::collections::{BTreeMap, HashMap, HashSet};
    // Collect examples: (feature hashes, label).
    let mut examples: Vec<(Vec<u64>, bool)> = Vec::new();
    let mut names: HashMap<u64, String> = HashMap::new();
    let mut counts: HashMap<u64, u32> = HashMap::new();
    for (text, ends) in docs {
        let ends: HashSet<usize> = ends.iter().copied().collect();
        let tokens = crate::tokenize::tokenize(text);
        let rules = split_by_rules(text, &tokens);
        let mut rule_end = vec![false; tokens.len()];
        for r in &rules {
            rule_end[r.end - 1] = true;
        }
        for i in 0..tokens.len().saturating_sub(1) {
            let g = Gap::new(text, &tokens, i);
            if rule_end[i] || !g.may_add() {
                continue;
            }
            let mut hs = Vec::with_capacity(16);
            g.features(rule_end[i], |h| hs.push(h));
            for &h in &hs {
                *counts.entry(h).or_insert(0) += 1;
            }
            if names.len() < 2_000_000 {
                g.feature_names(rule_end[i], |h, s| {
                    names.entry(h).or_insert(s);
                });
            }
            examples.push((hs, ends.contains(&(tokens[i].1 as usize))));
        }
    }
    // Averaged perceptron.
    let mut w: HashMap<u64, f64> = HashMap::new();
    let mut acc: HashMap<u64, f64> = HashMap::new(); // sum of c * update
    let mut c = 1.0f64;
    for _ in 0..epochs {
        for (hs, label) in &examples {
            let s: f64 = hs.iter().map(|h| w.get(h).copied().unwrap_or(0.0)).sum();
            let pred = s > 0.0;
            if pred != *label {
                let y = if *label { 1.0 } else { -1.0 };
                for &h in hs {
                    if counts.get(&h).copied().unwrap_or(0) < min_count {
                        continue;
                    }
                    *w.entry(h).or_insert(0.0) += y;
                    *acc.entry(h).or_insert(0.0) += c * y;
                }
            }
            c += 1.0;
        }
    }
    let mut out = BTreeMap::new();
    for (h, wv) in &w {
        let avg = wv - acc.get(h).copied().unwrap_or(0.0) / c;
        if avg.abs() >= 1e-3 {
            out.insert(*h, avg);
        }
    }
    let mut s = String::from(
        "# Sentence boundary model (averaged perceptron), trained on UD English-EWT train\n\
         # (CC BY-SA 4.0) by attache_text::segment::train_boundary_model.\n\
         # Columns: feature hash (FNV-1a, hex), weight, feature.\n",
    );
    for (h, wv) in out {
        let name = names.get(&h).map(String::as_str).unwrap_or("?");
        s.push_str(&format!("{h:016x}\t{wv:.3}\t{name}\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(t: &str) -> Vec<String> {
        let toks = tokenize(t);
        split_sentences(t, &toks)
            .into_iter()
            .map(|r| t[toks[r.start].0 as usize..toks[r.end - 1].1 as usize].to_string())
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(sents("One. Two! Three?"), ["One.", "Two!", "Three?"]);
        assert_eq!(
            sents("\"Go,\" he said. \"Now.\" Then"),
            ["\"Go,\" he said.", "\"Now.\"", "Then"]
        );
    }
}
