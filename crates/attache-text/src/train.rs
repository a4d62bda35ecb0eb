//! Training entry points for the models of this crate, used by `attache train` and by
//! `cargo run --release -p attache-text --example train_all`.
//!
//! Why a separate module: the CLI and the example need one small, stable API; the
//! learning code stays next to the model it trains. Training is deterministic: the
//! only randomness is the sentence order, drawn from a seeded generator, and no hash
//! map iteration order reaches the model, so the same inputs and seed give
//! byte-identical model files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::conllu::ConlluSentence;
use crate::lemmatizer::LemmatizerModel;
use crate::model_io::TextError;
use crate::tagger::TaggerModel;

/// Options shared by the trainers.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data (the best pass on dev is kept).
    pub iterations: usize,
    /// Seed of the sentence-order shuffle.
    pub seed: u64,
    /// Averaged weights smaller than this in magnitude are dropped from the model.
    pub min_weight: f32,
    /// Probability of training on a once-seen word as if it were unknown (tagger).
    pub word_dropout: f32,
    /// Folds for jackknifing the tagger's first pass (below 2: one pass only).
    pub folds: usize,
    /// Perceptrons trained on different sentence orders (seeds `seed`, `seed + 1`,
    /// ...) whose weights are summed into the tagger's one table (below 2: one).
    /// `min_weight` then applies to the sums.
    pub ensemble: usize,
    /// With `ensemble`: each member's weights smaller than this in magnitude are left
    /// out of the sum (0: all are summed).
    pub ensemble_member_min_weight: f32,
    /// Do not print progress to stderr.
    pub quiet: bool,
    /// WordNet 3.0 database directory (`index.noun`, `data.noun`, `verb.exc`, ...; the
    /// Debian package `wordnet-base` installs it in `/usr/share/wordnet`). When set, the
    /// tagger stores a compact word → part-of-speech table derived from it and uses it
    /// as features for words rare or unseen in the training set. `None`: no table.
    pub wordnet: Option<PathBuf>,
    /// Directory holding `en_lexeme_cluster.json` and `en_lexeme_prob.json` (the
    /// gunzipped Brown-cluster and log-probability tables of the PyPI package
    /// `spacy-lookups-data`, MIT). When set, the tagger stores a word → Brown cluster
    /// table and uses cluster ids and bit-path prefixes as features. `None`: no table.
    pub clusters: Option<PathBuf>,
    /// Use a word's own cluster only when it has no ambiguity class (seen at most once
    /// in train); the neighbours' clusters are used either way.
    pub clusters_rare_only: bool,
}

/// The Brown-cluster directory training uses by default: `$ATTACHE_CLUSTERS` if set
/// (empty or `none`: no clusters), else none.
pub fn default_clusters_dir() -> Option<PathBuf> {
    match std::env::var_os("ATTACHE_CLUSTERS") {
        Some(d) if !d.is_empty() && d != "none" => Some(PathBuf::from(d)),
        _ => None,
    }
}

/// The WordNet directory training uses by default: `$WNSEARCHDIR` if set, else
/// `/usr/share/wordnet` when it holds `index.noun`, else none.
pub fn default_wordnet_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("WNSEARCHDIR") {
        return Some(PathBuf::from(d));
    }
    let d = Path::new("/usr/share/wordnet");
    d.join("index.noun").exists().then(|| d.to_path_buf())
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 9,
            seed: 1,
            min_weight: 0.75,
            word_dropout: 0.0,
            folds: 0,
            ensemble: 1,
            ensemble_member_min_weight: 0.0,
            quiet: false,
            wordnet: default_wordnet_dir(),
            clusters: default_clusters_dir(),
            clusters_rare_only: true,
        }
    }
}

/// Train the part-of-speech tagger, printing per-iteration accuracy on `dev`.
pub fn train_tagger(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<TaggerModel, TextError> {
    crate::tagger::train(train, dev, opts)
}

/// Train the lemmatizer (dictionary plus suffix rules), printing its accuracy on `dev`
/// with gold tags.
pub fn train_lemmatizer(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<LemmatizerModel, TextError> {
    crate::lemmatizer::train(train, dev, opts)
}

/// The Brown clusters of `dir` (see [`TrainOptions::clusters`]): (word as written,
/// cluster id, log probability) for every word that has a cluster (id > 0), most
/// probable first (ties by word, so the order is deterministic).
pub(crate) fn read_clusters(dir: &Path) -> Result<Vec<(String, u32, f64)>, TextError> {
    let read = |name: &str| -> Result<std::collections::HashMap<String, f64>, TextError> {
        let p = dir.join(name);
        let text = std::fs::read_to_string(&p).map_err(|e| TextError::Io {
            path: p.clone(),
            source: e,
        })?;
        serde_json::from_str(&text).map_err(|e| {
            TextError::Train(format!(
                "{}: {e} (expected a JSON object word -> number; gunzip the file from spacy-lookups-data)",
                p.display()
            ))
        })
    };
    let clusters = read("en_lexeme_cluster.json")?;
    let probs = read("en_lexeme_prob.json")?;
    let mut out: Vec<(String, u32, f64)> = clusters
        .into_iter()
        .filter(|(_, c)| *c >= 1.0 && *c < u32::MAX as f64)
        .map(|(w, c)| {
            let p = probs.get(&w).copied().unwrap_or(-30.0);
            (w, c as u32, p)
        })
        .collect();
    out.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// Bits of a WordNet entry (see [`read_wordnet`]).
pub(crate) mod wn {
    /// A common-noun lemma.
    pub const N: u32 = 1;
    /// A noun lemma written with a capital in WordNet (a proper name).
    pub const NP: u32 = 1 << 1;
    pub const V: u32 = 1 << 2;
    pub const A: u32 = 1 << 3;
    pub const R: u32 = 1 << 4;
    /// Shift of the 3-bit "most sense-tagged part of speech" (1 N, 2 V, 3 A, 4 R).
    pub const DOM_SHIFT: u32 = 5;
    /// Irregular inflected forms from the exception lists.
    pub const XN: u32 = 1 << 8;
    pub const XV: u32 = 1 << 9;
    pub const XA: u32 = 1 << 10;
    /// Mask of the bits stored per word.
    pub const STORED: u32 = (1 << 11) - 1;
}

/// The exception lists of a WordNet 3.0 directory (`noun.exc`, `verb.exc`, `adj.exc`,
/// `adv.exc`): (part of speech 0 noun / 1 verb / 2 adjective / 3 adverb, lower-cased
/// irregular form, its first base form), single words only: `fled` → `flee`, `mice`
/// → `mouse`, `worse` → `bad`.
pub(crate) fn read_wordnet_exceptions(
    dir: &Path,
) -> Result<Vec<(usize, String, String)>, TextError> {
    let mut out = Vec::new();
    for (k, pos) in ["noun", "verb", "adj", "adv"].into_iter().enumerate() {
        let p = dir.join(format!("{pos}.exc"));
        let text = std::fs::read_to_string(&p).map_err(|e| TextError::Io { path: p, source: e })?;
        for line in text.lines() {
            let mut it = line.split(' ');
            let (Some(form), Some(base)) = (it.next(), it.next()) else {
                continue;
            };
            if form.is_empty() || base.is_empty() || form.contains('_') || base.contains('_') {
                continue;
            }
            out.push((k, form.to_lowercase(), base.to_lowercase()));
        }
    }
    Ok(out)
}

/// Read a WordNet 3.0 database directory into lower-cased single-word lemma → bits
/// ([`wn`]): the parts of speech of the word (nouns split into common and capitalised),
/// the part of speech with the most sense-tagged occurrences (`tagsense_cnt` of the
/// index files), and for the irregular forms of the exception lists (`went`, `mice`,
/// `worse`) the part of speech they inflect. Multi-word lemmas are skipped.
pub(crate) fn read_wordnet(dir: &Path) -> Result<BTreeMap<String, u32>, TextError> {
    let read = |name: &str| -> Result<String, TextError> {
        let p = dir.join(name);
        std::fs::read_to_string(&p).map_err(|e| TextError::Io { path: p, source: e })
    };
    let mut m: BTreeMap<String, u32> = BTreeMap::new();
    let mut tagged: BTreeMap<String, [u32; 4]> = BTreeMap::new();
    for (k, (pos, bit)) in [
        ("noun", wn::N),
        ("verb", wn::V),
        ("adj", wn::A),
        ("adv", wn::R),
    ]
    .into_iter()
    .enumerate()
    {
        for line in read(&format!("data.{pos}"))?.lines() {
            if line.starts_with(' ') {
                continue; // licence header
            }
            let f: Vec<&str> = line.split(' ').collect();
            let Some(n) = f.get(3).and_then(|x| usize::from_str_radix(x, 16).ok()) else {
                continue;
            };
            for j in 0..n {
                let Some(w) = f.get(4 + 2 * j) else { break };
                let w = w.split('(').next().unwrap_or(w);
                if w.is_empty() || w.contains('_') {
                    continue;
                }
                let b = if k == 0 && w.chars().any(char::is_uppercase) {
                    wn::NP
                } else {
                    bit
                };
                *m.entry(w.to_lowercase()).or_default() |= b;
            }
        }
        for line in read(&format!("index.{pos}"))?.lines() {
            if line.starts_with(' ') {
                continue;
            }
            let f: Vec<&str> = line.split(' ').collect();
            let (Some(w), Some(p)) = (f.first(), f.get(3).and_then(|x| x.parse::<usize>().ok()))
            else {
                continue;
            };
            if w.contains('_') {
                continue;
            }
            if let Some(t) = f.get(5 + p).and_then(|x| x.parse::<u32>().ok()) {
                tagged.entry(w.to_string()).or_default()[k] += t;
            }
        }
        for line in read(&format!("{pos}.exc"))?.lines() {
            let Some(w) = line.split(' ').next() else {
                continue;
            };
            if w.is_empty() || w.contains('_') {
                continue;
            }
            let x = match k {
                0 => wn::XN,
                1 => wn::XV,
                2 => wn::XA,
                _ => continue,
            };
            *m.entry(w.to_lowercase()).or_default() |= x;
        }
    }
    for (w, t) in &tagged {
        let best = (0..4).max_by_key(|&i| (t[i], std::cmp::Reverse(i)));
        if let Some(i) = best.filter(|&i| t[i] > 0) {
            if let Some(v) = m.get_mut(w) {
                *v |= (i as u32 + 1) << wn::DOM_SHIFT;
            }
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WordNet-format directory written by us: two noun synsets (one a capitalised
    /// name), a verb, an adjective satellite with a syntactic marker, exceptions.
    fn tiny_wordnet(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        let files = [
            ("data.noun", "  1 licence header line\n00000001 15 n 02 envoy 0 diplomatic_agent 0 000 | a diplomat\n00000002 15 n 01 Kabul 0 000 | a capital\n00000003 04 n 01 sign 0 000 | a mark\n"),
            ("data.verb", "00000004 41 v 01 sign 0 000 | write one's name\n"),
            ("data.adj", "00000005 00 s 01 foreign(a) 0 000 | of another country\n"),
            ("data.adv", ""),
            ("index.noun", "  1 licence header line\nenvoy n 1 1 @ 1 0 00000001\nkabul n 1 1 @ 1 0 00000002\nsign n 1 1 @ 1 2 00000003\n"),
            ("index.verb", "sign v 1 1 @ 1 7 00000004\n"),
            ("index.adj", "foreign a 1 0 1 0 00000005\n"),
            ("index.adv", ""),
            ("noun.exc", "envoys_extraordinary envoy_extraordinary\nmice mouse\n"),
            ("verb.exc", "met meet\n"),
            ("adj.exc", "worse bad\n"),
            ("adv.exc", "better well\n"),
        ];
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }

    #[test]
    fn reads_wordnet_files() {
        let dir = std::env::temp_dir().join(format!("attache-wn-{}", std::process::id()));
        tiny_wordnet(&dir);
        let m = read_wordnet(&dir).unwrap();
        assert_eq!(m.get("envoy"), Some(&wn::N));
        assert_eq!(m.get("kabul"), Some(&wn::NP));
        // Noun and verb; the verb has more sense-tagged occurrences (7 against 2).
        assert_eq!(m.get("sign"), Some(&(wn::N | wn::V | 2 << wn::DOM_SHIFT)));
        assert_eq!(m.get("foreign"), Some(&wn::A));
        assert_eq!(m.get("mice"), Some(&wn::XN));
        assert_eq!(m.get("met"), Some(&wn::XV));
        assert_eq!(m.get("worse"), Some(&wn::XA));
        // Multi-word lemmas are skipped.
        assert!(m.keys().all(|w| !w.contains('_')));
        let exc = read_wordnet_exceptions(&dir).unwrap();
        assert!(exc.contains(&(1, "met".into(), "meet".into())));
        assert!(exc.contains(&(0, "mice".into(), "mouse".into())));
        assert!(exc.contains(&(2, "worse".into(), "bad".into())));
        assert!(exc
            .iter()
            .all(|(_, f, b)| !f.contains('_') && !b.contains('_')));
        // A missing directory is an error naming the file, not a panic.
        let e = read_wordnet(&dir.join("missing")).unwrap_err().to_string();
        assert!(e.contains("data.noun"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
