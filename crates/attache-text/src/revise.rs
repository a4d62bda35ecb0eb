//! Corrective second stage for the parser: tree revision.
//!
//! Why: the greedy parser decides each arc once, from the left context only, and never
//! reconsiders it. Most of its wrong heads are close to the right one in the tree it
//! built: on EWT dev (predicted tags) the gold head of 85 % of wrongly attached words is
//! the predicted head's head, one of its other dependents, a word next to the predicted
//! head or to the word, or the nearest verb/noun on either side. A cheap second model
//! that sees the *whole* predicted tree can therefore move a word to a better head in
//! that neighbourhood (corrective modelling, Hall & Novák 2005; tree revision, Attardi &
//! Ciaramita 2007).
//!
//! How: for each word (except the one under the root) the candidates are its current
//! head plus the neighbours above; each (word, candidate) pair is described by hashed
//! features of the two words, their tags, the predicted labels, the candidate's role in
//! the neighbourhood, distance, direction, arcs crossed and punctuation in between. A
//! ranking perceptron (averaged) scores the candidates and the best one is kept. It is
//! trained on the parser's *own* mistakes: the training treebank parsed by parsers that
//! did not see the sentence (4-fold jackknife, [`train_jackknifed`]). All
//! features are read from the original predicted tree, so each word's decision is
//! independent; the moves are then applied in order and a move that would create a cycle
//! is skipped, so the result is always a tree with the same single root. A word moves
//! only when the best candidate beats its current head by more than a threshold
//! calibrated on held-out jackknifed parses (not on dev), and a moved word gets its
//! relation from the reviser's own small label model (e.g. `nmod` becomes `obl` when a
//! phrase moves from a noun to a verb).
//!
//! Why it is built for speed: it runs on every parsed sentence of the pipeline, whose
//! budget is 100,000 tokens/s on one thread. The first version (session 3) cost about as
//! much as tokenizing, tagging, lemmatizing and parsing together, so it was left out of
//! the built-in model. Session 4 made it cheaper:
//! * **Same output, less work** (below): about 0.75 of the first version's cost for
//!   the same gain (+0.35 dev UAS in `train_all`).
//! * **A gate per tag** (optional, [`Reviser::without_gate`] turns it off): words of a
//!   tag for which revising hardly pays on held-out parses (less than one net fix per
//!   `GATE_WORDS` = 500 words: on EWT punctuation, auxiliaries, conjunctions,
//!   particles, pronouns, adjectives — about 40 % of the words) are not revisited at
//!   all: about 0.4 of the first version's cost, but only +0.23 dev UAS in
//!   `train_all` — the gated tags hold more of the dev gain than the held-out training
//!   parses promise. Thresholds and gate come from 4-fold cross-fitting over the
//!   jackknifed training parses (four rankers, each scoring the quarter it did not
//!   see), never from dev.
//! * **A cheap feature hash** (independent multiplies, one finish) and crossing counts
//!   read from the words between the two ends only (not the whole sentence).
//! * **No allocation per sentence** (buffers per thread, flat child lists) and a
//!   constant-time subtree test (preorder intervals).
//! * **A label table in rows** (all relations of a feature side by side).
//! * No "child of a nearby sibling" candidates (0.5 % of the fixes).
//!
//! * **Cheap candidates for gated words** (session 5, [`Reviser::with_cheap_gated`]):
//!   the words of gated tags are still revisited, but only against their grandparent,
//!   great-grandparent, the words next to their head and the nearest verbs and nouns,
//!   at the ungated threshold. That recovers most of what the gate gave up (dev UAS
//!   +0.32 over the greedy parser in `train_all`, against +0.23 gated and +0.35
//!   ungated) for about a sixth more of the reviser's time — but not on test (+0.02),
//!   so it is not built in.
//!
//! The built-in model carries the tag-gated reviser of session 4, which skips the gated
//! words. A gate per (tag,
//! predicted relation) cell ([`Reviser::with_label_gate`], session 5) was measured as
//! the next refinement: at the same bar it revisits fewer words for the same dev
//! accuracy within noise, so it makes the reviser cheaper, not better, and is not the
//! default (numbers and commands in docs/nlp.md, "Tried").

// Index loops over parallel per-word arrays read more clearly than zipped iterators here.
#![allow(clippy::needless_range_loop)]

use crate::doc::Upos;
use crate::model_io::{get_varint, put_varint};

/// What went wrong loading a reviser.
#[derive(Debug, thiserror::Error)]
pub enum ReviseError {
    #[error("reviser model is invalid: {0} (retrain it with train_all --parser)")]
    BadModel(String),
}

const MAGIC: &[u8; 8] = b"ATREVS02";
/// The layout with cheap candidates for gated words ([`Reviser::with_cheap_gated`]) or a
/// gate per (tag, predicted relation) cell ([`Reviser::with_label_gate`]): the
/// version-2 layout with, after the thresholds, the candidate roles of gated words
/// (u32), a flag and, when it is 1, the cell bit set.
const MAGIC_V3: &[u8; 8] = b"ATREVS03";
/// Words of the cell bit set: 32 tags × 256 relation values (the parser's id + 1).
const CELL_WORDS: usize = 32 * 4;
/// The first layout (session 3: other features and hash, no gate): refused.
const MAGIC_V1: &[u8; 8] = b"ATREVS01";

/// Candidate roles (a bit set: a word can be both the grandparent and adjacent).
const R_CUR: u32 = 1;
const R_GRAND: u32 = 2;
const R_SIB: u32 = 4;
const R_ADJH: u32 = 8;
const R_GGRAND: u32 = 16;
const R_AUNT: u32 = 32;
const R_ADJD: u32 = 64;
const R_VERB: u32 = 128;
const R_NOUN: u32 = 256;
const ROLES_ALL: u32 = 511;

/// The trained model: one weight per hashed feature (ranking perceptron, so no classes).
#[derive(Clone)]
pub struct Reviser {
    bits: u32,
    /// The threshold calibrated for the ungated reviser ([`Reviser::without_gate`]).
    /// A word moves only when the best candidate outscores its current head by more
    /// than this (a conservative reviser trades recall of fixes for fewer new errors).
    min_gain: i32,
    /// UPOS tags (bit `Upos as u32`) whose words are never revisited, chosen on
    /// held-out parses ([`gate`]).
    skip: u32,
    /// Per UPOS tag: the move threshold for its words (the gated reviser's threshold,
    /// calibrated on the held-out moves of the tags it keeps; the same for every tag
    /// today — per-tag values were tried and were worse, docs/nlp.md).
    tag_gain: [i32; 32],
    /// (tag, predicted relation) cells whose words are never revisited: bit
    /// `label & 63` of word `upos * 4 + label / 64` (label = the parser's id + 1), chosen
    /// on held-out parses like `skip` ([`gate_cells`]). Empty: no cell gate.
    cell_skip: Vec<u64>,
    /// Candidate roles still scored for the words the gate skips (0: none, they are
    /// not revisited; experiments only, not saved — [`Reviser::with_cheap_gated`]).
    gated_roles: u32,
    /// The held-out moves the thresholds and gates were calibrated on (training only,
    /// not saved): [`Reviser::with_gate_at`] recomputes a gate from them.
    calib: Option<std::sync::Arc<Calibration>>,
    w: Vec<i16>,
    /// Label model for moved words: `nlab` relations (ids of the parser), one of them
    /// the root relation (never chosen); weights hashed by (feature, relation).
    nlab: u8,
    root_label: u8,
    lbits: u32,
    lw: Vec<i16>,
}

impl std::fmt::Debug for Reviser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reviser")
            .field("bits", &self.bits)
            .field("nonzero", &self.w.iter().filter(|&&x| x != 0).count())
            .field("min_gain", &self.min_gain)
            .field("skip", &format_args!("{:#x}", self.skip))
            .field("gated_roles", &format_args!("{:#x}", self.gated_roles))
            .field("tag_gain", &&self.tag_gain[..Upos::ALL.len()])
            .field(
                "cells_skipped",
                &self.cell_skip.iter().map(|x| x.count_ones()).sum::<u32>(),
            )
            .finish()
    }
}

/// One sentence as the reviser sees it: words, tags and the predicted tree (heads
/// 1-based, 0 = root; label ids of the parser).
pub struct RevInput<'a> {
    pub forms: &'a [&'a str],
    pub upos: &'a [Upos],
    pub xpos: &'a [&'a str],
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ceb9fe1a85ec53);
    x ^= x >> 33;
    x
}

/// Hash of a template id and up to four values: each value times its own odd constant
/// (independent multiplies, no dependency chain), xor-ed, then one multiply-xorshift
/// finish. The reviser hashes ~20 features for each of ~8 candidates of a word, so
/// this is on the hot path (the previous chained hash with a full 64-bit mix cost
/// about a third of the reviser's time).
#[inline(always)]
fn h(t: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    let x = t.wrapping_mul(0xd6e8feb86659fd93)
        ^ a.wrapping_mul(0x9e3779b97f4a7c15)
        ^ b.wrapping_mul(0xc2b2ae3d27d4eb4f)
        ^ c.wrapping_mul(0x165667b19e3779f9)
        ^ d.wrapping_mul(0xff51afd7ed558ccd);
    let x = (x ^ (x >> 32)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 29)
}

fn word_hash(form: &str) -> u64 {
    let mut x: u64 = 0xcbf29ce484222325;
    for b in form.bytes() {
        x ^= b.to_ascii_lowercase() as u64;
        x = x.wrapping_mul(0x100000001b3);
    }
    x
}

fn xpos_hash(x: &str) -> u64 {
    word_hash(x) ^ 0x5a5a
}

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

/// Buffers of [`Reviser::revise`], kept per thread between sentences.
#[derive(Default)]
struct Scratch {
    ctx: Ctx,
    cands: Vec<(usize, u32)>,
    feats: Vec<u64>,
    cur: Vec<usize>,
}

/// Per-sentence precomputed context.
#[derive(Default)]
struct Ctx {
    /// preorder entry time of each word's subtree and the time after its last
    /// descendant ([0] = the root)
    tin: Vec<usize>,
    tout: Vec<usize>,
    /// scratch for `fill`
    fill_pos: Vec<usize>,
    stack: Vec<(usize, usize)>,
    n: usize,
    /// heads, 1-based index, [0] unused
    head: Vec<usize>,
    label: Vec<u64>,
    upos: Vec<u64>,
    xpos: Vec<u64>,
    word: Vec<u64>,
    /// children of each word in increasing order (1-based, [0] = the root's):
    /// `kid_list[kid_start[i]..kid_start[i + 1]]` (one flat list, no allocation per word)
    kid_start: Vec<usize>,
    kid_list: Vec<usize>,
    /// word hash of the first `case`/`mark`-like left child (an ADP/SCONJ/PART left
    /// dependent) of each word, 0 if none
    marker: Vec<u64>,
    /// per word: the nearest verb/aux before and after it, the nearest noun/proper
    /// noun/pronoun before and after it (0 = none)
    nearest: Vec<[usize; 4]>,
}

impl Ctx {
    fn new(inp: &RevInput<'_>, tree: &[(u32, u8)]) -> Ctx {
        let mut c = Ctx::default();
        c.fill(inp, tree);
        c
    }

    /// Describe the sentence `inp` with its predicted `tree`, reusing the buffers of
    /// the previous sentence (no allocation per sentence once they are large enough).
    fn fill(&mut self, inp: &RevInput<'_>, tree: &[(u32, u8)]) {
        fn reset<T: Copy>(v: &mut Vec<T>, len: usize, x: T) {
            v.clear();
            v.resize(len, x);
        }
        let n = tree.len();
        self.n = n;
        reset(&mut self.head, n + 1, 0);
        reset(&mut self.label, n + 1, 0);
        reset(&mut self.upos, n + 2, 100);
        reset(&mut self.xpos, n + 2, 0);
        reset(&mut self.word, n + 2, 0);
        reset(&mut self.kid_start, n + 2, 0);
        for i in 1..=n {
            let (hh, l) = tree[i - 1];
            let hh = (hh as usize).min(n);
            self.head[i] = hh;
            self.label[i] = l as u64 + 1;
            self.upos[i] = inp.upos.get(i - 1).map_or(99, |u| *u as u64);
            self.xpos[i] = inp.xpos.get(i - 1).map_or(0, |x| xpos_hash(x));
            self.word[i] = inp.forms.get(i - 1).map_or(0, |x| word_hash(x));
            self.kid_start[hh + 1] += 1;
        }
        for i in 1..n + 2 {
            self.kid_start[i] += self.kid_start[i - 1];
        }
        reset(&mut self.kid_list, n, 0);
        reset(&mut self.fill_pos, n + 1, 0);
        self.fill_pos.copy_from_slice(&self.kid_start[..n + 1]);
        for i in 1..=n {
            let hh = self.head[i];
            self.kid_list[self.fill_pos[hh]] = i;
            self.fill_pos[hh] += 1;
        }
        reset(&mut self.marker, n + 1, 0);
        for i in 1..=n {
            for &k in self.kids(i) {
                if k < i
                    && matches!(
                        inp.upos.get(k - 1),
                        Some(Upos::ADP) | Some(Upos::SCONJ) | Some(Upos::PART)
                    )
                {
                    self.marker[i] = self.word[k];
                    break;
                }
            }
        }
        // preorder interval of every subtree (iterative walk from the root), so that
        // "is c below d" is two comparisons; a word the walk does not reach (a cycle in
        // a malformed input tree) gets an empty interval and counts as below nothing
        reset(&mut self.tin, n + 1, usize::MAX);
        reset(&mut self.tout, n + 1, 0);
        self.stack.clear();
        self.stack.push((0, 0));
        let mut clock = 0usize;
        while let Some(&mut (x, ref mut next)) = self.stack.last_mut() {
            if *next == 0 {
                self.tin[x] = clock;
                clock += 1;
            }
            let ks = self.kid_start[x]..self.kid_start[x + 1];
            if *next < ks.len() {
                let k = self.kid_list[ks.start + *next];
                *next += 1;
                if k != 0 && self.tin[k] == usize::MAX {
                    self.stack.push((k, 0));
                }
            } else {
                self.tout[x] = clock;
                self.stack.pop();
            }
        }
        let is_verb = |u: u64| u == Upos::VERB as u64 || u == Upos::AUX as u64;
        let is_noun =
            |u: u64| u == Upos::NOUN as u64 || u == Upos::PROPN as u64 || u == Upos::PRON as u64;
        reset(&mut self.nearest, n + 1, [0usize; 4]);
        let (mut v, mut m) = (0, 0);
        for i in 1..=n {
            self.nearest[i][0] = v;
            self.nearest[i][2] = m;
            if is_verb(self.upos[i]) {
                v = i;
            }
            if is_noun(self.upos[i]) {
                m = i;
            }
        }
        let (mut v, mut m) = (0, 0);
        for i in (1..=n).rev() {
            self.nearest[i][1] = v;
            self.nearest[i][3] = m;
            if is_verb(self.upos[i]) {
                v = i;
            }
            if is_noun(self.upos[i]) {
                m = i;
            }
        }
    }

    /// The children of `i` (0 = the root), in increasing order.
    #[inline]
    fn kids(&self, i: usize) -> &[usize] {
        &self.kid_list[self.kid_start[i]..self.kid_start[i + 1]]
    }

    /// Is `c` inside the subtree of `d` (or `d` itself)?
    #[inline]
    fn under(&self, c: usize, d: usize) -> bool {
        let t = self.tin[c];
        t != usize::MAX && self.tin[d] <= t && t < self.tout[d]
    }

    /// Candidate heads of `d` with their role bits; the current head first.
    fn candidates(&self, d: usize, out: &mut Vec<(usize, u32)>) {
        out.clear();
        let hd = self.head[d];
        out.push((hd, R_CUR));
        let add = |c: usize, r: u32, out: &mut Vec<(usize, u32)>| {
            if c == 0 || c == d || c > self.n {
                return;
            }
            if let Some(e) = out.iter_mut().find(|e| e.0 == c) {
                e.1 |= r;
            } else {
                out.push((c, r));
            }
        };
        if hd != 0 {
            let gp = self.head[hd];
            add(gp, R_GRAND, out);
            for &s in self.kids(hd) {
                if s != d {
                    add(s, R_SIB, out);
                }
            }
            if hd > 1 {
                add(hd - 1, R_ADJH, out);
            }
            add(hd + 1, R_ADJH, out);
            if gp != 0 {
                add(self.head[gp], R_GGRAND, out);
                for &s in self.kids(gp) {
                    add(s, R_AUNT, out);
                }
            }
        }
        if d > 1 {
            add(d - 1, R_ADJD, out);
        }
        add(d + 1, R_ADJD, out);
        let [pv, nv, pn, nn] = self.nearest[d];
        add(pv, R_VERB, out);
        add(nv, R_VERB, out);
        add(pn, R_NOUN, out);
        add(nn, R_NOUN, out);
        // never a descendant of d (that would make a cycle)
        out.retain(|&(c, r)| r & R_CUR != 0 || !self.under(c, d));
    }

    /// Between `c` and `d` (exclusive): punctuation marks (at most 2), whether a verb
    /// occurs, and the number of predicted arcs (at most 2) the arc c -> d would cross.
    /// An arc crosses it when exactly one of its ends lies strictly between the two and
    /// the other strictly outside, so it is enough to look at the words in between: their
    /// own head arcs and their children's arcs (linear in the distance, not in the
    /// sentence length).
    fn between(&self, d: usize, c: usize) -> (u64, u64, u64) {
        let (lo, hi) = if c < d { (c, d) } else { (d, c) };
        let (mut punct, mut verb, mut cross) = (0u64, 0u64, 0u64);
        let outside = |x: usize| x < lo || x > hi;
        for j in lo + 1..hi {
            let u = self.upos[j];
            punct += (u == Upos::PUNCT as u64) as u64;
            verb |= (u == Upos::VERB as u64) as u64;
            if cross < 2 {
                let hj = self.head[j];
                cross += (hj != 0 && outside(hj)) as u64;
                for &k in self.kids(j) {
                    cross += outside(k) as u64;
                }
            }
        }
        (punct.min(2), verb, cross.min(2))
    }

    /// Append the features of the pair (word `d`, candidate head `c`) to `out`
    /// ([`N_FEATS`] of them).
    fn features(&self, d: usize, c: usize, roles: u32, out: &mut Vec<u64>) {
        let r = roles as u64;
        let ud = self.upos[d];
        let uc = self.upos[c];
        let ld = self.label[d];
        let lc = self.label[c];
        let wd = self.word[d];
        let wc = self.word[c];
        let xd = self.xpos[d];
        let xc = self.xpos[c];
        let dir = (c < d) as u64;
        let dist = dist_bucket(c.abs_diff(d));
        let uh = self.upos[self.head[d]];
        let uch = if self.head[c] == 0 {
            101
        } else {
            self.upos[self.head[c]]
        };
        let (punct, verb, cross) = self.between(d, c);
        let same_label_kid = self.kids(c).iter().any(|&k| k != d && self.label[k] == ld) as u64;
        let nk = (self.kids(c).len() as u64).min(4);
        let md = self.marker[d];
        let dir_dist = dir * 8 + dist;
        let f: [u64; N_FEATS] = [
            h(1, r, 0, 0, 0),
            h(2, r, ud, uc, 0),
            h(3, r, ld, 0, 0),
            h(4, ud, uc, dir_dist, 0),
            h(5, xd, xc, dir, 0),
            h(6, wd, uc, dir, 0),
            h(7, ud, wc, dir, 0),
            h(8, wd, wc, 0, 0),
            h(9, ld, uc, dir, 0),
            h(10, ld, uc, ud, 0),
            h(11, uc, lc, ud, 0),
            h(12, uh, uc, ud, r),
            h(13, ld, same_label_kid, uc, 0),
            h(14, nk, uc, ud, 0),
            h(15, cross, ud, 0, 0),
            h(16, punct, ud, dir, 0),
            h(17, verb, ud, uc, dir),
            h(18, self.upos[c - 1], uc, ud, 0),
            h(19, uc, self.upos[c + 1], ud, 0),
            h(20, self.upos[d - 1], ud, self.upos[d + 1], uc * 2 + dir),
            h(21, wd, ld, r, 0),
            h(22, ud, uc, uch, dir),
            h(23, md, uc, dir, 0),
            h(24, md, wc, 0, 0),
            h(25, dist, r, ud, 0),
            h(26, wd, uc, lc, 0),
            h(27, cross, punct, r, 0),
            h(28, ld, lc, uc, dir),
            h(29, md, xc, dist, 0),
        ];
        out.extend_from_slice(&f);
    }
}

impl Ctx {
    /// Features for choosing the relation of `d` under a new head `c`.
    fn label_features(&self, d: usize, c: usize, out: &mut Vec<u64>) {
        out.clear();
        let ud = self.upos[d];
        let uc = self.upos[c];
        let ld = self.label[d];
        let dir = (c < d) as u64;
        let md = self.marker[d];
        let f = [
            h(201, 0, 0, 0, 0),
            h(202, ld, uc, dir, 0),
            h(203, ud, uc, dir, 0),
            h(204, self.word[d], uc, 0, 0),
            h(205, md, uc, ud, 0),
            h(206, self.xpos[d], self.xpos[c], dir, 0),
            h(207, self.word[d], self.word[c], 0, 0),
            h(208, ld, ud, uc, 0),
            h(209, uc, self.label[c], ud, 0),
            h(210, self.word[d], ld, 0, 0),
            h(211, ud, dir, dist_bucket(c.abs_diff(d)), uc),
            h(212, md, 0, 0, 0),
        ];
        out.extend_from_slice(&f);
    }
}

/// Index of the first weight of feature `f`'s row in the label table: each row holds
/// the weights of all `nlab` relations side by side, so scoring every relation reads
/// one or two cache lines per feature (not one random line per feature and relation,
/// which cost a tenth of the reviser's time).
#[inline]
fn label_row(f: u64, rowmask: u64, nlab: u8) -> usize {
    (mix(f) & rowmask) as usize * nlab as usize
}

/// Rows of the label table (2^14 features × the parser's relations, i16).
const LABEL_ROW_BITS: u32 = 14;

/// Number of features of a (word, candidate) pair.
const N_FEATS: usize = 29;

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

fn score(w: &[i16], mask: u64, feats: &[u64]) -> i32 {
    feats.iter().map(|&f| w[(f & mask) as usize] as i32).sum()
}

impl Reviser {
    /// Revise `tree` (heads 1-based, 0 = root; labels unchanged) in place. The result is
    /// a tree with the same root word.
    pub fn revise(&self, inp: &RevInput<'_>, tree: &mut [(u32, u8)]) {
        let n = tree.len();
        if n < 3 || inp.upos.len() != n {
            return;
        }
        // buffers reused from sentence to sentence (per thread: `revise` takes `&self`)
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
        }
        SCRATCH.with(|sc| match sc.try_borrow_mut() {
            Ok(mut sc) => self.revise_with(inp, tree, &mut sc),
            // re-entered on this thread (cannot happen today): fresh buffers
            Err(_) => self.revise_with(inp, tree, &mut Scratch::default()),
        })
    }

    fn revise_with(&self, inp: &RevInput<'_>, tree: &mut [(u32, u8)], sc: &mut Scratch) {
        let n = tree.len();
        let Scratch {
            ctx,
            cands,
            feats,
            cur,
        } = sc;
        ctx.fill(inp, tree);
        let ctx = &*ctx;
        let mask = (1u64 << self.bits) - 1;
        cur.clear();
        cur.extend_from_slice(&ctx.head);
        for d in 1..=n {
            if ctx.head[d] == 0 {
                continue;
            }
            let gated = (ctx.upos[d] < 32 && self.skip >> ctx.upos[d] & 1 != 0)
                || (!self.cell_skip.is_empty()
                    && cell_skipped(&self.cell_skip, ctx.upos[d], ctx.label[d]));
            if gated && self.gated_roles == 0 {
                continue;
            }
            ctx.candidates(d, cands);
            if gated {
                // a gated word gets only the few candidates of `gated_roles`
                let keep = R_CUR | self.gated_roles;
                cands.retain(|&(_, r)| r & keep != 0);
                if cands.len() < 2 {
                    continue;
                }
            }
            // The weight loads are random reads in a table of 2 MB: request them all
            // first, then sum (same result, less waiting).
            feats.clear();
            for &(c, r) in cands.iter() {
                ctx.features(d, c, r, feats);
            }
            for &f in feats.iter() {
                prefetch(self.w.as_ptr().wrapping_add((f & mask) as usize));
            }
            let mut best = (i32::MIN, 0usize);
            let mut keep = 0;
            for (ci, &(c, r)) in cands.iter().enumerate() {
                let s = score(&self.w, mask, &feats[ci * N_FEATS..(ci + 1) * N_FEATS]);
                if r & R_CUR != 0 {
                    keep = s;
                }
                if s > best.0 {
                    best = (s, c);
                }
            }
            let c = best.1;
            let thr = if gated {
                self.min_gain
            } else if ctx.upos[d] < 32 {
                self.tag_gain[ctx.upos[d] as usize]
            } else {
                self.min_gain
            };
            if c != ctx.head[d] && c != 0 && best.0 - keep > thr {
                // skip a move that would make a cycle in the tree as revised so far
                let mut x = c;
                let mut cyc = false;
                let mut steps = 0;
                while x != 0 && steps <= n {
                    if x == d {
                        cyc = true;
                        break;
                    }
                    x = cur[x];
                    steps += 1;
                }
                if !cyc {
                    cur[d] = c;
                    if let Some(l) = self.best_label(ctx, d, c, feats) {
                        tree[d - 1].1 = l;
                    }
                }
            }
        }
        for d in 1..=n {
            tree[d - 1].0 = cur[d] as u32;
        }
    }

    /// The relation the label model prefers for `d` under `c` (`None` without a label
    /// model).
    fn best_label(&self, ctx: &Ctx, d: usize, c: usize, feats: &mut Vec<u64>) -> Option<u8> {
        if self.nlab == 0 || self.lw.is_empty() {
            return None;
        }
        ctx.label_features(d, c, feats);
        let mask = (1u64 << self.lbits) - 1;
        let nl = self.nlab as usize;
        let mut sums = [0i32; 256];
        for &f in feats.iter() {
            let r = label_row(f, mask, self.nlab);
            for (s, &x) in sums[..nl].iter_mut().zip(&self.lw[r..r + nl]) {
                *s += x as i32;
            }
        }
        let mut best: Option<(i32, u8)> = None;
        for l in 0..self.nlab {
            if l == self.root_label {
                continue;
            }
            let s = sums[l as usize];
            if best.is_none_or(|b| s > b.0) {
                best = Some((s, l));
            }
        }
        best.map(|b| b.1)
    }

    /// The move threshold (see the field `min_gain`).
    pub fn min_gain(&self) -> i32 {
        self.min_gain
    }

    /// The move threshold applied to words of tag `upos` (the gated reviser's).
    pub fn threshold(&self, upos: Upos) -> i32 {
        self.tag_gain[(upos as usize).min(31)]
    }

    /// A copy that revisits the words of every tag, at the threshold calibrated for
    /// that (more accurate, slower: docs/nlp.md).
    pub fn without_gate(&self) -> Reviser {
        self.with_min_gain(self.min_gain)
    }

    /// A copy with another move threshold (for every tag, no gate).
    pub fn with_min_gain(&self, g: i32) -> Reviser {
        Reviser {
            min_gain: g,
            skip: 0,
            tag_gain: [g; 32],
            cell_skip: Vec::new(),
            ..self.clone()
        }
    }

    /// A copy gated per (tag, predicted relation) cell instead of per tag: the words
    /// of a cell where moving gained less than one net fix per 500 held-out words are
    /// not revisited, at the threshold recalibrated on the cells kept. `None` for a
    /// reviser loaded from bytes without that gate (the alternative gate is computed
    /// in training and not saved).
    pub fn with_label_gate(&self) -> Option<Reviser> {
        if !self.cell_skip.is_empty() {
            return Some(self.clone());
        }
        self.with_gate_at(true, GATE_WORDS)
    }

    /// A copy gated per tag (`cells` false) or per (tag, predicted relation) cell
    /// (`cells` true) at one net fix per `words` held-out words, with the threshold
    /// recalibrated on what the gate keeps (for experiments: `None` for a reviser
    /// loaded from bytes, which keeps no held-out moves).
    pub fn with_gate_at(&self, cells: bool, words: i64) -> Option<Reviser> {
        let c = self.calib.as_ref()?;
        if cells {
            let cs = gate_cells(&c.moves, self.min_gain, &c.cell_words, words);
            let thr = calibrate(&c.moves, |m| cs[m.cell / 64] >> (m.cell % 64) & 1 == 0).0;
            Some(Reviser {
                skip: 0,
                tag_gain: [thr; 32],
                cell_skip: cs,
                ..self.clone()
            })
        } else {
            let skip = gate(&c.moves, self.min_gain, &c.held_words, words);
            let thr = calibrate(&c.moves, |m| skip >> m.upos & 1 == 0).0;
            Some(Reviser {
                skip,
                tag_gain: [thr; 32],
                cell_skip: Vec::new(),
                ..self.clone()
            })
        }
    }

    /// A copy that revisits a word when either gate keeps it: the tag gate at the
    /// default bar, or the (tag, relation) cell gate at one net fix per `words`
    /// held-out words (for experiments; `None` for a reviser loaded from bytes).
    pub fn with_union_gate(&self, words: i64) -> Option<Reviser> {
        let c = self.calib.as_ref()?;
        let tags = gate(&c.moves, self.min_gain, &c.held_words, GATE_WORDS);
        let mut cs = gate_cells(&c.moves, self.min_gain, &c.cell_words, words);
        for (k, x) in cs.iter_mut().enumerate() {
            // word k holds the cells of tag k / 4
            if tags >> (k / 4) & 1 == 0 {
                *x = 0;
            }
        }
        let thr = calibrate(&c.moves, |m| cs[m.cell / 64] >> (m.cell % 64) & 1 == 0).0;
        Some(Reviser {
            skip: 0,
            tag_gain: [thr; 32],
            cell_skip: cs,
            ..self.clone()
        })
    }

    /// A copy that still revisits the words its gate skips, but scores only a few of
    /// their candidates (at the ungated threshold): `set` 1 = the grandparent; 2 = also
    /// the words next to the head; 3 = the grandparent and the nearest verbs; 4 = the
    /// grandparent, great-grandparent, words next to the head, nearest verbs and nouns.
    /// For measuring (not saved); other values leave the gated words out as before.
    pub fn with_cheap_gated(&self, set: u32) -> Reviser {
        let roles = match set {
            1 => R_GRAND,
            2 => R_GRAND | R_ADJH,
            3 => R_GRAND | R_VERB,
            4 => R_GRAND | R_GGRAND | R_ADJH | R_VERB | R_NOUN,
            _ => 0,
        };
        Reviser {
            gated_roles: roles,
            ..self.clone()
        }
    }

    /// Whether a word of tag `upos` attached with the parser's relation id `label`
    /// is revisited at all (false: gated out).
    pub fn revisits(&self, upos: Upos, label: u8) -> bool {
        let u = upos as u64;
        let tag_skipped = u < 32 && self.skip >> u & 1 != 0;
        // (an empty cell set skips nothing)
        !tag_skipped && !cell_skipped(&self.cell_skip, u, label as u64 + 1)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let cells = self.cell_skip.len() == CELL_WORDS;
        let v3 = cells || self.gated_roles != 0;
        let mut out = if v3 { MAGIC_V3 } else { MAGIC }.to_vec();
        out.push(self.bits as u8);
        out.extend_from_slice(&self.min_gain.to_le_bytes());
        out.extend_from_slice(&self.skip.to_le_bytes());
        for g in self.tag_gain {
            out.extend_from_slice(&g.to_le_bytes());
        }
        if v3 {
            out.extend_from_slice(&self.gated_roles.to_le_bytes());
            out.push(cells as u8);
        }
        if cells {
            for x in &self.cell_skip {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        put_table(&mut out, &self.w);
        out.push(self.nlab);
        out.push(self.root_label);
        out.push(self.lbits as u8);
        put_table(&mut out, &self.lw);
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Reviser, ReviseError> {
        let bad = |m: &str| ReviseError::BadModel(m.to_string());
        if b.len() >= 8 && &b[..8] == MAGIC_V1 {
            return Err(bad(
                "reviser of the first layout (ATREVS01), whose features this version no longer computes",
            ));
        }
        if b.len() < 21 || (&b[..8] != MAGIC && &b[..8] != MAGIC_V3) {
            return Err(bad("not a reviser model (bad magic)"));
        }
        let v3 = &b[..8] == MAGIC_V3;
        let bits = b[8] as u32;
        if !(8..=24).contains(&bits) {
            return Err(bad("table size out of range"));
        }
        let min_gain = i32::from_le_bytes([b[9], b[10], b[11], b[12]]);
        let skip = u32::from_le_bytes([b[13], b[14], b[15], b[16]]);
        let mut tag_gain = [0i32; 32];
        for (k, g) in tag_gain.iter_mut().enumerate() {
            let v = b
                .get(17 + 4 * k..21 + 4 * k)
                .ok_or_else(|| bad("truncated thresholds"))?;
            *g = i32::from_le_bytes([v[0], v[1], v[2], v[3]]);
        }
        let mut pos = 17 + 4 * 32;
        let (mut gated_roles, mut cells) = (0u32, false);
        if v3 {
            let v = b
                .get(pos..pos + 5)
                .ok_or_else(|| bad("truncated gate header"))?;
            gated_roles = u32::from_le_bytes([v[0], v[1], v[2], v[3]]);
            if gated_roles & !ROLES_ALL != 0 || gated_roles & R_CUR != 0 {
                return Err(bad("unknown candidate roles for gated words"));
            }
            cells = match v[4] {
                0 => false,
                1 => true,
                _ => return Err(bad("bad cell gate flag")),
            };
            pos += 5;
        }
        let mut cell_skip = Vec::new();
        if cells {
            for _ in 0..CELL_WORDS {
                let v = b
                    .get(pos..pos + 8)
                    .ok_or_else(|| bad("truncated cell gate"))?;
                let mut a = [0u8; 8];
                a.copy_from_slice(v);
                cell_skip.push(u64::from_le_bytes(a));
                pos += 8;
            }
        }
        let w = get_table(b, &mut pos, 1 << bits).map_err(bad)?;
        let hdr = b
            .get(pos..pos + 3)
            .ok_or_else(|| bad("truncated label model"))?;
        let (nlab, root_label, lbits) = (hdr[0], hdr[1], hdr[2] as u32);
        pos += 3;
        if !(8..=16).contains(&lbits) || (nlab > 0 && root_label >= nlab) {
            return Err(bad("label model header out of range"));
        }
        let lw = get_table(b, &mut pos, (1 << lbits) * nlab as usize).map_err(bad)?;
        if pos != b.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(Reviser {
            bits,
            min_gain,
            skip,
            tag_gain,
            cell_skip,
            gated_roles,
            calib: None,
            w,
            nlab,
            root_label,
            lbits,
            lw,
        })
    }
}

/// A table as a count and (index delta, value) pairs of its non-zero weights.
fn put_table(out: &mut Vec<u8>, w: &[i16]) {
    let nz = w.iter().filter(|&&x| x != 0).count();
    out.extend_from_slice(&(nz as u32).to_le_bytes());
    let mut last = 0usize;
    for (i, &x) in w.iter().enumerate() {
        if x != 0 {
            put_varint(out, (i - last) as u64);
            last = i;
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
}

fn get_table(b: &[u8], pos: &mut usize, size: usize) -> Result<Vec<i16>, &'static str> {
    let c = b.get(*pos..*pos + 4).ok_or("truncated table")?;
    let cnt = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
    *pos += 4;
    if cnt > size {
        return Err("more weights than table rows");
    }
    let mut w = vec![0i16; size];
    let mut idx = 0usize;
    for k in 0..cnt {
        let dlt = get_varint(b, pos).ok_or("truncated table")? as usize;
        idx = idx.checked_add(dlt).ok_or("weight index out of range")?;
        if idx >= size || (k > 0 && dlt == 0) {
            return Err("weight index out of range");
        }
        let v = b.get(*pos..*pos + 2).ok_or("truncated table")?;
        w[idx] = i16::from_le_bytes([v[0], v[1]]);
        *pos += 2;
    }
    Ok(w)
}

/// One training sentence: words, tags, the predicted tree (from a parser that did not
/// see it) and the gold heads (1-based, 0 = root).
pub struct RevExample<'a> {
    pub forms: Vec<&'a str>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<&'a str>,
    pub tree: Vec<(u32, u8)>,
    pub gold: Vec<u32>,
    /// Gold relation ids (the parser's ids); empty to train no label model.
    pub gold_label: Vec<u8>,
}

/// Train a reviser: averaged ranking perceptron, `iterations` passes in a shuffled
/// order fixed by `seed` (same data and seed give the same model).
pub fn train_reviser(
    examples: &[RevExample<'_>],
    iterations: usize,
    seed: u64,
    nlab: u8,
    root_label: u8,
) -> Reviser {
    let bits = 20u32;
    let size = 1usize << bits;
    let mask = (size - 1) as u64;
    // Precompute all feature vectors: per word, the candidates' features and the index
    // of the gold candidate.
    let mut items: Vec<Item> = Vec::new();
    let mut litems: Vec<(Vec<u64>, u8)> = Vec::new();
    let fold_of = |ex: usize| ex * CAL_FOLDS / examples.len().max(1);
    // words (except the root word) per UPOS and per (UPOS, predicted relation) cell
    let mut held_words = [0u32; 32];
    let mut cell_words = vec![0u32; 32 * 256];
    let mut cands = Vec::new();
    let mut fv = Vec::new();
    for (exi, ex) in examples.iter().enumerate() {
        let n = ex.tree.len();
        if n < 3 || ex.gold.len() != n {
            continue;
        }
        let inp = RevInput {
            forms: &ex.forms,
            upos: &ex.upos,
            xpos: &ex.xpos,
        };
        let ctx = Ctx::new(&inp, &ex.tree);
        for d in 1..=n {
            if ctx.head[d] == 0 {
                continue;
            }
            held_words[(ctx.upos[d] as usize).min(31)] += 1;
            cell_words[cell_index(ctx.upos[d], ctx.label[d])] += 1;
            ctx.candidates(d, &mut cands);
            let Some(g) = cands
                .iter()
                .position(|&(c, _)| c == ex.gold[d - 1] as usize)
            else {
                continue;
            };
            let mut feats = Vec::with_capacity(cands.len());
            for &(c, r) in &cands {
                fv.clear();
                ctx.features(d, c, r, &mut fv);
                feats.push(fv.clone());
            }
            if g != 0 && ex.gold_label.len() == n {
                ctx.label_features(d, cands[g].0, &mut fv);
                litems.push((fv.clone(), ex.gold_label[d - 1]));
            }
            items.push(Item {
                feats,
                gold: g,
                ex: exi,
                upos: (ctx.upos[d] as usize).min(31),
                cell: cell_index(ctx.upos[d], ctx.label[d]),
            });
        }
    }
    // Move threshold and gate, calibrated on held-out parses (cross-fitting): four
    // rankers, each fit without one contiguous quarter of the sentences, score the
    // moves of that quarter; the threshold is the margin (best candidate's score minus
    // the current head's) above which moving fixes more of those words than it breaks,
    // the gate the tags for which moving hardly pays (all four quarters, so both rest
    // on every training sentence rather than on one noisy quarter).
    let mut moves: Vec<Move> = Vec::new();
    for q in 0..CAL_FOLDS {
        let fit: Vec<&Item> = items.iter().filter(|it| fold_of(it.ex) != q).collect();
        let held: Vec<&Item> = items.iter().filter(|it| fold_of(it.ex) == q).collect();
        if fit.is_empty() || held.is_empty() {
            continue;
        }
        let wq = fit_rank(&fit, iterations, seed, mask);
        moves.extend(held.iter().filter_map(|it| held_move(&wq, mask, it)));
    }
    let (min_gain, skip, tag_gain) = if moves.is_empty() {
        (0, 0, [0; 32])
    } else {
        // the threshold of the ungated reviser, the gate at it, and the threshold
        // recalibrated on the tags the gate keeps
        let thr = calibrate(&moves, |_| true).0;
        let skip = gate(&moves, thr, &held_words, GATE_WORDS);
        let kept = calibrate(&moves, |m| skip >> m.upos & 1 == 0).0;
        (thr, skip, [kept; 32])
    };
    let calib = (!moves.is_empty()).then(|| {
        std::sync::Arc::new(Calibration {
            moves,
            held_words,
            cell_words,
        })
    });
    let all: Vec<&Item> = items.iter().collect();
    let wq = fit_rank(&all, iterations, seed, mask);
    let mut rng = seed.wrapping_mul(0x2545f4914f6cdd1d) | 1;

    // label model: multi-class averaged perceptron over the words whose gold head is
    // another candidate (the words a move would relabel)
    let lbits = LABEL_ROW_BITS;
    let lmask = (1u64 << lbits) - 1;
    let lsize = (1usize << lbits) * nlab as usize;
    let mut lw = vec![0i32; lsize];
    let mut lu = vec![0i64; lsize];
    let mut t: i64 = 1;
    let mut order: Vec<usize> = (0..litems.len()).collect();
    for _ in 0..iterations {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let (f, gold) = (&litems[k].0, litems[k].1);
            let mut best: Option<(i64, u8)> = None;
            for l in 0..nlab {
                if l == root_label {
                    continue;
                }
                let s: i64 = f
                    .iter()
                    .map(|&x| lw[label_row(x, lmask, nlab) + l as usize] as i64)
                    .sum();
                if best.is_none_or(|b| s > b.0) {
                    best = Some((s, l));
                }
            }
            if let Some((_, p)) = best {
                if p != gold {
                    for &x in f {
                        let i = label_row(x, lmask, nlab) + gold as usize;
                        lw[i] += 1;
                        lu[i] += t;
                        let i = label_row(x, lmask, nlab) + p as usize;
                        lw[i] -= 1;
                        lu[i] -= t;
                    }
                }
            }
            t += 1;
        }
    }
    let lwq = quantise(&lw, &lu, t);
    Reviser {
        bits,
        min_gain,
        skip,
        tag_gain,
        cell_skip: Vec::new(),
        gated_roles: 0,
        calib,
        w: wq,
        nlab: if litems.is_empty() { 0 } else { nlab },
        root_label,
        lbits,
        lw: if litems.is_empty() { Vec::new() } else { lwq },
    }
}

/// One training word: per candidate its features (the current head first) and the
/// index of the gold head among them.
struct Item {
    feats: Vec<Vec<u64>>,
    gold: usize,
    /// index of the sentence
    ex: usize,
    /// the word's UPOS (index into the per-tag thresholds)
    upos: usize,
    /// the word's (UPOS, predicted relation) cell ([`cell_index`])
    cell: usize,
}

fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let j = (*rng % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Ranking perceptron, averaged: the gold candidate must outscore every other.
fn fit_rank(items: &[&Item], iterations: usize, seed: u64, mask: u64) -> Vec<i16> {
    let size = mask as usize + 1;
    let mut w = vec![0i32; size];
    let mut u = vec![0i64; size];
    let mut t: i64 = 1;
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut rng = seed.wrapping_mul(0x9e3779b97f4a7c15) | 1;
    for _ in 0..iterations {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let it = items[k];
            let mut best = (i64::MIN, 0usize);
            for (ci, f) in it.feats.iter().enumerate() {
                let s: i64 = f.iter().map(|&x| w[(x & mask) as usize] as i64).sum();
                if s > best.0 {
                    best = (s, ci);
                }
            }
            if best.1 != it.gold {
                for &x in &it.feats[it.gold] {
                    let i = (x & mask) as usize;
                    w[i] += 1;
                    u[i] += t;
                }
                for &x in &it.feats[best.1] {
                    let i = (x & mask) as usize;
                    w[i] -= 1;
                    u[i] -= t;
                }
            }
            t += 1;
        }
    }
    quantise(&w, &u, t)
}

/// Held-out words per net fix below which a tag is not revisited (see [`gate`]).
const GATE_WORDS: i64 = 500;

/// The UPOS tags (bit set) whose words the gated reviser skips: those where, on the
/// held-out parses, moving at threshold `thr` fixed fewer than one word more than it
/// broke per [`GATE_WORDS`] words of the tag (on EWT punctuation, auxiliaries,
/// conjunctions, particles, pronouns, adjectives: about 40 % of the words).
fn gate(moves: &[Move], thr: i32, words: &[u32; 32], per_fix: i64) -> u32 {
    let mut net = [0i64; 32];
    for m in moves {
        if m.gain > thr {
            net[m.upos] += m.effect as i64;
        }
    }
    let mut skip = 0u32;
    for u in 0..32 {
        if words[u] > 0 && net[u] * per_fix < words[u] as i64 {
            skip |= 1 << u;
        }
    }
    skip
}

/// Bit index of a (UPOS, predicted relation + 1) cell in the cell gate.
#[inline]
fn cell_index(upos: u64, label: u64) -> usize {
    (upos.min(31) as usize) * 256 + label.min(255) as usize
}

#[inline]
fn cell_skipped(cells: &[u64], upos: u64, label: u64) -> bool {
    let i = cell_index(upos, label);
    cells.get(i / 64).is_some_and(|x| x >> (i % 64) & 1 != 0)
}

/// The (UPOS, predicted relation) cells ([`cell_index`], as a bit set of
/// [`CELL_WORDS`] words) whose words the label-gated reviser skips: those where, on the
/// held-out parses, moving at threshold `thr` fixed fewer than one word more than it
/// broke per [`GATE_WORDS`] words of the cell. Finer than [`gate`]: a tag that does not
/// pay as a whole may hold a relation that does (and the reverse).
fn gate_cells(moves: &[Move], thr: i32, words: &[u32], per_fix: i64) -> Vec<u64> {
    let mut net = vec![0i64; words.len()];
    for m in moves {
        if m.gain > thr {
            net[m.cell] += m.effect as i64;
        }
    }
    let mut skip = vec![0u64; CELL_WORDS];
    for (i, &n) in words.iter().enumerate() {
        if n > 0 && net[i] * per_fix < n as i64 {
            skip[i / 64] |= 1 << (i % 64);
        }
    }
    skip
}

/// Folds of the cross-fitting that calibrates the threshold and the gate.
const CAL_FOLDS: usize = 4;

/// A held-out word's best move: how much the best other candidate outscores the current
/// head, whether moving there fixes (+1) or breaks (−1) the word or leaves it wrong (0),
/// and the word's UPOS.
/// The held-out moves of the cross-fitting and the words they came from, per tag and
/// per (tag, relation) cell.
struct Calibration {
    moves: Vec<Move>,
    held_words: [u32; 32],
    cell_words: Vec<u32>,
}

struct Move {
    gain: i32,
    effect: i32,
    upos: usize,
    cell: usize,
}

fn held_move(w: &[i16], mask: u64, it: &Item) -> Option<Move> {
    let s0 = score(w, mask, &it.feats[0]);
    let mut best = (0usize, s0);
    for (i, f) in it.feats.iter().enumerate().skip(1) {
        let s = score(w, mask, f);
        if s > best.1 {
            best = (i, s);
        }
    }
    if best.0 == 0 {
        return None;
    }
    let effect = if best.0 == it.gold {
        1
    } else if it.gold == 0 {
        -1
    } else {
        0
    };
    Some(Move {
        gain: best.1 - s0,
        effect,
        upos: it.upos,
        cell: it.cell,
    })
}

/// The move threshold that maximises (words fixed − words broken) over the held-out
/// moves that `keep` selects, and that maximum.
fn calibrate(moves: &[Move], keep: impl Fn(&Move) -> bool) -> (i32, i32) {
    let mut moves: Vec<(i32, i32)> = moves
        .iter()
        .filter(|m| keep(m))
        .map(|m| (m.gain, m.effect))
        .collect();
    // sweep thresholds from the largest gain down: moving every item above the threshold
    moves.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (mut best, mut best_thr, mut acc) = (0i32, i32::MAX, 0i32);
    for (k, &(g, e)) in moves.iter().enumerate() {
        acc += e;
        let next = moves.get(k + 1).map_or(i32::MIN, |m| m.0);
        if next < g && acc > best {
            best = acc;
            best_thr = next.max(0);
        }
    }
    (best_thr, best)
}

/// Averaged perceptron weights (`w - u / t`), scaled so the largest is 32,000, as i16.
fn quantise(w: &[i32], u: &[i64], t: i64) -> Vec<i16> {
    let avg: Vec<f64> = w
        .iter()
        .zip(u)
        .map(|(&wi, &ui)| wi as f64 - ui as f64 / t as f64)
        .collect();
    let maxabs = avg.iter().fold(0f64, |m, &x| m.max(x.abs())).max(1e-9);
    let scale = 32000.0 / maxabs;
    avg.iter()
        .map(|&x| {
            let q = (x * scale).round() as i16;
            if q.abs() < 2 {
                0
            } else {
                q
            }
        })
        .collect()
}

/// Train the reviser of `parser` by jackknifing: `folds` parsers, each trained with
/// `popts` on all but one contiguous block of the sentences (the gold-tagged copy plus
/// the copy with predicted tags), parse their held-out block (predicted tags); the
/// reviser learns from those trees and the gold heads. `gold` and `tagged` are the same
/// sentences with gold and predicted (jackknifed) tags. Relation ids are mapped to
/// `parser`'s by name. Deterministic for the same inputs.
pub fn train_jackknifed(
    parser: &crate::parser::Parser,
    gold: &[crate::conllu::ConlluSentence],
    tagged: &[crate::conllu::ConlluSentence],
    folds: usize,
    popts: &crate::parser::ParserTrainOptions,
    iterations: usize,
) -> Result<Reviser, crate::parser::ParserError> {
    use crate::parser::{train_parser, ParserError};
    if gold.len() != tagged.len() {
        return Err(ParserError::BadOptions(
            "the gold and tagged treebanks differ in length".into(),
        ));
    }
    let names = parser.deprels();
    let id = |name: &str| names.iter().position(|x| x == name).map(|i| i as u8);
    let root = id("root").unwrap_or(0);
    let n = gold.len().max(1);
    let k = folds.max(2);
    let block = |i: usize| i * k / n;
    let upos_of = |s: &crate::conllu::ConlluSentence| -> Vec<Upos> {
        s.words
            .iter()
            .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
            .collect()
    };
    // One fold: train its parser and parse its held-out block.
    let run_fold = |fold: usize| -> Result<Vec<RevExample<'_>>, ParserError> {
        let mut exs = Vec::new();
        let tr: Vec<crate::conllu::ConlluSentence> = gold
            .iter()
            .enumerate()
            .filter(|(i, _)| block(*i) != fold)
            .map(|(_, s)| s.clone())
            .chain(
                tagged
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| block(*i) != fold)
                    .map(|(_, s)| s.clone()),
            )
            .collect();
        if tr.iter().all(|s| s.words.is_empty()) {
            return Ok(exs);
        }
        let o = crate::parser::ParserTrainOptions {
            seed: popts.seed.wrapping_add(fold as u64),
            threads: 1,
            ..popts.clone()
        };
        let p = train_parser(&tr, &[], &o)?;
        for (i, (g, s)) in gold.iter().zip(tagged).enumerate() {
            if block(i) != fold || g.words.len() != s.words.len() {
                continue;
            }
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let upos = upos_of(s);
            let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
            let tree: Vec<(u32, u8)> = p
                .parse(&forms, &upos, &xpos)
                .into_iter()
                .map(|(h, l)| (h, id(p.deprel_name(l)).unwrap_or(root)))
                .collect();
            exs.push(RevExample {
                forms,
                upos,
                xpos,
                tree,
                gold: g.words.iter().map(|w| w.head).collect(),
                gold_label: g
                    .words
                    .iter()
                    .map(|w| id(&w.deprel).unwrap_or(root))
                    .collect(),
            });
        }
        Ok(exs)
    };
    // Folds are independent: run `popts.threads` at once, collect in fold order (the
    // model does not depend on the number of threads).
    let threads = popts.threads.max(1);
    let mut exs: Vec<RevExample<'_>> = Vec::with_capacity(gold.len());
    for first in (0..k).step_by(threads) {
        let parts: Vec<Result<Vec<RevExample<'_>>, ParserError>> = std::thread::scope(|sc| {
            let hs: Vec<_> = (first..(first + threads).min(k))
                .map(|f| {
                    let run = &run_fold;
                    sc.spawn(move || run(f))
                })
                .collect();
            hs.into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(ParserError::BadOptions(
                            "reviser fold thread panicked".into(),
                        ))
                    })
                })
                .collect()
        });
        for part in parts {
            exs.extend(part?);
        }
    }
    Ok(train_reviser(
        &exs,
        iterations,
        popts.seed,
        names.len().min(255) as u8,
        root,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    // relation ids of the toy label set
    const NSUBJ: u8 = 0;
    const OBJ: u8 = 1;
    const OBL: u8 = 2;
    const ROOT: u8 = 3;
    const NMOD: u8 = 4;

    /// "SUBJ VERB OBJ TIME": the toy parser always hangs the time word on the object
    /// (nmod) where the gold tree has it on the verb (obl) — a systematic error.
    fn example<'a>(s: &'a str, v: &'a str, o: &'a str, t: &'a str) -> RevExample<'a> {
        RevExample {
            forms: vec![s, v, o, t],
            upos: vec![Upos::NOUN, Upos::VERB, Upos::NOUN, Upos::NOUN],
            xpos: vec!["NNS", "VBD", "NNS", "NN"],
            tree: vec![(2, NSUBJ), (0, ROOT), (2, OBJ), (3, NMOD)],
            gold: vec![2, 0, 2, 2],
            gold_label: vec![NSUBJ, ROOT, OBJ, OBL],
        }
    }

    /// The tree `rv` makes of `ex`'s parse.
    fn revised(rv: &Reviser, ex: &RevExample) -> Vec<(u32, u8)> {
        let inp = RevInput {
            forms: &ex.forms,
            upos: &ex.upos,
            xpos: &ex.xpos,
        };
        let mut tree = ex.tree.clone();
        rv.revise(&inp, &mut tree);
        tree
    }

    fn toy_data() -> Vec<RevExample<'static>> {
        let subj = ["officials", "ministers", "diplomats", "envoys", "leaders"];
        let verb = ["met", "called", "thanked", "warned", "urged"];
        let obj = ["counterparts", "allies", "neighbours", "rebels", "donors"];
        let time = ["today", "yesterday", "tonight", "monday"];
        let mut v = Vec::new();
        for (i, s) in subj.iter().enumerate() {
            for (j, vb) in verb.iter().enumerate() {
                v.push(example(s, vb, obj[(i + j) % 5], time[(i * 5 + j) % 4]));
            }
        }
        v
    }

    fn is_tree(t: &[(u32, u8)]) -> bool {
        let n = t.len();
        if t.iter().filter(|x| x.0 == 0).count() != 1 || t.iter().any(|x| x.0 as usize > n) {
            return false;
        }
        (1..=n).all(|d| {
            let mut x = d;
            for _ in 0..=n {
                if x == 0 {
                    return true;
                }
                x = t[x - 1].0 as usize;
            }
            false
        })
    }

    #[test]
    fn learns_to_fix_a_systematic_attachment_error() {
        let rv = train_reviser(&toy_data(), 5, 1, 5, ROOT);
        // unseen combination of subject, verb and object
        let ex = example("envoys", "thanked", "donors", "yesterday");
        assert_eq!(
            revised(&rv, &ex),
            vec![(2, NSUBJ), (0, ROOT), (2, OBJ), (2, OBL)]
        );
    }

    #[test]
    fn keeps_correct_trees() {
        // trained on trees that are already right, it moves nothing
        let data: Vec<RevExample> = toy_data()
            .into_iter()
            .map(|mut e| {
                e.gold = e.tree.iter().map(|x| x.0).collect();
                e.gold_label = e.tree.iter().map(|x| x.1).collect();
                e
            })
            .collect();
        let rv = train_reviser(&data, 5, 1, 5, ROOT);
        let ex = example("envoys", "thanked", "donors", "yesterday");
        assert_eq!(revised(&rv, &ex), ex.tree);
    }

    /// A random tree over `n` words (heads 1-based, 0 = root; one word under the root).
    fn random_tree(n: usize, next: &mut impl FnMut(u64) -> u64) -> Vec<(u32, u8)> {
        let mut order: Vec<usize> = (1..=n).collect();
        for i in (1..n).rev() {
            order.swap(i, next(i as u64 + 1) as usize);
        }
        let mut tree = vec![(0u32, ROOT); n];
        for k in 1..n {
            let h = order[next(k as u64) as usize];
            tree[order[k] - 1] = (h as u32, [NSUBJ, OBJ, OBL, NMOD][next(4) as usize]);
        }
        tree
    }

    fn rng() -> impl FnMut(u64) -> u64 {
        let mut r = 0x9e37_79b9_7f4a_7c15u64;
        move |m: u64| {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            r % m
        }
    }

    #[test]
    fn crossings_and_subtrees_match_a_direct_count() {
        // `between` counts crossed arcs from the words in between only and `under`
        // uses preorder intervals: both must agree with the definitions
        let mut next = rng();
        let mut ctx = Ctx::default();
        for _ in 0..300 {
            let n = 1 + next(20) as usize;
            let tree = random_tree(n, &mut next);
            let forms = vec!["w"; n];
            let upos: Vec<Upos> = (0..n)
                .map(|_| [Upos::NOUN, Upos::VERB, Upos::PUNCT][next(3) as usize])
                .collect();
            let xpos = vec!["NN"; n];
            let inp = RevInput {
                forms: &forms,
                upos: &upos,
                xpos: &xpos,
            };
            ctx.fill(&inp, &tree);
            let head = |i: usize| tree[i - 1].0 as usize;
            for d in 1..=n {
                for c in 1..=n {
                    if c == d {
                        continue;
                    }
                    let (lo, hi) = (c.min(d), c.max(d));
                    let mut cross = 0;
                    for i in (1..=n).filter(|&i| i != d && head(i) != 0) {
                        let (a, b) = (i.min(head(i)), i.max(head(i)));
                        let inside = |x: usize| x > lo && x < hi;
                        if inside(a) != inside(b) && ![a, b].contains(&lo) && ![a, b].contains(&hi)
                        {
                            cross += 1;
                        }
                    }
                    let punct = (lo + 1..hi).filter(|&j| upos[j - 1] == Upos::PUNCT).count();
                    let verb = (lo + 1..hi).any(|j| upos[j - 1] == Upos::VERB);
                    assert_eq!(
                        ctx.between(d, c),
                        (punct.min(2) as u64, verb as u64, cross.min(2) as u64),
                        "{tree:?} d={d} c={c}"
                    );
                    let mut x = c;
                    let mut below = false;
                    while x != 0 {
                        if x == d {
                            below = true;
                            break;
                        }
                        x = head(x);
                    }
                    assert_eq!(ctx.under(c, d), below, "{tree:?} d={d} c={c}");
                }
            }
        }
    }

    #[test]
    fn gate_skips_tags_where_moving_does_not_pay() {
        let mv = |gain: i32, effect: i32, upos: usize| Move {
            gain,
            effect,
            upos,
            cell: 0,
        };
        // NOUN (7): moves above the threshold fix words; PUNCT (12): as many fixes as
        // breaks; VERB (15): never seen
        let mut moves = Vec::new();
        for _ in 0..10 {
            moves.push(mv(5000, 1, 7));
            moves.push(mv(100, -1, 7));
            moves.push(mv(3000, 1, 12));
            moves.push(mv(4000, -1, 12));
        }
        let mut words = [0u32; 32];
        words[7] = 1000;
        words[12] = 1000;
        assert_eq!(gate(&moves, 1234, &words, GATE_WORDS), 1 << 12);
        // a tag whose net gain is too small for its frequency is skipped too
        words[7] = 10 * GATE_WORDS as u32 + 1;
        assert_eq!(gate(&moves, 1234, &words, GATE_WORDS), (1 << 7) | (1 << 12));
        // the threshold is the one that maximises fixes minus breaks
        let (t, net) = calibrate(&moves, |m| m.upos == 7);
        assert!((100..5000).contains(&t), "{t}");
        assert_eq!(net, 10);
    }

    #[test]
    fn buffers_reused_across_sentences_give_the_same_result() {
        let rv = train_reviser(&toy_data(), 5, 1, 5, ROOT).with_min_gain(-1);
        let ex = example("envoys", "thanked", "donors", "yesterday");
        let inp = RevInput {
            forms: &ex.forms,
            upos: &ex.upos,
            xpos: &ex.xpos,
        };
        let mut first = ex.tree.clone();
        rv.revise(&inp, &mut first);
        // a longer sentence in between, then the same one again
        let mut next = rng();
        let n = 30;
        let forms = vec!["officials"; n];
        let upos = vec![Upos::NOUN; n];
        let xpos = vec!["NNS"; n];
        let mut long = random_tree(n, &mut next);
        rv.revise(
            &RevInput {
                forms: &forms,
                upos: &upos,
                xpos: &xpos,
            },
            &mut long,
        );
        let mut again = ex.tree.clone();
        rv.revise(&inp, &mut again);
        assert_eq!(first, again);
    }

    #[test]
    fn cell_gate_skips_relations_where_moving_does_not_pay() {
        // NOUN (7) attached as nmod (label 3 + 1): moves fix words; NOUN as compound
        // (label 8 + 1): as many fixes as breaks. The tag as a whole pays, one of its
        // cells does not.
        let (nmod, compound) = (cell_index(7, 4), cell_index(7, 9));
        let mv = |gain: i32, effect: i32, cell: usize| Move {
            gain,
            effect,
            upos: 7,
            cell,
        };
        let mut moves = Vec::new();
        for _ in 0..10 {
            moves.push(mv(5000, 1, nmod));
            moves.push(mv(3000, 1, compound));
            moves.push(mv(4000, -1, compound));
        }
        let mut words = vec![0u32; 32 * 256];
        words[nmod] = 1000;
        words[compound] = 1000;
        let skip = gate_cells(&moves, 1234, &words, GATE_WORDS);
        assert!(cell_skipped(&skip, 7, 9));
        assert!(!cell_skipped(&skip, 7, 4));
        // cells never seen in training are not skipped
        assert!(!cell_skipped(&skip, 15, 4));
        let mut tag_words = [0u32; 32];
        tag_words[7] = 2000;
        assert_eq!(gate(&moves, 1234, &tag_words, GATE_WORDS), 0);
    }

    #[test]
    fn label_gated_reviser_round_trips_and_skips_its_cells() {
        let rv = train_reviser(&toy_data(), 5, 1, 5, ROOT);
        // a bar no cell can meet (a net fix per 0 words): every cell seen in training is
        // skipped, nothing moves
        let all = rv.with_gate_at(true, 0).expect("trained here");
        assert!(!all.revisits(Upos::NOUN, NMOD));
        let ex = example("envoys", "thanked", "donors", "yesterday");
        assert_eq!(revised(&all, &ex), ex.tree);
        // the default bar keeps the cell where the toy errors are, and fixes them
        let lg = rv.with_label_gate().expect("trained here");
        assert_eq!(
            revised(&lg, &ex),
            vec![(2, NSUBJ), (0, ROOT), (2, OBJ), (2, OBL)]
        );
        // saved in the version-3 layout and loaded back the same, truncations refused
        let b = lg.to_bytes();
        assert_eq!(&b[..8], MAGIC_V3);
        let back = Reviser::from_bytes(&b).expect("loads");
        assert_eq!(back.to_bytes(), b);
        assert_eq!(
            revised(&back, &ex),
            vec![(2, NSUBJ), (0, ROOT), (2, OBJ), (2, OBL)]
        );
        for k in [9, 150, 300, b.len() - 1] {
            assert!(Reviser::from_bytes(&b[..k]).is_err(), "truncated at {k}");
        }
        // the union of both gates revisits every word either gate revisits
        let tag = rv.with_gate_at(false, GATE_WORDS).expect("trained here");
        let union = rv.with_union_gate(GATE_WORDS).expect("trained here");
        for u in Upos::ALL {
            for l in [NSUBJ, OBJ, OBL, NMOD] {
                if tag.revisits(u, l) || lg.revisits(u, l) {
                    assert!(union.revisits(u, l), "{u:?} {l}");
                }
            }
        }
        // every tag gated: nothing moves, unless the gated words keep their grandparent
        // as a candidate (where the toy error's gold head is)
        let none = rv.with_gate_at(false, 0).expect("trained here");
        assert_eq!(revised(&none, &ex), ex.tree);
        assert_eq!(
            revised(&none.with_cheap_gated(1), &ex),
            vec![(2, NSUBJ), (0, ROOT), (2, OBJ), (2, OBL)]
        );
        // gated words with a few candidates: saved and loaded back the same
        let cheap = rv.with_cheap_gated(4);
        let b = cheap.to_bytes();
        assert_eq!(&b[..8], MAGIC_V3);
        let back = Reviser::from_bytes(&b).expect("loads");
        assert_eq!(back.to_bytes(), b);
        let mut bad_roles = b.clone();
        bad_roles[17 + 4 * 32] |= R_CUR as u8;
        assert!(Reviser::from_bytes(&bad_roles).is_err());
        // without them, the version-2 layout as before
        assert_eq!(&rv.with_cheap_gated(0).to_bytes()[..8], MAGIC);
        // a loaded reviser keeps no held-out moves: no other gate can be derived
        let plain = Reviser::from_bytes(&rv.to_bytes()).expect("loads");
        assert!(plain.with_label_gate().is_none());
        assert!(plain.with_gate_at(false, 500).is_none());
    }

    #[test]
    fn save_load_round_trip() {
        let rv = train_reviser(&toy_data(), 5, 1, 5, ROOT);
        let b = rv.to_bytes();
        let back = Reviser::from_bytes(&b).expect("loads");
        assert_eq!(back.to_bytes(), b);
        assert_eq!(back.min_gain(), rv.min_gain());
        for k in [0, 5, 9, 13, b.len() / 2, b.len() - 1] {
            assert!(Reviser::from_bytes(&b[..k]).is_err(), "truncated at {k}");
        }
        assert!(Reviser::from_bytes(b"ATPARSR2garbage").is_err());
        // the first layout is refused with a message, not misread
        let mut v1 = b.clone();
        v1[..8].copy_from_slice(MAGIC_V1);
        let e = Reviser::from_bytes(&v1).expect_err("old layout");
        assert!(e.to_string().contains("ATREVS01"), "{e}");
    }

    #[test]
    fn output_is_always_a_tree() {
        // a reviser that moves eagerly (threshold below zero), on random trees
        let rv = train_reviser(&toy_data(), 5, 1, 5, ROOT).with_min_gain(-1);
        let mut rng = 0x1234_5678_9abc_def1u64;
        let mut next = |m: u64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng % m
        };
        let words = [
            "officials",
            "met",
            "donors",
            "today",
            "in",
            "Kabul",
            ",",
            "said",
        ];
        let tags = [
            Upos::NOUN,
            Upos::VERB,
            Upos::NOUN,
            Upos::NOUN,
            Upos::ADP,
            Upos::PROPN,
        ];
        for _ in 0..300 {
            let n = 1 + next(14) as usize;
            let mut tree = random_tree(n, &mut next);
            let forms: Vec<&str> = (0..n).map(|_| words[next(8) as usize]).collect();
            let upos: Vec<Upos> = (0..n).map(|_| tags[next(6) as usize]).collect();
            let xpos: Vec<&str> = vec!["NN"; n];
            let root = tree.iter().position(|x| x.0 == 0);
            let inp = RevInput {
                forms: &forms,
                upos: &upos,
                xpos: &xpos,
            };
            rv.revise(&inp, &mut tree);
            assert!(is_tree(&tree), "{tree:?}");
            assert_eq!(tree.iter().position(|x| x.0 == 0), root);
            assert!(tree.iter().all(|x| x.1 != ROOT || x.0 == 0));
        }
    }
}
