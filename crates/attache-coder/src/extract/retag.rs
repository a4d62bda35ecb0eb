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
    simple_past(copy, v);
    let t = &mut copy.tokens[v];
    t.upos = Upos::VERB;
    t.lemma = lemma;
    t.head = head;
    t.deprel = deprel;
}

/// Whether word `v` (not the first) is a lower-case past form read as an adjective
/// right after "and" that news does not use as one ("and offered condolences", not
/// "and armed groups").
fn past_after_and(text: &str, s: &Sentence, v: usize) -> bool {
    if !matches!(s.upos(v), Upos::ADJ | Upos::VERB) || s.deprel(v) != "amod" {
        return false;
    }
    let form = s.form(text, v);
    form.starts_with(|c: char| c.is_ascii_lowercase())
        && s.form(text, v - 1).eq_ignore_ascii_case("and")
        && !ADJECTIVAL.contains(&form.to_ascii_lowercase().as_str())
}

/// The sentence with its misread coordinated verbs repaired, or `None` when it has
/// none (module doc).
pub fn repair(text: &str, s: &Sentence, patterns: &Patterns) -> Option<Sentence> {
    let mut out: Option<Sentence> = None;
    for v in 1..s.len() {
        if !past_after_and(text, s, v) {
            continue;
        }
        let form = s.form(text, v);
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
    relative_subject(text, s, &mut out);
    loose_subject_before_relative(text, s, &mut out);
    object_relative_subject(text, s, &mut out);
    passive_agent(text, s, &mut out);
    clause_after_preposition(text, s, &mut out);
    hyphen_modifier_head(s, &mut out);
    alongside_partner(text, s, &mut out);
    conj_after_relative(s, &mut out);
    that_complementizer(text, s, &mut out);
    neighboring(text, s, &mut out);
    past_after_gerund(s, &mut out);
    participle_after_gerund(text, s, patterns, &mut out);
    verb_on_object(s, &mut out);
    reduced_relative_root(text, s, &mut out);
    place_before_time(text, s, &mut out);
    weekday_after_verb(s, &mut out);
    news_lemmas(text, s, &mut out);
    subject_after_fronted_phrase(s, &mut out);
    out
}

/// Participles that news puts right after a subject as a reduced relative clause
/// ("militants linked to al-Qaida", "gunmen backed by Rwanda").
const REDUCED: &[&str] = &[
    "link",
    "back",
    "ally",
    "base",
    "arm",
    "support",
    "train",
    "fund",
    "affiliate",
    "tie",
    "connect",
    "align",
    "associate",
    "sponsor",
    "equip",
    "loyal",
];

/// "Militants **linked** to al-Qaida **killed** hundreds of soldiers", "Gunmen backed
/// by Rwanda seized the town", "The migrants **deported** from the United States
/// **arrived** in Caracas" (a participle of removal with its "from" phrase): the participle of a reduced relative on the subject read
/// as the main verb (the root), the real main verb under it. When the root is such a
/// participle with the subject right before it and a to/by/with phrase after it, and a
/// past form follows that phrase, the past form is the main verb: it becomes the root
/// with the subject, and the participle a modifier of the subject again.
fn reduced_relative_root(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let Some(r) = (0..n).find(|&k| s.head(k).is_none()) else {
        return;
    };
    let lemma = s.lemma(r).to_ascii_lowercase();
    // "The migrants deported from the United States arrived …" (session 16).
    let removal = matches!(
        lemma.as_str(),
        "deport" | "expel" | "extradite" | "repatriate" | "evict"
    );
    if s.upos(r) != Upos::VERB
        || !matches!(s.xpos(r), "VBD" | "VBN")
        || !(REDUCED.contains(&lemma.as_str()) || removal)
    {
        return;
    }
    let kids = |h: usize| (0..n).filter(move |&k| s.head(k) == Some(h));
    let Some(x) = kids(r).find(|&k| k < r && s.deprel(k).starts_with("nsubj")) else {
        return;
    };
    if (x + 1..r).any(|k| matches!(s.upos(k), Upos::VERB | Upos::AUX)) {
        return;
    }
    // The to/by/with phrase right after the participle, and its last word.
    let Some(pp) = kids(r).filter(|&k| k > r).min() else {
        return;
    };
    let case_ok = kids(pp).any(|k| {
        s.deprel(k) == "case"
            && match s.form(text, k).to_ascii_lowercase().as_str() {
                "to" | "by" | "with" => true,
                "from" => removal,
                _ => false,
            }
    });
    if !case_ok || !s.deprel(pp).starts_with("obl") {
        return;
    }
    let end = (pp..n)
        .take_while(|&k| dominated(s, k, pp))
        .last()
        .unwrap_or(pp);
    let v = end + 1;
    if v >= n
        || s.upos(v) != Upos::VERB
        || !matches!(s.xpos(v), "VBD" | "VBN")
        || !s
            .form(text, v)
            .starts_with(|c: char| c.is_ascii_lowercase())
        || !dominated(s, v, r)
    {
        return;
    }
    let copy = out.get_or_insert_with(|| s.clone());
    make_root(copy, v);
    simple_past(copy, v);
    rehang(copy, x, v, "nsubj");
    rehang(copy, r, x, "acl");
    // "killed" read as an adjective on "hundreds": the noun is its object.
    if let Some(h) = s.head(v).filter(|&h| h > v && s.deprel(v) == "amod") {
        rehang(copy, h, v, "obj");
    }
    for k in v + 1..n {
        if s.head(k) == Some(r) {
            copy.tokens[k].head = v as u32 + 1;
        }
    }
}

/// "Ishiba welcomed the decision but **called** on Beijing to lift …": a finite verb
/// coordinated with the object noun of the clause's verb, with its own coordinator and
/// no subject. A verb is no conjunct of a noun: it is the clause verb's — or, under a
/// reported predicate that is no simple past ("The EU said it was deeply concerned
/// about the measures and called on Washington …"), the reporting verb's; the tagger
/// then often reads the past form as a participle, which a verb with no auxiliary of
/// its own coordinated with a simple past is not.
fn verb_on_object(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for v in 0..n {
        // (A participle with a coordinator of its own is no reduced relative either:
        // "the measures and called on …" read as `acl`.)
        let rel_ok = match s.deprel(v) {
            "conj" => true,
            "acl" => s.xpos(v) == "VBN",
            _ => false,
        };
        if !rel_ok || s.upos(v) != Upos::VERB || !matches!(s.xpos(v), "VBD" | "VBZ" | "VBP" | "VBN")
        {
            continue;
        }
        let Some(o) = s.head(v) else { continue };
        if !matches!(s.upos(o), Upos::NOUN | Upos::PROPN) || o >= v {
            continue;
        }
        let kids = |h: usize| (0..n).filter(move |&k| s.head(k) == Some(h));
        if !kids(v).any(|k| s.deprel(k) == "cc")
            || kids(v).any(|k| s.deprel(k).starts_with("nsubj") || s.deprel(k).starts_with("aux"))
        {
            continue;
        }
        // The noun is the object (or oblique) of a finite verb.
        let Some(h) = s.head(o) else { continue };
        if !matches!(s.deprel(o), "obj" | "obl") {
            continue;
        }
        let reporting = s.head(h).filter(|&g| {
            s.deprel(h) == "ccomp"
                && s.upos(g) == Upos::VERB
                && s.xpos(g) == "VBD"
                && matches!(s.xpos(v), "VBD" | "VBN")
                && ATTRIBUTING.contains(&s.lemma(g))
                && (s.upos(h) != Upos::VERB || s.xpos(h) != "VBD")
        });
        let copy = match reporting {
            Some(g) => {
                let copy = out.get_or_insert_with(|| s.clone());
                rehang(copy, v, g, "conj");
                copy
            }
            None if s.xpos(v) != "VBN"
                && s.upos(h) == Upos::VERB
                && matches!(s.xpos(h), "VBD" | "VBZ" | "VBP" | "VBN") =>
            {
                let copy = out.get_or_insert_with(|| s.clone());
                rehang(copy, v, h, "conj");
                copy
            }
            None => continue,
        };
        if copy.xpos(v) == "VBN" {
            simple_past(copy, v);
        }
    }
}

/// The same misreading one level down: "… accused the RSF of committing genocide and
/// **imposed** sanctions on Dagalo", the past form read as an adjective on a noun that
/// the gerund of the accusation governs. When the verb above the gerund is past (a
/// simple past or a perfect), the word is that verb's coordinated act.
fn participle_after_gerund(
    text: &str,
    s: &Sentence,
    patterns: &Patterns,
    out: &mut Option<Sentence>,
) {
    let n = s.len();
    for v in 1..n {
        if !past_after_and(text, s, v) {
            continue;
        }
        let form = s.form(text, v);
        let Some(h) = s.head(v) else { continue };
        if h <= v || !only_modifiers_between(s, v, h) {
            continue;
        }
        // The noun is the gerund's object, or coordinated with it ("of torturing
        // prisoners and imposed sanctions").
        let obj = match s.deprel(h) {
            "obj" => h,
            "conj" => match s.head(h) {
                Some(o) if s.deprel(o) == "obj" => o,
                _ => continue,
            },
            _ => continue,
        };
        let Some(g) = s.head(obj) else { continue };
        if s.xpos(g) != "VBG" {
            continue;
        }
        // The past verb above the gerund: a simple past, or a participle with "has".
        let mut a = s.head(g);
        let mut up = None;
        for _ in 0..n {
            let Some(u) = a else { break };
            if s.upos(u) == Upos::VERB {
                let perfect = s.xpos(u) == "VBN"
                    && (0..n).any(|k| {
                        s.head(k) == Some(u)
                            && s.deprel(k) == "aux"
                            && s.lemma(k).eq_ignore_ascii_case("have")
                    });
                if s.xpos(u) == "VBD" || perfect {
                    up = Some(u);
                }
                break;
            }
            a = s.head(u);
        }
        let Some(u) = up else { continue };
        let Some(lemma) = dictionary_verb(form, patterns) else {
            continue;
        };
        let copy = out.get_or_insert_with(|| s.clone());
        finite_past(copy, v, lemma, u as u32 + 1, "conj".into());
        rehang(copy, h, v, "obj");
        rehang(copy, v - 1, v, "cc");
    }
}

/// "Washington has accused the RSF of committing genocide and imposed sanctions on its
/// leader": a past form coordinated with a gerund inside an accusation (or another
/// complement) is no second thing the accused did — the forms do not match — but a
/// second act of the clause above, which has a past verb of its own. It is hung there
/// as a coordinated verb.
fn past_after_gerund(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for v in 0..n {
        if s.deprel(v) != "conj" || s.upos(v) != Upos::VERB || !matches!(s.xpos(v), "VBD" | "VBN") {
            continue;
        }
        let Some(g) = s.head(v) else { continue };
        if s.xpos(g) != "VBG" || g >= v {
            continue;
        }
        if (0..n).any(|k| {
            s.head(k) == Some(v)
                && (s.deprel(k).starts_with("nsubj") || s.deprel(k).starts_with("aux"))
        }) {
            continue;
        }
        // The nearest verb above the gerund with a past form of its own.
        let mut a = s.head(g);
        let mut up = None;
        for _ in 0..n {
            let Some(h) = a else { break };
            if s.upos(h) == Upos::VERB && matches!(s.xpos(h), "VBD" | "VBN") {
                up = Some(h);
                break;
            }
            a = s.head(h);
        }
        let Some(h) = up else { continue };
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, v, h, "conj");
    }
}

/// [`relative_subject`] when the main verb `v` is the root already: the subject `x`
/// (before the relative pronoun `w` of verb `r`) becomes its subject and what the
/// relative clause spans hangs on `r` again.
fn relative_under_root(
    s: &Sentence,
    x: usize,
    w: usize,
    r: usize,
    v: usize,
    out: &mut Option<Sentence>,
) {
    let n = s.len();
    let kids = |h: usize| (0..n).filter(move |&k| s.head(k) == Some(h));
    if s.upos(v) != Upos::VERB
        || !(matches!(s.xpos(v), "VBD" | "VBZ" | "VBP")
            || kids(v).any(|k| s.deprel(k).starts_with("aux")))
        || kids(v).any(|k| k < v && s.deprel(k).starts_with("nsubj"))
    {
        return;
    }
    // The comma that closes the relative clause: the last one before the main verb.
    let Some(comma) = (w + 1..v).rev().find(|&k| s.xpos(k) == ",") else {
        return;
    };
    let copy = out.get_or_insert_with(|| s.clone());
    rehang(copy, x, v, "nsubj");
    rehang(copy, r, x, "acl:relcl");
    for k in kids(v) {
        if k > w && k < comma && k != r {
            let rel = if s.upos(k) == Upos::VERB {
                "ccomp"
            } else {
                s.deprel(k)
            };
            let rel = rel.to_string();
            rehang(copy, k, r, &rel);
        }
    }
}

/// "accused neighboring Rwanda of …": news's "neighboring" is an adjective on the
/// state after it, but the treebank tags it a gerund (VBG), and the parser sometimes
/// makes it a verb with the state for its object, so the state was no longer the
/// object of "accused". The state takes the gerund's place in the tree, and the
/// gerund becomes its modifier.
fn neighboring(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for v in 0..n.saturating_sub(1) {
        if s.deprel(v) == "amod"
            || !matches!(
                s.form(text, v).to_ascii_lowercase().as_str(),
                "neighboring" | "neighbouring"
            )
        {
            continue;
        }
        let x = v + 1;
        if !matches!(s.upos(x), Upos::PROPN | Upos::NOUN) || s.head(x) != Some(v) {
            continue;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        copy.tokens[x].head = s.tokens[v].head;
        copy.tokens[x].deprel = s.tokens[v].deprel.clone();
        rehang(copy, v, x, "amod");
        for k in 0..n {
            if k != x && s.head(k) == Some(v) {
                copy.tokens[k].head = x as u32 + 1;
            }
        }
    }
}

/// The fifth shape (session 13): a subject with a relative clause set off by commas —
/// "Trump, who arrived late on Tuesday, met Zelenskyy", "Vucic, who has rejected calls
/// for early elections, accused the protesters …" — parsed with the relative clause's
/// verb as the sentence's head and the main verb a coordinated verb under it (the
/// subject a `vocative` of it, or the root itself). The main verb is then without a
/// subject, or takes its object for one. A verb coordinated with the relative clause's
/// verb after a comma, with no coordinator and no subject of its own, and finite, is
/// the main verb: it becomes the root, the noun before the relative pronoun its
/// subject, and the relative clause hangs on that noun again.
fn relative_subject(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let Some(root) = (0..n).find(|&k| s.head(k).is_none()) else {
        return;
    };
    for w in 2..n {
        if s.xpos(w - 1) != "," {
            continue;
        }
        // The relative clause's subject: the pronoun, or the noun "whose" modifies
        // ("Saudi Arabia and Iran, whose envoys had traveled …, welcomed …").
        let rel_subject = match s.form(text, w).to_ascii_lowercase().as_str() {
            "who" | "which" if matches!(s.xpos(w), "WP" | "WDT") => w,
            "whose" if s.deprel(w) == "nmod:poss" => match s.head(w) {
                Some(h) if h > w => h,
                _ => continue,
            },
            _ => continue,
        };
        // The noun before the comma (the first of coordinated ones).
        let x = phrase_head(s, w - 2);
        if !matches!(s.upos(x), Upos::NOUN | Upos::PROPN) {
            return;
        }
        // No verb before the subject: it opens the clause.
        if (0..x).any(|k| matches!(s.upos(k), Upos::VERB | Upos::AUX)) {
            return;
        }
        let Some(r) = s.head(rel_subject) else { return };
        if !s.deprel(rel_subject).starts_with("nsubj") || r <= w {
            return;
        }
        // The subject is the root, or hangs on the relative clause's verb as a root
        // or as a second subject.
        let loose = matches!(s.deprel(x), "vocative" | "dislocated" | "parataxis")
            || (s.deprel(x).starts_with("nsubj") && s.head(x) == Some(r));
        // Or the main verb is the root already, and the relative clause's verb hangs
        // below it with the subject on it ("Lula, who has said Brazil will not accept
        // …, is expected to meet …": "said" an adverbial clause under "accept").
        if loose && s.head(x) == Some(r) && r != root && root > r {
            relative_under_root(s, x, w, r, root, out);
            return;
        }
        // The relative clause may hang on the last of coordinated subjects ("Japan and
        // Australia, which have stepped up …, also voiced …").
        let on_x = s.head(r).is_some_and(|h| h == x || phrase_head(s, h) == x);
        let x_loose = (x == root && on_x) || (r == root && loose);
        if !x_loose {
            return;
        }
        let kids = |v: usize| (0..n).filter(move |&k| s.head(k) == Some(v));
        // Coordinated with the relative clause's verb, or hung deeper inside it
        // ("Sheinbaum, who has said Mexico will not accept …, is expected to speak":
        // "expected" an adverbial clause of "accept").
        let Some(v) = (r + 1..n).find(|&v| {
            dominated(s, v, r)
                && (s.deprel(v) == "conj" && s.head(v) == Some(r)
                    || matches!(s.deprel(v), "advcl" | "parataxis")
                        && !kids(v).any(|k| s.deprel(k) == "mark"))
                && s.upos(v) == Upos::VERB
                && (matches!(s.xpos(v), "VBD" | "VBZ" | "VBP")
                    || kids(v).any(|k| s.deprel(k).starts_with("aux")))
                && !kids(v)
                    .any(|k| s.deprel(k) == "cc" || (s.deprel(k).starts_with("nsubj") && k < v))
                && {
                    let first = kids(v).filter(|&k| k < v).min().unwrap_or(v);
                    let first = if s.xpos(first) == "," {
                        first + 1
                    } else {
                        first
                    };
                    first > 0 && s.xpos(first - 1) == ","
                }
        }) else {
            participle_after_relative(s, x, r, root, out);
            return;
        };
        let copy = out.get_or_insert_with(|| s.clone());
        make_root(copy, v);
        rehang(copy, x, v, subject_rel(s, v));
        // A subject the parser found after the verb is its object ("met Ukrainian
        // President Volodymyr Zelenskyy").
        for k in v + 1..n {
            if s.head(k) == Some(v) && s.deprel(k) == "nsubj" {
                rehang(copy, k, v, "obj");
            }
        }
        rehang(copy, r, x, "acl:relcl");
        // What hung on the old head after the main verb is the main verb's.
        let old = if x == root { x } else { r };
        for k in v + 1..n {
            if s.head(k) == Some(old) || s.head(k) == Some(r) {
                copy.tokens[k].head = v as u32 + 1;
            }
        }
        return;
    }
}

/// A subject with a relative clause set off by commas, parsed with the subject a
/// `vocative` or `dislocated` word of the main verb or of the relative clause (session 16): "M23, which U.N.
/// experts say is backed by Rwandan troops, captured Goma" — the main verb is the root
/// and has no subject, the relative clause hangs on it as an adverbial clause; "The
/// Philippines, whose ships have clashed with Chinese vessels, accused Beijing …" (the
/// noun a second subject of the relative clause's verb) likewise. The
/// noun becomes the root's subject and the part of the relative clause that hung on
/// the root hangs on the noun.
fn loose_subject_before_relative(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let Some(root) = (0..n).find(|&k| s.head(k).is_none()) else {
        return;
    };
    let kids = |v: usize| (0..n).filter(move |&k| s.head(k) == Some(v));
    if s.upos(root) != Upos::VERB
        || kids(root).any(|k| s.deprel(k).starts_with("nsubj") || s.deprel(k) == "expl")
        || !(matches!(s.xpos(root), "VBD" | "VBZ" | "VBP")
            || kids(root).any(|k| s.deprel(k).starts_with("aux")))
    {
        return;
    }
    for w in 2..root {
        if !matches!(
            s.form(text, w).to_ascii_lowercase().as_str(),
            "who" | "which" | "whose"
        ) || s.xpos(w - 1) != ","
        {
            continue;
        }
        let x = phrase_head(s, w - 2);
        // The comma closing the relative clause comes right before the main verb, its
        // auxiliaries and adverbs, or a closing quote ("who once called China's
        // government \"assassins,\" will travel …").
        let mut c = root - 1;
        while c > w
            && (matches!(s.upos(c), Upos::AUX | Upos::ADV | Upos::PART)
                || matches!(s.xpos(c), "''" | "``"))
        {
            c -= 1;
        }
        if !matches!(s.upos(x), Upos::NOUN | Upos::PROPN)
            || !(matches!(s.deprel(x), "vocative" | "dislocated")
                || s.deprel(x).starts_with("nsubj") && s.head(x) != Some(root))
            || (0..x).any(|k| matches!(s.upos(k), Upos::VERB | Upos::AUX))
            || s.xpos(c) != ","
        {
            return;
        }
        // The relative clause's top word under the root; the noun hangs on the root
        // or on that word.
        let Some(r) = (w..c).find(|&k| s.head(k) == Some(root) && dominated(s, w, k)) else {
            return;
        };
        if s.head(x) != Some(root) && s.head(x) != Some(r) {
            return;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, x, root, subject_rel(s, root));
        rehang(copy, r, x, "acl:relcl");
        return;
    }
}

/// The subject relation a verb takes: `nsubj:pass` beside a passive auxiliary
/// ("Uganda, which deployed troops, has been accused by U.N. experts": Uganda is
/// accused, not the accuser).
fn subject_rel(s: &Sentence, v: usize) -> &'static str {
    if (0..s.len()).any(|k| s.head(k) == Some(v) && s.deprel(k) == "aux:pass") {
        "nsubj:pass"
    } else {
        "nsubj"
    }
}

/// "Russia, which has courted the Sahel juntas with weapons, congratulated Guinea's
/// president" (session 17): the main verb after the relative clause's closing comma
/// read as an adjective (`amod`) on its object, which hangs inside the relative
/// clause. The past form becomes the root with the noun before the relative pronoun
/// its subject and the noun it modified its object; the relative clause hangs on the
/// subject again.
fn participle_after_relative(
    s: &Sentence,
    x: usize,
    r: usize,
    root: usize,
    out: &mut Option<Sentence>,
) {
    let n = s.len();
    let Some(v) = (r + 1..n).find(|&v| {
        v > 0
            && s.xpos(v - 1) == ","
            && s.deprel(v) == "amod"
            && matches!(s.xpos(v), "VBD" | "VBN")
            && s.head(v).is_some_and(|h| h > v && dominated(s, h, r))
    }) else {
        return;
    };
    let Some(o) = s.head(v) else { return };
    let copy = out.get_or_insert_with(|| s.clone());
    make_root(copy, v);
    simple_past(copy, v);
    copy.tokens[v].upos = Upos::VERB;
    rehang(copy, x, v, "nsubj");
    rehang(copy, o, v, "obj");
    rehang(copy, v - 1, r, "punct");
    if r != x {
        rehang(copy, r, x, "acl:relcl");
    }
    // What hung on the old root after the main verb (the final stop) is the verb's.
    for k in o + 1..n {
        if s.head(k) == Some(root) || s.head(k) == Some(r) {
            copy.tokens[k].head = v as u32 + 1;
        }
    }
}

/// The sixth shape (session 14): a subject with an *object* relative clause set off by
/// commas — "The European Union, which both countries hope to join, called on
/// Podgorica and Belgrade …", "The Taliban administration, which no country except
/// Russia has formally recognized, urged Tehran … and said …". The relative clause has
/// a subject of its own, and the parser hung the main verb after the closing comma
/// inside it (an `xcomp` or `conj` of its verb), often tagged as a participle; the
/// sentence then had no doer for it. A verb right after that comma, inside the
/// relative clause on the tree, with no subject, coordinator or auxiliary of its own,
/// is the main verb: it becomes the root (a simple past when read as a participle),
/// the noun before the relative pronoun its subject, the relative clause hangs on that
/// noun, and a verb the noun was the subject of ("… and said …") is its conjunct.
fn object_relative_subject(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let kids = |v: usize| (0..n).filter(move |&k| s.head(k) == Some(v));
    for w in 2..n {
        if !matches!(
            s.form(text, w).to_ascii_lowercase().as_str(),
            "which" | "whom" | "who"
        ) || s.xpos(w - 1) != ","
            || !matches!(s.deprel(w), "obj" | "obl")
        {
            continue;
        }
        let Some(r) = s.head(w).filter(|&r| r > w && s.upos(r) == Upos::VERB) else {
            continue;
        };
        // The relative clause has its own subject.
        if !kids(r).any(|k| s.deprel(k).starts_with("nsubj") && w < k && k < r) {
            continue;
        }
        // The noun before the comma.
        let x = name_head(s, w - 2);
        if !matches!(s.upos(x), Upos::NOUN | Upos::PROPN)
            || (0..x).any(|k| matches!(s.upos(k), Upos::VERB | Upos::AUX))
            || dominated(s, x, r)
        {
            continue;
        }
        // The closing comma and the verb right after it.
        let Some(c) = (r + 1..n).find(|&k| s.xpos(k) == ",") else {
            continue;
        };
        let v = c + 1;
        if v >= n
            || s.upos(v) != Upos::VERB
            || !matches!(s.xpos(v), "VBD" | "VBZ" | "VBP" | "VBN")
            || !dominated(s, v, r)
            || kids(v).any(|k| {
                let d = s.deprel(k);
                d.starts_with("nsubj") || d == "cc" || d.starts_with("aux") || d == "mark"
            })
            || !kids(v).any(|k| k > v && matches!(s.deprel(k), "obj" | "obl" | "xcomp" | "ccomp"))
        {
            continue;
        }
        let old_x_head = s.head(x);
        let copy = out.get_or_insert_with(|| s.clone());
        make_root(copy, v);
        rehang(copy, x, v, "nsubj");
        rehang(copy, r, x, "acl:relcl");
        if s.xpos(v) == "VBN" {
            simple_past(copy, v);
        }
        // "… and said it would send a delegation": the verb the noun was the subject
        // of is the main verb's conjunct; what hung on the noun or the relative
        // clause's verb after the main verb is the main verb's.
        if let Some(h) = old_x_head.filter(|&h| h > v && !dominated(s, h, r)) {
            rehang(copy, h, v, "conj");
        }
        for k in v + 1..n {
            if s.head(k) == Some(r) || (old_x_head.is_none() && s.head(k) == Some(x)) {
                copy.tokens[k].head = v as u32 + 1;
            }
        }
        return;
    }
}

/// A passive verb whose parts the parser misread (session 14): "Sharaa had been
/// designated a terrorist by Washington" with "Sharaa" an active subject (`nsubj`
/// beside `aux:pass`) and "by Washington" a modifier of the object noun — the reading
/// made Sharaa the designator. A subject beside a passive auxiliary is the passive
/// subject, and a "by" phrase on the object (second object) or an oblique of a passive
/// verb is the verb's agent (session 15: "was stripped of that role by Venezuela").
fn passive_agent(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let kids = |v: usize| (0..n).filter(move |&k| s.head(k) == Some(v));
    for v in 0..n {
        if s.upos(v) != Upos::VERB
            || s.xpos(v) != "VBN"
            || !kids(v).any(|k| s.deprel(k) == "aux:pass")
        {
            continue;
        }
        for k in kids(v) {
            if s.deprel(k) == "nsubj" && k < v {
                let copy = out.get_or_insert_with(|| s.clone());
                copy.tokens[k].deprel = "nsubj:pass".into();
            }
            // (Also an oblique: "was stripped of that role by Venezuela".)
            if !matches!(s.deprel(k), "obj" | "xcomp" | "obl") || k < v {
                continue;
            }
            for a in kids(k) {
                let by = kids(a).any(|c| {
                    s.deprel(c) == "case" && c < a && s.form(text, c).eq_ignore_ascii_case("by")
                });
                if s.deprel(a) == "nmod" && a > k && by {
                    let copy = out.get_or_insert_with(|| s.clone());
                    rehang(copy, a, v, "obl:agent");
                }
            }
        }
    }
}

/// Subordinators the parser reads as prepositions ("after Egypt and Saudi Arabia
/// disagreed", "hours after its leader met a U.S. envoy").
const SUBORDINATORS: &[&str] = &["after", "before", "since", "until", "because", "once", "as"];

/// A clause of time read as a prepositional phrase (session 14): "The meeting ended
/// **after** Egypt and Saudi Arabia disagreed over …" with "after" the case marker of
/// "Egypt" (an oblique of "ended") and "disagreed" a complement of "ended"; "Iran
/// summoned the British envoy **after** London imposed sanctions …" with "London" the
/// subject of "imposed" and "imposed" coordinated with "summoned". Coordination gave
/// the second verb the first one's doer or none. A finite verb right after the noun
/// phrase, with no subject of its own or with that noun as its subject, is the clause
/// the word opens: the noun is its subject, the word its marker, and the clause an
/// adverbial clause of the verb before.
fn clause_after_preposition(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let kids = |v: usize| (0..n).filter(move |&k| s.head(k) == Some(v));
    for p in 1..n {
        if s.deprel(p) != "case"
            || !SUBORDINATORS.contains(&s.form(text, p).to_ascii_lowercase().as_str())
        {
            continue;
        }
        let Some(x) = s.head(p).filter(|&x| x > p) else {
            continue;
        };
        if !matches!(s.upos(x), Upos::NOUN | Upos::PROPN | Upos::PRON) {
            continue;
        }
        // The first finite verb after the noun: right after the noun phrase, or read
        // as a clause on the noun ("collapsed after the junta ordered French forces
        // to leave", "ordered" an `acl` of "junta").
        let Some(v) = (x + 1..n)
            .find(|&k| s.upos(k) == Upos::VERB && matches!(s.xpos(k), "VBD" | "VBZ" | "VBP"))
        else {
            continue;
        };
        if !(x + 1..v).all(|k| dominated(s, k, x))
            || (dominated(s, v, x) && !(s.head(v) == Some(x) && s.deprel(v) == "acl"))
        {
            continue;
        }
        let own_subject = kids(v).find(|&k| s.deprel(k).starts_with("nsubj"));
        if own_subject.is_some_and(|k| k != x) {
            continue;
        }
        // The verb the clause belongs to: the one before the word, above both.
        let Some(m) = (0..p)
            .rev()
            .find(|&k| s.upos(k) == Upos::VERB && (dominated(s, v, k) || dominated(s, x, k)))
        else {
            continue;
        };
        if dominated(s, m, v) {
            continue;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, x, v, "nsubj");
        rehang(copy, p, v, "mark");
        rehang(copy, v, m, "advcl");
    }
}

/// A hyphenated modifier read as the head of its noun phrase (session 14): "agreed to
/// resume a high-level economic dialogue" with "level" the object and "dialogue" an
/// unmarked oblique beside it — the event noun lost its place under the verb. A noun
/// right after a hyphen whose next noun (after adjectives only) hangs on the same head
/// is that noun's modifier: the second noun takes its place and its determiner.
fn hyphen_modifier_head(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for t in 1..n {
        if s.upos(t) != Upos::NOUN || s.xpos(t - 1) != "HYPH" {
            continue;
        }
        let Some(h) = s.head(t) else { continue };
        let Some(x) = (t + 1..n).find(|&k| s.upos(k) != Upos::ADJ) else {
            continue;
        };
        // Beside it under the same head, or a conjunct of it with no coordinator
        // between ("held large-scale military drills", "drills" a `conj` of "scale").
        let beside = s.head(x) == Some(h)
            && matches!(
                s.deprel(x),
                "obl:unmarked" | "obl:npmod" | "dep" | "appos" | "obj"
            );
        let conjunct = s.head(x) == Some(t)
            && s.deprel(x) == "conj"
            && !(t + 1..x).any(|k| matches!(s.upos(k), Upos::CCONJ | Upos::PUNCT));
        if s.upos(x) != Upos::NOUN
            || !(beside || conjunct)
            || !matches!(base_rel(s.deprel(t)), "obj" | "obl" | "nsubj" | "nmod")
        {
            continue;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, x, h, s.deprel(t));
        rehang(copy, t, x, "compound");
        for k in 0..n {
            if s.head(k) == Some(t) && matches!(s.deprel(k), "det" | "nmod:poss" | "case") {
                copy.tokens[k].head = x as u32 + 1;
            }
        }
    }
}

fn base_rel(r: &str) -> &str {
    r.split(':').next().unwrap_or(r)
}

/// "fought **alongside** Russian forces against Ukraine" with "alongside" an adverb
/// and the allies the verb's object (session 14): the fighting was read as aimed at
/// them, both ways. The noun after "alongside" is an oblique it marks, and an
/// "against" phrase hung on that noun is the verb's.
fn alongside_partner(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for a in 0..n {
        if !s.form(text, a).eq_ignore_ascii_case("alongside") || s.deprel(a) != "advmod" {
            continue;
        }
        // The noun phrase right after it: modifiers, then its head, the verb's object.
        let Some(x) = (a + 1..n.min(a + 6)).find(|&k| s.deprel(k) == "obj") else {
            continue;
        };
        if !matches!(s.upos(x), Upos::NOUN | Upos::PROPN)
            || !(a + 1..x)
                .all(|k| s.head(k) == Some(x) || s.head(k).is_some_and(|h| h > k && h <= x))
        {
            continue;
        }
        let Some(v) = s
            .head(x)
            .filter(|&v| s.upos(v) == Upos::VERB && s.head(a) == Some(v))
        else {
            continue;
        };
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, a, x, "case");
        copy.tokens[a].upos = Upos::ADP;
        copy.tokens[a].xpos = "IN".into();
        rehang(copy, x, v, "obl");
        for k in 0..n {
            if s.head(k) == Some(x) && s.deprel(k) == "nmod" {
                let against = (0..n).any(|c| {
                    s.head(c) == Some(k)
                        && s.deprel(c) == "case"
                        && s.form(text, c).eq_ignore_ascii_case("against")
                });
                if against {
                    rehang(copy, k, v, "obl");
                }
            }
        }
    }
}

/// A verb coordinated after a relative clause on the object (session 14): "Zelenskyy
/// condemned the strikes, which came hours after …, and **called** on Washington to
/// impose tougher sanctions", with "called" a conjunct of the relative clause's verb
/// ("came"): the appeal lost its doer. After ", and", with no subject of its own and
/// the tense of the verb governing the relative clause's noun, the verb is that
/// verb's conjunct.
fn conj_after_relative(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let kids = |v: usize| (0..n).filter(move |&k| s.head(k) == Some(v));
    for v in 2..n {
        if s.deprel(v) != "conj" || s.upos(v) != Upos::VERB || s.xpos(v) != "VBD" {
            continue;
        }
        let Some(r) = s.head(v).filter(|&r| r < v && s.deprel(r) == "acl:relcl") else {
            continue;
        };
        let comma_and = kids(v).any(|k| s.deprel(k) == "cc" && k + 1 == v)
            && kids(v).any(|k| s.deprel(k) == "punct" && k + 2 == v);
        if !comma_and || kids(v).any(|k| s.deprel(k).starts_with("nsubj")) {
            continue;
        }
        let Some(m) = s
            .head(r)
            .and_then(|o| s.head(o))
            .filter(|&m| s.upos(m) == Upos::VERB && s.xpos(m) == "VBD" && m < r)
        else {
            continue;
        };
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, v, m, "conj");
    }
}

/// "demanded through diplomatic channels **that** Beijing immediately withdraw its
/// vessels" with "that" read as a relative pronoun, the object of "withdraw" (session
/// 14): the clause then looked like no content clause and the demand had no
/// addressee. A "that" in a content clause (`ccomp`) whose verb has that role filled
/// already is the clause's marker.
fn that_complementizer(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for t in 0..n {
        if !s.form(text, t).eq_ignore_ascii_case("that") || !matches!(s.deprel(t), "obj" | "nsubj")
        {
            continue;
        }
        let Some(v) = s.head(t).filter(|&v| v > t) else {
            continue;
        };
        // Or a relative clause on the place or medium of a report ("said in a
        // televised address that Sudan would recall its ambassador", session 17): the
        // clause is what was said.
        let reported = s.deprel(v) == "acl:relcl"
            && s.head(v).is_some_and(|h| {
                h + 1 == t
                    && base_rel(s.deprel(h)) == "obl"
                    && s.head(h).is_some_and(|g| {
                        ATTRIBUTING.contains(&s.lemma(g).to_ascii_lowercase().as_str())
                    })
            });
        if s.deprel(v) != "ccomp" && !reported {
            continue;
        }
        let role = s.deprel(t);
        let filled = (0..n).any(|k| k != t && s.head(k) == Some(v) && s.deprel(k) == role);
        if !filled {
            continue;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        if reported {
            if let Some(g) = s.head(v).and_then(|h| s.head(h)) {
                rehang(copy, v, g, "ccomp");
            }
        }
        rehang(copy, t, v, "mark");
        copy.tokens[t].upos = Upos::SCONJ;
        copy.tokens[t].xpos = "IN".into();
    }
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

/// Whether word `k` is `top` or hangs below it (a cycle-safe climb).
fn dominated(s: &Sentence, mut k: usize, top: usize) -> bool {
    for _ in 0..s.len() {
        if k == top {
            return true;
        }
        match s.head(k) {
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// Tags word `v` of the copy as a simple past (VBD, finite, past tense).
fn simple_past(copy: &mut Sentence, v: usize) {
    let t = &mut copy.tokens[v];
    t.xpos = "VBD".into();
    t.feats = "Mood=Ind|Tense=Past|VerbForm=Fin".into();
}

/// The head of the name or noun phrase whose last word is `x`, climbing `flat` links
/// ("… Recep Tayyip Erdogan" → "Recep").
fn name_head(s: &Sentence, mut x: usize) -> usize {
    while s.deprel(x).starts_with("flat") {
        match s.head(x) {
            Some(h) if h < x => x = h,
            _ => break,
        }
    }
    x
}

/// The head of the noun phrase whose last word is `x`, climbing `flat` links and
/// coordination ("Saudi Arabia and Iran" → "Arabia").
fn phrase_head(s: &Sentence, mut x: usize) -> usize {
    for _ in 0..s.len() {
        x = name_head(s, x);
        match s.head(x) {
            Some(h) if h < x && s.deprel(x) == "conj" => x = h,
            _ => break,
        }
    }
    x
}

/// Nouns of time that news puts right after a place ("to Beijing next month"); the
/// weekdays are `dates::WEEKDAYS`.
const TIME_NOUNS: &[&str] = &[
    "week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter",
];

/// Whether `lemma` (lower case) is a weekday.
fn weekday(lemma: &str) -> bool {
    crate::dates::WEEKDAYS.contains(&lemma)
}

/// "will travel to **Beijing** next month", "arrived in Kyiv last week": a place name
/// right before "next/last/this/early/late … <time noun>" read as a compound of the
/// time noun, which took the preposition — the place was lost as the destination.
/// The name takes the time noun's place (head, relation and preposition) and the time
/// noun becomes a temporal modifier of the same head.
fn place_before_time(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for x in 0..n {
        if s.upos(x) != Upos::PROPN || s.deprel(x) != "compound" {
            continue;
        }
        let Some(h) = s.head(x) else { continue };
        if h <= x + 1
            || !{
                let l = s.lemma(h).to_ascii_lowercase();
                TIME_NOUNS.contains(&l.as_str()) || weekday(&l)
            }
            || !(x + 1..h).all(|k| {
                matches!(
                    s.form(text, k).to_ascii_lowercase().as_str(),
                    "next" | "last" | "this" | "early" | "late" | "coming" | "following"
                )
            })
        {
            continue;
        }
        let Some(g) = s.head(h) else { continue };
        let Some(case) = (0..x).find(|&k| s.head(k) == Some(h) && s.deprel(k) == "case") else {
            continue;
        };
        let copy = out.get_or_insert_with(|| s.clone());
        let rel = s.deprel(h).to_string();
        let tmod = if base_rel(&rel) == "nmod" {
            "nmod:tmod"
        } else {
            "obl:tmod"
        };
        rehang(copy, x, g, &rel);
        rehang(copy, case, x, "case");
        rehang(copy, h, g, tmod);
        for k in 0..x {
            if s.head(k) == Some(h) && s.deprel(k) == "det" {
                copy.tokens[k].head = x as u32 + 1;
            }
        }
    }
}

/// "Yemen's Houthi rebels said **Monday** they had fired missiles …": a weekday right
/// after a verb, read as a second (often passive) subject of the next clause, which
/// has a subject of its own — the clause looked agentless. The weekday is a temporal
/// modifier of the verb before it (session 17).
fn weekday_after_verb(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    for d in 1..n {
        let day = s.lemma(d).to_ascii_lowercase();
        if !weekday(&day) || !s.deprel(d).starts_with("nsubj") || s.upos(d - 1) != Upos::VERB {
            continue;
        }
        let Some(v) = s.head(d) else { continue };
        let other = (d + 1..v).any(|k| s.head(k) == Some(v) && s.deprel(k).starts_with("nsubj"));
        if !other {
            continue;
        }
        let copy = out.get_or_insert_with(|| s.clone());
        rehang(copy, d, d - 1, "obl:tmod");
        // A past form made passive by the stray subject is active again.
        if s.deprel(d) == "nsubj:pass" {
            copy.tokens[v].feats = copy.tokens[v].feats.replace("|Voice=Pass", "");
        }
    }
}

/// Lemmas the treebank gives a rarer sense of than news means: EWT (and WordNet's
/// exception list) lemmatise "bases" as "basis", but in news they are military bases
/// ("Djibouti, which hosts military bases of …"), which the dictionary lists as
/// "base" (session 17).
fn news_lemmas(text: &str, s: &Sentence, out: &mut Option<Sentence>) {
    for k in 0..s.len() {
        if s.lemma(k) == "basis" && s.form(text, k).eq_ignore_ascii_case("bases") {
            let copy = out.get_or_insert_with(|| s.clone());
            copy.tokens[k].lemma = "base".into();
        }
    }
}

/// "Earlier on Sunday, President Gustavo Petro had refused to allow …": the subject
/// after a fronted adverbial phrase and its comma, read as a conjunct or modifier of
/// the phrase's noun (the date), left the main verb without a subject (session 17).
/// When the root verb has no subject and the name right before its auxiliaries hangs
/// inside a fronted phrase with no verb, the name is the subject.
fn subject_after_fronted_phrase(s: &Sentence, out: &mut Option<Sentence>) {
    let n = s.len();
    let Some(root) = (0..n).find(|&k| s.head(k).is_none()) else {
        return;
    };
    if s.upos(root) != Upos::VERB
        || (0..n).any(|k| {
            s.head(k) == Some(root) && (s.deprel(k).starts_with("nsubj") || s.deprel(k) == "expl")
        })
    {
        return;
    }
    let mut e = root;
    while e > 0 && matches!(s.upos(e - 1), Upos::AUX | Upos::ADV | Upos::PART) {
        e -= 1;
    }
    if e == 0 || !matches!(s.upos(e - 1), Upos::NOUN | Upos::PROPN) {
        return;
    }
    let x = name_head(s, e - 1);
    let Some(c) = (0..x).rev().find(|&k| s.xpos(k) == ",") else {
        return;
    };
    if c == 0
        || (0..c).any(|k| matches!(s.upos(k), Upos::VERB | Upos::AUX))
        || s.head(x).is_none_or(|h| h >= c)
    {
        return;
    }
    let copy = out.get_or_insert_with(|| s.clone());
    rehang(copy, x, root, "nsubj");
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
            .find(|&k| dominated(s, k, c) && s.upos(k) != Upos::PUNCT)
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
