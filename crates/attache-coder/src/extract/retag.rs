//! A second verb of a clause that the tagger read as an adjective on its object:
//! "The United States condemned the attack and **offered** condolences", "Pakistan
//! said it remained committed to the ceasefire and **blamed** Indian troops for the
//! violations", "gunmen killed 12 villagers and **looted** homes" (session 10).
//!
//! Why here and not in the tagger: after "and" between two nouns, a past form before a
//! noun is most often a participle used as an adjective ("government forces and
//! allied fighters", "drugs and undocumented migrants"), and the tagger (a linear
//! model over a small window) learnt exactly that; the sentence-level evidence that
//! tells the verb reading apart — a finite past verb earlier in the same clause whose
//! object the first noun is, and a dictionary verb for the word — is the coder's. The
//! event is lost otherwise: "offered" hangs as `amod` on "condolences" with no subject
//! and the dictionary is never asked.
//!
//! What it does: on a copy of the sentence (the original is untouched; most sentences
//! need no copy), the word becomes a finite past verb (`VERB`/`VBD`, its dictionary
//! lemma) coordinated with that finite verb, the noun its object and "and" its
//! coordinator. Participles that news uses as adjectives after "and" are never
//! re-read, nor is a noun coordinated with a subject ("forces and allied fighters
//! killed …").
//!
//! The same copy mends a second misreading (session 11, `subject_participle`): a
//! clause's past verb read as an adjective on its own object although its subject hangs
//! on it ("Pakistani police arrested dozens of opposition leaders …, party officials
//! said").

use crate::patterns::Patterns;
use attache_text::{Sentence, Upos};

/// Past forms news uses as adjectives of a following noun ("and armed groups").
const ADJECTIVAL: &[&str] = &[
    "allied",
    "armed",
    "organized",
    "organised",
    "undocumented",
    "affected",
    "detained",
    "displaced",
    "disputed",
    "occupied",
    "contested",
    "elected",
    "exiled",
    "banned",
    "suspected",
    "alleged",
    "accused",
    "unnamed",
    "masked",
    "related",
    "united",
    "advanced",
    "required",
    "proposed",
    "planned",
    "expected",
    "continued",
    "renewed",
    "increased",
    "reduced",
    "limited",
    "detailed",
    "sustained",
    "coordinated",
    "sophisticated",
    "retired",
    "experienced",
    "trained",
    "skilled",
    "guided",
    "unguided",
    "targeted",
    "unmanned",
    "manned",
    "fixed",
    "mixed",
    "based",
    "backed",
    "funded",
];

/// The dictionary verb of a past form in "-ed" ("blamed" → "blame", "looted" → "loot",
/// "planned" → "plan", "identified" → "identify"), if the dictionary has one.
fn dictionary_verb(form: &str, patterns: &Patterns) -> Option<String> {
    let w = form.to_ascii_lowercase();
    let stem = w.strip_suffix("ed")?;
    let mut cands = vec![format!("{stem}e"), stem.to_string()];
    if let Some(s) = stem.strip_suffix('i') {
        cands.push(format!("{s}y"));
    }
    let b = stem.as_bytes();
    if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        cands.push(stem[..stem.len() - 1].to_string());
    }
    cands
        .into_iter()
        .find(|c| patterns.verb(c).iter().any(|p| !p.code.is_empty()))
}

/// The finite past verb of the clause a nominal `c` belongs to: up through nominal
/// relations and non-finite verbs ("remained committed to the ceasefire" → "remained").
fn finite_past_verb(s: &Sentence, c: usize) -> Option<usize> {
    let mut x = c;
    for _ in 0..6 {
        let h = s.head(x)?;
        let rel = s.deprel(x).split(':').next().unwrap_or("");
        let nominal = matches!(s.upos(x), Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM);
        if nominal && !matches!(rel, "obj" | "obl" | "nmod" | "conj" | "iobj") {
            return None;
        }
        if s.upos(h) == Upos::VERB {
            let f = s.feats_str(h);
            if f.contains("VerbForm=Fin") {
                return f.contains("Tense=Past").then_some(h);
            }
            if !matches!(s.deprel(h), "xcomp" | "conj") {
                return None;
            }
        }
        x = h;
    }
    None
}

/// Whether every word between `v` and its noun `h` is a modifier of the noun
/// (adjective, number, determiner, compound).
fn only_modifiers_between(s: &Sentence, v: usize, h: usize) -> bool {
    (v + 1..h).all(|k| {
        s.head(k) == Some(h) && matches!(s.deprel(k), "amod" | "nummod" | "det" | "compound")
    })
}

/// Re-reads word `v` of the copy as a finite past verb with dictionary `lemma`,
/// hung on `head` (1-based, as stored) with relation `deprel`.
fn finite_past(copy: &mut Sentence, v: usize, lemma: String, head: u32, deprel: String) {
    let t = &mut copy.tokens[v];
    t.upos = Upos::VERB;
    t.xpos = "VBD".into();
    t.feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
    t.lemma = lemma;
    t.head = head;
    t.deprel = deprel;
}

/// The sentence with its misread coordinated verbs repaired, or `None` when it has
/// none (module doc).
pub fn repair(text: &str, s: &Sentence, patterns: &Patterns) -> Option<Sentence> {
    let mut out: Option<Sentence> = None;
    for v in 1..s.len() {
        if !matches!(s.upos(v), Upos::ADJ | Upos::VERB) || s.deprel(v) != "amod" {
            continue;
        }
        let form = s.form(text, v);
        if !form.starts_with(|c: char| c.is_ascii_lowercase())
            || !s.form(text, v - 1).eq_ignore_ascii_case("and")
            || ADJECTIVAL.contains(&form.to_ascii_lowercase().as_str())
        {
            continue;
        }
        let Some(h) = s.head(v) else { continue };
        if h <= v || s.deprel(h) != "conj" || !matches!(s.upos(h), Upos::NOUN | Upos::PROPN) {
            continue;
        }
        // Only adjectives and numbers between the word and its noun ("blamed Indian
        // troops", "injured 60 others").
        if !only_modifiers_between(s, v, h) {
            continue;
        }
        let Some(first) = s.head(h) else { continue };
        let Some(g) = finite_past_verb(s, first) else {
            continue;
        };
        let Some(lemma) = dictionary_verb(form, patterns) else {
            continue;
        };
        let copy = out.get_or_insert_with(|| s.clone());
        finite_past(copy, v, lemma, g as u32 + 1, "conj".into());
        let n = &mut copy.tokens[h];
        n.head = v as u32 + 1;
        n.deprel = "obj".into();
        let and = &mut copy.tokens[v - 1];
        and.head = v as u32 + 1;
        and.deprel = "cc".into();
    }
    subject_participle(text, s, patterns, &mut out);
    trailing_attribution(s, &mut out);
    hyphen_participle_root(text, s, &mut out);
    out
}

/// The fourth shape (session 12): a hyphenated participle opening the subject —
/// "Al-Qaida-linked militants stormed a military camp" — parsed as the sentence's
/// main verb ("linked" the root, "stormed" a clause under it, "Al-Qaida" its passive
/// subject). The participle is an adjective on the noun after it, and the clause
/// under it is the sentence.
fn hyphen_participle_root(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let Some(v) = (0..n).find(|&k| s.head(k).is_none()) else {
        return;
    };
    if v < 2 || v + 1 >= n || s.form(text, v - 1) != "-" || s.xpos(v) != "VBN" {
        return;
    }
    // The noun the participle modifies: the first noun after it, only modifiers
    // between.
    let Some(noun) = (v + 1..n).find(|&k| matches!(s.upos(k), Upos::NOUN | Upos::PROPN)) else {
        return;
    };
    if (v + 1..noun).any(|k| !matches!(s.upos(k), Upos::ADJ | Upos::NUM | Upos::PROPN)) {
        return;
    }
    // The clause under it whose subject that noun is.
    let Some(clause) = (0..n).find(|&k| {
        s.head(k) == Some(v)
            && matches!(s.deprel(k), "ccomp" | "parataxis" | "conj" | "xcomp")
            && s.upos(k) == Upos::VERB
            && s.head(noun) == Some(k)
    }) else {
        return;
    };
    let copy = out.get_or_insert_with(|| s.clone());
    make_root(copy, clause);
    rehang(copy, v, noun, "amod");
    for k in 0..n {
        if k == clause || k == v {
            continue;
        }
        if s.head(k) == Some(v) {
            let rel = s.deprel(k).split(':').next().unwrap_or("");
            if matches!(rel, "nsubj" | "obj" | "iobj") {
                // "Al-Qaida" in "Al-Qaida-linked": what the participle links to.
                copy.tokens[k].deprel = "obl".into();
            } else if rel == "punct" && k > v {
                copy.tokens[k].head = clause as u32 + 1;
            }
        }
    }
}

/// Makes word `v` of the copy its root.
fn make_root(copy: &mut Sentence, v: usize) {
    copy.tokens[v].head = 0;
    copy.tokens[v].deprel = "root".into();
}

/// Hangs word `v` of the copy on word `head` (0-based) with relation `deprel`.
fn rehang(copy: &mut Sentence, v: usize, head: usize, deprel: &str) {
    copy.tokens[v].head = head as u32 + 1;
    copy.tokens[v].deprel = deprel.into();
}

/// Verbs of a trailing attribution ("…, South Korea's military said").
const ATTRIBUTING: &[&str] = &[
    "say", "tell", "add", "report", "announce", "confirm", "claim", "state", "write", "allege",
    "insist", "note",
];

/// The third shape (session 12): a trailing attribution read as a second clause —
/// "North Korea fired a ballistic missile on Thursday, South Korea's military said",
/// with "said" a `conj` of "fired". Coordination made the speaker a party of the act
/// (its target). A reporting verb after a comma, with a subject of its own, no
/// coordinator and nothing after it but punctuation, governs the clause before it: it
/// becomes the root and the first verb its content clause (`ccomp`).
fn trailing_attribution(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let Some(r) = (0..n).find(|&k| s.head(k).is_none()) else {
        return;
    };
    let dominated_by = |k: usize, c: usize| {
        let mut x = k;
        for _ in 0..n {
            if x == c {
                return true;
            }
            match s.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    };
    for c in r + 1..n {
        if s.head(c) != Some(r)
            || s.deprel(c) != "conj"
            || s.upos(c) != Upos::VERB
            || !ATTRIBUTING.contains(&s.lemma(c).to_ascii_lowercase().as_str())
        {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&k| s.head(k) == Some(c)).collect();
        if kids
            .iter()
            .any(|&k| matches!(s.deprel(k), "cc" | "obj" | "ccomp" | "xcomp"))
            || !kids.iter().any(|&k| s.deprel(k) == "nsubj" && k < c)
        {
            continue;
        }
        // The attribution's first word (its own comma may hang on it).
        let first = (0..n)
            .find(|&k| dominated_by(k, c) && s.upos(k) != Upos::PUNCT)
            .unwrap_or(c);
        let before_comma = first > 0 && s.xpos(first - 1) == ",";
        let only_punct_after = (c + 1..n).all(|k| s.upos(k) == Upos::PUNCT);
        if !before_comma || !only_punct_after {
            continue;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        make_root(copy, c);
        rehang(copy, r, c, "ccomp");
        return;
    }
}

/// The second shape: a clause's verb read as a participle on its own object, with the
/// subject still hung on it — "Pakistani police **arrested** dozens of opposition
/// leaders …, party officials said", where "arrested" came out as `amod` of "dozens"
/// and "dozens" as the subject of "said". An adjectival participle has no subject of
/// its own, so a past form with an `nsubj` before it and its noun after it is the
/// clause's finite verb: it takes the noun's place in the tree (a subject of a verb
/// becomes that verb's content clause) and the noun becomes its object.
fn subject_participle(text: &str, s: &Sentence, patterns: &Patterns, out: &mut Option<Sentence>) {
    for v in 1..s.len() {
        if !matches!(s.upos(v), Upos::ADJ | Upos::VERB) || s.deprel(v) != "amod" {
            continue;
        }
        let form = s.form(text, v);
        if !form.starts_with(|c: char| c.is_ascii_lowercase())
            || ADJECTIVAL.contains(&form.to_ascii_lowercase().as_str())
        {
            continue;
        }
        let has_subject = (0..v).any(|k| {
            s.head(k) == Some(v)
                && s.deprel(k) == "nsubj"
                && matches!(s.upos(k), Upos::NOUN | Upos::PROPN | Upos::PRON)
        });
        if !has_subject {
            continue;
        }
        let Some(h) = s.head(v) else { continue };
        if h <= v || !matches!(s.upos(h), Upos::NOUN | Upos::PROPN | Upos::PRON | Upos::NUM) {
            continue;
        }
        if !only_modifiers_between(s, v, h) {
            continue;
        }
        let Some(lemma) = dictionary_verb(form, patterns) else {
            continue;
        };
        let (old_head, old_rel) = (s.tokens[h].head, s.deprel(h).to_string());
        let copy = out.get_or_insert_with(|| s.clone());
        let rel = match old_rel.split(':').next().unwrap_or("") {
            "nsubj" | "csubj" => "ccomp".into(),
            _ => old_rel,
        };
        finite_past(copy, v, lemma, old_head, rel);
        let n = &mut copy.tokens[h];
        n.head = v as u32 + 1;
        n.deprel = "obj".into();
    }
}
