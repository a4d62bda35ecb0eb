//! Part-of-speech tagger: UPOS, XPOS and the UD features, from an averaged perceptron.
//!
//! Why this design: a greedy left-to-right averaged perceptron over rich sparse
//! features (word, affixes, shape, ±2 neighbours, the two previous predicted tags, the
//! ambiguity classes of the following words, the nearest preceding auxiliary) is within
//! a point of neural taggers on news-like English, trains in a minute, is
//! deterministic, and tags hundreds of thousands of tokens per second with a model of a
//! few MB.
//!
//! Most remaining errors are on words rare or unseen in the treebank, where a linear
//! tagger only has affixes and shape to go on. For those words the model carries a
//! compact word → part-of-speech table derived from WordNet 3.0 at training time (so
//! nothing is needed at run time): which parts of speech the word, or the stem of a
//! regular inflection of it, can have. Lexical knowledge of this kind is what taggers
//! otherwise get from embeddings trained on large text, which this project does not
//! have.
//!
//! Optionally (when trained with `TrainOptions::clusters`) the model also carries a
//! word → Brown cluster table from spacy-lookups-data: the cluster groups words by
//! the contexts they occur in over a large corpus, which is the cheapest form of
//! distributional knowledge (one or two table lookups per token). Measured on EWT
//! dev its gain stays within the training noise (±0.1 UPOS), so the built-in model is
//! trained without it (docs/nlp.md).
//!
//! The predicted class is the pair UPOS+XPOS, refined with the two features that
//! depend on context rather than on the word: `Voice=Pass` (a VBN after *be*/*get*)
//! and `Mood=Imp` (an imperative VB). The rest of the FEATS string is derived from the
//! class and the word (the most frequent FEATS in the treebank for that word and class,
//! else for that class), which is exact for English morphology in almost all cases.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use crate::conllu::ConlluSentence;
use crate::doc::Upos;
use crate::features::{
    combine, feat1, feat2, hash_bytes, normalize_into, prefix_end, shape_hash, suffix_start, Entry,
    FeatureTable, KeyMap, Rng,
};
use crate::model_io::{ModelReader, ModelWriter, TextError};
use crate::train::{wn, TrainOptions};

const MAGIC: &[u8; 4] = b"ATTG";
/// Version 4 added the Brown-cluster table; version 3 files (without it) still load.
const VERSION: u32 = 4;

/// One tagger class: UPOS, XPOS and the context-dependent features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagClass {
    pub upos: Upos,
    pub xpos: String,
    /// `Voice=Pass`.
    pub pass: bool,
    /// `Mood=Imp`.
    pub imp: bool,
}

impl TagClass {
    fn name(&self) -> String {
        let mut s = format!("{} {}", self.upos.as_str(), self.xpos);
        if self.pass {
            s.push_str(" Pass");
        }
        if self.imp {
            s.push_str(" Imp");
        }
        s
    }
    fn from_name(n: &str) -> Option<TagClass> {
        let mut it = n.split(' ');
        let upos = Upos::parse(it.next()?)?;
        let xpos = it.next()?.to_string();
        let mut c = TagClass {
            upos,
            xpos,
            pass: false,
            imp: false,
        };
        for x in it {
            match x {
                "Pass" => c.pass = true,
                "Imp" => c.imp = true,
                _ => return None,
            }
        }
        Some(c)
    }
    fn of_word(upos: &str, xpos: &str, feats: &str) -> TagClass {
        TagClass {
            upos: Upos::parse(upos).unwrap_or(Upos::X),
            xpos: xpos.to_string(),
            pass: feats.split('|').any(|f| f == "Voice=Pass"),
            imp: feats.split('|').any(|f| f == "Mood=Imp"),
        }
    }
}

/// Per-token hashes computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokCtx {
    pub lc: u64,
    form: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    shape: u64,
    ambig: u64,
    /// The nearest form of *be*, *get* or *have* up to 4 words to the left (in text
    /// order, whichever way the pass reads), for passives.
    aux_left: u64,
    /// WordNet signature of a rare or unseen word (see [`wn_signature`]).
    wn: u64,
    /// Brown cluster of the word (see [`cluster_feats`]): full id and bit-path
    /// prefixes of 4, 6 and 10 bits; all [`CL_NONE`] when the word has none.
    cl: [u64; 4],
    /// `cl` where the word's own cluster features apply (all words, or only words
    /// without an ambiguity class, per [`TaggerModel::cl_rare_only`]), else `CL_NONE`.
    cl_own: u64,
}

/// Cluster value of a word without a Brown cluster.
const CL_NONE: u64 = 0x00c1_0000;

/// Hashed Brown-cluster features of a cluster id (its bit path read as a binary
/// number): the id itself and its top 4, 6 and 10 bits.
#[inline]
fn cluster_feats(id: Option<u32>) -> [u64; 4] {
    match id {
        Some(c) if c > 0 => {
            // spaCy stores the bit path reversed (its first step is the lowest bit),
            // so a k-step prefix of the path is the low k bits.
            let top = |k: u32| -> u64 {
                let v = c & ((1u32 << k) - 1);
                combine(0xc1_0000 + k as u64, v as u64)
            };
            [combine(0xc1_ffff, c as u64), top(4), top(6), top(10)]
        }
        _ => [CL_NONE; 4],
    }
}

const PAD: usize = 2;

fn pad_ctx(tag: &[u8]) -> TokCtx {
    let h = hash_bytes(77, tag);
    TokCtx {
        lc: h,
        form: h,
        suf: [h; 4],
        pre: [h; 3],
        shape: h,
        ambig: h,
        aux_left: NO_AUX,
        wn: h,
        // No cluster at the padding: a model trained without clusters must not get
        // neighbour-cluster features at sentence edges (it would no longer be the model
        // the same command trained before clusters existed).
        cl: [CL_NONE; 4],
        cl_own: CL_NONE,
    }
}

/// Reusable buffers for tagging (one per thread; no allocation per token).
#[derive(Debug, Default)]
pub struct TagScratch {
    buf: String,
    pub(crate) ctx: Vec<TokCtx>,
    rctx: Vec<TokCtx>,
    keys: Vec<u64>,
    stack: Vec<u32>,
    scores: Vec<f32>,
    /// Predicted class per token.
    pub classes: Vec<u32>,
    /// FEATS id per token (see [`TaggerModel::feats_name`]).
    pub feats: Vec<u32>,
}

/// Signature of a word frequent in train (no WordNet lookup).
const WN_KNOWN: u64 = 0x5eed_0001;

// Bits of the signature beyond the stored ones ([`wn::STORED`]): regular inflections
// found by stripping an ending and finding the stem in WordNet.
const M_NPL: u32 = 1 << 11;
const M_VS: u32 = 1 << 12;
const M_VED: u32 = 1 << 13;
const M_VING: u32 = 1 << 14;
const M_ACMP: u32 = 1 << 15;
const M_ALY: u32 = 1 << 16;
const M_VER: u32 = 1 << 17;

/// Bits of `stem + add` in the WordNet table (0 when absent or too long).
#[inline]
fn wn_bits(t: &KeyMap, stem: &[u8], add: &[u8]) -> u32 {
    let mut b = [0u8; 40];
    let n = stem.len() + add.len();
    if stem.is_empty() || n > b.len() {
        return 0;
    }
    b[..stem.len()].copy_from_slice(stem);
    b[stem.len()..n].copy_from_slice(add);
    t.get(hash_bytes(1, &b[..n])).unwrap_or(0)
}

/// WordNet evidence about a lower-cased word `s` (hash `lc`): its own entry (parts of
/// speech, proper-name noun, dominant part of speech, irregular inflection) plus the
/// regular inflections whose stem WordNet knows (WordNet's own "morphy" detachment
/// rules, plus doubled consonants and -ly adverbs). A handful of table lookups, only
/// for words the tagger has no ambiguity class for.
fn wn_signature(t: &KeyMap, s: &str, lc: u64) -> u32 {
    let mut sig = t.get(lc).unwrap_or(0) & wn::STORED;
    let b = s.as_bytes();
    let n = b.len();
    let any = |stems: &[(&[u8], &[u8])], bits: u32| -> bool {
        stems
            .iter()
            .any(|(st, add)| wn_bits(t, st, add) & bits != 0)
    };
    fn doubled(st: &[u8]) -> &[u8] {
        let m = st.len();
        if m >= 3 && st[m - 1] == st[m - 2] && !b"aeiouls".contains(&st[m - 1]) {
            &st[..m - 1]
        } else {
            b""
        }
    }
    if n > 3 && b[n - 1] == b's' && b[n - 2] != b's' && b[n - 2] != b'\'' {
        let st: [(&[u8], &[u8]); 3] = [
            (&b[..n - 1], b""),
            (if b[n - 2] == b'e' { &b[..n - 2] } else { b"" }, b""),
            (
                if n > 4 && b.ends_with(b"ies") {
                    &b[..n - 3]
                } else {
                    b""
                },
                b"y",
            ),
        ];
        if any(&st, wn::N | wn::NP) {
            sig |= M_NPL;
        }
        if any(&st, wn::V) {
            sig |= M_VS;
        }
    }
    if n > 4 && b.ends_with(b"ed") {
        let st: [(&[u8], &[u8]); 4] = [
            (&b[..n - 2], b""),
            (&b[..n - 1], b""),
            (
                if b.ends_with(b"ied") {
                    &b[..n - 3]
                } else {
                    b""
                },
                b"y",
            ),
            (doubled(&b[..n - 2]), b""),
        ];
        if any(&st, wn::V) {
            sig |= M_VED;
        }
    }
    if n > 5 && b.ends_with(b"ing") {
        let st: [(&[u8], &[u8]); 3] = [
            (&b[..n - 3], b""),
            (&b[..n - 3], b"e"),
            (doubled(&b[..n - 3]), b""),
        ];
        if any(&st, wn::V) {
            sig |= M_VING;
        }
    }
    if n > 4 && (b.ends_with(b"er") || b.ends_with(b"est")) {
        let k = if b.ends_with(b"er") { 2 } else { 3 };
        let st: [(&[u8], &[u8]); 4] = [
            (&b[..n - k], b""),
            (&b[..n - k + 1], b""),
            (
                if b[n - k - 1] == b'i' {
                    &b[..n - k - 1]
                } else {
                    b""
                },
                b"y",
            ),
            (doubled(&b[..n - k]), b""),
        ];
        if any(&st, wn::A) {
            sig |= M_ACMP;
        }
        if k == 2 && any(&st, wn::V) {
            sig |= M_VER;
        }
    }
    if n > 4 && b.ends_with(b"ly") {
        let st: [(&[u8], &[u8]); 3] = [
            (&b[..n - 2], b""),
            (if b[n - 3] == b'i' { &b[..n - 3] } else { b"" }, b"y"),
            (
                if b.ends_with(b"bly") {
                    &b[..n - 1]
                } else {
                    b""
                },
                b"e",
            ),
        ];
        if any(&st, wn::A) {
            sig |= M_ALY;
        }
    }
    sig
}

fn build_ctx(
    forms: &[&str],
    ambig: &KeyMap,
    wnt: &KeyMap,
    clt: &KeyMap,
    cl_rare_only: bool,
    buf: &mut String,
    out: &mut Vec<TokCtx>,
) {
    out.clear();
    let start = pad_ctx(b"<s>");
    let end = pad_ctx(b"</s>");
    out.extend([start, start]);
    let unk_ambig = hash_bytes(78, b"<unk>");
    let mut last_aux: Option<(usize, u64)> = None;
    for (i, f) in forms.iter().enumerate() {
        normalize_into(f, buf);
        let s = buf.as_str();
        let aux_left = match last_aux {
            Some((j, h)) if i - j <= 4 => h,
            _ => NO_AUX,
        };
        let lc = hash_bytes(1, s.as_bytes());
        let mut suf = [0u64; 4];
        for (k, x) in suf.iter_mut().enumerate() {
            *x = hash_bytes(10 + k as u64, &s.as_bytes()[suffix_start(s, k + 1)..]);
        }
        let mut pre = [0u64; 3];
        for (k, x) in pre.iter_mut().enumerate() {
            *x = hash_bytes(20 + k as u64, &s.as_bytes()[..prefix_end(s, k + 1)]);
        }
        let word_ambig = ambig.get(lc);
        let (ambig, wn) = match word_ambig {
            Some(v) => (v as u64 | 1 << 40, WN_KNOWN),
            None => (
                unk_ambig ^ suf[1],
                if wnt.is_empty() {
                    WN_KNOWN
                } else {
                    wn_signature(wnt, s, lc) as u64
                },
            ),
        };
        let form = hash_bytes(2, f.as_bytes());
        let cl = if clt.is_empty() {
            [CL_NONE; 4]
        } else {
            cluster_feats(clt.get(form).or_else(|| clt.get(lc)))
        };
        let cl_own = if cl_rare_only && word_ambig.is_some() {
            CL_NONE
        } else {
            cl[0]
        };
        out.push(TokCtx {
            lc,
            form,
            cl,
            cl_own,
            suf,
            pre,
            shape: shape_hash(f),
            ambig,
            aux_left,
            wn,
        });
        if is_aux_word(s) {
            last_aux = Some((i, lc));
        }
    }
    out.extend([end, end]);
}

/// Forms of *be*, *get* and *have* (lower-cased), the auxiliaries of passives and
/// perfects.
fn is_aux_word(s: &str) -> bool {
    matches!(
        s,
        "be" | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "am"
            | "'s"
            | "’s"
            | "'re"
            | "’re"
            | "'m"
            | "get"
            | "gets"
            | "got"
            | "gotten"
            | "getting"
            | "has"
            | "have"
            | "had"
            | "having"
            | "'ve"
            | "’ve"
            | "'d"
            | "’d"
    )
}

/// Sentinel history value "no tag" (before the sentence).
const NONE_TAG: u32 = u32::MAX - 1;

/// Feature templates. `i` indexes the padded context; `first` says whether token `i`
/// is the first of the sentence in reading order; `stack` holds the first-pass tags
/// (same orientation) when this is the second pass. `drop` leaves out the identity
/// of the current word (training on rare words as if unseen).
#[inline]
#[allow(clippy::too_many_arguments)]
fn features(
    c: &[TokCtx],
    i: usize,
    first: bool,
    p1: u32,
    p2: u32,
    aux: u64,
    stack: Option<&[u32]>,
    drop: bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let t = &c[i];
    let (m1, m2, n1, n2) = (&c[i - 1], &c[i - 2], &c[i + 1], &c[i + 2]);
    let (p1, p2) = (p1 as u64, p2 as u64);
    let first = first as u64;
    out.push(feat1(1, 0));
    if !drop {
        out.push(feat1(2, t.lc));
        out.push(feat1(3, t.form));
        out.push(feat2(18, p1, t.lc));
        out.push(feat2(26, m1.lc, t.lc));
        out.push(feat2(27, t.lc, n1.lc));
    }
    for k in 0..4 {
        out.push(feat1(4 + k as u64, t.suf[k]));
    }
    for k in 0..3 {
        out.push(feat1(8 + k as u64, t.pre[k]));
    }
    out.push(feat2(11, t.shape, first));
    out.push(feat1(12, m1.lc));
    out.push(feat1(13, m2.lc));
    out.push(feat1(14, n1.lc));
    out.push(feat1(15, n2.lc));
    out.push(feat1(16, p1));
    out.push(feat2(17, p1, p2));
    out.push(feat1(19, m1.suf[2]));
    out.push(feat1(20, n1.suf[2]));
    out.push(feat1(21, n1.ambig));
    out.push(feat1(22, n2.ambig));
    out.push(feat1(23, t.ambig));
    out.push(feat2(24, t.ambig, n1.ambig));
    out.push(feat2(25, p1, n1.ambig));
    out.push(feat1(28, aux));
    out.push(feat2(29, p1, t.suf[2]));
    out.push(feat1(30, n1.shape));
    out.push(feat1(31, m1.shape));
    out.push(feat2(32, m1.lc, n1.lc));
    out.push(feat2(33, p1, n1.lc));
    out.push(feat2(34, aux, t.suf[1]));
    out.push(feat2(35, p1, t.shape));
    out.push(feat2(36, t.shape, n1.shape));
    out.push(feat2(37, m1.shape, t.shape));
    out.push(feat1(38, n1.suf[1]));
    out.push(feat2(39, t.suf[2], n1.lc));
    out.push(feat2(40, m1.lc, t.suf[2]));
    out.push(feat1(57, t.aux_left));
    out.push(feat2(58, t.aux_left, t.suf[1]));
    if t.wn != WN_KNOWN {
        out.push(feat1(60, t.wn));
        out.push(feat2(61, t.wn, t.shape));
        out.push(feat2(62, t.wn, t.suf[1]));
        out.push(feat2(63, t.wn, p1));
    }
    if n1.wn != WN_KNOWN {
        out.push(feat1(64, n1.wn));
    }
    if m1.wn != WN_KNOWN {
        out.push(feat1(65, m1.wn));
    }
    // Brown clusters (see `cluster_feats`): the word's own bit-path prefixes, alone
    // and with its shape and 2-letter suffix, and the 6-bit prefixes of its
    // neighbours. (The full id, the ±2 words and the previous tag were measured too:
    // docs/nlp.md.)
    if t.cl_own != CL_NONE {
        out.push(feat1(71, t.cl[1]));
        out.push(feat1(72, t.cl[2]));
        out.push(feat1(73, t.cl[3]));
        out.push(feat2(74, t.cl[2], t.shape));
        out.push(feat2(75, t.cl[1], t.suf[1]));
    }
    if t.cl[0] != CL_NONE || n1.cl[0] != CL_NONE || m1.cl[0] != CL_NONE {
        out.push(feat1(78, m1.cl[2]));
        out.push(feat1(79, n1.cl[2]));
    }
    if let Some(st) = stack {
        let n = st.len();
        let s = |k: usize| -> u64 {
            let j = k.wrapping_sub(PAD);
            if j < n {
                st[j] as u64
            } else if k < PAD {
                1000 + k as u64
            } else {
                2000 + (k - n) as u64
            }
        };
        let (s0, s1, s2, sm1) = (s(i), s(i + 1), s(i + 2), s(i - 1));
        out.push(feat1(41, s0));
        out.push(feat1(42, s1));
        out.push(feat1(43, s2));
        out.push(feat2(44, s1, s2));
        out.push(feat2(45, p1, s1));
        out.push(feat2(46, s0, s1));
        out.push(feat2(47, s0, t.lc));
        out.push(feat2(48, sm1, s0));
        out.push(feat2(49, s0, t.suf[2]));
        out.push(feat2(50, s1, t.lc));
        out.push(feat2(51, p1, s0));
    }
}

const NO_AUX: u64 = 0x00ab_cdef;

/// Greedy decoding of one pass over `ctx` (padded, in the pass's reading order).
/// `first_i` is the padded index of the sentence's first token in text order.
#[allow(clippy::too_many_arguments)]
fn decode<F: FnMut(&[u64], &mut [f32])>(
    ctx: &[TokCtx],
    first_i: usize,
    is_aux: &[bool],
    stack: Option<&[u32]>,
    mut score: F,
    keys: &mut Vec<u64>,
    scores: &mut Vec<f32>,
    out: &mut Vec<u32>,
) {
    let n = ctx.len() - 2 * PAD;
    out.clear();
    scores.resize(is_aux.len(), 0.0);
    let (mut p1, mut p2) = (NONE_TAG, NONE_TAG + 1);
    let mut last_aux: Option<usize> = None;
    for i in 0..n {
        let aux = match last_aux {
            Some(j) if i - j <= 4 => ctx[j + PAD].lc,
            _ => NO_AUX,
        };
        features(
            ctx,
            i + PAD,
            i + PAD == first_i,
            p1,
            p2,
            aux,
            stack,
            false,
            keys,
        );
        scores.iter_mut().for_each(|x| *x = 0.0);
        score(keys, scores);
        let best = argmax(scores);
        out.push(best);
        if is_aux[best as usize] {
            last_aux = Some(i);
        }
        p2 = p1;
        p1 = best;
    }
}

fn reverse_ctx(ctx: &[TokCtx], out: &mut Vec<TokCtx>) {
    out.clear();
    out.extend(ctx.iter().rev().copied());
}

/// The trained tagger: a right-to-left first pass, and a left-to-right second pass
/// that also sees the first pass's tags of the following words.
#[derive(Debug, Clone)]
pub struct TaggerModel {
    classes: Vec<TagClass>,
    is_aux: Vec<bool>,
    /// Right-to-left pass.
    pass1: FeatureTable,
    /// Left-to-right pass stacked on `pass1` (absent: `pass1` is used alone).
    pass2: Option<FeatureTable>,
    ambig: KeyMap,
    /// Word → WordNet bits ([`wn`]) for rare and unseen words; empty without WordNet.
    wn: KeyMap,
    /// Word → Brown cluster id (exact forms where they differ from the lower-cased
    /// word, lower-cased digit-normalised words); empty without clusters.
    clusters: KeyMap,
    /// The word's own cluster features only for words without an ambiguity class.
    cl_rare_only: bool,
    feats_word: KeyMap,
    feats_class: Vec<u32>,
    feats_names: Vec<String>,
}

/// What the tagger says about one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tagged<'m> {
    pub upos: Upos,
    pub xpos: &'m str,
    pub feats: &'m str,
}

impl TaggerModel {
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }
    pub fn class(&self, id: u32) -> &TagClass {
        &self.classes[id as usize]
    }
    pub fn feats_name(&self, id: u32) -> &str {
        &self.feats_names[id as usize]
    }
    /// A copy without the weights smaller than `min_abs` in magnitude (smaller and
    /// faster, slightly less accurate); `single_pass` drops the second pass.
    pub fn pruned(&self, min_abs: f32, single_pass: bool) -> TaggerModel {
        let mut m = self.clone();
        m.pass1 = self.pass1.pruned(min_abs);
        m.pass2 = if single_pass {
            None
        } else {
            self.pass2.as_ref().map(|p| p.pruned(min_abs))
        };
        m
    }

    /// The sum of single-pass taggers trained on the same data with different
    /// sentence orders (what `TrainOptions::ensemble` trains in one go; for
    /// experiments on saved members): each member's weights below `member_min` are
    /// left out, sums below `min` dropped. Everything but the weights comes from the
    /// first member; members with other classes, word tables or a second pass are
    /// refused.
    pub fn summed(
        members: &[TaggerModel],
        member_min: f32,
        min: f32,
    ) -> Result<TaggerModel, TextError> {
        let bad = |message: String| TextError::BadModel {
            name: "tagger ensemble".into(),
            message,
        };
        let first = members
            .first()
            .ok_or_else(|| bad("no member models given".into()))?;
        for (i, m) in members.iter().enumerate() {
            if m.pass2.is_some() {
                return Err(bad(format!("member {} has a second pass", i + 1)));
            }
            if m.classes != first.classes
                || m.ambig.len() != first.ambig.len()
                || m.wn.len() != first.wn.len()
                || m.clusters.len() != first.clusters.len()
            {
                return Err(bad(format!(
                    "member {} was trained on other data than member 1 (classes or word tables differ)",
                    i + 1
                )));
            }
        }
        let tables: Vec<&FeatureTable> = members.iter().map(|m| &m.pass1).collect();
        let mut out = first.clone();
        out.pass1 = sum_tables(&tables, member_min, min);
        Ok(out)
    }

    /// Number of entries in the Brown-cluster table (0: trained without clusters).
    pub fn n_cluster_words(&self) -> usize {
        self.clusters.len()
    }

    /// Probe statistics of the weight tables (diagnostics).
    pub fn probe_stats(&self) -> Vec<(f64, usize)> {
        let mut v = vec![self.pass1.probe_stats()];
        if let Some(p) = &self.pass2 {
            v.push(p.probe_stats());
        }
        v
    }
    /// Number of weighted features and of (feature, class) weights, both passes.
    pub fn size(&self) -> (usize, usize) {
        let (a, b) = (self.pass1.n_keys(), self.pass1.n_entries());
        match &self.pass2 {
            Some(p) => (a + p.n_keys(), b + p.n_entries()),
            None => (a, b),
        }
    }

    /// Tag a sentence given its word forms; results in `s.classes` and `s.feats`.
    /// This is the model's own output, as trained and evaluated; running text goes
    /// through [`TaggerModel::tag_text_with`].
    pub fn tag_with(&self, forms: &[&str], s: &mut TagScratch) {
        self.tag_inner(forms, s, false);
    }

    /// [`TaggerModel::tag_with`] plus the checks that hold for a sentence of running
    /// text (a sentence ending in a full stop has a finite verb). `Pipeline` tags with
    /// this; training and the model's own evaluation do not, so the committed models
    /// are reproduced by `train_all` whatever these checks do.
    pub fn tag_text_with(&self, forms: &[&str], s: &mut TagScratch) {
        self.tag_inner(forms, s, true);
    }

    fn tag_inner(&self, forms: &[&str], s: &mut TagScratch, text_checks: bool) {
        build_ctx(
            forms,
            &self.ambig,
            &self.wn,
            &self.clusters,
            self.cl_rare_only,
            &mut s.buf,
            &mut s.ctx,
        );
        self.tag_ctx(s);
        if text_checks {
            self.repair_name_before_relative(forms, &mut s.classes);
            self.repair_verb_after_relative_pronoun(forms, &mut s.classes);
            self.repair_verb_read_as_word_part(forms, &mut s.classes);
            self.repair_irregular_past(forms, &mut s.classes);
            self.repair_verb_before_infinitive(forms, &mut s.classes);
            self.repair_missing_finite_verb(forms, &mut s.classes);
            self.repair_main_verb_after_insertion(forms, &mut s.classes);
            self.repair_coordinated_past(forms, &mut s.classes);
            self.repair_weapon_compounds(forms, &mut s.classes);
        }
        s.feats.clear();
        for i in 0..forms.len() {
            let c = s.classes[i];
            let lc = s.ctx[i + PAD].lc;
            let f = self
                .feats_word
                .get(combine(lc, c as u64))
                .unwrap_or(self.feats_class[c as usize]);
            s.feats.push(f);
        }
    }

    /// A written sentence that ends in a full stop has a finite verb. When the tagger
    /// found none, its commonest cause is a past tense read as a participle after the
    /// subject ("Nigerian troops killed 30 fighters", "Militants attacked a train": VBN,
    /// which the parser then hangs on the noun as a reduced relative, leaving the
    /// sentence without a main verb). The greedy right-to-left decoder cannot see that
    /// the sentence lacks a finite verb, so this is checked once the sentence is
    /// tagged: the first participle right after a noun or pronoun becomes the past
    /// tense. Headlines and fragments without a full stop are left alone ("Passport
    /// needed for cruise?"). On EWT dev this changes 9 sentences, 7 of them rightly.
    fn repair_missing_finite_verb(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 5 || classes.len() != n {
            return;
        }
        let closes = |f: &str| matches!(f, "\"" | "”" | "’" | "'" | ")");
        let last = if closes(forms[n - 1]) { n - 2 } else { n - 1 };
        if !matches!(forms[last], "." | "!") {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.as_str();
        // A trailing attribution ("…, officials on both sides said.") is not the
        // sentence's own finite verb: its content before the comma still needs one.
        let last_comma = forms.iter().rposition(|f| *f == ",").unwrap_or(0);
        let attribution = |i: usize| {
            i > last_comma
                && last_comma > 0
                && n - last_comma <= 10
                && matches!(
                    forms[i].to_ascii_lowercase().as_str(),
                    "said" | "says" | "told" | "added" | "reported" | "confirmed" | "announced"
                )
        };
        if classes
            .iter()
            .enumerate()
            .any(|(i, &c)| matches!(xpos(c), "VBD" | "VBZ" | "VBP" | "MD") && !attribution(i))
        {
            return;
        }
        let Some(i) = (1..n).find(|&i| {
            let plural_subject = matches!(xpos(classes[i - 1]), "NNS" | "NNPS");
            (xpos(classes[i]) == "VBN"
                && matches!(xpos(classes[i - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP"))
                // "North Korea test-fired a missile": a hyphenated verb after the
                // subject, its first part a noun.
                || (xpos(classes[i]) == "VBN"
                    && i >= 3
                    && xpos(classes[i - 1]) == "HYPH"
                    && xpos(classes[i - 2]) == "NN"
                    && matches!(xpos(classes[i - 3]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP"))
                // "Moldovan authorities accuse Moscow of …": a verb the tagger has
                // never seen, read as a preposition right after a plural subject.
                || (xpos(classes[i]) == "IN"
                    && matches!(xpos(classes[i - 1]), "NNS" | "NNPS" | "PRP")
                    && !self.seen(forms[i])
                    && wn_bits(&self.wn, forms[i].to_ascii_lowercase().as_bytes(), b"") & wn::V
                        != 0)
                // "Pakistan shot down two drones": an irregular past that is also a
                // noun, read as one right after a name or a pronoun.
                // Also after a common noun ("The Algerian army shot down a drone").
                || (xpos(classes[i]) == "NN"
                    && matches!(xpos(classes[i - 1]), "NNP" | "NNPS" | "PRP" | "NN" | "NNS")
                    && wn_bits(&self.wn, forms[i].to_ascii_lowercase().as_bytes(), b"") & wn::XV
                        != 0)
                // "Indian and Pakistani troops exchanged heavy fire": a past form read
                // as an adjective right after a plural subject.
                || (xpos(classes[i]) == "JJ"
                    && plural_subject
                    && forms[i].len() > 4
                    && forms[i].ends_with("ed")
                    && (i < last_comma || last_comma == 0))
        }) else {
            return;
        };
        let tense = if xpos(classes[i]) == "IN" {
            "VBP"
        } else {
            "VBD"
        };
        if let Some(c) = self.plain_verb_class(tense) {
            classes[i] = c as u32;
        }
    }

    /// Whether the tagger saw `form` in training (it has an ambiguity class).
    fn seen(&self, form: &str) -> bool {
        let mut buf = String::new();
        normalize_into(form, &mut buf);
        self.ambig.get(hash_bytes(1, buf.as_bytes())).is_some()
    }

    /// "Bangladesh, which hosts a million refugees, welcomed …": after a comma and the
    /// relative pronoun "which" or "who", a word in "-s" read as a plural noun whose
    /// stem WordNet knows as a verb, with an object right after it (a determiner, a
    /// number, an adjective or a noun), is the relative clause's verb (VBZ). Read as a
    /// noun, it left the relative clause without a verb and the parser took the nouns
    /// inside it for conjuncts of the subject.
    fn repair_verb_after_relative_pronoun(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 5 || classes.len() != n {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.as_str();
        for i in 2..n - 1 {
            let rel = forms[i - 1];
            if forms[i - 2] != ","
                || !(rel.eq_ignore_ascii_case("which") || rel.eq_ignore_ascii_case("who"))
                || xpos(classes[i]) != "NNS"
            {
                continue;
            }
            let stem_is_verb = self.verb_in_s(forms[i]);
            let object_next = matches!(
                xpos(classes[i + 1]),
                "DT" | "CD" | "JJ" | "JJR" | "RBR" | "PRP$" | "NNP" | "NNPS" | "NN" | "NNS"
            );
            if !(stem_is_verb && object_next) {
                continue;
            }
            if let Some(vbz) = self.plain_verb_class("VBZ") {
                classes[i] = vbz as u32;
            }
        }
    }

    /// The class of a plain active verb with this XPOS (VBD, VBZ), for the text checks.
    fn plain_verb_class(&self, xpos: &str) -> Option<usize> {
        self.classes
            .iter()
            .position(|c| c.upos == Upos::VERB && c.xpos == xpos && !c.pass && !c.imp)
    }

    /// Whether a word in "-s" ("hosts", "plans", "pledges") is the third person of a
    /// verb WordNet knows.
    fn verb_in_s(&self, form: &str) -> bool {
        let lc = form.to_ascii_lowercase();
        let b = lc.as_bytes();
        if b.len() < 4 || b[b.len() - 1] != b's' || b[b.len() - 2] == b's' {
            return false;
        }
        wn_bits(&self.wn, &b[..b.len() - 1], b"") & wn::V != 0
            || (b[b.len() - 2] == b'e' && wn_bits(&self.wn, &b[..b.len() - 2], b"") & wn::V != 0)
    }

    /// "Armenian Prime Minister Nikol Pashinyan plans to meet Aliyev": a word in "-s"
    /// read as a plural noun right after a name and right before "to" and a base verb,
    /// with no finite verb before it, whose stem WordNet knows as a verb, is the
    /// sentence's verb (VBZ): read as a noun ("Pashinyan plans"), it left the sentence
    /// without a main verb.
    fn repair_verb_before_infinitive(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 5 || classes.len() != n {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.as_str();
        for i in 1..n - 2 {
            if matches!(xpos(classes[i]), "VBD" | "VBZ" | "VBP" | "MD") {
                return;
            }
            if xpos(classes[i]) != "NNS"
                || !matches!(xpos(classes[i - 1]), "NNP" | "NNPS")
                || !forms[i + 1].eq_ignore_ascii_case("to")
                || xpos(classes[i + 2]) != "VB"
            {
                continue;
            }
            let stem_is_verb = self.verb_in_s(forms[i]);
            if !stem_is_verb {
                continue;
            }
            if let Some(vbz) = self.plain_verb_class("VBZ") {
                classes[i] = vbz as u32;
            }
            return;
        }
    }

    /// "Syrian Foreign Minister Asaad al-Shaibani met Iraqi Prime Minister …": after a
    /// hyphenated name, the tagger read "met" as the second half of a word split in two
    /// (`GW`, which EWT uses for typos such as "some thing"), and the parser hung it on
    /// the name: the sentence had no verb. A word tagged `GW` right after a name whose
    /// lower-cased form WordNet knows as an inflected verb (an irregular past, or a stem
    /// plus "-ed") is the past tense.
    fn repair_verb_read_as_word_part(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 3 || classes.len() != n {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.as_str();
        for i in 1..n {
            if xpos(classes[i]) != "GW" || !matches!(xpos(classes[i - 1]), "NNP" | "NNPS") {
                continue;
            }
            let lc = forms[i].to_ascii_lowercase();
            let b = lc.as_bytes();
            let irregular = wn_bits(&self.wn, b, b"") & wn::XV != 0;
            let regular = b.len() > 4
                && b.ends_with(b"ed")
                && (wn_bits(&self.wn, &b[..b.len() - 2], b"") & wn::V != 0
                    || wn_bits(&self.wn, &b[..b.len() - 1], b"") & wn::V != 0);
            if !(irregular || regular) {
                continue;
            }
            if let Some(vbd) = self.plain_verb_class("VBD") {
                classes[i] = vbd as u32;
            }
        }
    }

    /// "Trump shook hands with Putin", "the town, which the RSF overran in May": an
    /// irregular past that the tagger has not seen often enough reads as a base verb
    /// (`VB`) or a noun (`NN`), the lemma stays the inflected form and the clause loses
    /// its verb. A word right after a noun or pronoun that WordNet lists only as an
    /// irregular verb form (not as a verb lemma; for the noun reading not as a noun
    /// either) is the past tense.
    fn repair_irregular_past(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 3 || classes.len() != n {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.as_str();
        for i in 1..n {
            let tag = xpos(classes[i]);
            // ("China lent Djibouti $1.4 billion": an unseen form read as an address
            // or a foreign word.)
            if !matches!(tag, "VB" | "NN" | "ADD" | "FW" | "XX")
                || !matches!(xpos(classes[i - 1]), "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
            {
                continue;
            }
            let lc = forms[i].to_ascii_lowercase();
            let bits = wn_bits(&self.wn, lc.as_bytes(), b"");
            let other = if tag == "NN" {
                wn::V | wn::N | wn::A
            } else {
                wn::V
            };
            if bits & wn::XV == 0 || bits & other != 0 {
                continue;
            }
            if let Some(vbd) = self.plain_verb_class("VBD") {
                classes[i] = vbd as u32;
            }
        }
    }

    /// "Burundi, which has troops in Congo, has accused …": a capitalised first word
    /// followed by ", which/who/whose" is a name that a relative clause describes, not
    /// an imperative verb (the tagger reads an unknown capitalised first word before a
    /// comma as one).
    fn repair_name_before_relative(&self, forms: &[&str], classes: &mut [u32]) {
        if forms.len() < 4 || classes.len() != forms.len() {
            return;
        }
        let c = &self.classes[classes[0] as usize];
        let rel = forms[2].to_ascii_lowercase();
        if c.upos == Upos::VERB
            && forms[0].starts_with(|ch: char| ch.is_ascii_uppercase())
            && forms[1] == ","
            && matches!(rel.as_str(), "which" | "who" | "whose")
        {
            if let Some(nnp) = self
                .classes
                .iter()
                .position(|c| c.upos == Upos::PROPN && c.xpos == "NNP")
            {
                classes[0] = nnp as u32;
            }
        }
    }

    /// "The demonstrators, mostly young people, accused lawmakers of …", "Israel, which
    /// has denied the charges, accused Hamas of …": after a subject and a phrase set off
    /// by commas, the main verb's past tense is read as a participle (VBN, which the
    /// parser hangs on a noun), and the sentence's only finite verbs, if any, are
    /// inside the inserted phrase. When the participle takes an object — a name, a
    /// pronoun, a determiner or a plural noun right after it, which a passive
    /// participle does not have ("The army, backed by tanks, …") — it is the main verb.
    /// A determiner opening a time phrase ("…, signed the previous year, …") is no object.
    fn repair_main_verb_after_insertion(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 6 || classes.len() != n {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.as_str();
        let Some(k) = forms.iter().position(|f| *f == ",") else {
            return;
        };
        // The words before the first comma are a noun phrase (the subject).
        if k == 0
            || !forms[..k].iter().zip(&classes[..k]).all(|(_, &c)| {
                matches!(
                    xpos(c),
                    "DT" | "JJ"
                        | "JJS"
                        | "NN"
                        | "NNS"
                        | "NNP"
                        | "NNPS"
                        | "PRP$"
                        | "POS"
                        | "CD"
                        | "CC"
                )
            })
            || !matches!(xpos(classes[k - 1]), "NN" | "NNS" | "NNP" | "NNPS")
        {
            return;
        }
        let finite = |c: u32| matches!(xpos(c), "VBD" | "VBZ" | "VBP" | "MD");
        let Some(j) = (k + 1..n.saturating_sub(2)).find(|&j| {
            forms[j] == "," && xpos(classes[j + 1]) == "VBN" && !forms[j + 1].contains('-')
        }) else {
            return;
        };
        if classes[..k]
            .iter()
            .chain(&classes[j + 1..])
            .any(|&c| finite(c))
        {
            return;
        }
        let next = classes[j + 2];
        let time = |f: &str| {
            matches!(
                f.to_ascii_lowercase().as_str(),
                "year" | "week" | "month" | "day" | "night" | "time" | "weekend" | "decade"
            )
        };
        let object = match xpos(next) {
            "NNP" | "NNPS" | "PRP" | "PRP$" | "NNS" => true,
            "DT" => !forms
                .get(j + 3..(j + 5).min(n))
                .is_some_and(|w| w.iter().any(|f| time(f))),
            _ => false,
        };
        if !object {
            return;
        }
        if let Some(vbd) = self.plain_verb_class("VBD") {
            classes[j + 1] = vbd as u32;
        }
    }

    /// "Hamas accused Israel of blocking the talks and called on the United States …":
    /// a past form right after "and" is read as a participle, and the parser then
    /// coordinates it with the gerund inside the accusation. When the sentence already
    /// has a simple past (VBD) before it and no form of "have" or "be" stands between
    /// them (which would make it a perfect or a passive: "has accused … and called",
    /// "was drafted … and approved"), and no "by" follows it, it is a second simple
    /// past of the same subject.
    fn repair_coordinated_past(&self, forms: &[&str], classes: &mut [u32]) {
        let n = forms.len();
        if n < 5 || classes.len() != n {
            return;
        }
        let xpos = |c: u32| self.classes[c as usize].xpos.clone();
        let aux = |f: &str| {
            matches!(
                f.to_ascii_lowercase().as_str(),
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "be"
                    | "being"
                    | "'s"
                    | "'ve"
                    | "'d"
                    | "get"
                    | "got"
                    | "gets"
            )
        };
        let Some(vbd) = self.plain_verb_class("VBD") else {
            return;
        };
        let mut past: Option<usize> = None;
        for i in 0..n {
            if aux(forms[i]) {
                past = None;
                continue;
            }
            let x = xpos(classes[i]);
            if x == "VBD" {
                past = Some(i);
                continue;
            }
            if x == "VBN"
                && past.is_some()
                && i > 0
                && forms[i - 1].eq_ignore_ascii_case("and")
                && !forms
                    .get(i + 1)
                    .is_some_and(|f| f.eq_ignore_ascii_case("by"))
            {
                classes[i] = vbd as u32;
            }
        }
    }

    /// "fired tear gas", "threw stun grenades": the first word of these weapon names
    /// is a verb elsewhere, and the tagger reads it as one (VB), which leaves the
    /// real verb without its object. A closed list: the compounds of news reports of
    /// crowd control.
    fn repair_weapon_compounds(&self, forms: &[&str], classes: &mut [u32]) {
        if classes.len() != forms.len() {
            return;
        }
        let Some(nn) = self
            .classes
            .iter()
            .position(|c| c.upos == Upos::NOUN && c.xpos == "NN")
        else {
            return;
        };
        for i in 0..forms.len().saturating_sub(1) {
            let first = forms[i].to_ascii_lowercase();
            let second = forms[i + 1].to_ascii_lowercase();
            let compound = match first.as_str() {
                "tear" => second == "gas",
                "stun" => matches!(second.as_str(), "grenade" | "grenades" | "gun" | "guns"),
                _ => false,
            };
            if compound && self.classes[classes[i] as usize].upos == Upos::VERB {
                classes[i] = nn as u32;
            }
        }
    }

    fn tag_ctx(&self, s: &mut TagScratch) {
        let n = s.ctx.len() - 2 * PAD;
        if n == 0 {
            s.classes.clear();
            s.stack.clear();
            return;
        }
        reverse_ctx(&s.ctx, &mut s.rctx);
        let w1 = &self.pass1;
        decode(
            &s.rctx,
            n - 1 + PAD,
            &self.is_aux,
            None,
            |k, sc| add_all(w1, k, sc),
            &mut s.keys,
            &mut s.scores,
            &mut s.stack,
        );
        s.stack.reverse();
        match &self.pass2 {
            None => {
                s.classes.clear();
                s.classes.extend_from_slice(&s.stack);
            }
            Some(w2) => decode(
                &s.ctx,
                PAD,
                &self.is_aux,
                Some(&s.stack),
                |k, sc| add_all(w2, k, sc),
                &mut s.keys,
                &mut s.scores,
                &mut s.classes,
            ),
        }
    }

    /// Convenience: tag a sentence ([`TaggerModel::tag_with`]).
    pub fn tag(&self, forms: &[&str]) -> Vec<Tagged<'_>> {
        let mut s = TagScratch::default();
        self.tag_with(forms, &mut s);
        self.tagged(&s)
    }

    /// Convenience: tag a sentence of running text ([`TaggerModel::tag_text_with`]).
    pub fn tag_text(&self, forms: &[&str]) -> Vec<Tagged<'_>> {
        let mut s = TagScratch::default();
        self.tag_text_with(forms, &mut s);
        self.tagged(&s)
    }

    fn tagged(&self, s: &TagScratch) -> Vec<Tagged<'_>> {
        s.classes
            .iter()
            .zip(&s.feats)
            .map(|(&c, &f)| {
                let cl = &self.classes[c as usize];
                Tagged {
                    upos: cl.upos,
                    xpos: &cl.xpos,
                    feats: &self.feats_names[f as usize],
                }
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // A model without clusters is written in version 3, byte for byte as before
        // clusters existed, so retraining reproduces the committed file.
        let version = if self.clusters.is_empty() { 3 } else { VERSION };
        let mut w = ModelWriter::new(MAGIC, version);
        w.u32(self.classes.len() as u32);
        for c in &self.classes {
            w.str(&c.name());
        }
        w.u32(self.feats_names.len() as u32);
        for f in &self.feats_names {
            w.str(f);
        }
        for &f in &self.feats_class {
            w.u32(f);
        }
        self.ambig.write(&mut w);
        self.wn.write(&mut w);
        if version >= 4 {
            self.clusters.write(&mut w);
            w.u8(self.cl_rare_only as u8);
        }
        self.feats_word.write(&mut w);
        self.pass1.write(&mut w);
        match &self.pass2 {
            Some(p) => {
                w.u8(1);
                p.write(&mut w);
            }
            None => w.u8(0),
        }
        w.into_bytes()
    }

    pub fn from_bytes(b: &[u8]) -> Result<TaggerModel, TextError> {
        let (mut r, version) = ModelReader::new_versions(b, "tagger", MAGIC, 3..=VERSION)?;
        let n = r.count(65_000)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let name = r.str()?;
            classes.push(
                TagClass::from_name(&name).ok_or_else(|| r.err(format!("bad class {name:?}")))?,
            );
        }
        if classes.is_empty() {
            return Err(r.err("no classes"));
        }
        let nf = r.count(1_000_000)?;
        let mut feats_names = Vec::with_capacity(nf);
        for _ in 0..nf {
            feats_names.push(r.str()?);
        }
        let mut feats_class = Vec::with_capacity(n);
        for _ in 0..n {
            let f = r.u32()?;
            if f as usize >= nf {
                return Err(r.err("feats id out of range"));
            }
            feats_class.push(f);
        }
        let ambig = KeyMap::read(&mut r)?;
        let wn = KeyMap::read(&mut r)?;
        let (clusters, cl_rare_only) = if version >= 4 {
            let c = KeyMap::read(&mut r)?;
            let f = match r.u8()? {
                0 => false,
                1 => true,
                x => return Err(r.err(format!("bad cluster flag {x}"))),
            };
            (c, f)
        } else {
            (KeyMap::default(), false)
        };
        let feats_word = KeyMap::read(&mut r)?;
        if feats_word.items().iter().any(|&(_, v)| v as usize >= nf) {
            return Err(r.err("feats id out of range"));
        }
        let pass1 = FeatureTable::read(&mut r, n)?;
        let pass2 = match r.u8()? {
            0 => None,
            1 => Some(FeatureTable::read(&mut r, n)?),
            x => return Err(r.err(format!("bad pass flag {x}"))),
        };
        r.finish()?;
        let is_aux = classes.iter().map(|c| c.upos == Upos::AUX).collect();
        Ok(TaggerModel {
            classes,
            is_aux,
            pass1,
            pass2,
            ambig,
            wn,
            clusters,
            cl_rare_only,
            feats_word,
            feats_class,
            feats_names,
        })
    }

    pub fn save(&self, path: &Path) -> Result<(), TextError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| TextError::Write {
            path: path.to_path_buf(),
            source: e,
        })
    }

    pub fn load(path: &Path) -> Result<TaggerModel, TextError> {
        let b = std::fs::read(path).map_err(|e| TextError::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        TaggerModel::from_bytes(&b)
    }
}

#[inline]
fn add_all(w: &FeatureTable, keys: &[u64], scores: &mut [f32]) {
    w.add_all(keys, scores);
}

#[inline]
fn argmax(s: &[f32]) -> u32 {
    let mut best = 0;
    let mut bv = f32::NEG_INFINITY;
    for (i, &v) in s.iter().enumerate() {
        if v > bv {
            bv = v;
            best = i;
        }
    }
    best as u32
}

// ---------------------------------------------------------------- training

#[derive(Default)]
pub(crate) struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Copy)]
struct Wt {
    class: u32,
    w: f32,
    total: f64,
    ts: u64,
}

/// Averaged perceptron with sparse per-feature class weights (training only).
#[derive(Default)]
pub(crate) struct Perceptron {
    ids: IdMap<u32>,
    feats: Vec<(u64, Vec<Wt>)>,
    now: u64,
}

impl Perceptron {
    pub fn tick(&mut self) {
        self.now += 1;
    }
    pub fn score(&self, keys: &[u64], scores: &mut [f32]) {
        for k in keys {
            if let Some(&id) = self.ids.get(k) {
                for e in &self.feats[id as usize].1 {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }
    pub fn update(&mut self, keys: &[u64], gold: u32, guess: u32) {
        if gold == guess {
            return;
        }
        let now = self.now;
        for &k in keys {
            let n = self.feats.len() as u32;
            let id = *self.ids.entry(k).or_insert(n);
            if id == n {
                self.feats.push((k, Vec::new()));
            }
            let ws = &mut self.feats[id as usize].1;
            for (c, d) in [(gold, 1.0f32), (guess, -1.0)] {
                let e = match ws.iter_mut().position(|e| e.class == c) {
                    Some(p) => &mut ws[p],
                    None => {
                        ws.push(Wt {
                            class: c,
                            w: 0.0,
                            total: 0.0,
                            ts: now,
                        });
                        ws.last_mut().expect("just pushed")
                    }
                };
                e.total += (now - e.ts) as f64 * e.w as f64;
                e.w += d;
                e.ts = now;
            }
        }
    }
    /// The averaged weights, dropping those whose magnitude is below `min_abs`.
    pub fn averaged(&self, min_abs: f32) -> FeatureTable {
        let now = self.now.max(1);
        let mut items = Vec::new();
        for (k, ws) in &self.feats {
            let mut es: Vec<Entry> = ws
                .iter()
                .map(|e| Entry {
                    class: e.class,
                    weight: ((e.total + (now - e.ts) as f64 * e.w as f64) / now as f64) as f32,
                })
                .filter(|e| e.weight.abs() >= min_abs && e.weight != 0.0)
                .collect();
            es.sort_by_key(|e| e.class);
            if !es.is_empty() {
                items.push((*k, es));
            }
        }
        FeatureTable::build(&items)
    }
}

/// Accuracy of a tagger on sentences: (UPOS, XPOS, FEATS) percentages.
pub fn evaluate(model: &TaggerModel, sents: &[ConlluSentence]) -> (f64, f64, f64) {
    let mut s = TagScratch::default();
    let (mut n, mut u, mut x, mut f) = (0usize, 0usize, 0usize, 0usize);
    for sent in sents {
        let forms = sent.forms();
        model.tag_with(&forms, &mut s);
        for (i, w) in sent.words.iter().enumerate() {
            let c = &model.classes[s.classes[i] as usize];
            n += 1;
            u += (c.upos.as_str() == w.upos) as usize;
            x += (c.xpos == w.xpos) as usize;
            f += (model.feats_names[s.feats[i] as usize] == w.feats) as usize;
        }
    }
    let p = |a: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * a as f64 / n as f64
        }
    };
    (p(u), p(x), p(f))
}

/// One sentence prepared for training a pass: padded context in the pass's reading
/// order, gold classes and (second pass) first-pass classes in that order.
struct PassSent {
    ctx: Vec<TokCtx>,
    gold: Vec<u32>,
    stack: Option<Vec<u32>>,
    /// Padded index of the first token in text order.
    first_i: usize,
}

fn prep(ctx: &[TokCtx], gold: &[u32], stack: Option<&[u32]>, reverse: bool) -> PassSent {
    let n = gold.len();
    if reverse {
        let mut c = Vec::new();
        reverse_ctx(ctx, &mut c);
        PassSent {
            ctx: c,
            gold: gold.iter().rev().copied().collect(),
            stack: stack.map(|s| s.iter().rev().copied().collect()),
            first_i: n - 1 + PAD,
        }
    } else {
        PassSent {
            ctx: ctx.to_vec(),
            gold: gold.to_vec(),
            stack: stack.map(|s| s.to_vec()),
            first_i: PAD,
        }
    }
}

/// Accuracy (percent) of pass weights on prepared sentences.
fn pass_accuracy(w: &FeatureTable, sents: &[PassSent], is_aux: &[bool]) -> f64 {
    let (mut keys, mut scores, mut out) = (Vec::new(), Vec::new(), Vec::new());
    let (mut n, mut ok) = (0usize, 0usize);
    for s in sents {
        decode(
            &s.ctx,
            s.first_i,
            is_aux,
            s.stack.as_deref(),
            |k, sc| add_all(w, k, sc),
            &mut keys,
            &mut scores,
            &mut out,
        );
        n += out.len();
        ok += out.iter().zip(&s.gold).filter(|(a, b)| a == b).count();
    }
    100.0 * ok as f64 / n.max(1) as f64
}

/// Train one pass; returns the averaged weights of the best iteration on `dev` (the
/// last one when `dev` is empty).
fn train_pass(
    name: &str,
    sents: &[PassSent],
    dev: &[PassSent],
    is_aux: &[bool],
    freq: &IdMap<usize>,
    iterations: usize,
    opts: &TrainOptions,
) -> FeatureTable {
    let nc = is_aux.len();
    let mut p = Perceptron::default();
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut keys = Vec::new();
    let mut scores = vec![0f32; nc];
    let mut best: Option<(f64, FeatureTable)> = None;
    for it in 0..iterations.max(1) {
        rng.shuffle(&mut order);
        let (mut n, mut ok) = (0usize, 0usize);
        for &si in &order {
            let s = &sents[si];
            let (mut p1, mut p2) = (NONE_TAG, NONE_TAG + 1);
            let mut last_aux: Option<usize> = None;
            for i in 0..s.gold.len() {
                let aux = match last_aux {
                    Some(j) if i - j <= 4 => s.ctx[j + PAD].lc,
                    _ => NO_AUX,
                };
                let lc = s.ctx[i + PAD].lc;
                let drop = opts.word_dropout > 0.0
                    && freq.get(&lc).copied().unwrap_or(0) <= 1
                    && (rng.next_u64() % 1000) < (opts.word_dropout * 1000.0) as u64;
                features(
                    &s.ctx,
                    i + PAD,
                    i + PAD == s.first_i,
                    p1,
                    p2,
                    aux,
                    s.stack.as_deref(),
                    drop,
                    &mut keys,
                );
                p.tick();
                scores.iter_mut().for_each(|x| *x = 0.0);
                p.score(&keys, &mut scores);
                let guess = argmax(&scores);
                p.update(&keys, s.gold[i], guess);
                n += 1;
                ok += (guess == s.gold[i]) as usize;
                if is_aux[guess as usize] {
                    last_aux = Some(i);
                }
                p2 = p1;
                p1 = guess;
            }
        }
        let last = it + 1 == iterations.max(1);
        if dev.is_empty() && !last {
            continue;
        }
        let w = p.averaged(opts.min_weight);
        let acc = if dev.is_empty() {
            0.0
        } else {
            pass_accuracy(&w, dev, is_aux)
        };
        if !opts.quiet {
            eprintln!(
                "tagger {name} iteration {}/{}: train acc {:.2}  dev acc {:.2}  ({} features)",
                it + 1,
                iterations,
                100.0 * ok as f64 / n.max(1) as f64,
                acc,
                w.n_keys()
            );
        }
        let score = if dev.is_empty() { it as f64 } else { acc };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, w));
        }
    }
    best.map(|(_, w)| w).unwrap_or_default()
}

/// Train `opts.ensemble` perceptrons on different sentence orders (seeds `seed`,
/// `seed + 1`, ...; two at a time) and sum their weights into one table
/// ([`sum_tables`]): the same lookups per token as one model, less dependent on the
/// order of the training data. Each member keeps its best iteration on `dev`
/// (unpruned); its weights below `opts.ensemble_member_min_weight` are dropped before
/// summing, sums below `opts.min_weight` after.
fn train_ensemble(
    sents: &[PassSent],
    dev: &[PassSent],
    is_aux: &[bool],
    freq: &IdMap<usize>,
    iterations: usize,
    opts: &TrainOptions,
) -> FeatureTable {
    let k = opts.ensemble;
    let mut members: Vec<FeatureTable> = Vec::with_capacity(k);
    for start in (0..k).step_by(2) {
        let got: Vec<FeatureTable> = std::thread::scope(|sc| {
            let hs: Vec<_> = (start..(start + 2).min(k))
                .map(|m| {
                    let mut o = opts.clone();
                    o.seed = opts.seed.wrapping_add(m as u64);
                    o.min_weight = 0.0;
                    let name = format!("pass 1 (right to left), member {}/{k}", m + 1);
                    sc.spawn(move || train_pass(&name, sents, dev, is_aux, freq, iterations, &o))
                })
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        members.extend(got);
    }
    let refs: Vec<&FeatureTable> = members.iter().collect();
    let w = sum_tables(&refs, opts.ensemble_member_min_weight, opts.min_weight);
    if !opts.quiet && !dev.is_empty() {
        eprintln!(
            "tagger: ensemble of {k}: dev acc {:.2} ({} features)",
            pass_accuracy(&w, dev, is_aux),
            w.n_keys()
        );
    }
    w
}

/// The sum of weight tables: a member's weights below `member_min` in magnitude are
/// left out, then sums below `min` are dropped. Keys in increasing order, classes in
/// increasing order within a key, so the result does not depend on the members'
/// layouts.
fn sum_tables(members: &[&FeatureTable], member_min: f32, min: f32) -> FeatureTable {
    let mut sum: BTreeMap<u64, BTreeMap<u32, f32>> = BTreeMap::new();
    for t in members {
        for (key, es) in t.items() {
            for e in es {
                if e.weight.abs() >= member_min && e.weight != 0.0 {
                    *sum.entry(key).or_default().entry(e.class).or_default() += e.weight;
                }
            }
        }
    }
    let items: Vec<(u64, Vec<Entry>)> = sum
        .into_iter()
        .map(|(key, row)| {
            let es: Vec<Entry> = row
                .into_iter()
                .map(|(class, weight)| Entry { class, weight })
                .filter(|e| e.weight.abs() >= min && e.weight != 0.0)
                .collect();
            (key, es)
        })
        .filter(|(_, es)| !es.is_empty())
        .collect();
    FeatureTable::build(&items)
}

/// Decode prepared sentences with pass weights, returning classes in text order.
fn predict_pass(
    w: &FeatureTable,
    sents: &[PassSent],
    is_aux: &[bool],
    reverse: bool,
) -> Vec<Vec<u32>> {
    let (mut keys, mut scores) = (Vec::new(), Vec::new());
    sents
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            decode(
                &s.ctx,
                s.first_i,
                is_aux,
                s.stack.as_deref(),
                |k, sc| add_all(w, k, sc),
                &mut keys,
                &mut scores,
                &mut out,
            );
            if reverse {
                out.reverse();
            }
            out
        })
        .collect()
}

/// Train the tagger (see [`crate::train::train_tagger`]).
pub(crate) fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<TaggerModel, TextError> {
    if train.iter().all(|s| s.words.is_empty()) {
        return Err(TextError::Train("the training set has no sentences".into()));
    }
    // Classes, sorted by name for a stable numbering.
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            *names
                .entry(TagClass::of_word(&w.upos, &w.xpos, &w.feats).name())
                .or_default() += 1;
        }
    }
    let classes: Vec<TagClass> = names
        .keys()
        .filter_map(|n| TagClass::from_name(n))
        .collect();
    let class_id: HashMap<String, u32> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name(), i as u32))
        .collect();
    let nc = classes.len();
    let gold_of = |s: &ConlluSentence| -> Vec<u32> {
        s.words
            .iter()
            .map(|w| {
                class_id
                    .get(&TagClass::of_word(&w.upos, &w.xpos, &w.feats).name())
                    .copied()
                    .unwrap_or(0)
            })
            .collect()
    };
    let gold: Vec<Vec<u32>> = train.iter().map(gold_of).collect();
    let dev_gold: Vec<Vec<u32>> = dev.iter().map(gold_of).collect();

    // Ambiguity classes and FEATS tables.
    let mut buf = String::new();
    let mut word_counts: BTreeMap<u64, BTreeMap<u32, usize>> = BTreeMap::new();
    let mut feats_wc: BTreeMap<(u64, u32), BTreeMap<String, usize>> = BTreeMap::new();
    let mut feats_c: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); nc];
    for (s, g) in train.iter().zip(&gold) {
        for (w, &c) in s.words.iter().zip(g) {
            normalize_into(&w.form, &mut buf);
            let lc = hash_bytes(1, buf.as_bytes());
            *word_counts.entry(lc).or_default().entry(c).or_default() += 1;
            *feats_wc
                .entry((lc, c))
                .or_default()
                .entry(w.feats.clone())
                .or_default() += 1;
            *feats_c[c as usize].entry(w.feats.clone()).or_default() += 1;
        }
    }
    let mut ambig_items = Vec::new();
    for (lc, cs) in &word_counts {
        let total: usize = cs.values().sum();
        if total < 2 {
            continue;
        }
        let mut sig: u64 = 0x77;
        for (c, n) in cs {
            if *n * 10 >= total {
                sig = combine(sig, *c as u64);
            }
        }
        ambig_items.push((*lc, (sig & 0xffff_ffff) as u32));
    }
    let ambig = KeyMap::build(&ambig_items);
    let freq: IdMap<usize> = word_counts
        .iter()
        .map(|(k, cs)| (*k, cs.values().sum()))
        .collect();
    let best_of = |m: &BTreeMap<String, usize>| -> String {
        let mut best: Option<(&String, usize)> = None;
        for (k, &v) in m {
            if best.is_none_or(|(_, bv)| v > bv) {
                best = Some((k, v));
            }
        }
        best.map(|(k, _)| k.clone()).unwrap_or_else(|| "_".into())
    };
    let mut feats_names: Vec<String> = feats_c.iter().flat_map(|m| m.keys().cloned()).collect();
    feats_names.push("_".into());
    feats_names.sort();
    feats_names.dedup();
    let fid = |s: &str| {
        feats_names
            .binary_search_by(|x| x.as_str().cmp(s))
            .unwrap_or(0) as u32
    };
    let feats_class: Vec<u32> = feats_c.iter().map(|m| fid(&best_of(m))).collect();
    // Word-specific FEATS only where they differ from the class default.
    let mut fw_keep = Vec::new();
    for ((lc, c), m) in &feats_wc {
        let b = fid(&best_of(m));
        if feats_class[*c as usize] != b {
            fw_keep.push((combine(*lc, *c as u64), b));
        }
    }
    let feats_word = KeyMap::build(&fw_keep);
    let is_aux: Vec<bool> = classes.iter().map(|c| c.upos == Upos::AUX).collect();

    // WordNet table (lower-cased, digit-normalised words as in `build_ctx`).
    let wnt = match &opts.wordnet {
        Some(dir) => {
            let lex = crate::train::read_wordnet(dir)?;
            let items: Vec<(u64, u32)> = lex
                .iter()
                .map(|(w, &v)| {
                    normalize_into(w, &mut buf);
                    (hash_bytes(1, buf.as_bytes()), v)
                })
                .collect();
            if !opts.quiet {
                eprintln!(
                    "tagger: {} WordNet words from {}",
                    items.len(),
                    dir.display()
                );
            }
            KeyMap::build(&items)
        }
        None => KeyMap::default(),
    };

    // Brown clusters: the lower-cased (digit-normalised) word takes the cluster of its
    // most probable spelling; an exact spelling whose cluster differs (`Bush` against
    // `bush`) is stored under its own form hash, which `build_ctx` tries first.
    let cl_rare_only = opts.clusters_rare_only;
    let clt = match &opts.clusters {
        Some(dir) => {
            let words = crate::train::read_clusters(dir)?;
            let mut lc_map: HashMap<u64, u32> = HashMap::new();
            let mut items: Vec<(u64, u32)> = Vec::new();
            for (w, c, _) in &words {
                normalize_into(w, &mut buf);
                let lc = hash_bytes(1, buf.as_bytes());
                if let std::collections::hash_map::Entry::Vacant(e) = lc_map.entry(lc) {
                    e.insert(*c);
                    items.push((lc, *c));
                }
            }
            let mut n_forms = 0;
            for (w, c, _) in &words {
                normalize_into(w, &mut buf);
                if buf != *w && lc_map.get(&hash_bytes(1, buf.as_bytes())) != Some(c) {
                    items.push((hash_bytes(2, w.as_bytes()), *c));
                    n_forms += 1;
                }
            }
            if !opts.quiet {
                eprintln!(
                    "tagger: Brown clusters for {} words ({} spellings of their own) from {}",
                    items.len() - n_forms,
                    n_forms,
                    dir.display()
                );
            }
            KeyMap::build(&items)
        }
        None => KeyMap::default(),
    };

    // Contexts, computed once.
    let ctx_of = |s: &ConlluSentence, buf: &mut String| {
        let mut c = Vec::new();
        build_ctx(&s.forms(), &ambig, &wnt, &clt, cl_rare_only, buf, &mut c);
        c
    };
    let train_ctx: Vec<Vec<TokCtx>> = train.iter().map(|s| ctx_of(s, &mut buf)).collect();
    let dev_ctx: Vec<Vec<TokCtx>> = dev.iter().map(|s| ctx_of(s, &mut buf)).collect();

    // Pass 1 (right to left) on all the data, and jackknifed on folds so that the
    // second pass trains on first-pass tags as noisy as on unseen text.
    let p1_train: Vec<PassSent> = train_ctx
        .iter()
        .zip(&gold)
        .map(|(c, g)| prep(c, g, None, true))
        .collect();
    let p1_dev: Vec<PassSent> = dev_ctx
        .iter()
        .zip(&dev_gold)
        .map(|(c, g)| prep(c, g, None, true))
        .collect();
    let iters = opts.iterations.max(1);
    let pass1 = if opts.ensemble < 2 {
        train_pass(
            "pass 1 (right to left)",
            &p1_train,
            &p1_dev,
            &is_aux,
            &freq,
            iters,
            opts,
        )
    } else {
        train_ensemble(&p1_train, &p1_dev, &is_aux, &freq, iters, opts)
    };
    if opts.folds < 2 {
        let model = TaggerModel {
            classes,
            is_aux,
            pass1,
            pass2: None,
            ambig,
            wn: wnt,
            clusters: clt,
            cl_rare_only,
            feats_word,
            feats_class,
            feats_names,
        };
        return Ok(model);
    }
    let k = opts.folds;
    let fold_models: Vec<FeatureTable> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..k)
            .map(|f| {
                let (p1_train, is_aux, freq) = (&p1_train, &is_aux, &freq);
                let mut o = opts.clone();
                o.quiet = true;
                sc.spawn(move || {
                    let part: Vec<PassSent> = p1_train
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % k != f)
                        .map(|(_, s)| PassSent {
                            ctx: s.ctx.clone(),
                            gold: s.gold.clone(),
                            stack: None,
                            first_i: s.first_i,
                        })
                        .collect();
                    train_pass("fold", &part, &[], is_aux, freq, iters, &o)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut train_stack: Vec<Vec<u32>> = vec![Vec::new(); train.len()];
    for (f, w) in fold_models.iter().enumerate() {
        let idx: Vec<usize> = (0..train.len()).filter(|i| i % k == f).collect();
        let held: Vec<PassSent> = idx
            .iter()
            .map(|&i| PassSent {
                ctx: p1_train[i].ctx.clone(),
                gold: p1_train[i].gold.clone(),
                stack: None,
                first_i: p1_train[i].first_i,
            })
            .collect();
        for (i, tags) in idx.iter().zip(predict_pass(w, &held, &is_aux, true)) {
            train_stack[*i] = tags;
        }
    }
    let jk_ok: usize = train_stack
        .iter()
        .zip(&gold)
        .map(|(a, b)| a.iter().zip(b).filter(|(x, y)| x == y).count())
        .sum();
    let jk_n: usize = gold.iter().map(|g| g.len()).sum();
    if !opts.quiet {
        eprintln!(
            "tagger: jackknifed first-pass accuracy on train {:.2}",
            100.0 * jk_ok as f64 / jk_n.max(1) as f64
        );
    }
    let dev_stack = predict_pass(&pass1, &p1_dev, &is_aux, true);
    let p2_train: Vec<PassSent> = train_ctx
        .iter()
        .zip(&gold)
        .zip(&train_stack)
        .map(|((c, g), st)| prep(c, g, Some(st), false))
        .collect();
    let p2_dev: Vec<PassSent> = dev_ctx
        .iter()
        .zip(&dev_gold)
        .zip(&dev_stack)
        .map(|((c, g), st)| prep(c, g, Some(st), false))
        .collect();
    let pass2 = train_pass(
        "pass 2 (left to right)",
        &p2_train,
        &p2_dev,
        &is_aux,
        &freq,
        iters,
        opts,
    );
    let model = TaggerModel {
        classes,
        is_aux,
        pass1,
        pass2: Some(pass2),
        ambig,
        wn: wnt,
        clusters: clt,
        cl_rare_only,
        feats_word,
        feats_class,
        feats_names,
    };
    if !opts.quiet && !dev.is_empty() {
        let (u, x, f) = evaluate(&model, dev);
        eprintln!("tagger: dev UPOS {u:.2} XPOS {x:.2} FEATS {f:.2}");
    }
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(words: &[(&str, u32)]) -> KeyMap {
        let items: Vec<(u64, u32)> = words
            .iter()
            .map(|(w, b)| (hash_bytes(1, w.as_bytes()), *b))
            .collect();
        KeyMap::build(&items)
    }

    fn sig(t: &KeyMap, w: &str) -> u32 {
        wn_signature(t, w, hash_bytes(1, w.as_bytes()))
    }

    #[test]
    fn wordnet_signature_finds_regular_inflections() {
        let t = table(&[
            ("treaty", wn::N),
            ("box", wn::N | wn::V),
            ("ratify", wn::V),
            ("hope", wn::N | wn::V),
            ("stop", wn::N | wn::V),
            ("big", wn::A),
            ("large", wn::A),
            ("quick", wn::A),
            ("probable", wn::A),
            ("went", wn::XV),
            ("kabul", wn::NP),
            ("work", wn::N | wn::V),
        ]);
        assert_eq!(sig(&t, "treaties"), M_NPL);
        assert_eq!(sig(&t, "boxes"), M_NPL | M_VS);
        assert_eq!(sig(&t, "ratified"), M_VED);
        assert_eq!(sig(&t, "hoped"), M_VED);
        assert_eq!(sig(&t, "stopped"), M_VED);
        assert_eq!(sig(&t, "hoping"), M_VING);
        assert_eq!(sig(&t, "stopping"), M_VING);
        assert_eq!(sig(&t, "bigger"), M_ACMP);
        assert_eq!(sig(&t, "largest"), M_ACMP);
        assert_eq!(sig(&t, "quickly"), M_ALY);
        assert_eq!(sig(&t, "probably"), M_ALY);
        assert_eq!(sig(&t, "worker"), M_VER);
        assert_eq!(sig(&t, "went"), wn::XV);
        assert_eq!(sig(&t, "kabul"), wn::NP);
        assert_eq!(sig(&t, "glass"), 0);
        assert_eq!(sig(&t, "zzzzing"), 0);
        // Non-ASCII and very long words are looked up without panicking.
        assert_eq!(sig(&t, "naïvetés"), 0);
        assert_eq!(sig(&t, &"x".repeat(100)), 0);
    }
}
