//! Lemmatizer learned from the treebank lemmas.
//!
//! Why this design: English inflection is mostly regular and the irregular forms are
//! frequent, so a dictionary of (form, tag) → lemma taken from the treebank covers
//! almost every token, and learned suffix rules per tag handle unseen words
//! (*sanctions* NNS → strip `s`; *brokered* VBD → strip `ed`). A lemma is stored as an
//! edit rule (lower-case or keep the case, strip n characters, append a string), so the
//! dictionary holds small integers and the rules generalise across words.
//!
//! Suffix rules cannot produce irregular lemmas of words the treebank lacks (*fled*,
//! *fought*, *shrunk*), which matter to the event coder, so when training is given
//! WordNet the model also keeps WordNet's exception lists (irregular form → base) and
//! consults them for unseen inflected words before the suffix rules.

use std::collections::BTreeMap;
use std::path::Path;

use crate::conllu::ConlluSentence;
use crate::doc::Upos;
use crate::features::{combine, hash_bytes, suffix_start, KeyMap};
use crate::model_io::{ModelReader, ModelWriter, TextError};
use crate::train::TrainOptions;

const MAGIC: &[u8; 4] = b"ATTL";
const VERSION: u32 = 3;

/// Verbs whose final consonant doubles before -ed/-ing and that a news text is likely
/// to use but the treebank may lack (a word list, used only to undouble the output of
/// a suffix rule: *expelled* → *expell* → *expel*).
const EXTRA_LEMMAS: &[&str] = &[
    "expel", "compel", "repel", "propel", "dispel", "impel", "patrol", "control", "annul", "rebel",
    "excel", "cancel", "travel", "label", "level", "model", "signal", "fuel", "channel", "counsel",
    "quarrel", "unravel", "equal", "total", "marshal", "shovel", "pummel", "tunnel", "funnel",
    "barrel", "panel", "parcel", "rival", "dial", "trial", "enrol", "instil", "fulfil", "distil",
    "extol", "outgun", "regret", "commit", "admit", "submit", "omit", "permit", "transmit",
    "remit", "acquit", "refer", "confer", "defer", "deter", "infer", "prefer", "transfer", "occur",
    "recur", "incur", "concur", "spur", "blur", "stir", "bar", "ban", "plan", "scan", "span",
    "man", "stop", "drop", "shop", "swap", "ship", "equip", "grip", "strip", "slip", "tip", "rob",
    "grab", "stab", "nab", "jab", "sob", "beg", "lag", "tag", "drag", "plug", "hug", "shrug",
    "bug", "rig", "dig", "jog", "log", "flog", "clog", "pat", "bat", "chat", "spat", "knit",
    "quit", "split", "spot", "plot", "trot", "rot", "jot", "net", "bet", "fret", "vet", "pet",
    "wed", "shed", "sled", "plod", "prod", "nod", "rid", "bid", "skid", "slam", "jam", "cram",
    "ram", "dam", "stem", "hem", "trim", "skim", "brim", "swim", "hum", "drum", "sum", "chum",
    "scrum", "pin", "sin", "win", "spin", "grin", "thin", "stun", "shun", "gun", "pun", "run",
    "sun",
];

/// Longest suffix (in characters) the unseen-word rules look at.
const MAX_SUFFIX: usize = 6;

/// An edit from a form to its lemma.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Rule {
    lower: bool,
    strip: u8,
    append: String,
}

impl Rule {
    fn learn(form: &str, lemma: &str) -> Rule {
        let lower = lemma.chars().all(|c| !c.is_uppercase());
        let base: String = if lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let mut lcp = 0;
        for (a, b) in base.chars().zip(lemma.chars()) {
            if a != b {
                break;
            }
            lcp += 1;
        }
        let n = base.chars().count();
        let strip = (n - lcp).min(255) as u8;
        let append: String = lemma.chars().skip(lcp).collect();
        Rule {
            lower,
            strip,
            append,
        }
    }

    /// Apply to `form`, writing into `out`. False when the form is too short.
    fn apply(&self, form: &str, out: &mut String) -> bool {
        out.clear();
        if self.lower {
            for c in form.chars() {
                out.extend(c.to_lowercase());
            }
        } else {
            out.push_str(form);
        }
        let n = out.chars().count();
        if (self.strip as usize) > n || (self.strip as usize == n && self.append.is_empty()) {
            return false;
        }
        if self.strip > 0 {
            let cut = suffix_start(out, self.strip as usize);
            out.truncate(cut);
        }
        out.push_str(&self.append);
        true
    }
}

fn tag_key(upos: Upos, xpos: &str) -> u64 {
    combine(
        hash_bytes(40, upos.as_str().as_bytes()),
        hash_bytes(41, xpos.as_bytes()),
    )
}

/// The trained lemmatizer.
#[derive(Debug, Clone)]
pub struct LemmatizerModel {
    rules: Vec<Rule>,
    /// (exact form, tag) → rule.
    exact: KeyMap,
    /// (lower-cased form, tag) → rule.
    lower: KeyMap,
    /// (tag, lower-cased suffix) → rule, for unseen words.
    suffix: KeyMap,
    /// Lower-cased lemmas seen in training (plus [`EXTRA_LEMMAS`]): hash → 1.
    lemmas: KeyMap,
    /// (part of speech, lower-cased irregular form) → index in `exc_lemmas` (WordNet
    /// exception lists; empty when trained without WordNet).
    exc: KeyMap,
    exc_lemmas: Vec<String>,
}

/// The WordNet exception list that applies to an inflected tag: 0 noun plural, 1 verb
/// past / participle / 3rd person / gerund, 2 adjective and 3 adverb comparative or
/// superlative; `None` for base forms (*found* VB is not *find*).
fn exc_class(upos: Upos, xpos: &str) -> Option<u64> {
    match (upos, xpos) {
        (Upos::NOUN, "NNS") => Some(0),
        (Upos::VERB | Upos::AUX, "VBD" | "VBN" | "VBZ" | "VBG") => Some(1),
        (Upos::ADJ, "JJR" | "JJS") => Some(2),
        (Upos::ADV, "RBR" | "RBS") => Some(3),
        _ => None,
    }
}

fn exc_key(class: u64, lower_form: &str) -> u64 {
    combine(
        class.wrapping_add(0x6578_6300),
        hash_bytes(60, lower_form.as_bytes()),
    )
}

fn lemma_key(l: &str) -> u64 {
    hash_bytes(60, l.as_bytes())
}

/// The last two chars are the same consonant (not one that English doubles in base
/// forms: *call*, *pass*, *staff*, *buzz*, *add*, *err*, *egg*).
fn doubled_final(s: &str) -> bool {
    let mut it = s.chars().rev();
    match (it.next(), it.next()) {
        (Some(a), Some(b)) => a == b && a.is_ascii_alphabetic() && !"aeiouy".contains(a),
        _ => false,
    }
}

fn key_form(seed: u64, form: &str, tag: u64) -> u64 {
    combine(tag, hash_bytes(seed, form.as_bytes()))
}

impl LemmatizerModel {
    /// The lemma of `form` with tags `upos`/`xpos`, written into `out`; `scratch` is a
    /// reusable buffer.
    pub fn lemmatize_into(
        &self,
        form: &str,
        upos: Upos,
        xpos: &str,
        scratch: &mut String,
        out: &mut String,
    ) {
        let tag = tag_key(upos, xpos);
        if let Some(r) = self.exact.get(key_form(50, form, tag)) {
            if self.rules[r as usize].apply(form, out) {
                return;
            }
        }
        scratch.clear();
        for c in form.chars() {
            scratch.extend(c.to_lowercase());
        }
        if let Some(r) = self.lower.get(key_form(51, scratch, tag)) {
            if self.rules[r as usize].apply(form, out) {
                return;
            }
        }
        if let Some(c) = exc_class(upos, xpos) {
            if let Some(i) = self.exc.get(exc_key(c, scratch)) {
                if let Some(l) = self.exc_lemmas.get(i as usize) {
                    out.clear();
                    out.push_str(l);
                    return;
                }
            }
        }
        let n = scratch.chars().count();
        for k in (0..=MAX_SUFFIX.min(n)).rev() {
            let suf = if k == 0 {
                ""
            } else {
                &scratch[suffix_start(scratch, k)..]
            };
            if let Some(r) = self.suffix.get(key_form(52 + k as u64, suf, tag)) {
                if self.rules[r as usize].apply(form, out) {
                    self.undouble(out);
                    return;
                }
            }
        }
        // Fallback: the form, lower-cased unless a proper noun.
        out.clear();
        if matches!(upos, Upos::PROPN) {
            out.push_str(form);
        } else {
            out.push_str(scratch);
        }
    }

    /// Repair the output of a suffix rule that is not a known lemma when a close
    /// variant is: *expell* → *expel*, *shel* → *shell*, *hop* → *hope*.
    fn undouble(&self, out: &mut String) {
        if out.len() < 3 || self.lemmas.get(lemma_key(out)).is_some() {
            return;
        }
        if doubled_final(out) {
            let cut = suffix_start(out, 1);
            if self.lemmas.get(lemma_key(&out[..cut])).is_some() {
                out.truncate(cut);
                return;
            }
        }
        let Some(last) = out.chars().next_back() else {
            return;
        };
        if last.is_ascii_alphabetic() && !"aeiouy".contains(last) {
            out.push(last);
            if self.lemmas.get(lemma_key(out)).is_some() {
                return;
            }
            out.pop();
            out.push('e');
            if self.lemmas.get(lemma_key(out)).is_some() {
                return;
            }
            out.pop();
        }
    }

    /// Convenience: the lemma as a new string.
    pub fn lemmatize(&self, form: &str, upos: Upos, xpos: &str) -> String {
        let (mut s, mut o) = (String::new(), String::new());
        self.lemmatize_into(form, upos, xpos, &mut s, &mut o);
        o
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ModelWriter::new(MAGIC, VERSION);
        w.u32(self.rules.len() as u32);
        for r in &self.rules {
            w.u8(r.lower as u8);
            w.u8(r.strip);
            w.str(&r.append);
        }
        self.exact.write(&mut w);
        self.lower.write(&mut w);
        self.suffix.write(&mut w);
        self.lemmas.write(&mut w);
        w.u32(self.exc_lemmas.len() as u32);
        for l in &self.exc_lemmas {
            w.str(l);
        }
        self.exc.write(&mut w);
        w.into_bytes()
    }

    pub fn from_bytes(b: &[u8]) -> Result<LemmatizerModel, TextError> {
        let mut r = ModelReader::new(b, "lemmatizer", MAGIC, VERSION)?;
        let n = r.count(10_000_000)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            rules.push(Rule {
                lower,
                strip,
                append: r.str()?,
            });
        }
        let exact = KeyMap::read(&mut r)?;
        let lower = KeyMap::read(&mut r)?;
        let suffix = KeyMap::read(&mut r)?;
        let lemmas = KeyMap::read(&mut r)?;
        let ne = r.count(10_000_000)?;
        let mut exc_lemmas = Vec::with_capacity(ne);
        for _ in 0..ne {
            exc_lemmas.push(r.str()?);
        }
        let exc = KeyMap::read(&mut r)?;
        if exc.items().iter().any(|&(_, v)| v as usize >= ne) {
            return Err(r.err("exception lemma id out of range"));
        }
        r.finish()?;
        for m in [&exact, &lower, &suffix] {
            if m.items().iter().any(|&(_, v)| v as usize >= n) {
                return Err(TextError::BadModel {
                    name: "lemmatizer".into(),
                    message: "rule id out of range".into(),
                });
            }
        }
        Ok(LemmatizerModel {
            rules,
            exact,
            lower,
            suffix,
            lemmas,
            exc,
            exc_lemmas,
        })
    }

    pub fn save(&self, path: &Path) -> Result<(), TextError> {
        std::fs::write(path, self.to_bytes()).map_err(|e| TextError::Write {
            path: path.to_path_buf(),
            source: e,
        })
    }

    pub fn load(path: &Path) -> Result<LemmatizerModel, TextError> {
        let b = std::fs::read(path).map_err(|e| TextError::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        LemmatizerModel::from_bytes(&b)
    }
}

/// Lemma accuracy (percent) with the gold tags of `sents`.
pub fn evaluate(model: &LemmatizerModel, sents: &[ConlluSentence]) -> f64 {
    let (mut n, mut ok) = (0usize, 0usize);
    let (mut s, mut o) = (String::new(), String::new());
    for sent in sents {
        for w in &sent.words {
            let upos = Upos::parse(&w.upos).unwrap_or(Upos::X);
            model.lemmatize_into(&w.form, upos, &w.xpos, &mut s, &mut o);
            n += 1;
            ok += (o == w.lemma) as usize;
        }
    }
    if n == 0 {
        0.0
    } else {
        100.0 * ok as f64 / n as f64
    }
}

fn best<K: Clone + Ord>(m: &BTreeMap<K, usize>) -> Option<(K, usize)> {
    let mut b: Option<(&K, usize)> = None;
    for (k, &v) in m {
        if b.is_none_or(|(_, bv)| v > bv) {
            b = Some((k, v));
        }
    }
    b.map(|(k, v)| (k.clone(), v))
}

/// Train the lemmatizer (see [`crate::train::train_lemmatizer`]).
pub(crate) fn train(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    opts: &TrainOptions,
) -> Result<LemmatizerModel, TextError> {
    // Counts of rules per exact (form, tag) and per lower-cased (form, tag).
    let mut exact: BTreeMap<(String, String, String), BTreeMap<Rule, usize>> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            if w.lemma.is_empty() || w.lemma == "_" && w.form != "_" {
                continue;
            }
            let r = Rule::learn(&w.form, &w.lemma);
            *exact
                .entry((w.upos.clone(), w.xpos.clone(), w.form.clone()))
                .or_default()
                .entry(r)
                .or_default() += 1;
        }
    }
    if exact.is_empty() {
        return Err(TextError::Train("the training set has no lemmas".into()));
    }
    let mut lower: BTreeMap<(String, String, String), BTreeMap<Rule, usize>> = BTreeMap::new();
    for ((u, x, f), m) in &exact {
        let e = lower
            .entry((u.clone(), x.clone(), f.to_lowercase()))
            .or_default();
        for (r, n) in m {
            *e.entry(r.clone()).or_default() += n;
        }
    }
    // Suffix rules from word types (each (lower form, tag) counts once, with its best
    // rule), which resembles the distribution of unseen words better than tokens.
    let mut suffix: BTreeMap<(String, String, usize, String), BTreeMap<Rule, usize>> =
        BTreeMap::new();
    for ((u, x, f), m) in &lower {
        let Some((r, _)) = best(m) else { continue };
        let n = f.chars().count();
        for k in 0..=MAX_SUFFIX.min(n) {
            let suf = if k == 0 { "" } else { &f[suffix_start(f, k)..] };
            *suffix
                .entry((u.clone(), x.clone(), k, suf.to_string()))
                .or_default()
                .entry(r.clone())
                .or_default() += 1;
        }
    }

    let mut rule_set: BTreeMap<Rule, u32> = BTreeMap::new();
    let mut chosen = Vec::new();
    let tk = |u: &str, x: &str| tag_key(Upos::parse(u).unwrap_or(Upos::X), x);
    // Lower-cased entries.
    let mut lower_items = Vec::new();
    let mut lower_best: BTreeMap<(String, String, String), Rule> = BTreeMap::new();
    for ((u, x, f), m) in &lower {
        if let Some((r, _)) = best(m) {
            lower_best.insert((u.clone(), x.clone(), f.clone()), r.clone());
            chosen.push(r.clone());
            lower_items.push((key_form(51, f, tk(u, x)), r));
        }
    }
    // Exact entries only where they differ from the lower-cased one.
    let mut exact_items = Vec::new();
    for ((u, x, f), m) in &exact {
        if let Some((r, _)) = best(m) {
            let lb = lower_best.get(&(u.clone(), x.clone(), f.to_lowercase()));
            let mut o1 = String::new();
            let mut o2 = String::new();
            let same = lb.is_some_and(|l| l.apply(f, &mut o1) && r.apply(f, &mut o2) && o1 == o2);
            if !same {
                chosen.push(r.clone());
                exact_items.push((key_form(50, f, tk(u, x)), r));
            }
        }
    }
    let mut suffix_items = Vec::new();
    for ((u, x, k, suf), m) in &suffix {
        if let Some((r, n)) = best(m) {
            let total: usize = m.values().sum();
            // Keep a suffix rule only when it has support and is not contradicted.
            if *k == 0 || (n >= 2 && n * 2 > total) {
                chosen.push(r.clone());
                suffix_items.push((key_form(52 + *k as u64, suf, tk(u, x)), r));
            }
        }
    }
    for r in chosen {
        rule_set.entry(r).or_insert(0);
    }
    for (i, v) in rule_set.values_mut().enumerate() {
        *v = i as u32;
    }
    let ids = |items: Vec<(u64, Rule)>| -> KeyMap {
        let v: Vec<(u64, u32)> = items.into_iter().map(|(k, r)| (k, rule_set[&r])).collect();
        KeyMap::build(&v)
    };
    let mut lemma_set: std::collections::BTreeSet<String> =
        EXTRA_LEMMAS.iter().map(|s| s.to_string()).collect();
    for s in train {
        for w in &s.words {
            if w.upos == "VERB" || w.upos == "NOUN" || w.upos == "ADJ" {
                lemma_set.insert(w.lemma.to_lowercase());
            }
        }
    }
    let lemma_items: Vec<(u64, u32)> = lemma_set.iter().map(|l| (lemma_key(l), 1)).collect();
    // WordNet exceptions (consulted after the treebank's (form, tag) entries, so the
    // treebank's own lemma wins; kept even for forms the treebank has with another tag:
    // *fought* VBN is there, *fought* VBD may not be).
    let mut exc_lemmas: Vec<String> = Vec::new();
    let mut exc_items: Vec<(u64, u32)> = Vec::new();
    if let Some(dir) = &opts.wordnet {
        let mut ids: BTreeMap<String, u32> = BTreeMap::new();
        for (k, form, base) in crate::train::read_wordnet_exceptions(dir)? {
            let c = k as u64;
            let n = ids.len() as u32;
            let id = *ids.entry(base.clone()).or_insert(n);
            if id == n {
                exc_lemmas.push(base);
            }
            exc_items.push((exc_key(c, &form), id));
        }
    }
    let model = LemmatizerModel {
        exc: KeyMap::build(&exc_items),
        exc_lemmas,
        lemmas: KeyMap::build(&lemma_items),
        exact: ids(exact_items),
        lower: ids(lower_items),
        suffix: ids(suffix_items),
        rules: rule_set.keys().cloned().collect(),
    };
    if !opts.quiet {
        eprintln!(
            "lemmatizer: {} rules, {} exact + {} lower-case entries, {} suffix rules, {} WordNet exceptions; dev lemma accuracy (gold tags) {:.2}",
            model.rules.len(),
            model.exact.len(),
            model.lower.len(),
            model.suffix.len(),
            model.exc.len(),
            if dev.is_empty() { 0.0 } else { evaluate(&model, dev) }
        );
    }
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let r = Rule::learn("Talks", "talk");
        assert_eq!(
            r,
            Rule {
                lower: true,
                strip: 1,
                append: String::new()
            }
        );
        let mut o = String::new();
        assert!(r.apply("Sanctions", &mut o));
        assert_eq!(o, "sanction");
        let r = Rule::learn("went", "go");
        assert!(r.apply("went", &mut o));
        assert_eq!(o, "go");
        let r = Rule::learn("Kabul", "Kabul");
        assert!(r.apply("Islamabad", &mut o));
        assert_eq!(o, "Islamabad");
    }
}
