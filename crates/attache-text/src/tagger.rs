//! Part-of-speech tagger: UPOS, XPOS and the UD features, from an averaged perceptron.
//!
//! Why this design: a greedy left-to-right averaged perceptron over rich sparse
//! features (word, affixes, shape, ±2 neighbours, the two previous predicted tags, the
//! ambiguity classes of the following words, the nearest preceding auxiliary) is within
//! a point of neural taggers on news-like English, trains in a minute, is
//! deterministic, and tags hundreds of thousands of tokens per second with a model of a
//! few MB.
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
use crate::train::TrainOptions;

const MAGIC: &[u8; 4] = b"ATTG";
const VERSION: u32 = 1;

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
    }
}

/// Reusable buffers for tagging (one per thread; no allocation per token).
#[derive(Debug, Default)]
pub struct TagScratch {
    buf: String,
    pub(crate) ctx: Vec<TokCtx>,
    keys: Vec<u64>,
    scores: Vec<f32>,
    /// Predicted class per token.
    pub classes: Vec<u32>,
    /// FEATS id per token (see [`TaggerModel::feats_name`]).
    pub feats: Vec<u32>,
}

fn build_ctx(forms: &[&str], ambig: &KeyMap, buf: &mut String, out: &mut Vec<TokCtx>) {
    out.clear();
    let start = pad_ctx(b"<s>");
    let end = pad_ctx(b"</s>");
    out.extend([start, start]);
    let unk_ambig = hash_bytes(78, b"<unk>");
    for f in forms {
        normalize_into(f, buf);
        let s = buf.as_str();
        let lc = hash_bytes(1, s.as_bytes());
        let mut suf = [0u64; 4];
        for (k, x) in suf.iter_mut().enumerate() {
            *x = hash_bytes(10 + k as u64, &s.as_bytes()[suffix_start(s, k + 1)..]);
        }
        let mut pre = [0u64; 3];
        for (k, x) in pre.iter_mut().enumerate() {
            *x = hash_bytes(20 + k as u64, &s.as_bytes()[..prefix_end(s, k + 1)]);
        }
        let ambig = match ambig.get(lc) {
            Some(v) => v as u64 | 1 << 40,
            None => unk_ambig ^ suf[1],
        };
        out.push(TokCtx {
            lc,
            form: hash_bytes(2, f.as_bytes()),
            suf,
            pre,
            shape: shape_hash(f),
            ambig,
        });
    }
    out.extend([end, end]);
}

/// Feature templates. `i` indexes the padded context. `drop` leaves out the
/// identity of the current word (training on rare words as if unseen).
#[inline]
fn features(c: &[TokCtx], i: usize, p1: u32, p2: u32, aux: u64, drop: bool, out: &mut Vec<u64>) {
    out.clear();
    let t = &c[i];
    let (m1, m2, n1, n2) = (&c[i - 1], &c[i - 2], &c[i + 1], &c[i + 2]);
    let (p1, p2) = (p1 as u64, p2 as u64);
    let first = (i == PAD) as u64;
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
}

const NO_AUX: u64 = 0x00ab_cdef;

/// The trained tagger.
#[derive(Debug, Clone)]
pub struct TaggerModel {
    classes: Vec<TagClass>,
    is_aux: Vec<bool>,
    weights: FeatureTable,
    ambig: KeyMap,
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
    fn new(
        classes: Vec<TagClass>,
        weights: FeatureTable,
        ambig: KeyMap,
        feats_word: KeyMap,
        feats_class: Vec<u32>,
        feats_names: Vec<String>,
    ) -> TaggerModel {
        let is_aux = classes.iter().map(|c| c.upos == Upos::AUX).collect();
        TaggerModel {
            classes,
            is_aux,
            weights,
            ambig,
            feats_word,
            feats_class,
            feats_names,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }
    pub fn class(&self, id: u32) -> &TagClass {
        &self.classes[id as usize]
    }
    pub fn feats_name(&self, id: u32) -> &str {
        &self.feats_names[id as usize]
    }
    /// Number of weighted features and of (feature, class) weights.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.n_keys(), self.weights.n_entries())
    }

    /// Tag a sentence given its word forms; results in `s.classes` and `s.feats`.
    pub fn tag_with(&self, forms: &[&str], s: &mut TagScratch) {
        build_ctx(forms, &self.ambig, &mut s.buf, &mut s.ctx);
        let nc = self.classes.len();
        s.classes.clear();
        s.feats.clear();
        s.scores.resize(nc, 0.0);
        let start = nc as u32; // history value for "before the sentence"
        let (mut p1, mut p2) = (start, start + 1);
        let mut last_aux: Option<usize> = None;
        for i in 0..forms.len() {
            let aux = match last_aux {
                Some(j) if i - j <= 4 => s.ctx[j + PAD].lc,
                _ => NO_AUX,
            };
            features(&s.ctx, i + PAD, p1, p2, aux, false, &mut s.keys);
            s.scores.iter_mut().for_each(|x| *x = 0.0);
            for &k in &s.keys {
                self.weights.add_scores(k, &mut s.scores);
            }
            let best = argmax(&s.scores);
            s.classes.push(best);
            if self.is_aux[best as usize] {
                last_aux = Some(i);
            }
            p2 = p1;
            p1 = best;
            let lc = s.ctx[i + PAD].lc;
            let f = self
                .feats_word
                .get(combine(lc, best as u64))
                .unwrap_or(self.feats_class[best as usize]);
            s.feats.push(f);
        }
    }

    /// Convenience: tag a sentence.
    pub fn tag(&self, forms: &[&str]) -> Vec<Tagged<'_>> {
        let mut s = TagScratch::default();
        self.tag_with(forms, &mut s);
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
        let mut w = ModelWriter::new(MAGIC, VERSION);
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
        self.feats_word.write(&mut w);
        self.weights.write(&mut w);
        w.into_bytes()
    }

    pub fn from_bytes(b: &[u8]) -> Result<TaggerModel, TextError> {
        let mut r = ModelReader::new(b, "tagger", MAGIC, VERSION)?;
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
        let feats_word = KeyMap::read(&mut r)?;
        if feats_word.items().iter().any(|&(_, v)| v as usize >= nf) {
            return Err(r.err("feats id out of range"));
        }
        let weights = FeatureTable::read(&mut r, n)?;
        r.finish()?;
        Ok(TaggerModel::new(
            classes,
            weights,
            ambig,
            feats_word,
            feats_class,
            feats_names,
        ))
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
        scores.iter_mut().for_each(|x| *x = 0.0);
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

/// Train the tagger (see [`crate::train::train_tagger`]).
pub(crate) fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<TaggerModel, TextError> {
    if train.is_empty() {
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
    let gold: Vec<Vec<u32>> = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| class_id[&TagClass::of_word(&w.upos, &w.xpos, &w.feats).name()])
                .collect()
        })
        .collect();

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
            .expect("collected") as u32
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

    // Training.
    let mut p = Perceptron::default();
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut ctx = Vec::new();
    let mut keys = Vec::new();
    let mut scores = vec![0f32; nc];
    let is_aux: Vec<bool> = classes.iter().map(|c| c.upos == Upos::AUX).collect();
    let mut best: Option<(f64, TaggerModel)> = None;
    let iters = opts.iterations.max(1);
    for it in 0..iters {
        rng.shuffle(&mut order);
        let (mut n, mut ok) = (0usize, 0usize);
        for &si in &order {
            let s = &train[si];
            let forms = s.forms();
            build_ctx(&forms, &ambig, &mut buf, &mut ctx);
            let g = &gold[si];
            let start = nc as u32;
            let (mut p1, mut p2) = (start, start + 1);
            let mut last_aux: Option<usize> = None;
            for i in 0..forms.len() {
                let aux = match last_aux {
                    Some(j) if i - j <= 4 => ctx[j + PAD].lc,
                    _ => NO_AUX,
                };
                let lc = ctx[i + PAD].lc;
                let drop = opts.word_dropout > 0.0
                    && freq.get(&lc).copied().unwrap_or(0) <= 1
                    && (rng.next_u64() % 1000) < (opts.word_dropout * 1000.0) as u64;
                features(&ctx, i + PAD, p1, p2, aux, drop, &mut keys);
                p.tick();
                p.score(&keys, &mut scores);
                let guess = argmax(&scores);
                p.update(&keys, g[i], guess);
                n += 1;
                ok += (guess == g[i]) as usize;
                if is_aux[guess as usize] {
                    last_aux = Some(i);
                }
                p2 = p1;
                p1 = guess;
            }
        }
        let model = TaggerModel::new(
            classes.clone(),
            p.averaged(opts.min_weight),
            ambig.clone(),
            feats_word.clone(),
            feats_class.clone(),
            feats_names.clone(),
        );
        let (du, dx, df) = if dev.is_empty() {
            (0.0, 0.0, 0.0)
        } else {
            evaluate(&model, dev)
        };
        if !opts.quiet {
            eprintln!(
                "tagger iteration {}/{}: train acc {:.2}  dev UPOS {:.2} XPOS {:.2} FEATS {:.2}  ({} features)",
                it + 1,
                iters,
                100.0 * ok as f64 / n.max(1) as f64,
                du,
                dx,
                df,
                model.size().0
            );
        }
        let score = if dev.is_empty() {
            it as f64
        } else {
            du + dx / 1000.0
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, model));
        }
    }
    let (_, model) = best.ok_or_else(|| TextError::Train("no iteration ran".into()))?;
    Ok(model)
}
