//! Evaluation of the NLP pipeline against a gold CoNLL-U treebank, in the manner of the
//! CoNLL 2018 shared task (the `conll18_ud_eval.py` metrics), and conversion of parsed
//! documents to CoNLL-U.
//!
//! Why it exists: the targets of the NLP work (tokens and sentences F1 from raw text,
//! UPOS/XPOS/lemma accuracy and UAS/LAS on gold tokens and end to end) must be measured
//! the way the field measures them, so that our numbers are comparable with UDPipe and
//! Stanza, and reproducible with one command (`attache eval nlp`).
//!
//! How (our own implementation of the published algorithm):
//!
//! * the raw text of a gold file is rebuilt as UD's `.txt` files are: each sentence's
//!   `# text`, joined by a space within a paragraph, paragraphs and documents separated
//!   by an empty line (`\n\n`), no line wrapping;
//! * gold and system files are compared over the sequence of their non-whitespace
//!   characters: every token, word and sentence becomes a span in that sequence, so
//!   different whitespace does not matter;
//! * tokens and sentences are scored by exact span match (precision, recall, F1);
//! * words are aligned: outside multiword tokens by identical spans; inside a region
//!   covered by multiword tokens (`don't` = `do` + `n't`) by the longest common
//!   subsequence of their lower-cased forms;
//! * tag, lemma and attachment metrics count aligned words whose values agree (for UAS
//!   the heads must be aligned to each other, or both be the root; LAS also compares
//!   the universal part of the relation), and are reported as F1 over gold and system
//!   words — equal to accuracy when the tokenization is the gold one.

use serde::Serialize;

use crate::conllu::{ConlluSentence, ConlluWord};
use crate::doc::{Doc, Sentence};
use crate::pipeline::Pipeline;
use crate::tokenize::joins_previous;

/// Counts behind one metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Metric {
    /// Units in the gold file.
    pub gold: usize,
    /// Units in the system file.
    pub system: usize,
    /// Units counted as correct.
    pub correct: usize,
    /// Aligned words (for word-level metrics; equals `gold` on gold tokenization).
    pub aligned: usize,
}

impl Metric {
    pub fn precision(&self) -> f64 {
        pct(self.correct, self.system)
    }
    pub fn recall(&self) -> f64 {
        pct(self.correct, self.gold)
    }
    /// F1 in percent (100 when both sides are empty).
    pub fn f1(&self) -> f64 {
        if self.gold + self.system == 0 {
            return 100.0;
        }
        200.0 * self.correct as f64 / (self.gold + self.system) as f64
    }
    /// Correct among aligned words, in percent.
    pub fn aligned_accuracy(&self) -> f64 {
        pct(self.correct, self.aligned)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        if a == 0 {
            100.0
        } else {
            0.0
        }
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// All metrics of one comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Scores {
    pub tokens: Metric,
    pub sentences: Metric,
    pub words: Metric,
    pub upos: Metric,
    pub xpos: Metric,
    pub feats: Metric,
    pub lemmas: Metric,
    pub uas: Metric,
    pub las: Metric,
    /// False when the two files do not have the same non-whitespace characters; the
    /// scores are then computed anyway but are not meaningful in the CoNLL 2018 sense.
    pub same_text: bool,
}

/// The numbers `attache eval nlp` prints (percentages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct NlpReport {
    /// Tokens F1, raw text.
    pub tokens_f1: f64,
    /// Sentences F1, raw text.
    pub sentences_f1: f64,
    /// Words F1, raw text (multiword tokens split).
    pub words_f1: f64,
    /// Gold tokenization, predicted tags and trees.
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    /// End to end from raw text (aligned-word F1).
    pub e2e_upos: f64,
    pub e2e_uas: f64,
    pub e2e_las: f64,
    /// Gold sentences and words.
    pub sentences: usize,
    pub words: usize,
}

// ---------------------------------------------------------------------------------
// Raw text

/// The raw text of a treebank, as UD's `.txt` files are made: sentences' `# text`
/// joined by a space within a paragraph, paragraphs and documents separated by an
/// empty line. A sentence without `# text` contributes its word forms (respecting
/// `SpaceAfter=No`).
pub fn raw_text(gold: &[ConlluSentence]) -> String {
    raw_text_with_ends(gold).0
}

/// [`raw_text`] and the byte offset in it where each sentence ends (training data for
/// the sentence splitter).
pub fn raw_text_with_ends(gold: &[ConlluSentence]) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut ends = Vec::with_capacity(gold.len());
    for (i, s) in gold.iter().enumerate() {
        if i > 0 {
            if s.new_doc() || s.new_par() {
                out.push_str("\n\n");
            } else {
                out.push(' ');
            }
        }
        match s.text() {
            Some(t) => out.push_str(t.trim()),
            None => out.push_str(&text_from_forms(s)),
        }
        ends.push(out.len());
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, ends)
}

fn text_from_forms(s: &ConlluSentence) -> String {
    let mut t = String::new();
    let mut id = 1u32;
    while (id as usize) <= s.words.len() {
        let (form, last) = match s.multiword.iter().find(|m| m.0 == id) {
            Some(m) => (m.2.as_str(), m.1),
            None => (s.words[id as usize - 1].form.as_str(), id),
        };
        t.push_str(form);
        if s.space_after(last) && (last as usize) < s.words.len() {
            t.push(' ');
        }
        id = last.max(id) + 1;
    }
    t
}

// ---------------------------------------------------------------------------------
// Scoring

/// A word of a file laid out on the non-whitespace character sequence.
struct UWord<'a> {
    start: usize,
    end: usize,
    multiword: bool,
    w: &'a ConlluWord,
    /// Index of the head word in the file's word list, `None` for the root.
    head: Option<usize>,
}

struct Layout<'a> {
    chars: Vec<char>,
    tokens: Vec<(usize, usize)>,
    sentences: Vec<(usize, usize)>,
    words: Vec<UWord<'a>>,
}

fn layout(file: &[ConlluSentence]) -> Layout<'_> {
    let mut l = Layout {
        chars: Vec::new(),
        tokens: Vec::new(),
        sentences: Vec::new(),
        words: Vec::new(),
    };
    for s in file {
        let sent_start = l.chars.len();
        let base = l.words.len();
        let n = s.words.len();
        let mut id = 1usize;
        while id <= n {
            let mw = s
                .multiword
                .iter()
                .find(|m| m.0 as usize == id && m.1 as usize >= id);
            let (form, last, is_mw) = match mw {
                Some(m) => (m.2.as_str(), (m.1 as usize).min(n), true),
                None => (s.words[id - 1].form.as_str(), id, false),
            };
            let start = l.chars.len();
            l.chars.extend(form.chars().filter(|c| !c.is_whitespace()));
            let end = l.chars.len();
            l.tokens.push((start, end));
            for k in id..=last {
                let w = &s.words[k - 1];
                // Words of a multiword token all span the token.
                let (ws, we) = (start, end);
                let head = match w.head as usize {
                    0 => None,
                    h if h <= n => Some(base + h - 1),
                    _ => None,
                };
                l.words.push(UWord {
                    start: ws,
                    end: we,
                    multiword: is_mw,
                    w,
                    head,
                });
            }
            id = last + 1;
        }
        let sent_end = l.chars.len();
        if sent_end > sent_start {
            l.sentences.push((sent_start, sent_end));
        }
    }
    l
}

fn spans_score(gold: &[(usize, usize)], system: &[(usize, usize)]) -> Metric {
    let (mut gi, mut si, mut correct) = (0, 0, 0);
    while gi < gold.len() && si < system.len() {
        let (g, s) = (gold[gi], system[si]);
        if g == s {
            correct += 1;
            gi += 1;
            si += 1;
        } else if g.0 < s.0 || (g.0 == s.0 && g.1 < s.1) {
            gi += 1;
        } else {
            si += 1;
        }
    }
    Metric {
        gold: gold.len(),
        system: system.len(),
        correct,
        aligned: correct,
    }
}

/// Aligns words: returns, for each gold word, the index of its system word.
fn align_words(gold: &[UWord], system: &[UWord]) -> Vec<Option<usize>> {
    let mut map = vec![None; gold.len()];
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multiword || system[si].multiword {
            // The region covered by overlapping multiword tokens.
            let mut end = if gold[gi].multiword {
                gold[gi].end
            } else {
                system[si].end
            };
            if gold[gi].multiword && !system[si].multiword && system[si].start < gold[gi].start {
                si += 1;
                continue;
            }
            if system[si].multiword && !gold[gi].multiword && gold[gi].start < system[si].start {
                gi += 1;
                continue;
            }
            let (gs, ss) = (gi, si);
            loop {
                if gi < gold.len() && gold[gi].start < end {
                    end = end.max(gold[gi].end);
                    gi += 1;
                } else if si < system.len() && system[si].start < end {
                    end = end.max(system[si].end);
                    si += 1;
                } else {
                    break;
                }
            }
            lcs_align(&gold[gs..gi], &system[ss..si], gs, ss, &mut map);
        } else {
            let (g, s) = (&gold[gi], &system[si]);
            if (g.start, g.end) == (s.start, s.end) {
                map[gi] = Some(si);
                gi += 1;
                si += 1;
            } else if g.start < s.start || (g.start == s.start && g.end < s.end) {
                gi += 1;
            } else {
                si += 1;
            }
        }
    }
    map
}

fn lcs_align(g: &[UWord], s: &[UWord], gbase: usize, sbase: usize, map: &mut [Option<usize>]) {
    let (n, m) = (g.len(), s.len());
    if n == 0 || m == 0 {
        return;
    }
    if (n + 1).saturating_mul(m + 1) > 4_000_000 {
        // Only when the two files do not have the same text (spans drift apart and the
        // region never closes): align equal spans instead of a quadratic table.
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if (g[i].start, g[i].end) == (s[j].start, s[j].end) {
                map[gbase + i] = Some(sbase + j);
                i += 1;
                j += 1;
            } else if g[i].start <= s[j].start {
                i += 1;
            } else {
                j += 1;
            }
        }
        return;
    }
    let gf: Vec<String> = g.iter().map(|w| w.w.form.to_lowercase()).collect();
    let sf: Vec<String> = s.iter().map(|w| w.w.form.to_lowercase()).collect();
    // dp[i][j] = LCS of g[i..], s[j..]
    let mut dp = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[at(i, j)] = if gf[i] == sf[j] {
                dp[at(i + 1, j + 1)] + 1
            } else {
                dp[at(i + 1, j)].max(dp[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if gf[i] == sf[j] {
            map[gbase + i] = Some(sbase + j);
            i += 1;
            j += 1;
        } else if dp[at(i + 1, j)] >= dp[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
}

fn universal(deprel: &str) -> &str {
    deprel.split(':').next().unwrap_or(deprel)
}

/// Compares a system file with a gold file (the CoNLL 2018 metrics).
pub fn score(gold: &[ConlluSentence], system: &[ConlluSentence]) -> Scores {
    let g = layout(gold);
    let s = layout(system);
    let mut sc = Scores {
        tokens: spans_score(&g.tokens, &s.tokens),
        sentences: spans_score(&g.sentences, &s.sentences),
        same_text: g.chars == s.chars,
        ..Scores::default()
    };
    let map = align_words(&g.words, &s.words);
    let (gn, sn) = (g.words.len(), s.words.len());
    let mk = |correct: usize, aligned: usize| Metric {
        gold: gn,
        system: sn,
        correct,
        aligned,
    };
    let mut aligned = 0;
    let (mut upos, mut xpos, mut feats, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0, 0);
    for (gi, si) in map.iter().enumerate() {
        let Some(si) = *si else { continue };
        aligned += 1;
        let (gw, sw) = (g.words[gi].w, s.words[si].w);
        upos += usize::from(gw.upos == sw.upos);
        xpos += usize::from(gw.xpos == sw.xpos);
        feats += usize::from(gw.feats == sw.feats);
        lemma += usize::from(gw.lemma == "_" || gw.lemma == sw.lemma);
        let head_ok = match (g.words[gi].head, s.words[si].head) {
            (None, None) => true,
            (Some(gh), Some(sh)) => map[gh] == Some(sh),
            _ => false,
        };
        if head_ok {
            uas += 1;
            if universal(&gw.deprel) == universal(&sw.deprel) {
                las += 1;
            }
        }
    }
    sc.words = mk(aligned, aligned);
    sc.upos = mk(upos, aligned);
    sc.xpos = mk(xpos, aligned);
    sc.feats = mk(feats, aligned);
    sc.lemmas = mk(lemma, aligned);
    sc.uas = mk(uas, aligned);
    sc.las = mk(las, aligned);
    sc
}

// ---------------------------------------------------------------------------------
// Pipeline evaluation

/// Evaluates `pipeline` on `gold`: tags, lemmas and trees on the gold words
/// ([`Pipeline::parse_pretokenized`]), and everything end to end from the raw text
/// ([`Pipeline::parse`] on [`raw_text`]).
pub fn evaluate_pipeline(pipeline: &Pipeline, gold: &[ConlluSentence]) -> NlpReport {
    evaluate_with(
        gold,
        |words| pipeline.parse_pretokenized(words),
        |text| pipeline.parse(text),
    )
}

/// [`evaluate_pipeline`] with the two pipeline entry points passed as functions (for
/// evaluating a pipeline under construction or a stub).
pub fn evaluate_with<P, Q>(gold: &[ConlluSentence], parse_pretokenized: P, parse: Q) -> NlpReport
where
    P: Fn(&[&str]) -> Sentence,
    Q: for<'t> Fn(&'t str) -> Doc<'t>,
{
    // Gold tokenization.
    let mut system = Vec::with_capacity(gold.len());
    for gs in gold {
        let forms = gs.forms();
        let parsed = parse_pretokenized(&forms);
        let mut ss = ConlluSentence {
            comments: gs.comments.clone(),
            multiword: gs.multiword.clone(),
            ..Default::default()
        };
        for (i, gw) in gs.words.iter().enumerate() {
            let w = match parsed.tokens.get(i) {
                Some(t) => ConlluWord {
                    id: gw.id,
                    form: gw.form.clone(),
                    lemma: t.lemma.clone(),
                    upos: t.upos.as_str().to_string(),
                    xpos: t.xpos.clone(),
                    feats: t.feats.clone(),
                    head: if (t.head as usize) <= gs.words.len() {
                        t.head
                    } else {
                        0
                    },
                    deprel: t.deprel.clone(),
                    deps: "_".into(),
                    misc: gw.misc.clone(),
                },
                None => ConlluWord {
                    id: gw.id,
                    form: gw.form.clone(),
                    ..Default::default()
                },
            };
            ss.words.push(w);
        }
        system.push(ss);
    }
    let gt = score(gold, &system);
    // End to end.
    let text = raw_text(gold);
    let doc = parse(&text);
    let sys = doc_to_conllu(&doc);
    let e2e = score(gold, &sys);
    NlpReport {
        tokens_f1: e2e.tokens.f1(),
        sentences_f1: e2e.sentences.f1(),
        words_f1: e2e.words.f1(),
        upos: gt.upos.f1(),
        xpos: gt.xpos.f1(),
        lemma: gt.lemmas.f1(),
        uas: gt.uas.f1(),
        las: gt.las.f1(),
        e2e_upos: e2e.upos.f1(),
        e2e_uas: e2e.uas.f1(),
        e2e_las: e2e.las.f1(),
        sentences: gold.len(),
        words: gt.words.gold,
    }
}

/// Tokens and sentences scores of a tokenizer and splitter alone, from the raw text of
/// `gold` (no tagging): what `tokenize` + `split_sentences` achieve.
pub fn evaluate_segmentation(gold: &[ConlluSentence]) -> Scores {
    evaluate_segmentation_with(gold, crate::segment::split_sentences)
}

/// [`evaluate_segmentation`] with another sentence splitter.
pub fn evaluate_segmentation_with(
    gold: &[ConlluSentence],
    split: impl Fn(&str, &[(u32, u32)]) -> Vec<std::ops::Range<usize>>,
) -> Scores {
    let text = raw_text(gold);
    let tokens = crate::tokenize::tokenize(&text);
    let sents = split(&text, &tokens);
    let mut system = Vec::with_capacity(sents.len());
    for (k, r) in sents.into_iter().enumerate() {
        let toks = &tokens[r];
        system.push(tokens_to_conllu(&text, toks, k + 1, |_| None));
    }
    score(gold, &system)
}

// ---------------------------------------------------------------------------------
// Doc → CoNLL-U

/// The sentences of a parsed document as CoNLL-U, with `# sent_id` (1, 2, ...) and
/// `# text`, `SpaceAfter=No` where the next token follows without space, and clitics
/// (`n't`, `'s`, ...) grouped with their host into multiword tokens as in EWT.
pub fn doc_to_conllu(doc: &Doc) -> Vec<ConlluSentence> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let spans: Vec<(u32, u32)> = s.tokens.iter().map(|t| (t.start, t.end)).collect();
            tokens_to_conllu(doc.text, &spans, k + 1, |i| Some(word_from(s, i)))
        })
        .collect()
}

fn word_from(s: &Sentence, i: usize) -> ConlluWord {
    let t = &s.tokens[i];
    ConlluWord {
        id: 0,
        form: String::new(),
        lemma: or_blank(&t.lemma),
        upos: t.upos.as_str().to_string(),
        xpos: or_blank(&t.xpos),
        feats: or_blank(&t.feats),
        head: if (t.head as usize) <= s.tokens.len() {
            t.head
        } else {
            0
        },
        deprel: or_blank(&t.deprel),
        deps: "_".into(),
        misc: String::new(),
    }
}

fn or_blank(s: &str) -> String {
    if s.is_empty() {
        "_".into()
    } else {
        s.to_string()
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds a CoNLL-U sentence over token spans; `analysis(i)` gives tags and tree for
/// token `i` (or `None` for `_` columns).
fn tokens_to_conllu(
    text: &str,
    toks: &[(u32, u32)],
    number: usize,
    analysis: impl Fn(usize) -> Option<ConlluWord>,
) -> ConlluSentence {
    let mut s = ConlluSentence::default();
    s.comments.push(format!("sent_id = {number}"));
    if let (Some(first), Some(last)) = (toks.first(), toks.last()) {
        let span = text.get(first.0 as usize..last.1 as usize).unwrap_or("");
        s.comments.push(format!("text = {}", one_line(span)));
    }
    let form = |i: usize| {
        text.get(toks[i].0 as usize..toks[i].1 as usize)
            .unwrap_or("_")
    };
    let space_after = |i: usize| {
        let e = toks[i].1 as usize;
        match text.get(e..).and_then(|r| r.chars().next()) {
            Some(c) => c.is_whitespace(),
            None => true,
        }
    };
    let n = toks.len();
    for i in 0..n {
        let mut w = analysis(i).unwrap_or_else(|| ConlluWord {
            lemma: "_".into(),
            upos: "_".into(),
            xpos: "_".into(),
            feats: "_".into(),
            deprel: "_".into(),
            deps: "_".into(),
            ..Default::default()
        });
        w.id = i as u32 + 1;
        w.form = form(i).to_string();
        w.misc = if space_after(i) {
            "_".into()
        } else {
            "SpaceAfter=No".into()
        };
        s.words.push(w);
    }
    // Multiword tokens: a host followed, without space, by clitics; also a plural
    // possessive apostrophe (`leaders'`) unless a single quote is open.
    let mut quote_open = false;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && toks[j].1 == toks[j + 1].0 {
            let (prev, next) = (form(j), form(j + 1));
            let possessive = (next == "'" || next == "\u{2019}")
                && !quote_open
                && prev.ends_with(['s', 'S'])
                && prev.chars().all(char::is_alphabetic);
            if joins_previous(prev, next) || possessive {
                j += 1;
            } else {
                break;
            }
        }
        for k in i..=j {
            let f = form(k);
            let glued_after = k + 1 < n && toks[k].1 == toks[k + 1].0;
            let glued_before = k > 0 && toks[k - 1].1 == toks[k].0;
            if f == "'" || f == "\u{2018}" {
                if glued_after && !glued_before {
                    quote_open = true;
                } else if glued_before && quote_open {
                    quote_open = false;
                }
            }
        }
        if j > i {
            let surface = text
                .get(toks[i].0 as usize..toks[j].1 as usize)
                .unwrap_or("_")
                .to_string();
            let misc = if space_after(j) {
                "_".to_string()
            } else {
                "SpaceAfter=No".to_string()
            };
            for w in &mut s.words[i..=j] {
                w.misc = "_".into();
            }
            s.multiword
                .push((i as u32 + 1, j as u32 + 1, surface, misc));
        }
        i = j + 1;
    }
    s
}
