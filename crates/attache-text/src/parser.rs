//! Labelled dependency parser producing UD v2 trees.
//!
//! Why this design: the coder needs a tree for every sentence of millions of articles on
//! a laptop, so the parser must be fast, small and free of external runtimes. A greedy
//! transition-based parser with a linear model does one left-to-right pass (2n
//! decisions for n words) and reaches good accuracy when trained with a dynamic oracle:
//!
//! * **Arc-hybrid** transitions (SHIFT, LEFT, RIGHT) with the artificial root at the
//!   *end* of the buffer. With the root last and two validity rules (the root is never
//!   shifted; it takes a LEFT dependent only when that is the last word on the stack)
//!   every transition sequence ends in a well-formed tree with exactly one word attached
//!   to the root: no repair step is needed.
//! * **Dynamic oracle** (Goldberg & Nivre 2013): the cost of a transition is the number
//!   of gold arcs it makes unreachable, so training can follow the model's own (wrong)
//!   decisions and learn to recover from them ("exploration").
//! * **Averaged perceptron** over hashed feature templates in the style of Zhang & Nivre
//!   (2011): words, tags, valency, distance and the labels of the leftmost/rightmost
//!   dependents of stack and buffer items. Each template is hashed once into a flat
//!   table whose row holds the weights of all classes contiguously, so scoring a
//!   decision is one lookup and a small vector add per template.
//! * **Unlabelled transitions + a separate label classifier**: the transition model has
//!   3 classes; when an arc is made, a second perceptron with arc-centred templates picks
//!   its relation. That is far fewer weights per decision than one class per
//!   (transition, label) pair.
//!
//! Weights are quantised to `i16` and stored sparsely in `models/parser.bin`.
//!
//! A model may carry a tree reviser ([`crate::revise`], layout `ATPARSR4`): a second,
//! cheap model that sees the whole greedy tree and moves a word to a better head near
//! its predicted one. [`Parser::parse`] applies it; the built-in model has none (it costs
//! more speed than the pipeline's budget allows, or gated gains too little; docs/nlp.md).
//!
//! A model can also be trained on mirrored sentences ([`FX_R2L`]) and combined with a
//! left-to-right one ([`Parser::combined`], [`crate::combine`]): both parse and the best
//! tree over their arcs is kept. That gained only +0.2–0.3 UAS on EWT dev for 2.6 times
//! the parse time, so the committed model is a single left-to-right one (docs/nlp.md).

// Index loops over parallel per-word arrays read more clearly than zipped iterators here.
#![allow(clippy::needless_range_loop)]

use std::fmt;

use crate::conllu::ConlluSentence;
use crate::doc::Upos;
use crate::model_io::{get_varint, put_varint};

/// What went wrong loading or training a parser.
#[derive(Debug, thiserror::Error)]
pub enum ParserError {
    #[error("parser model is invalid: {0} (retrain it with `attache train parser` or restore models/parser.bin)")]
    BadModel(String),
    #[error("training treebank: {0} (fix the CoNLL-U file)")]
    BadTreebank(String),
    #[error("bad parser training options: {0}")]
    BadOptions(String),
    #[error("no training sentences: the training treebank is empty (check the --train file)")]
    NoTrainingData,
    #[error("training sentence {sentence} (1-based) has an invalid tree: {message} (fix the CoNLL-U file)")]
    BadTree { sentence: usize, message: String },
}

/// Training options for [`train_parser`].
#[derive(Debug, Clone)]
pub struct ParserTrainOptions {
    /// Passes over the training data.
    pub iterations: usize,
    /// Seed for shuffling and exploration: same seed and data give the same model.
    pub seed: u64,
    /// From this (0-based) iteration on, follow the model's own prediction...
    pub explore_from: usize,
    /// ...with this probability (Goldberg & Nivre use 0.9).
    pub explore_prob: f64,
    /// log2 of the number of rows of the transition weight table.
    pub trans_bits: u32,
    /// log2 of the number of rows of the label weight table.
    pub label_bits: u32,
    /// Print dev UAS/LAS per iteration to stderr.
    pub verbose: bool,
    /// Keep the weights of the iteration with the best dev LAS (when a dev set is given).
    pub keep_best: bool,
    /// Train this many perceptrons with different seeds and sum their weights
    /// (a cheap ensemble: the model stays the same size and speed).
    pub ensemble: usize,
    /// Drop quantised weights below this magnitude (of 32,000) from the model.
    pub prune: i16,
    /// Train up to this many ensemble members at once (the model is the same for any
    /// number of threads).
    pub threads: usize,
    /// Optional feature groups ([`FX_AMB`], [`FX_LAB`], [`FX_CLU`]), stored in the model
    /// so that a model is always parsed with the features it was trained with.
    pub features: u8,
    /// Directory holding `en_lexeme_cluster.json` and `en_lexeme_prob.json` (the
    /// gunzipped Brown-cluster tables of the PyPI package `spacy-lookups-data` 1.0.5,
    /// MIT; see [`crate::train::TrainOptions::clusters`]). Needed, and only read, when
    /// `features` has [`FX_CLU`]; the model then carries the word → cluster table.
    pub clusters: Option<std::path::PathBuf>,
    /// Lengths of the short and long bit-path prefixes of the cluster features
    /// (1..=24 bits each; Koo et al. used 4 and 6). Stored in the model.
    pub cluster_bits: [u8; 2],
}

/// Feature group: ambiguity classes (the set of UPOS a word takes in the training
/// data) of stack and buffer words, so that a wrong predicted tag is not the only
/// evidence about a word's category.
pub const FX_AMB: u8 = 1;
/// Feature group: richer label features (what follows the dependent's subtree, the
/// word below the head on the stack).
pub const FX_LAB: u8 = 2;
/// Direction flag (stored with the feature groups): the model reads sentences right to
/// left (it was trained on reversed sentences, see [`ParserTrainOptions::features`]).
/// Its trees are mapped back to the original word order. Punctuation that ends the
/// sentence stays at the end (see [`r2l_split`]).
pub const FX_R2L: u8 = 4;
/// Transition-system flag: the artificial root starts at the bottom of the stack instead
/// of the end of the buffer (Ballesteros & Nivre 2013); it takes its one dependent by a
/// RIGHT arc once the buffer is empty. Meant for right-to-left models, where the main
/// verb of an English sentence is read late.
pub const FX_ROOT_FIRST: u8 = 8;
/// Feature group: Brown word clusters (Koo, Carreras & Collins 2008, "Simple
/// semi-supervised dependency parsing"). The model carries a word → cluster table
/// (from [`ParserTrainOptions::clusters`]) and adds templates where 4- and 6-bit
/// prefixes of the cluster's bit path stand in for tags and the full cluster for the
/// word, for s0, s1, b0, b1 (and the head and dependent of the label classifier). Why:
/// a word seen rarely or never in the treebank still has a cluster learnt from a large
/// unlabelled corpus, and words of one cluster attach alike.
pub const FX_CLU: u8 = 16;
/// Feature group (with [`FX_CLU`]): more cluster templates — the clusters of the
/// leftmost/rightmost dependents of s0, s1 and b0 next to their heads', a trigram of
/// s0/b0/b1 and cluster × coarse tag pairs in the label classifier.
pub const FX_CLU2: u8 = 32;
/// Every feature group a model may carry.
const FX_ALL: u8 = FX_AMB | FX_LAB | FX_R2L | FX_ROOT_FIRST | FX_CLU | FX_CLU2;

/// Where a right-to-left model's reversal stops: words `0..m` are read in reverse order
/// and the sentence-final punctuation `m..n` stays last. Why: the arc-hybrid system
/// with the root at the end leaves the first word it reads at the bottom of the stack,
/// where it can only take a head by a LEFT arc or end up as the root's dependent. A
/// final full stop read first has its head (usually the main verb) far away and became
/// the root in many sentences (right-to-left UAS on dev: punct 68 %, root 74 %, against
/// 82 % and 89 % left to right). Kept last, it attaches like it does left to right.
fn r2l_split(upos: &[Upos], n: usize) -> usize {
    let mut m = n;
    while m > 0 && upos.get(m - 1) == Some(&Upos::PUNCT) {
        m -= 1;
    }
    if m == 0 {
        n
    } else {
        m
    }
}

/// Position `k` under the right-to-left order with split `m` (an involution: the same
/// function maps back).
#[inline]
fn r2l_pos(k: usize, m: usize) -> usize {
    if k < m {
        m - 1 - k
    } else {
        k
    }
}

impl Default for ParserTrainOptions {
    fn default() -> Self {
        ParserTrainOptions {
            iterations: 15,
            seed: 1,
            explore_from: 1,
            explore_prob: 0.9,
            trans_bits: 20,
            label_bits: 16,
            verbose: true,
            keep_best: true,
            ensemble: 1,
            prune: 0,
            threads: 1,
            features: 0,
            clusters: None,
            cluster_bits: [4, 6],
        }
    }
}

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
/// Row stride of the transition table (3 classes padded to 4).
const TSTRIDE: usize = 4;
const NONE: u32 = u32::MAX;
const NO_LABEL: u8 = u8::MAX;

/// Version 1: no feature flags, no ambiguity lexicon (still readable).
const MAGIC_V1: &[u8; 8] = b"ATPARSR1";
const MAGIC: &[u8; 8] = b"ATPARSR2";
/// A combined model: a left-to-right and a right-to-left version-2 model, each preceded
/// by its length.
const MAGIC_PAIR: &[u8; 8] = b"ATPARSR3";
/// Layout version 4: a parser (any of the layouts above) followed by its tree reviser
/// ([`crate::revise`]), each preceded by its length.
const MAGIC_REVISED: &[u8; 8] = b"ATPARSR4";

/// Word (hash of the normalised form) → bit set of the UPOS it takes in the training
/// data: an open-addressing table with linear probing (keys are already hashes, never
/// 0), one probe for most words.
#[derive(Clone, Default)]
struct AmbLex {
    keys: Vec<u64>,
    vals: Vec<u32>,
}

impl AmbLex {
    fn from_pairs(mut pairs: Vec<(u64, u32)>) -> AmbLex {
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        pairs.retain(|p| p.0 != 0);
        if pairs.is_empty() {
            return AmbLex::default();
        }
        let size = (pairs.len() * 2).next_power_of_two();
        let mut keys = vec![0u64; size];
        let mut vals = vec![0u32; size];
        for &(k, v) in &pairs {
            let mut i = (k as usize) & (size - 1);
            while keys[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            keys[i] = k;
            vals[i] = v;
        }
        AmbLex { keys, vals }
    }
    /// The class of a word hash; 0 when unknown.
    #[inline]
    fn get(&self, k: u64) -> u32 {
        if self.keys.is_empty() {
            return 0;
        }
        let m = self.keys.len() - 1;
        let mut i = (k as usize) & m;
        loop {
            let x = self.keys[i];
            if x == k {
                return self.vals[i];
            }
            if x == 0 {
                return 0;
            }
            i = (i + 1) & m;
        }
    }
    /// Entries sorted by key (deterministic serialisation).
    fn pairs(&self) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = self
            .keys
            .iter()
            .zip(&self.vals)
            .filter(|(k, _)| **k != 0)
            .map(|(&k, &v)| (k, v))
            .collect();
        v.sort_unstable();
        v
    }
}

/// Key of a word in the cluster table: the top 32 bits of its [`word_hash`] (plus one,
/// as 0 marks an empty slot). The model stores 32-bit keys to stay small: about
/// 150,000 words, so a new word falsely matches a stored one with odds of 1 in 30,000.
#[inline]
fn clu_key(w: u64) -> u64 {
    (w >> 32) + 1
}

/// Cluster atoms of a word (full cluster, short and long prefix of `bits[0]` and
/// `bits[1]` bits: 4 and 6 unless the model says otherwise). spaCy stores the
/// Brown bit path *reversed* as a binary number (`int(path[::-1], 2)`, "so that we can
/// do & 15 to get the first 4 bits"), so a k-bit prefix is the low k bits of the id
/// (checked on the data: the countries share their low 6 bits, not their high ones).
/// A word without a cluster (0) gets constants of its own.
#[inline]
fn clu_atoms(id: u32, bits: [u8; 2]) -> [u64; 3] {
    if id == 0 {
        [0xc1_0001, 0xc1_0002, 0xc1_0003]
    } else {
        let id = id as u64;
        let pre = |b: u8| id & ((1u64 << b.min(32)) - 1);
        [h1(0xcf, id), h1(0xc4, pre(bits[0])), h1(0xc6, pre(bits[1]))]
    }
}

/// The word tables a model carries: ambiguity classes ([`FX_AMB`]) and Brown clusters
/// ([`FX_CLU`]); each is empty when its group is off.
#[derive(Clone, Default)]
struct Lexicons {
    amb: AmbLex,
    clu: AmbLex,
    /// Short and long cluster prefix lengths ([`ParserTrainOptions::cluster_bits`]).
    clu_bits: [u8; 2],
}

/// The word → Brown cluster table of `dir` (see [`ParserTrainOptions::clusters`]): the
/// normalised form ([`word_hash`]: lower case, digits as `0`) takes the cluster of its
/// most probable spelling.
fn cluster_table(dir: &std::path::Path) -> Result<AmbLex, ParserError> {
    let words = crate::train::read_clusters(dir)
        .map_err(|e| ParserError::BadOptions(format!("Brown clusters: {e}")))?;
    let mut seen = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for (w, c, _) in &words {
        let k = clu_key(word_hash(w));
        if seen.insert(k) {
            pairs.push((k, *c));
        }
    }
    if pairs.is_empty() {
        return Err(ParserError::BadOptions(format!(
            "Brown clusters: no word with a cluster in {}",
            dir.display()
        )));
    }
    Ok(AmbLex::from_pairs(pairs))
}

/// A trained parser: transition weights, label weights and the label names.
#[derive(Clone)]
pub struct Parser {
    labels: Vec<String>,
    root_label: u8,
    trans_mask: u64,
    label_mask: u64,
    /// Label table row stride (number of labels).
    lstride: usize,
    trans: Vec<i16>,
    lab: Vec<i16>,
    /// Feature groups the model was trained with.
    fx: u8,
    /// Ambiguity classes (used when `fx & FX_AMB`) and Brown clusters (`fx & FX_CLU`).
    lex: Lexicons,
    /// The right-to-left partner of a combined model (see [`Parser::combined`]).
    rev: Option<Box<Parser>>,
    /// The corrective second stage applied to every tree ([`crate::revise`]).
    reviser: Option<crate::revise::Reviser>,
}

impl fmt::Debug for Parser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parser")
            .field("labels", &self.labels.len())
            .field("trans_rows", &(self.trans_mask + 1))
            .field("label_rows", &(self.label_mask + 1))
            .finish()
    }
}

// ---------------------------------------------------------------------------------
// Hashing

#[inline(always)]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 31;
    x = x.wrapping_mul(0x7fb5_d329_728e_a185);
    x ^= x >> 27;
    x = x.wrapping_mul(0x81da_def4_bc2d_d44d);
    x ^= x >> 33;
    x
}

#[inline(always)]
fn h1(t: u64, a: u64) -> u64 {
    mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}
#[inline(always)]
fn h2(t: u64, a: u64, b: u64) -> u64 {
    mix(h1(t, a) ^ b)
}
#[inline(always)]
fn h3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(h2(t, a, b) ^ c)
}

/// FNV-1a over the lower-cased form with digits mapped to `0`, without allocating.
fn word_hash(form: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in form.chars() {
        let c = if c.is_ascii_digit() {
            '0'
        } else if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    mix(h | 1)
}

/// Hash of the last three characters (lower-cased), for unknown words.
fn suffix_hash(form: &str) -> u64 {
    let n = form.chars().count();
    let start = n.saturating_sub(3);
    let mut h: u64 = 0x1234_5678;
    for c in form.chars().skip(start) {
        h = mix(h ^ c.to_lowercase().next().unwrap_or(c) as u64);
    }
    h
}

/// Word shape class: lower, Capitalised, ALLCAPS, digits, punctuation, mixed.
fn shape(form: &str) -> u64 {
    let mut up = 0;
    let mut low = 0;
    let mut dig = 0;
    let mut oth = 0;
    for c in form.chars() {
        if c.is_uppercase() {
            up += 1;
        } else if c.is_lowercase() {
            low += 1;
        } else if c.is_ascii_digit() {
            dig += 1;
        } else {
            oth += 1;
        }
    }
    let first_up = form.chars().next().is_some_and(|c| c.is_uppercase());
    match (up, low, dig, oth) {
        (0, 0, 0, _) => 1,
        (0, _, 0, 0) => 2,
        (_, 0, 0, 0) if up > 1 => 3,
        _ if first_up && dig == 0 && oth == 0 => 4,
        (0, 0, _, _) => 5,
        _ if dig > 0 => 6,
        _ if oth > 0 && first_up => 7,
        _ if oth > 0 => 8,
        _ => 9,
    }
}

fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h ^ 0x55)
}

fn dist_bucket(d: u32) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

// ---------------------------------------------------------------------------------
// Parser state

/// Per-sentence state, reused across decisions. Index `n` is the root, `n + 1` the
/// "no token" sentinel, so feature extraction needs no branches on absence.
struct State {
    n: u32,
    stack: Vec<u32>,
    b: u32,
    head: Vec<u32>,
    label: Vec<u8>,
    lmost: Vec<u32>,
    lmost2: Vec<u32>,
    rmost: Vec<u32>,
    rmost2: Vec<u32>,
    nleft: Vec<u8>,
    nright: Vec<u8>,
    lset: Vec<u64>,
    // token atoms
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
    sfx: Vec<u64>,
    /// Word shape: case pattern, digits, punctuation.
    shape: Vec<u64>,
    /// `npunct[i]` = punctuation words before word `i` (prefix counts).
    npunct: Vec<u32>,
    /// Ambiguity class (UPOS set from training, 0 = unknown word) combined with nothing.
    ac: Vec<u64>,
    /// Brown-cluster atoms ([`clu_atoms`]): full cluster, 4-bit and 6-bit prefixes.
    cf: Vec<u64>,
    c4: Vec<u64>,
    c6: Vec<u64>,
    fx: u8,
    /// The root starts on the stack ([`FX_ROOT_FIRST`]) instead of ending the buffer.
    root_first: bool,
}

impl State {
    fn new() -> State {
        State {
            n: 0,
            stack: Vec::new(),
            b: 0,
            head: Vec::new(),
            label: Vec::new(),
            lmost: Vec::new(),
            lmost2: Vec::new(),
            rmost: Vec::new(),
            rmost2: Vec::new(),
            nleft: Vec::new(),
            nright: Vec::new(),
            lset: Vec::new(),
            w: Vec::new(),
            p: Vec::new(),
            u: Vec::new(),
            sfx: Vec::new(),
            shape: Vec::new(),
            npunct: Vec::new(),
            ac: Vec::new(),
            cf: Vec::new(),
            c4: Vec::new(),
            c6: Vec::new(),
            fx: 0,
            root_first: false,
        }
    }

    /// Load a sentence; with `rev` the words are read in reverse order (word `i` of the
    /// state is word `n - 1 - i` of the input), for a right-to-left model.
    fn reset(
        &mut self,
        forms: &[&str],
        upos: &[Upos],
        xpos: &[&str],
        fx: u8,
        lex: &Lexicons,
        rev: bool,
    ) {
        let n = forms.len();
        let split = if rev { r2l_split(upos, n) } else { 0 };
        self.fx = fx;
        self.n = n as u32;
        let m = n + 2;
        self.stack.clear();
        self.root_first = fx & FX_ROOT_FIRST != 0;
        if self.root_first {
            self.stack.push(n as u32);
        }
        self.b = 0;
        for v in [
            &mut self.head,
            &mut self.lmost,
            &mut self.lmost2,
            &mut self.rmost,
            &mut self.rmost2,
        ] {
            v.clear();
            v.resize(m, NONE);
        }
        self.label.clear();
        self.label.resize(m, NO_LABEL);
        self.nleft.clear();
        self.nleft.resize(m, 0);
        self.nright.clear();
        self.nright.resize(m, 0);
        self.lset.clear();
        self.lset.resize(m, 0);
        self.w.clear();
        self.p.clear();
        self.u.clear();
        self.sfx.clear();
        self.shape.clear();
        self.npunct.clear();
        self.ac.clear();
        self.cf.clear();
        self.c4.clear();
        self.c6.clear();
        let mut np = 0u32;
        for k in 0..n {
            let i = if rev { r2l_pos(k, split) } else { k };
            self.npunct.push(np);
            let up = upos.get(i).copied().unwrap_or(Upos::X);
            if up == Upos::PUNCT {
                np += 1;
            }
            self.shape.push(shape(forms[i]));
            self.w.push(word_hash(forms[i]));
            self.p.push(str_hash(xpos.get(i).copied().unwrap_or("_")));
            self.u.push(upos.get(i).map(|u| *u as u64 + 1).unwrap_or(0));
            self.sfx.push(suffix_hash(forms[i]));
        }
        if fx & FX_AMB != 0 {
            for i in 0..n {
                self.ac.push(lex.amb.get(self.w[i]) as u64);
            }
        } else {
            self.ac.resize(n, 0);
        }
        self.ac.push(1 << 40);
        self.ac.push(1 << 41);
        if fx & FX_CLU != 0 {
            // one table lookup per word; the templates combine the atoms
            for i in 0..n {
                let [f, c4, c6] = clu_atoms(lex.clu.get(clu_key(self.w[i])), lex.clu_bits);
                self.cf.push(f);
                self.c4.push(c4);
                self.c6.push(c6);
            }
            for (k, v) in [&mut self.cf, &mut self.c4, &mut self.c6]
                .into_iter()
                .enumerate()
            {
                v.push(0xc1_00f0 + k as u64); // root
                v.push(0xc1_00e0 + k as u64); // none
            }
        }
        // root
        self.w.push(0x00ff_00ff_00ff);
        self.p.push(0x00ff_00ff_00fe);
        self.u.push(30);
        self.sfx.push(0x00ff_00ff_00fd);
        self.shape.push(20);
        self.npunct.push(np);
        // none
        self.w.push(7);
        self.p.push(7);
        self.u.push(31);
        self.sfx.push(7);
        self.shape.push(21);
        self.npunct.push(np);
    }

    /// Punctuation words strictly between `a` and `b` (capped at 3).
    #[inline]
    fn punct_between(&self, a: u32, b: u32) -> u64 {
        if a > self.n || b > self.n {
            return 9;
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let c = self.npunct[hi as usize] - self.npunct[lo as usize];
        let c = if (lo as usize) < self.u.len()
            && self.u[lo as usize] == Upos::PUNCT as u64 + 1
            && lo < self.n
        {
            c - 1
        } else {
            c
        };
        c.min(3) as u64
    }

    #[inline]
    fn none(&self) -> u32 {
        self.n + 1
    }
    #[inline]
    fn s(&self, k: usize) -> u32 {
        let l = self.stack.len();
        if k < l {
            self.stack[l - 1 - k]
        } else {
            self.none()
        }
    }
    #[inline]
    fn bq(&self, k: u32) -> u32 {
        let i = self.b + k;
        if i < self.n || (i == self.n && !self.root_first) {
            i
        } else {
            self.none()
        }
    }
    #[inline]
    fn tok(&self, t: u32) -> u32 {
        if t == NONE {
            self.none()
        } else {
            t
        }
    }
    fn terminal(&self) -> bool {
        self.b == self.n && self.stack.len() == self.root_first as usize
    }
    /// Valid transitions as a bitmask over SHIFT/LEFT/RIGHT.
    fn valid(&self) -> u8 {
        let mut v = 0u8;
        let sl = self.stack.len();
        if self.b < self.n {
            v |= 1 << SHIFT;
        }
        if self.root_first {
            // the root (bottom of the stack) takes no LEFT head and one RIGHT dependent,
            // the last word left when the buffer is empty
            if sl >= 2 && self.b < self.n {
                v |= 1 << LEFT;
            }
            if sl >= 3 || (sl == 2 && self.b == self.n) {
                v |= 1 << RIGHT;
            }
            return v;
        }
        if sl >= 1 && (self.b < self.n || sl == 1) {
            v |= 1 << LEFT;
        }
        if sl >= 2 {
            v |= 1 << RIGHT;
        }
        v
    }
    /// Head and dependent of the arc a transition would make.
    fn arc(&self, t: usize) -> (u32, u32) {
        let s0 = self.stack[self.stack.len() - 1];
        if t == LEFT {
            (self.b, s0)
        } else {
            (self.stack[self.stack.len() - 2], s0)
        }
    }
    fn apply(&mut self, t: usize, label: u8) {
        match t {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc(t);
                self.stack.pop();
                self.head[d as usize] = h;
                self.label[d as usize] = label;
                let hu = h as usize;
                if d < h {
                    self.lmost2[hu] = self.lmost[hu];
                    self.lmost[hu] = d;
                    self.nleft[hu] = self.nleft[hu].saturating_add(1);
                } else {
                    self.rmost2[hu] = self.rmost[hu];
                    self.rmost[hu] = d;
                    self.nright[hu] = self.nright[hu].saturating_add(1);
                }
                if label != NO_LABEL {
                    self.lset[hu] |= 1u64 << (label & 63);
                }
            }
        }
    }

    #[inline]
    fn lab(&self, t: u32) -> u64 {
        if t >= self.n {
            255
        } else {
            self.label[t as usize] as u64
        }
    }

    /// Transition features (Zhang & Nivre 2011 adapted to arc-hybrid).
    fn trans_features(&self, f: &mut Vec<u64>) {
        f.clear();
        let s0 = self.s(0);
        let s1 = self.s(1);
        let s2 = self.s(2);
        let b0 = self.bq(0);
        let b1 = self.bq(1);
        let b2 = self.bq(2);
        let (w, p, u) = (&self.w, &self.p, &self.u);
        let i = |x: u32| x as usize;
        let s0w = w[i(s0)];
        let s0p = p[i(s0)];
        let s1w = w[i(s1)];
        let s1p = p[i(s1)];
        let s2p = p[i(s2)];
        let b0w = w[i(b0)];
        let b0p = p[i(b0)];
        let b1w = w[i(b1)];
        let b1p = p[i(b1)];
        let b2w = w[i(b2)];
        let b2p = p[i(b2)];
        let s0u = u[i(s0)];
        let b0u = u[i(b0)];
        let s1u = u[i(s1)];
        let valid_s0 = s0 < self.n;
        let valid_s1 = s1 < self.n;
        let ch = |x: u32, v: &Vec<u32>| -> u32 {
            if x < self.n {
                self.tok(v[x as usize])
            } else {
                self.none()
            }
        };
        let s0l = ch(s0, &self.lmost);
        let s0l2 = ch(s0, &self.lmost2);
        let s0r = ch(s0, &self.rmost);
        let s0r2 = ch(s0, &self.rmost2);
        let s1l = ch(s1, &self.lmost);
        let s1r = ch(s1, &self.rmost);
        let b0l = if b0 <= self.n {
            self.tok(self.lmost[i(b0)])
        } else {
            self.none()
        };
        let b0l2 = if b0 <= self.n {
            self.tok(self.lmost2[i(b0)])
        } else {
            self.none()
        };
        let d = if valid_s0 && b0 < self.n {
            dist_bucket(b0 - s0)
        } else {
            9
        };
        let d01 = if valid_s0 && valid_s1 {
            dist_bucket(s0 - s1)
        } else {
            9
        };
        let vl = |x: u32| -> u64 {
            if x <= self.n {
                self.nleft[i(x)] as u64
            } else {
                99
            }
        };
        let vr = |x: u32| -> u64 {
            if x <= self.n {
                self.nright[i(x)] as u64
            } else {
                99
            }
        };
        let ls = |x: u32| -> u64 {
            if x <= self.n {
                self.lset[i(x)]
            } else {
                1 << 63
            }
        };
        let s0wp = h2(0, s0w, s0p);
        let s1wp = h2(0, s1w, s1p);
        let b0wp = h2(0, b0w, b0p);
        let mut t = 0u64;
        let mut push = |f: &mut Vec<u64>, v: u64| {
            t += 1;
            f.push(mix(v ^ t.wrapping_mul(0x2545_f491_4f6c_dd1d)));
        };
        // unigrams
        push(f, s0w);
        push(f, s0p);
        push(f, s0wp);
        push(f, s0u);
        push(f, s1w);
        push(f, s1p);
        push(f, s1wp);
        push(f, b0w);
        push(f, b0p);
        push(f, b0wp);
        push(f, b0u);
        push(f, b1w);
        push(f, b1p);
        push(f, h2(0, b1w, b1p));
        push(f, b2w);
        push(f, b2p);
        push(f, h2(0, b2w, b2p));
        push(f, s2p);
        push(f, self.sfx[i(b0)]);
        push(f, self.sfx[i(s0)]);
        // pairs s0/b0
        push(f, h2(1, s0wp, b0wp));
        push(f, h2(2, s0wp, b0w));
        push(f, h2(3, s0w, b0wp));
        push(f, h2(4, s0wp, b0p));
        push(f, h2(5, s0p, b0wp));
        push(f, h2(6, s0w, b0w));
        push(f, h2(7, s0p, b0p));
        push(f, h2(8, b0p, b1p));
        push(f, h2(9, s0u, b0u));
        // pairs s1/s0 (RIGHT attaches s0 to s1)
        push(f, h2(10, s1wp, s0wp));
        push(f, h2(11, s1w, s0w));
        push(f, h2(12, s1p, s0p));
        push(f, h2(13, s1wp, s0p));
        push(f, h2(14, s1p, s0wp));
        push(f, h2(15, s1u, s0u));
        push(f, h3(16, s1w, s0p, b0p));
        push(f, h3(17, s1p, s0w, b0p));
        push(f, h3(18, s1p, s0p, b0w));
        // trigrams of tags
        push(f, h3(20, b0p, b1p, b2p));
        push(f, h3(21, s0p, b0p, b1p));
        push(f, h3(22, s1p, s0p, b0p));
        push(f, h3(23, s2p, s1p, s0p));
        push(f, h3(24, s1p, s0p, b1p));
        push(f, h3(25, s0p, p[i(s0l)], b0p));
        push(f, h3(26, s0p, p[i(s0r)], b0p));
        push(f, h3(27, s0p, b0p, p[i(b0l)]));
        push(f, h3(28, s1p, s0p, p[i(s0l)]));
        push(f, h3(29, s1p, s0p, p[i(s0r)]));
        push(f, h3(30, s1p, p[i(s1r)], s0p));
        push(f, h3(31, s1p, p[i(s1l)], s0p));
        // distance
        push(f, h2(40, s0w, d));
        push(f, h2(41, s0p, d));
        push(f, h2(42, b0w, d));
        push(f, h2(43, b0p, d));
        push(f, h3(44, s0w, b0w, d));
        push(f, h3(45, s0p, b0p, d));
        push(f, h3(46, s1p, s0p, d01));
        push(f, h3(47, s1w, s0w, d01));
        push(f, h2(48, d, d01));
        // valency
        push(f, h2(50, s0w, vr(s0)));
        push(f, h2(51, s0p, vr(s0)));
        push(f, h2(52, s0w, vl(s0)));
        push(f, h2(53, s0p, vl(s0)));
        push(f, h2(54, b0w, vl(b0)));
        push(f, h2(55, b0p, vl(b0)));
        push(f, h2(56, s1p, vr(s1)));
        push(f, h2(57, s1w, vr(s1)));
        // children unigrams
        push(f, h1(60, w[i(s0l)]));
        push(f, h1(61, p[i(s0l)]));
        push(f, h1(62, self.lab(s0l)));
        push(f, h1(63, w[i(s0r)]));
        push(f, h1(64, p[i(s0r)]));
        push(f, h1(65, self.lab(s0r)));
        push(f, h1(66, w[i(b0l)]));
        push(f, h1(67, p[i(b0l)]));
        push(f, h1(68, self.lab(b0l)));
        push(f, h1(69, self.lab(s1r)));
        push(f, h1(70, self.lab(s1l)));
        push(f, h2(71, s1p, self.lab(s1r)));
        // third order
        push(f, h1(80, w[i(s0l2)]));
        push(f, h1(81, p[i(s0l2)]));
        push(f, h1(82, self.lab(s0l2)));
        push(f, h1(83, w[i(s0r2)]));
        push(f, h1(84, p[i(s0r2)]));
        push(f, h1(85, self.lab(s0r2)));
        push(f, h1(86, w[i(b0l2)]));
        push(f, h1(87, p[i(b0l2)]));
        push(f, h1(88, self.lab(b0l2)));
        push(f, h3(89, s0p, p[i(s0l)], p[i(s0l2)]));
        push(f, h3(90, s0p, p[i(s0r)], p[i(s0r2)]));
        push(f, h3(91, b0p, p[i(b0l)], p[i(b0l2)]));
        push(f, h3(92, s0p, self.lab(s0l), self.lab(s0l2)));
        push(f, h3(93, s0p, self.lab(s0r), self.lab(s0r2)));
        push(f, h3(94, b0p, self.lab(b0l), self.lab(b0l2)));
        // label sets
        push(f, h2(100, s0w, ls(s0)));
        push(f, h2(101, s0p, ls(s0)));
        push(f, h2(102, b0w, ls(b0)));
        push(f, h2(103, b0p, ls(b0)));
        push(f, h3(104, s0p, ls(s0), b0p));
        push(f, h3(105, s1p, ls(s1), s0p));
        // stack depth / buffer end
        let sl = (self.stack.len() as u64).min(6);
        let bl = ((self.n - self.b.min(self.n)) as u64).min(6);
        push(f, h3(110, sl, bl, s0p));
        push(f, h3(111, sl, b0p, s0p));
        // universal tags: more robust than XPOS when the tagger errs
        let b1u = u[i(b1)];
        let b2u = u[i(b2)];
        push(f, h2(120, s0w, b0u));
        push(f, h2(121, s0u, b0w));
        push(f, h3(122, s1u, s0u, b0u));
        push(f, h3(123, b0u, b1u, b2u));
        push(f, h3(124, s0u, b0u, b1u));
        push(f, h3(125, s0u, b0u, d));
        // shapes and punctuation in between
        let s0sh = self.shape[i(s0)];
        let b0sh = self.shape[i(b0)];
        push(f, h2(130, s0sh, b0sh));
        push(f, h2(131, b0sh, b0p));
        push(f, h3(132, s0sh, s0p, b0sh));
        let pb = self.punct_between(s0, b0);
        let pb1 = self.punct_between(s1, s0);
        push(f, h3(133, s0p, b0p, pb));
        push(f, h3(134, s1p, s0p, pb1));
        push(f, h3(135, s0u, b0u, h2(0, pb, d)));
        if self.fx & FX_AMB != 0 {
            let ac = &self.ac;
            let (s0a, s1a, b0a, b1a) = (ac[i(s0)], ac[i(s1)], ac[i(b0)], ac[i(b1)]);
            push(f, h2(140, s0a, s0u));
            push(f, h2(141, b0a, b0u));
            push(f, h2(142, b1a, b1u));
            push(f, h2(143, s1a, s1u));
            push(f, h2(144, s0a, b0a));
            push(f, h2(145, s1a, s0a));
            push(f, h3(146, s0a, b0a, b1a));
        }
        if self.fx & FX_CLU != 0 {
            // Koo et al. (2008): cluster prefixes in place of tags, full clusters in
            // place of words, in the pairs that decide the arcs.
            let (cf, c4, c6) = (&self.cf, &self.c4, &self.c6);
            let (s0f, s0c4, s0c6) = (cf[i(s0)], c4[i(s0)], c6[i(s0)]);
            let (s1f, s1c4, s1c6) = (cf[i(s1)], c4[i(s1)], c6[i(s1)]);
            let (b0f, b0c4, b0c6) = (cf[i(b0)], c4[i(b0)], c6[i(b0)]);
            let (b1f, b1c4) = (cf[i(b1)], c4[i(b1)]);
            push(f, s0f);
            push(f, b0f);
            push(f, s1f);
            push(f, b1f);
            push(f, h2(150, s0c6, b0c6));
            push(f, h2(151, s0c4, b0p));
            push(f, h2(152, s0p, b0c4));
            push(f, h2(153, s0w, b0c6));
            push(f, h2(154, s0c6, b0w));
            push(f, h2(155, s0f, b0f));
            push(f, h2(156, s1c6, s0c6));
            push(f, h2(157, s1c4, s0p));
            push(f, h2(158, s1p, s0c4));
            push(f, h2(159, s1w, s0c6));
            push(f, h2(160, s1c6, s0w));
            push(f, h3(161, s0c4, b0c4, b1c4));
            push(f, h3(162, s1c4, s0c4, b0c4));
            push(f, h3(163, s0c6, b0c6, d));
            if self.fx & FX_CLU2 != 0 {
                let b1c6 = c6[i(b1)];
                push(f, h3(170, s0c6, b0c6, b1c6));
                push(f, h2(171, b0c6, b1c6));
                push(f, h3(172, s0c4, c4[i(s0l)], b0c4));
                push(f, h3(173, s0c4, c4[i(s0r)], b0c4));
                push(f, h3(174, s0c4, b0c4, c4[i(b0l)]));
                push(f, h3(175, s1c4, c4[i(s1r)], s0c4));
                push(f, h2(176, s0f, b0u));
                push(f, h2(177, s0u, b0f));
            }
        }
    }

    /// Label features for the arc `h -> d` (all of `d`'s dependents are known).
    fn label_features(&self, h: u32, d: u32, f: &mut Vec<u64>) {
        f.clear();
        let (w, p, u) = (&self.w, &self.p, &self.u);
        let i = |x: u32| x as usize;
        let dir: u64 = if d < h { 1 } else { 2 };
        let dw = w[i(d)];
        let dp = p[i(d)];
        let du = u[i(d)];
        let hw = w[i(h)];
        let hp = p[i(h)];
        let hu = u[i(h)];
        let dist = if h < self.n {
            dist_bucket(h.abs_diff(d))
        } else {
            8
        };
        let dl = self.tok(self.lmost[i(d)]);
        let dr = self.tok(self.rmost[i(d)]);
        let hl = self.tok(self.lmost[i(h)]);
        let hr = self.tok(self.rmost[i(h)]);
        let prev = if d > 0 { d - 1 } else { self.none() };
        let next = if d + 1 < self.n { d + 1 } else { self.none() };
        let hprev = if h > 0 && h <= self.n {
            h - 1
        } else {
            self.none()
        };
        let hnext = if h + 1 < self.n { h + 1 } else { self.none() };
        let mut t = 1000u64;
        let mut push = |f: &mut Vec<u64>, v: u64| {
            t += 1;
            f.push(mix(v
                ^ t.wrapping_mul(0x2545_f491_4f6c_dd1d)
                ^ dir.wrapping_mul(0x9e37)));
        };
        push(f, dw);
        push(f, dp);
        push(f, du);
        push(f, h2(0, dw, dp));
        push(f, hw);
        push(f, hp);
        push(f, hu);
        push(f, h2(0, hw, hp));
        push(f, h2(1, dw, hp));
        push(f, h2(2, dp, hw));
        push(f, h2(3, dp, hp));
        push(f, h2(4, dw, hw));
        push(f, h2(5, du, hu));
        push(f, h3(6, dp, hp, dist));
        push(f, h3(7, du, hu, dist));
        push(f, h2(8, self.sfx[i(d)], hp));
        push(f, h2(9, dp, self.lab(dl)));
        push(f, h2(10, dp, self.lab(dr)));
        push(f, h2(11, dp, w[i(dl)]));
        push(f, h3(12, dp, w[i(dl)], hp));
        push(f, h2(13, dp, w[i(dr)]));
        push(f, h2(14, dp, self.lset[i(d)]));
        push(f, h3(15, dp, self.lset[i(d)], hp));
        push(f, h3(16, hp, self.lset[i(h)], dp));
        push(
            f,
            h3(17, dp, self.nleft[i(d)] as u64, self.nright[i(d)] as u64),
        );
        push(f, h3(18, hp, self.lab(hl), dp));
        push(f, h3(19, hp, self.lab(hr), dp));
        push(f, h3(20, dp, p[i(prev)], p[i(next)]));
        push(f, h3(21, hp, p[i(hprev)], p[i(hnext)]));
        push(f, h3(22, dp, hp, p[i(prev)]));
        push(f, h3(23, dp, hp, p[i(next)]));
        push(f, h3(24, hw, self.lset[i(h)], du));
        push(f, h3(25, dw, self.lab(dl), hp));
        push(f, h3(26, du, hu, p[i(dl)]));
        push(f, h3(27, dp, w[i(prev)], hp));
        push(f, h3(28, dw, hw, self.lset[i(h)]));
        push(f, h2(29, w[i(dl)], w[i(dr)]));
        push(f, h3(30, dp, w[i(hl)], hp));
        push(f, h2(31, dw, hu));
        push(f, h2(32, du, hw));
        push(f, h3(33, self.shape[i(d)], dp, hp));
        push(f, h3(34, dp, hp, self.punct_between(h, d)));
        if self.fx & FX_AMB != 0 {
            let (da, ha) = (self.ac[i(d)], self.ac[i(h)]);
            push(f, h3(35, da, du, hp));
            push(f, h3(36, ha, hu, dp));
        }
        if self.fx & FX_LAB != 0 {
            // What follows the dependent's subtree (the buffer front; for a LEFT arc
            // that is the head itself) and the word below on the stack (a likely head
            // of the head): e.g. a noun phrase after "gave him" makes "him" an iobj.
            let b = if self.b < self.n { self.b } else { self.none() };
            let sl = self.stack.len();
            let below = if sl >= 2 {
                self.stack[sl - 2]
            } else {
                self.none()
            };
            let below = if below == h && sl >= 3 {
                self.stack[sl - 3]
            } else if below == h {
                self.none()
            } else {
                below
            };
            push(f, h3(37, dp, hp, p[i(b)]));
            push(f, h3(38, du, hu, u[i(b)]));
            push(f, h3(39, dp, w[i(b)], hu));
            push(f, h3(40, dp, hp, p[i(below)]));
            push(f, h3(41, dw, hp, p[i(b)]));
        }
        if self.fx & FX_CLU != 0 {
            let (df, dc4, dc6) = (self.cf[i(d)], self.c4[i(d)], self.c6[i(d)]);
            let (hf, hc4, hc6) = (self.cf[i(h)], self.c4[i(h)], self.c6[i(h)]);
            push(f, h2(50, dc6, hc6));
            push(f, h2(51, df, hp));
            push(f, h2(52, dp, hf));
            push(f, h2(53, df, hf));
            push(f, h2(54, dw, hc6));
            push(f, h2(55, dc6, hw));
            push(f, h3(56, dc4, hc4, dist));
            if self.fx & FX_CLU2 != 0 {
                let dl = self.tok(self.lmost[i(d)]);
                push(f, h2(57, df, hu));
                push(f, h2(58, du, hf));
                push(f, h3(59, dc6, hp, self.lab(dl)));
                push(f, h3(60, dc4, hc4, self.c4[i(dl)]));
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Scoring

/// Hint the CPU to fetch the cache line at `p` (no effect on results).
#[inline(always)]
fn prefetch<T>(_p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint with no observable effect; the pointer comes from
    // inside a live slice and is never dereferenced here.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch(_p as *const i8, _MM_HINT_T0);
    }
}

/// Parsing is bound by the latency of the weight-row loads (one random row per
/// template in tables of several MB), so all rows of a decision are requested first
/// and summed afterwards.
#[inline]
fn score_trans(table: &[i16], mask: u64, feats: &[u64]) -> [i32; 3] {
    for &f in feats {
        let r = ((f & mask) as usize) * TSTRIDE;
        if let Some(x) = table.get(r) {
            prefetch(x);
        }
    }
    let mut s = [0i32; 4];
    for &f in feats {
        let r = ((f & mask) as usize) * TSTRIDE;
        let row = &table[r..r + TSTRIDE];
        for k in 0..TSTRIDE {
            s[k] += row[k] as i32;
        }
    }
    [s[0], s[1], s[2]]
}

#[inline]
fn score_labels(table: &[i16], mask: u64, stride: usize, feats: &[u64], out: &mut [i32]) {
    out.iter_mut().for_each(|x| *x = 0);
    for &f in feats {
        let r = ((f & mask) as usize) * stride;
        if let Some(x) = table.get(r) {
            prefetch(x);
        }
        if let Some(x) = table.get(r + stride - 1) {
            prefetch(x);
        }
    }
    for &f in feats {
        let r = ((f & mask) as usize) * stride;
        let row = &table[r..r + stride];
        for (o, &w) in out.iter_mut().zip(row) {
            *o += w as i32;
        }
    }
}

fn argmax_valid(scores: &[i32; 3], valid: u8) -> usize {
    let mut best = usize::MAX;
    for t in 0..3 {
        if valid & (1 << t) != 0 && (best == usize::MAX || scores[t] > scores[best]) {
            best = t;
        }
    }
    best
}

fn argmax_label(scores: &[i32], exclude: u8) -> u8 {
    let mut best = usize::MAX;
    for (k, &s) in scores.iter().enumerate() {
        if k as u8 != exclude && (best == usize::MAX || s > scores[best]) {
            best = k;
        }
    }
    best as u8
}

thread_local! {
    /// The two directional parses of [`Parser::parse`].
    static DIR_SCRATCH: std::cell::RefCell<(DirParse, DirParse)> =
        std::cell::RefCell::new((DirParse::default(), DirParse::default()));
    static SCRATCH: std::cell::RefCell<(State, Vec<u64>, Vec<i32>)> =
        std::cell::RefCell::new((State::new(), Vec::with_capacity(160), Vec::new()));
}

/// Confidence given to a forced transition (the only valid one).
const FORCED_MARGIN: i32 = crate::combine::FORCED;

/// One directional parse: per word (original order) its head (0-based, `n` = root),
/// relation and the score margin of the transition that attached it.
#[derive(Default)]
struct DirParse {
    head: Vec<u32>,
    label: Vec<u8>,
    margin: Vec<i32>,
}

impl Parser {
    /// Parse one sentence. Returns, for each word, its head (1-based, 0 = root) and the
    /// id of its relation (see [`Parser::deprel_name`]). Always a tree with exactly one
    /// word attached to the root; an empty sentence gives an empty vector.
    ///
    /// A combined model ([`Parser::combined`]) parses the sentence in both directions
    /// and returns the best projective tree over the arcs either direction proposed
    /// (see [`crate::combine`]).
    pub fn parse(&self, forms: &[&str], upos: &[Upos], xpos: &[&str]) -> Vec<(u32, u8)> {
        let n = forms.len();
        if n == 0 {
            return Vec::new();
        }
        if let (Some(rv), None) = (&self.reviser, &self.rev) {
            return DIR_SCRATCH.with(|sc| {
                let mut sc = sc.borrow_mut();
                let (a, _) = &mut *sc;
                self.parse_dir(forms, upos, xpos, false, a);
                let mut tree: Vec<(u32, u8)> = (0..n)
                    .map(|i| {
                        let h = a.head[i];
                        (if h as usize == n { 0 } else { h + 1 }, a.label[i])
                    })
                    .collect();
                let inp = crate::revise::RevInput { forms, upos, xpos };
                rv.revise(&inp, &mut tree);
                tree
            });
        }
        DIR_SCRATCH.with(|sc| {
            let mut sc = sc.borrow_mut();
            let (a, b) = &mut *sc;
            self.parse_dir(forms, upos, xpos, self.rev.is_some(), a);
            let Some(r) = &self.rev else {
                return (0..n)
                    .map(|i| {
                        let h = a.head[i];
                        (if h as usize == n { 0 } else { h + 1 }, a.label[i])
                    })
                    .collect();
            };
            r.parse_dir(forms, upos, xpos, true, b);
            if a.head == b.head {
                return (0..n)
                    .map(|i| {
                        let h = a.head[i];
                        (if h as usize == n { 0 } else { h + 1 }, a.label[i])
                    })
                    .collect();
            }
            let pa: Vec<(u32, u8, i32)> = (0..n)
                .map(|i| (a.head[i], a.label[i], a.margin[i]))
                .collect();
            let pb: Vec<(u32, u8, i32)> = (0..n)
                .map(|i| (b.head[i], b.label[i], b.margin[i]))
                .collect();
            crate::combine::combine(&pa, &pb, &crate::combine::Weights::default())
                .into_iter()
                .map(|(h, l)| (if h as usize == n { 0 } else { h + 1 }, l))
                .collect()
        })
    }

    /// The directional parse of this model alone (the left-to-right one of a combined
    /// model): per word its head (0-based, `n` = root), relation id and the score margin
    /// of the transition that attached it (its confidence; see [`crate::combine`]).
    pub fn parse_scored(
        &self,
        forms: &[&str],
        upos: &[Upos],
        xpos: &[&str],
    ) -> Vec<(u32, u8, i32)> {
        let mut a = DirParse::default();
        if !forms.is_empty() {
            self.parse_dir(forms, upos, xpos, true, &mut a);
        }
        (0..forms.len())
            .map(|i| (a.head[i], a.label[i], a.margin[i]))
            .collect()
    }

    /// Greedy parse in this model's direction; results in the original word order. The
    /// margins are computed only when `margins` is set (they are only needed to combine).
    fn parse_dir(
        &self,
        forms: &[&str],
        upos: &[Upos],
        xpos: &[&str],
        margins: bool,
        out: &mut DirParse,
    ) {
        let n = forms.len();
        let rev = self.fx & FX_R2L != 0;
        let split = if rev { r2l_split(upos, n) } else { 0 };
        // state position -> original position (the root and "none" map to themselves)
        let orig = |k: u32| -> u32 {
            if k as usize >= n || !rev {
                k
            } else {
                r2l_pos(k as usize, split) as u32
            }
        };
        out.head.clear();
        out.head.resize(n, n as u32);
        out.label.clear();
        out.label.resize(n, self.root_label);
        out.margin.clear();
        out.margin.resize(n, 0);
        SCRATCH.with(|sc| {
            let mut sc = sc.borrow_mut();
            let (st, feats, lscores) = &mut *sc;
            lscores.resize(self.lstride, 0);
            st.reset(forms, upos, xpos, self.fx, &self.lex, rev);
            while !st.terminal() {
                let valid = st.valid();
                let (t, m) = if valid.count_ones() == 1 {
                    (valid.trailing_zeros() as usize, FORCED_MARGIN)
                } else {
                    st.trans_features(feats);
                    let s = score_trans(&self.trans, self.trans_mask, feats);
                    let t = argmax_valid(&s, valid);
                    if margins {
                        let other = (0..3)
                            .filter(|&k| k != t && valid & (1 << k) != 0)
                            .map(|k| s[k])
                            .max()
                            .unwrap_or(s[t]);
                        (t, s[t] - other)
                    } else {
                        (t, 0)
                    }
                };
                let label = if t == SHIFT {
                    NO_LABEL
                } else {
                    let (h, d) = st.arc(t);
                    out.margin[orig(d) as usize] = m;
                    if h == st.n {
                        self.root_label
                    } else {
                        st.label_features(h, d, feats);
                        score_labels(&self.lab, self.label_mask, self.lstride, feats, lscores);
                        argmax_label(lscores, self.root_label)
                    }
                };
                st.apply(t, label);
            }
            for k in 0..n {
                let i = orig(k as u32) as usize;
                out.head[i] = orig(st.head[k]);
                out.label[i] = st.label[k];
            }
        })
    }

    /// A model that parses with `l2r` (trained left to right) and `r2l` (trained with
    /// [`FX_R2L`]) and combines their trees; both must use the same relation list.
    pub fn combined(l2r: Parser, r2l: Parser) -> Result<Parser, ParserError> {
        if l2r.fx & FX_R2L != 0 || r2l.fx & FX_R2L == 0 {
            return Err(ParserError::BadModel(
                "a combined parser needs a left-to-right and a right-to-left model".into(),
            ));
        }
        if l2r.rev.is_some() || r2l.rev.is_some() {
            return Err(ParserError::BadModel(
                "cannot combine a model that is already combined".into(),
            ));
        }
        if l2r.labels != r2l.labels || l2r.root_label != r2l.root_label {
            return Err(ParserError::BadModel(
                "the two directions use different relation lists".into(),
            ));
        }
        Ok(Parser {
            rev: Some(Box::new(r2l)),
            reviser: None,
            ..l2r
        })
    }

    /// This parser with a tree reviser applied to every parse ([`crate::revise`]).
    pub fn with_reviser(self, reviser: crate::revise::Reviser) -> Parser {
        Parser {
            reviser: Some(reviser),
            ..self
        }
    }

    /// This parser without its reviser (the greedy trees alone).
    pub fn without_reviser(&self) -> Parser {
        Parser {
            reviser: None,
            ..self.clone()
        }
    }

    /// Number of words in the model's Brown-cluster table (0: trained without
    /// [`FX_CLU`]).
    pub fn n_cluster_words(&self) -> usize {
        self.lex.clu.pairs().len()
    }

    /// The tree reviser, if the model has one.
    pub fn reviser(&self) -> Option<&crate::revise::Reviser> {
        self.reviser.as_ref()
    }

    /// The directional models: (left-to-right or the single model, right-to-left
    /// partner if combined).
    pub fn directions(&self) -> (Parser, Option<Parser>) {
        let main = Parser {
            rev: None,
            reviser: None,
            ..self.clone()
        };
        (main, self.rev.as_deref().cloned())
    }

    /// A copy with every quantised weight smaller than `min_abs` in magnitude set to
    /// zero: a smaller model file (zeros are not stored) at a small cost in accuracy.
    pub fn pruned(&self, min_abs: i16) -> Parser {
        let cut = |t: &[i16]| -> Vec<i16> {
            t.iter()
                .map(|&w| {
                    if w.unsigned_abs() < min_abs.unsigned_abs() {
                        0
                    } else {
                        w
                    }
                })
                .collect()
        };
        Parser {
            trans: cut(&self.trans),
            lab: cut(&self.lab),
            rev: self.rev.as_ref().map(|r| Box::new(r.pruned(min_abs))),
            ..self.clone()
        }
    }

    /// Name of relation `id` (`"dep"` for an unknown id).
    pub fn deprel_name(&self, id: u8) -> &str {
        self.labels
            .get(id as usize)
            .map(|s| s.as_str())
            .unwrap_or("dep")
    }

    /// All relation names, indexed by id.
    pub fn deprels(&self) -> &[String] {
        &self.labels
    }

    /// Serialise: header, label names, then each table as sparse (index delta, value)
    /// varints. Deterministic.
    pub fn to_bytes(&self) -> Vec<u8> {
        if let Some(rv) = &self.reviser {
            let mut out = MAGIC_REVISED.to_vec();
            for b in [self.without_reviser().to_bytes(), rv.to_bytes()] {
                put_varint(&mut out, b.len() as u64);
                out.extend_from_slice(&b);
            }
            return out;
        }
        if let Some(r) = &self.rev {
            let mut out = MAGIC_PAIR.to_vec();
            for m in [&self.directions().0, &**r] {
                let b = m.to_bytes();
                put_varint(&mut out, b.len() as u64);
                out.extend_from_slice(&b);
            }
            return out;
        }
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(self.trans_mask.count_ones() as u8);
        out.push(self.label_mask.count_ones() as u8);
        out.push(self.labels.len() as u8);
        out.push(self.root_label);
        out.push(self.fx);
        for l in &self.labels {
            out.push(l.len() as u8);
            out.extend_from_slice(l.as_bytes());
        }
        for table in [&self.trans, &self.lab] {
            let nz = table.iter().filter(|&&w| w != 0).count();
            put_varint(&mut out, nz as u64);
            let mut last = 0usize;
            for (k, &w) in table.iter().enumerate() {
                if w != 0 {
                    put_varint(&mut out, (k - last) as u64);
                    put_varint(&mut out, zigzag(w as i64));
                    last = k;
                }
            }
        }
        let amb = self.lex.amb.pairs();
        put_varint(&mut out, amb.len() as u64);
        for (k, v) in amb {
            out.extend_from_slice(&k.to_le_bytes());
            put_varint(&mut out, v as u64);
        }
        if self.fx & FX_CLU != 0 {
            // Brown clusters: keys in increasing order as deltas, then the cluster id.
            // Written only for such models, so older layouts stay byte-identical.
            let clu = self.lex.clu.pairs();
            put_varint(&mut out, clu.len() as u64);
            let mut last = 0u64;
            for (k, v) in clu {
                put_varint(&mut out, k - last);
                put_varint(&mut out, v as u64);
                last = k;
            }
            out.extend_from_slice(&self.lex.clu_bits);
        }
        out
    }

    /// Load a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParserError> {
        let bad = |m: &str| ParserError::BadModel(m.to_string());
        if bytes.len() >= 8 && &bytes[..8] == MAGIC_REVISED {
            let mut pos = 8;
            let mut part = || -> Result<&[u8], ParserError> {
                let len = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated model"))?;
                let end = usize::try_from(len)
                    .ok()
                    .and_then(|l| pos.checked_add(l))
                    .filter(|&e| e <= bytes.len())
                    .ok_or_else(|| bad("truncated model"))?;
                let b = &bytes[pos..end];
                pos = end;
                Ok(b)
            };
            let base = part()?;
            let rv = part()?;
            if pos != bytes.len() {
                return Err(bad("trailing bytes after the reviser"));
            }
            if base.len() >= 8 && &base[..8] == MAGIC_REVISED {
                return Err(bad("nested revised model"));
            }
            let p = Parser::from_bytes(base)?;
            let r = crate::revise::Reviser::from_bytes(rv).map_err(|e| bad(&e.to_string()))?;
            return Ok(p.with_reviser(r));
        }
        if bytes.len() >= 8 && &bytes[..8] == MAGIC_PAIR {
            let mut pos = 8;
            let mut part = || -> Result<Parser, ParserError> {
                let len = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated pair"))?;
                let end = usize::try_from(len)
                    .ok()
                    .and_then(|l| pos.checked_add(l))
                    .filter(|&e| e <= bytes.len())
                    .ok_or_else(|| bad("truncated pair"))?;
                let b = &bytes[pos..end];
                pos = end;
                if b.len() >= 8 && &b[..8] == MAGIC_PAIR {
                    return Err(bad("nested combined model"));
                }
                Parser::from_bytes(b)
            };
            let l2r = part()?;
            let r2l = part()?;
            if pos != bytes.len() {
                return Err(bad("trailing bytes after the two models"));
            }
            return Parser::combined(l2r, r2l);
        }
        if bytes.len() < 12 || (&bytes[..8] != MAGIC && &bytes[..8] != MAGIC_V1) {
            return Err(bad("not a parser model (wrong magic number)"));
        }
        let v2 = &bytes[..8] == MAGIC;
        let tbits = bytes[8] as u32;
        let lbits = bytes[9] as u32;
        let nlab = bytes[10] as usize;
        let root_label = bytes[11];
        if !(8..=26).contains(&tbits) || !(8..=24).contains(&lbits) || nlab == 0 {
            return Err(bad("table sizes out of range"));
        }
        if root_label as usize >= nlab {
            return Err(bad("root label id out of range"));
        }
        let mut pos = 12;
        let fx = if v2 {
            let f = *bytes.get(12).ok_or_else(|| bad("truncated header"))?;
            pos += 1;
            if f & !FX_ALL != 0 {
                return Err(bad("unknown feature groups (model from a newer version?)"));
            }
            f
        } else {
            0
        };
        let mut labels = Vec::with_capacity(nlab);
        for _ in 0..nlab {
            let l = *bytes.get(pos).ok_or_else(|| bad("truncated label list"))? as usize;
            pos += 1;
            let s = bytes
                .get(pos..pos + l)
                .ok_or_else(|| bad("truncated label list"))?;
            labels.push(
                std::str::from_utf8(s)
                    .map_err(|_| bad("label is not UTF-8"))?
                    .to_string(),
            );
            pos += l;
        }
        let mut trans = vec![0i16; (1usize << tbits) * TSTRIDE];
        let mut lab = vec![0i16; (1usize << lbits) * nlab];
        for table in [&mut trans, &mut lab] {
            let nz = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated table"))?;
            let mut k = 0usize;
            for _ in 0..nz {
                let d = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated table"))?;
                let v = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated table"))?;
                k = k
                    .checked_add(d as usize)
                    .filter(|&k| k < table.len())
                    .ok_or_else(|| bad("weight index out of range"))?;
                let v = unzigzag(v);
                if v < i16::MIN as i64 || v > i16::MAX as i64 {
                    return Err(bad("weight out of range"));
                }
                table[k] = v as i16;
            }
        }
        let mut amb = Vec::new();
        if v2 {
            let na = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated lexicon"))?;
            if na > (bytes.len() as u64) / 9 {
                return Err(bad("lexicon size out of range"));
            }
            for _ in 0..na {
                let k = bytes
                    .get(pos..pos + 8)
                    .ok_or_else(|| bad("truncated lexicon"))?;
                let k = u64::from_le_bytes(k.try_into().map_err(|_| bad("truncated lexicon"))?);
                pos += 8;
                let v = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated lexicon"))?;
                amb.push((
                    k,
                    u32::try_from(v).map_err(|_| bad("lexicon value out of range"))?,
                ));
            }
        }
        let mut clu = Vec::new();
        let mut clu_bits = [0u8; 2];
        if fx & FX_CLU != 0 {
            let nc = get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated cluster table"))?;
            if nc > (bytes.len() as u64) / 2 {
                return Err(bad("cluster table size out of range"));
            }
            let mut k = 0u64;
            for _ in 0..nc {
                let d =
                    get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated cluster table"))?;
                let v =
                    get_varint(bytes, &mut pos).ok_or_else(|| bad("truncated cluster table"))?;
                k = k
                    .checked_add(d)
                    .filter(|&k| k > 0 && k <= 1 << 32)
                    .ok_or_else(|| bad("cluster key out of range"))?;
                clu.push((
                    k,
                    u32::try_from(v).map_err(|_| bad("cluster id out of range"))?,
                ));
            }
            let b = bytes
                .get(pos..pos + 2)
                .ok_or_else(|| bad("truncated cluster table"))?;
            clu_bits = [b[0], b[1]];
            if !clu_bits.iter().all(|b| (1..=24).contains(b)) {
                return Err(bad("cluster prefix length out of range"));
            }
            pos += 2;
        }
        if pos != bytes.len() {
            return Err(bad("trailing bytes after the weight tables"));
        }
        Ok(Parser {
            labels,
            root_label,
            trans_mask: (1u64 << tbits) - 1,
            label_mask: (1u64 << lbits) - 1,
            lstride: nlab,
            trans,
            lab,
            fx,
            lex: Lexicons {
                amb: AmbLex::from_pairs(amb),
                clu: AmbLex::from_pairs(clu),
                clu_bits,
            },
            rev: None,
            reviser: None,
        })
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}
fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

// ---------------------------------------------------------------------------------
// Evaluation

/// Attachment scores over all words (punctuation included, as in CoNLL 2018).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AttachmentScores {
    pub words: usize,
    /// Unlabelled attachment score, percent.
    pub uas: f64,
    /// Labelled attachment score on the universal part of the relation (subtypes
    /// ignored), percent — the CoNLL 2018 shared task definition.
    pub las: f64,
    /// Labelled attachment score on full relations with subtypes, percent.
    pub las_full: f64,
}

/// Parse the sentences with their own (gold or predicted) tags and score the trees.
pub fn evaluate(parser: &Parser, gold: &[ConlluSentence]) -> AttachmentScores {
    let (mut n, mut u, mut l, mut lf) = (0usize, 0usize, 0usize, 0usize);
    for s in gold {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let upos: Vec<Upos> = s
            .words
            .iter()
            .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
            .collect();
        let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        let out = parser.parse(&forms, &upos, &xpos);
        for (w, &(h, lab)) in s.words.iter().zip(&out) {
            n += 1;
            if w.head == h {
                u += 1;
                let name = parser.deprel_name(lab);
                if name == w.deprel {
                    lf += 1;
                }
                let univ = |x: &str| x.split(':').next().unwrap_or("").to_string();
                if univ(name) == univ(&w.deprel) {
                    l += 1;
                }
            }
        }
    }
    let pct = |x: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * x as f64 / n as f64
        }
    };
    AttachmentScores {
        words: n,
        uas: pct(u),
        las: pct(l),
        las_full: pct(lf),
    }
}

// ---------------------------------------------------------------------------------
// Training

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Averaged-perceptron weights: current `w` and `u += t * delta`, so that the average
/// after `T` steps is `w - u / T` (no per-feature timestamps needed).
struct AvgTable {
    w: Vec<i32>,
    u: Vec<i64>,
}

impl AvgTable {
    fn new(len: usize) -> AvgTable {
        AvgTable {
            w: vec![0; len],
            u: vec![0; len],
        }
    }
    #[inline]
    fn update(&mut self, idx: usize, delta: i32, t: i64) {
        self.w[idx] += delta;
        self.u[idx] += t * delta as i64;
    }
    fn averaged(&self, t: i64) -> Vec<f64> {
        let tf = t.max(1) as f64;
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| w as f64 - u as f64 / tf)
            .collect()
    }
}

struct GoldSent<'a> {
    forms: Vec<&'a str>,
    upos: Vec<Upos>,
    xpos: Vec<&'a str>,
    /// Gold head, 0-based, `n` for the root.
    heads: Vec<u32>,
    labels: Vec<u8>,
}

fn quantise(v: &[f64]) -> Vec<i16> {
    let max = v.iter().fold(0f64, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    v.iter().map(|&x| (x * scale).round() as i16).collect()
}

/// Gold-arc losses of each transition in the current state (Goldberg & Nivre 2013,
/// arc-hybrid); `u32::MAX` for invalid transitions.
fn costs(st: &State, gh: &[u32], valid: u8) -> [u32; 3] {
    let mut c = [u32::MAX; 3];
    let n = st.n;
    let b = st.b;
    let sl = st.stack.len();
    // dependents of x still in the buffer (including b0)
    let deps_in_buffer = |x: u32| -> u32 { (b..n).filter(|&d| gh[d as usize] == x).count() as u32 };
    if valid & (1 << SHIFT) != 0 {
        let b0 = b;
        let mut k = 0;
        for (j, &s) in st.stack.iter().enumerate() {
            if s < n && gh[s as usize] == b0 {
                k += 1;
            }
            if j + 1 < sl && gh[b0 as usize] == s {
                k += 1;
            }
        }
        c[SHIFT] = k;
    }
    if valid & (1 << LEFT) != 0 {
        let s0 = st.stack[sl - 1];
        let s1 = if sl >= 2 { st.stack[sl - 2] } else { NONE };
        let h = gh[s0 as usize];
        let mut k = deps_in_buffer(s0);
        // a head deeper in the stack is already out of reach (with the root first, the
        // root is one unless it is s1)
        if h != b && (h == s1 || (h > b && (h < n || !st.root_first))) {
            k += 1;
        }
        c[LEFT] = k;
    }
    if valid & (1 << RIGHT) != 0 {
        let s0 = st.stack[sl - 1];
        let h = gh[s0 as usize];
        let mut k = deps_in_buffer(s0);
        if h >= b && (h < n || !st.root_first) {
            k += 1;
        }
        c[RIGHT] = k;
    }
    c
}

/// Train a parser on `train` (using the tags in the file: pass jackknifed predicted
/// tags for the best accuracy with a tagger), printing dev scores per iteration.
pub fn train_parser(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &ParserTrainOptions,
) -> Result<Parser, ParserError> {
    if !(8..=26).contains(&opts.trans_bits) || !(8..=24).contains(&opts.label_bits) {
        return Err(ParserError::BadOptions(format!(
            "table sizes 2^{} / 2^{} rows: use trans_bits 8..=26 and label_bits 8..=24",
            opts.trans_bits, opts.label_bits
        )));
    }
    if train.iter().all(|s| s.words.is_empty()) {
        return Err(ParserError::NoTrainingData);
    }
    // label vocabulary, sorted for determinism
    let mut names: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .chain(std::iter::once("root".to_string()))
        .collect();
    names.sort();
    names.dedup();
    if names.len() > 250 {
        return Err(ParserError::BadTreebank(format!(
            "{} distinct relations (at most 250 supported)",
            names.len()
        )));
    }
    if let Some(long) = names.iter().find(|l| l.len() > 255) {
        return Err(ParserError::BadTreebank(format!(
            "relation name {long:?} is longer than 255 bytes"
        )));
    }
    let root_label = names.iter().position(|l| l == "root").unwrap_or(0) as u8;
    let mut gold = Vec::with_capacity(train.len());
    for (si, s) in train.iter().enumerate() {
        let n = s.words.len() as u32;
        if n == 0 {
            continue;
        }
        let mut heads = Vec::with_capacity(n as usize);
        let mut labels = Vec::with_capacity(n as usize);
        let mut roots = 0;
        for w in &s.words {
            if w.head > n {
                return Err(ParserError::BadTree {
                    sentence: si + 1,
                    message: format!("word {} has head {} beyond the sentence", w.id, w.head),
                });
            }
            heads.push(if w.head == 0 {
                roots += 1;
                n
            } else {
                w.head - 1
            });
            labels.push(names.binary_search(&w.deprel).unwrap_or(0) as u8);
        }
        if roots != 1 {
            // not a single-rooted tree: cannot be produced by the parser; skip it
            continue;
        }
        let mut g = GoldSent {
            forms: s.words.iter().map(|w| w.form.as_str()).collect(),
            upos: s
                .words
                .iter()
                .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
                .collect(),
            xpos: s.words.iter().map(|w| w.xpos.as_str()).collect(),
            heads,
            labels,
        };
        if opts.features & FX_R2L != 0 {
            // A right-to-left model learns on the mirrored sentence (final punctuation
            // kept last, see `r2l_split`); the root stays at the end of the buffer.
            let nn = n as usize;
            let m = r2l_split(&g.upos, nn);
            let src = (g.forms.clone(), g.upos.clone(), g.xpos.clone());
            let (heads, labels) = (g.heads.clone(), g.labels.clone());
            for k in 0..nn {
                let i = r2l_pos(k, m);
                g.forms[k] = src.0[i];
                g.upos[k] = src.1[i];
                g.xpos[k] = src.2[i];
                g.labels[k] = labels[i];
                let h = heads[i];
                g.heads[k] = if h < n {
                    r2l_pos(h as usize, m) as u32
                } else {
                    h
                };
            }
        }
        gold.push(g);
    }
    if gold.is_empty() {
        return Err(ParserError::NoTrainingData);
    }
    let amb = if opts.features & FX_AMB != 0 {
        ambiguity_classes(&gold)
    } else {
        AmbLex::default()
    };
    if opts.features & (FX_CLU | FX_CLU2) == FX_CLU2 {
        return Err(ParserError::BadOptions(
            "the FX_CLU2 feature group extends FX_CLU: set both".into(),
        ));
    }
    let clu = if opts.features & FX_CLU != 0 {
        let dir = opts.clusters.as_deref().ok_or_else(|| {
            ParserError::BadOptions(
                "the cluster feature group needs a Brown-cluster directory (ParserTrainOptions::clusters)".into(),
            )
        })?;
        if !opts.cluster_bits.iter().all(|b| (1..=24).contains(b)) {
            return Err(ParserError::BadOptions(format!(
                "cluster prefix lengths {:?}: use 1..=24 bits",
                opts.cluster_bits
            )));
        }
        cluster_table(dir)?
    } else {
        AmbLex::default()
    };
    let clu_bits = if opts.features & FX_CLU != 0 {
        opts.cluster_bits
    } else {
        [0; 2]
    };
    let amb = Lexicons { amb, clu, clu_bits };
    let members = opts.ensemble.max(1);
    let mut sum_t: Vec<f64> = Vec::new();
    let mut sum_l: Vec<f64> = Vec::new();
    let seed_of = |m: usize| {
        opts.seed
            .wrapping_add((m as u64).wrapping_mul(0x1000_0000_01b3))
    };
    // Members are independent: train up to `threads` of them at once, then add them in
    // member order, so the model does not depend on the number of threads.
    let threads = opts.threads.clamp(1, members);
    let mut done: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
    for m in 0..members {
        if done.is_empty() {
            let batch: Vec<usize> = (m..(m + threads).min(members)).collect();
            done = if batch.len() == 1 {
                vec![train_member(
                    &gold,
                    &names,
                    root_label,
                    &amb,
                    dev,
                    opts,
                    seed_of(m),
                )]
            } else {
                let (gold, names, amb) = (&gold, &names, &amb);
                std::thread::scope(|sc| {
                    let hs: Vec<_> = batch
                        .iter()
                        .map(|&k| {
                            sc.spawn(move || {
                                train_member(gold, names, root_label, amb, dev, opts, seed_of(k))
                            })
                        })
                        .collect();
                    hs.into_iter()
                        .map(|h| h.join().expect("parser training thread panicked"))
                        .collect()
                })
            };
            done.reverse();
        }
        let (bt, bl) = done.pop().unwrap_or_default();
        if sum_t.is_empty() {
            sum_t = bt;
            sum_l = bl;
        } else {
            sum_t.iter_mut().zip(&bt).for_each(|(a, b)| *a += b);
            sum_l.iter_mut().zip(&bl).for_each(|(a, b)| *a += b);
        }
        if members > 1 && opts.verbose && !dev.is_empty() {
            let p = build_parser(&names, root_label, opts, &amb, &sum_t, &sum_l);
            let sc = evaluate(&p, dev);
            eprintln!(
                "parser ensemble of {}: dev UAS {:.2} LAS {:.2} (full labels {:.2})",
                m + 1,
                sc.uas,
                sc.las,
                sc.las_full
            );
        }
    }
    Ok(build_parser(&names, root_label, opts, &amb, &sum_t, &sum_l).pruned(opts.prune))
}

/// The UPOS each word (normalised form) takes in the training data: tags seen on at
/// least 5 % of its occurrences, for words seen at least [`AMB_MIN_COUNT`] times. Rare
/// words are left unknown on purpose: the training file holds each sentence twice (gold
/// and jackknifed tags), so a class for a rare word would contain its gold tag in
/// training and teach the parser to trust the class like a gold tag, which it is not on
/// new text. Frequent words (`that`, `to`, `as`, `like`, `will`, ...) are where the
/// class says something the predicted tag does not.
const AMB_MIN_COUNT: u32 = 20;

fn ambiguity_classes(gold: &[GoldSent<'_>]) -> AmbLex {
    let mut counts: std::collections::HashMap<u64, [u32; 18]> = std::collections::HashMap::new();
    for g in gold {
        for (f, u) in g.forms.iter().zip(&g.upos) {
            let c = counts.entry(word_hash(f)).or_insert([0; 18]);
            c[*u as usize] += 1;
            c[17] += 1;
        }
    }
    let pairs = counts
        .into_iter()
        .filter(|(_, c)| c[17] >= AMB_MIN_COUNT)
        .map(|(k, c)| {
            let mut m = 0u32;
            for t in 0..17 {
                if c[t] > 0 && c[t] * 20 >= c[17] {
                    m |= 1 << t;
                }
            }
            (k, m)
        })
        .collect();
    AmbLex::from_pairs(pairs)
}

fn build_parser(
    names: &[String],
    root_label: u8,
    opts: &ParserTrainOptions,
    amb: &Lexicons,
    trans: &[f64],
    lab: &[f64],
) -> Parser {
    Parser {
        labels: names.to_vec(),
        root_label,
        trans_mask: (1u64 << opts.trans_bits) - 1,
        label_mask: (1u64 << opts.label_bits) - 1,
        lstride: names.len(),
        trans: quantise(trans),
        lab: quantise(lab),
        fx: opts.features,
        lex: amb.clone(),
        rev: None,
        reviser: None,
    }
}

/// One averaged perceptron trained from `seed`; returns its (best on dev) averaged
/// transition and label weights.
fn train_member(
    gold: &[GoldSent<'_>],
    names: &[String],
    root_label: u8,
    amb: &Lexicons,
    dev: &[ConlluSentence],
    opts: &ParserTrainOptions,
    seed: u64,
) -> (Vec<f64>, Vec<f64>) {
    let nlab = names.len();
    let tmask = (1u64 << opts.trans_bits) - 1;
    let lmask = (1u64 << opts.label_bits) - 1;
    let mut tw = AvgTable::new((1usize << opts.trans_bits) * TSTRIDE);
    let mut lw = AvgTable::new((1usize << opts.label_bits) * nlab);
    let mut rng = Rng(seed ^ 0x5eed);
    let mut order: Vec<usize> = (0..gold.len()).collect();
    let mut st = State::new();
    let mut feats = Vec::with_capacity(160);
    let mut lfeats = Vec::with_capacity(64);
    let mut lscores = vec![0i32; nlab];
    let mut t: i64 = 1;
    let mut best: Option<(f64, Vec<f64>, Vec<f64>)> = None;
    for it in 0..opts.iterations {
        // Fisher-Yates shuffle
        for k in (1..order.len()).rev() {
            let j = (rng.next() % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let explore = it >= opts.explore_from;
        let (mut tcorrect, mut ttotal) = (0usize, 0usize);
        for &si in &order {
            let g = &gold[si];
            st.reset(&g.forms, &g.upos, &g.xpos, opts.features, amb, false);
            while !st.terminal() {
                let valid = st.valid();
                let c = costs(&st, &g.heads, valid);
                let minc = *c.iter().min().unwrap_or(&0);
                let next = if valid.count_ones() == 1 {
                    valid.trailing_zeros() as usize
                } else {
                    st.trans_features(&mut feats);
                    for &f in &feats {
                        prefetch(&tw.w[((f & tmask) as usize) * TSTRIDE]);
                    }
                    // score with current (non-averaged) weights
                    let mut s = [0i32; 3];
                    for &f in &feats {
                        let r = ((f & tmask) as usize) * TSTRIDE;
                        for k in 0..3 {
                            s[k] += tw.w[r + k];
                        }
                    }
                    let pred = argmax_valid(&s, valid);
                    let mut oracle = usize::MAX;
                    for k in 0..3 {
                        if c[k] == minc && (oracle == usize::MAX || s[k] > s[oracle]) {
                            oracle = k;
                        }
                    }
                    ttotal += 1;
                    if c[pred] == minc {
                        tcorrect += 1;
                    } else {
                        for &f in &feats {
                            let r = ((f & tmask) as usize) * TSTRIDE;
                            tw.update(r + oracle, 1, t);
                            tw.update(r + pred, -1, t);
                        }
                    }
                    t += 1;
                    if explore && rng.unit() < opts.explore_prob {
                        pred
                    } else {
                        oracle
                    }
                };
                let label = if next == SHIFT {
                    NO_LABEL
                } else {
                    let (h, d) = st.arc(next);
                    if h == st.n {
                        root_label
                    } else {
                        st.label_features(h, d, &mut lfeats);
                        for &f in &lfeats {
                            let r = ((f & lmask) as usize) * nlab;
                            for k in (0..nlab).step_by(16) {
                                prefetch(&lw.w[r + k]);
                            }
                        }
                        for x in lscores.iter_mut() {
                            *x = 0;
                        }
                        for &f in &lfeats {
                            let r = ((f & lmask) as usize) * nlab;
                            for (k, x) in lscores.iter_mut().enumerate() {
                                *x += lw.w[r + k];
                            }
                        }
                        let pred = argmax_label(&lscores, root_label);
                        if g.heads[d as usize] == h {
                            let goldl = g.labels[d as usize];
                            if pred != goldl {
                                for &f in &lfeats {
                                    let r = ((f & lmask) as usize) * nlab;
                                    lw.update(r + goldl as usize, 1, t);
                                    lw.update(r + pred as usize, -1, t);
                                }
                            }
                            t += 1;
                            if explore {
                                pred
                            } else {
                                goldl
                            }
                        } else {
                            pred
                        }
                    }
                };
                st.apply(next, label);
            }
        }
        if !dev.is_empty() || opts.verbose {
            let (at, al) = (tw.averaged(t), lw.averaged(t));
            let p = build_parser(names, root_label, opts, amb, &at, &al);
            let sc = evaluate(&p, dev);
            if opts.verbose {
                eprintln!(
                    "parser iteration {}: train transition accuracy {:.2}%, dev UAS {:.2} LAS {:.2} (full labels {:.2})",
                    it + 1,
                    100.0 * tcorrect as f64 / ttotal.max(1) as f64,
                    sc.uas,
                    sc.las,
                    sc.las_full
                );
            }
            if opts.keep_best
                && !dev.is_empty()
                && best.as_ref().is_none_or(|(b, _, _)| sc.las_full > *b)
            {
                best = Some((sc.las_full, at, al));
            }
        }
    }
    match best {
        Some((_, at, al)) => (at, al),
        None => (tw.averaged(t), lw.averaged(t)),
    }
}
