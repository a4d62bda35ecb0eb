//! Event extraction from one parsed sentence and the actor mentions in it.
//!
//! Why rules over the dependency tree: who did what to whom is read off grammatical
//! relations — the subject is the source, the object or a prepositional complement the
//! target, `nsubj:pass` + `obl:agent` turn that around — and the phenomena that make news
//! hard (coordination, control verbs, reported speech, relative clauses, nominal events
//! under light verbs) are all visible as tree shapes. Rules on the tree generalise to
//! unseen wording in a way string patterns don't, cost microseconds, and every decision
//! can be explained by pointing at an arc. The dictionary (crate::patterns) says which
//! words are events; this module says who the participants are.
//!
//! Allocation: one [`Tree`] (children lists in one flat array) and a few small vectors
//! per sentence; nothing per token.

use crate::patterns::{Control, Pattern, Patterns, TriggerPos};

pub mod evaluation;
use attache_core::{FuzzyDate, Modality};
use attache_text::{Sentence, Upos};
pub(crate) use domestic::article_home;
pub use evaluation::Evaluative;

mod background;
mod complement;
mod conflict;
mod consult;
mod coop;
mod doer;
mod domestic;
mod followup;
mod force;
mod groups;
mod home;
mod material;
mod mediation;
mod misparse;
mod parties;
mod place;
mod predicates;
pub mod reaction;
pub(crate) mod retag;
mod reversal;
mod roles;
mod shared_target;
mod verbal;

/// An actor mention as the extractor sees it: byte range, and what it stands for.
#[derive(Debug, Clone)]
pub struct Actor {
    pub start: usize,
    pub end: usize,
    /// Scoring key: ISO3 country, else the code (IGOs, transnational groups).
    pub key: String,
    /// Whether this actor can be an event participant (has a country or an own code).
    pub usable: bool,
    /// The mention names a place that can be a location ("Beijing", "Afghanistan").
    pub place: bool,
    /// Index of the mention in the article's mention list.
    pub mention: usize,
    /// False for actors carried over from the previous sentence (pronoun antecedents).
    pub in_sentence: bool,
    /// An agent word whose country was only inferred from context ("civilians", "the
    /// ambassador"): the target of an actor of the same country only when the trigger
    /// has no other target (a domestic event), and it yields to an actor named in its
    /// phrase ("IS members") or where it is said to be ("militants based in Syria").
    pub weak: bool,
    /// A non-state armed actor: a named armed group or an agent word of the rebel,
    /// insurgent or separatist kind ("gunmen", "militants"). Its violence against
    /// civilians and places is unconventional (CAMEO 18), not military (19).
    pub armed_group: bool,
    /// People without a role: civilians, residents, "people", "Somalis" (sector CVL),
    /// refugees and migrants (REF).
    pub civilian: bool,
    /// Those who hold no state power at home: the opposition, parties, rights groups,
    /// unions, students, media (sectors OPP, PTY, NGO, LAB, EDU, MED). Their reaction
    /// to an act of their own state's organs is domestic (extract/reaction.rs).
    pub outside_power: bool,
}

/// One event found in a sentence, before it is turned into an `attache_core::Event`.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub code: &'static str,
    /// Index into the sentence's actor slice.
    pub source: usize,
    pub target: Option<usize>,
    pub trigger: usize,
    pub negated: bool,
    pub modality: Modality,
    pub attributed_to: Option<usize>,
    pub location: Option<usize>,
    pub date: Option<FuzzyDate>,
    pub confidence: f32,
    pub specificity: usize,
    /// Further participants of the same trigger (indices into the actor slice), beyond
    /// this event's source and target: the other members of "a meeting with Iran and
    /// Russia", the third party of "talks between X, Y and Z".
    pub others: Vec<usize>,
}

/// Children lists of a sentence in one flat array.
pub struct Tree {
    heads: Vec<Option<usize>>,
    offs: Vec<u32>,
    kids: Vec<u32>,
}

impl Tree {
    pub fn new(s: &Sentence) -> Tree {
        let n = s.len();
        let heads: Vec<Option<usize>> = (0..n)
            .map(|i| s.head(i).filter(|&h| h < n && h != i))
            .collect();
        Tree::from_heads(heads)
    }

    /// A tree from a head per token (extract/background.rs repairs some heads).
    fn from_heads(heads: Vec<Option<usize>>) -> Tree {
        let n = heads.len();
        let mut counts = vec![0u32; n + 1];
        for h in heads.iter().flatten() {
            counts[*h + 1] += 1;
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let mut fill = counts.clone();
        let mut kids = vec![0u32; counts[n] as usize];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = h {
                kids[fill[*h] as usize] = i as u32;
                fill[*h] += 1;
            }
        }
        Tree {
            heads,
            offs: counts,
            kids,
        }
    }
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }
    pub fn kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[self.offs[i] as usize..self.offs[i + 1] as usize]
            .iter()
            .map(|&k| k as usize)
    }
    /// Whether `a` is `b` or below it (cycle-safe).
    pub fn dominates(&self, b: usize, mut a: usize) -> bool {
        for _ in 0..self.heads.len() + 1 {
            if a == b {
                return true;
            }
            match self.heads[a] {
                Some(h) => a = h,
                None => return false,
            }
        }
        false
    }
}

const MAX_DEPTH: usize = 6;

/// Per sentence, each token's byte start and how far it got as a trigger.
pub type Explanations = Vec<Vec<(u32, &'static str)>>;

thread_local! {
    static EXPLAIN: std::cell::RefCell<Option<Explanations>> =
        const { std::cell::RefCell::new(None) };
    static NOTES: std::cell::RefCell<Vec<(u32, &'static str)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Diagnostics: runs `f` with trigger explanations switched on for this thread and
/// returns, per coded sentence (in order), each token's byte start and how far it got as
/// a trigger ("event", "unknown word", "unasserted", …). For aggregate error analysis
/// (`examples/diag_misses.rs`); off otherwise, at the cost of one thread-local check
/// per sentence.
pub fn explain_triggers<R>(f: impl FnOnce() -> R) -> (R, Explanations) {
    EXPLAIN.with(|e| *e.borrow_mut() = Some(Vec::new()));
    let r = f();
    let v = EXPLAIN.with(|e| e.borrow_mut().take()).unwrap_or_default();
    (r, v)
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn lower_eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether a preposition is "according (to)" (lemma "accord" when the tagger reads it
/// as a verb): what it introduces is the source of a report.
fn cites(case: &str) -> bool {
    lower_eq(case, "according") || lower_eq(case, "accord")
}

/// Everything needed to code one sentence.
pub struct SentenceCoder<'a> {
    pub text: &'a str,
    pub s: &'a Sentence,
    pub tree: Tree,
    pub patterns: &'a Patterns,
    pub actors: &'a [Actor],
    /// For each token, the actors covering it (indices into `actors`), as a range into
    /// `cover_list`.
    cover: Vec<(u32, u32)>,
    cover_list: Vec<u32>,
    /// Date mentions of the sentence (byte ranges in the document) with their first token.
    pub dates: Vec<(usize, FuzzyDate)>,
    /// Subject actors of the previous sentence, for "he", "they", "it".
    pub prev_subject: &'a [usize],
    /// Sources of accusations and criticism coded in the last few sentences (carried
    /// actors), for a denial that answers them ("Beijing denies the allegations").
    pub prev_accusers: &'a [usize],
    /// The most recent appeal or demand (02, 10) with an addressee coded in the last
    /// two sentences: (its target actor, its code), for "X also supported the call".
    pub prev_appeal: Option<(usize, &'static str)>,
    /// The doer of the latest act of violence (18–20) coded in the two sentences
    /// before, for "X condemned the attack" that names no doer (extract/verbal.rs).
    pub prev_violent: Option<usize>,
    /// Acts coded in the sentences before, for a reaction to "the move" or "the
    /// strikes" that names no doer (extract/reaction.rs).
    pub prior_acts: &'a [reaction::PriorAct],
    /// The country the story happens in, as its generic agents were resolved
    /// (extract/domestic.rs, `article_home`): an appeal with no addressee is domestic
    /// only for its own actors.
    pub home: Option<&'a str>,
    /// The latest act of force against another country coded in the two sentences
    /// before: (its source, its target), carried actors, for a strike whose place is
    /// not restated (extract/place.rs).
    pub prev_force: Option<(usize, usize)>,
    /// Publication date, the default date of actual events.
    pub published: Option<FuzzyDate>,
    /// Triggers the tree read and decided on purpose (one side of talks with no
    /// counterpart): the word-order reading does not second-guess them. (Doing this for
    /// every trigger whose doer the tree found lowered dev F1 by 0.01: the word-order
    /// reading recovers domestic targets the tree drops.)
    decided: std::cell::RefCell<Vec<usize>>,
    /// Relations read instead of the parser's where a misread subordinate clause was
    /// repaired (extract/background.rs); usually empty.
    rel_fix: Vec<(usize, &'static str)>,
}

impl<'a> SentenceCoder<'a> {
    pub fn new(
        text: &'a str,
        s: &'a Sentence,
        patterns: &'a Patterns,
        actors: &'a [Actor],
        dates: &[crate::dates::DateMention],
        prev_subject: &'a [usize],
        published: Option<FuzzyDate>,
    ) -> SentenceCoder<'a> {
        // Subordinate clauses the parser misread (extract/background.rs).
        let (tree, rel_fix) = background::repair(text, s);
        let n = s.len();
        let mut cover = vec![(0u32, 0u32); n];
        let mut cover_list = Vec::new();
        for (i, c) in cover.iter_mut().enumerate() {
            let sp = s.token_span(i);
            let st = cover_list.len() as u32;
            for (k, a) in actors.iter().enumerate() {
                if sp.start < a.end && a.start < sp.end {
                    cover_list.push(k as u32);
                }
            }
            *c = (st, cover_list.len() as u32);
        }
        let base_off = s.span.start;
        let dates = dates
            .iter()
            .filter_map(|d| {
                let (ds, de) = (d.start + base_off, d.end + base_off);
                (0..n)
                    .find(|&i| {
                        let sp = s.token_span(i);
                        sp.start < de && ds < sp.end
                    })
                    .map(|i| {
                        // The head of the expression: the token of its span whose head is outside.
                        let mut best = i;
                        for j in i..n {
                            let sp = s.token_span(j);
                            if sp.start >= de {
                                break;
                            }
                            if tree
                                .head(j)
                                .map(|h| {
                                    let hs = s.token_span(h);
                                    hs.start < ds || hs.start >= de
                                })
                                .unwrap_or(true)
                            {
                                best = j;
                                break;
                            }
                        }
                        (best, d.date)
                    })
            })
            .collect();
        let mut coder = SentenceCoder {
            text,
            s,
            tree,
            patterns,
            actors,
            cover,
            cover_list,
            dates,
            prev_subject,
            prev_accusers: &[],
            prev_appeal: None,
            prev_violent: None,
            prior_acts: &[],
            home: None,
            prev_force: None,
            published,
            decided: std::cell::RefCell::new(Vec::new()),
            rel_fix,
        };
        // Finite verbs the tagger read as participles or adjectives (extract/doer.rs).
        coder.repair_misread_verbs();
        coder
    }

    fn lemma(&self, i: usize) -> &str {
        self.s.lemma(i)
    }
    fn rel(&self, i: usize) -> &str {
        if !self.rel_fix.is_empty() {
            if let Some(&(_, r)) = self.rel_fix.iter().find(|&&(j, _)| j == i) {
                return r;
            }
        }
        self.s.deprel(i)
    }
    fn covering(&self, i: usize) -> &[u32] {
        let (a, b) = self.cover[i];
        &self.cover_list[a as usize..b as usize]
    }

    /// The preposition (case/mark child) of a nominal, lower-cased lemma; "according"
    /// for "according to".
    fn case_of(&self, i: usize) -> Option<&str> {
        self.tree
            .kids(i)
            .find(|&k| matches!(self.rel(k), "case" | "mark") && k < i)
            .or_else(|| {
                // "with Ethiopian Prime Minister Abiy Ahmed": the parser hangs the
                // preposition on the last part of a name (`flat`) (extract/consult.rs).
                self.tree
                    .kids(i)
                    .filter(|&f| self.rel(f) == "flat")
                    .find_map(|f| self.tree.kids(f).find(|&k| self.rel(k) == "case" && k < i))
            })
            .map(|k| self.lemma(k))
    }

    /// Actors standing for token `t` (the head of a noun phrase), expanding
    /// coordination, "countries like X and Y", possessives and compounds, relative and
    /// personal pronouns.
    pub fn actors_of(&self, t: usize, out: &mut Vec<usize>) {
        self.actors_rec(t, out, 0, true);
    }

    fn push_unique(out: &mut Vec<usize>, a: usize) {
        if !out.contains(&a) {
            out.push(a);
        }
    }

    fn actors_rec(&self, t: usize, out: &mut Vec<usize>, depth: usize, with_conj: bool) {
        if depth > MAX_DEPTH {
            return;
        }
        let before = out.len();
        if let Some(k) = self.name_read_as_copula(t) {
            // "strikes against IS in Syria" (extract/roles.rs).
            for &a in self.covering(k) {
                if self.actors[a as usize].usable {
                    Self::push_unique(out, a as usize);
                }
            }
            return;
        }
        let cov = self.covering(t);
        // "warned X that it would strike": "it" is the warner (extract/parties.rs).
        if let Some(speaker) = self.promiser_for_pronoun(t, cov, depth) {
            for a in speaker {
                Self::push_unique(out, a);
            }
            return;
        }
        if !cov.is_empty() {
            // All usable mentions covering the token (two for "both sides").
            for &a in cov {
                if self.actors[a as usize].usable {
                    Self::push_unique(out, a as usize);
                }
            }
            // "U.S.-China talks": the second name of a hyphenated pair (extract/consult.rs).
            self.hyphen_pair(t, cov, out);
            // An agent word whose country was only inferred ("members", "militants")
            // yields to an actor named inside its phrase ("IS members", "members of
            // al-Shabab", "militants from Afghanistan").
            if out.len() > before && out[before..].iter().all(|&a| self.actors[a].weak) {
                let mut inner = Vec::new();
                for k in self.tree.kids(t) {
                    let r = self.rel(k);
                    let inside = matches!(base(r), "compound" | "flat" | "appos")
                        || r == "nmod:poss"
                        || (base(r) == "nmod" && matches!(self.case_of(k), Some("of" | "from")));
                    if inside && self.covering(k).iter().all(|c| !cov.contains(c)) {
                        self.actors_rec(k, &mut inner, depth + 1, true);
                    }
                }
                inner.retain(|&a| !self.actors[a].weak);
                if inner.is_empty() {
                    // Where they are: "militants present on Afghan soil", "militants
                    // with bases in Afghanistan", "fighters based in Syria".
                    for k in self.tree.kids(t) {
                        let r = base(self.rel(k));
                        let located = matches!(r, "acl" | "amod")
                            || (r == "nmod"
                                && matches!(
                                    self.case_of(k),
                                    Some("in" | "on" | "with" | "inside")
                                ));
                        if located && self.rel(k) != "acl:relcl" {
                            if let Some(a) = self.first_named_in(k) {
                                inner.push(a);
                                break;
                            }
                        }
                    }
                }
                if !inner.is_empty() {
                    out.truncate(before);
                    for a in inner {
                        Self::push_unique(out, a);
                    }
                }
            }
        }
        if out.len() > before {
            // "the foreign ministers of India and China" (extract/roles.rs).
            self.conjuncts_inside_mention(t, out, depth);
            // "the United States and South Korea" read as compounds (extract/misparse.rs).
            self.names_coordinated_as_compounds(t, cov, out);
            // "from Cuba, Laos, Mexico and Vietnam" broken up by the parse (same module).
            if with_conj {
                self.names_listed_after(t, cov, out);
            }
        }
        if out.len() == before {
            let lem = self.lemma(t);
            let upos = self.s.upos(t);
            if upos == Upos::PRON || matches!(lem, "which" | "who" | "that" | "whom") {
                self.pronoun(t, out, depth);
            } else {
                // Look inside the phrase: possessor, compound, adjective, "of", "like".
                for k in self.tree.kids(t) {
                    let r = self.rel(k);
                    let ok = match base(r) {
                        "compound" | "amod" | "flat" | "appos" => true,
                        // A name before the noun that the tagger took for a verb
                        // ("seven IS members", "IS" read as "is").
                        "cop" => k < t,
                        "nmod" => {
                            r == "nmod:poss"
                                || matches!(
                                    self.case_of(k),
                                    Some(
                                        "of" | "like"
                                            | "including"
                                            | "include"
                                            | "such"
                                            | "from"
                                            | "among"
                                            // "brokered a truce between X and Y"
                                            | "between"
                                    )
                                )
                        }
                        _ => false,
                    };
                    if base(r) == "acl" && r != "acl:relcl" && out.len() == before {
                        // The author of a thing said or done: "the allegations made by
                        // Pakistan", "the plan proposed by France". Not whoever hosted,
                        // witnessed or brokered it ("talks hosted by Anwar", "a ceremony
                        // witnessed by Trump": session 17), who is no party of it.
                        if matches!(
                            self.lemma(k).to_ascii_lowercase().as_str(),
                            "host"
                                | "witness"
                                | "attend"
                                | "organize"
                                | "organise"
                                | "chair"
                                | "facilitate"
                                | "mediate"
                                | "broker"
                                | "moderate"
                                | "oversee"
                                | "observe"
                                | "monitor"
                        ) {
                            continue;
                        }
                        for m in self.tree.kids(k) {
                            let mr = self.rel(m);
                            if mr == "obl:agent"
                                || (base(mr) == "obl" && self.case_of(m) == Some("by"))
                            {
                                self.actors_rec(m, out, depth + 1, true);
                            }
                        }
                        continue;
                    }
                    if ok {
                        let had = out.len() > before;
                        // Several names in one phrase all count ("a joint Kenya-U.S.
                        // base"); an apposition or name part only when nothing else did.
                        if had && matches!(base(r), "appos" | "flat") {
                            continue;
                        }
                        self.actors_rec(k, out, depth + 1, true);
                    }
                }
            }
        }
        if with_conj {
            for k in self.tree.kids(t) {
                if self.rel(k) == "conj" {
                    self.actors_rec(k, out, depth + 1, true);
                }
            }
        }
    }

    /// A third-person pronoun resolved to the subject of a governing clause (or of the
    /// previous sentence) that is none of `skip`.
    fn pronoun_other(&self, t: usize, skip: &[usize], out: &mut Vec<usize>) {
        let lem = self.lemma(t).to_ascii_lowercase();
        if !matches!(lem.as_str(), "its" | "their") {
            return;
        }
        let skey = |a: usize| {
            skip.iter()
                .any(|&s| self.actors[s].key == self.actors[a].key)
        };
        let mut v = self.tree.head(t);
        for _ in 0..12 {
            let Some(x) = v else { break };
            for k in self.tree.kids(x) {
                if base(self.rel(k)) == "nsubj" && !self.tree.dominates(k, t) {
                    let mut tmp = Vec::new();
                    self.actors_of(k, &mut tmp);
                    tmp.retain(|&a| !skey(a));
                    if !tmp.is_empty() {
                        out.extend(tmp);
                        return;
                    }
                }
            }
            v = self.tree.head(x);
        }
        out.extend(self.prev_subject.iter().copied().filter(|&a| !skey(a)));
    }

    /// The first usable actor named (not inferred) in the subtree of `k`, in word order.
    fn first_named_in(&self, k: usize) -> Option<usize> {
        (0..self.s.len())
            .filter(|&i| self.tree.dominates(k, i))
            .find_map(|i| {
                self.covering(i)
                    .iter()
                    .map(|&a| a as usize)
                    .find(|&a| self.actors[a].usable && !self.actors[a].weak)
            })
    }

    /// Resolve a pronoun: relative pronouns (also "whose") to the noun the clause modifies, possessive
    /// and personal pronouns to the nearest governing clause's subject, else to the
    /// previous sentence's subject.
    fn pronoun(&self, t: usize, out: &mut Vec<usize>, depth: usize) {
        let lem = self.lemma(t).to_ascii_lowercase();
        if matches!(lem.as_str(), "which" | "who" | "that" | "whom" | "whose") {
            // t ← verb (acl:relcl) ← noun; "whose" t ← noun ← verb (acl:relcl) ← noun
            let mut v = self.tree.head(t);
            while let Some(x) = v {
                if self.rel(x).starts_with("acl") {
                    if let Some(n) = self.tree.head(x) {
                        self.actors_rec(n, out, depth + 1, true);
                    }
                    return;
                }
                if matches!(self.s.upos(x), Upos::NOUN | Upos::PROPN) {
                    break;
                }
                v = self.tree.head(x);
            }
            // The parse did not attach the clause to its noun: take the noun phrase just
            // before the pronoun ("…, China, the UAE and Russia, which …").
            let mut k = t;
            while k > 0 {
                k -= 1;
                if self.s.upos(k) == Upos::PUNCT {
                    continue;
                }
                let mut n = k;
                for _ in 0..6 {
                    match self.tree.head(n) {
                        Some(h) if self.rel(n) == "conj" || self.rel(n) == "flat" => n = h,
                        _ => break,
                    }
                }
                self.actors_rec(n, out, depth + 1, true);
                break;
            }
            return;
        }
        if matches!(lem.as_str(), "i" | "me" | "my" | "we" | "us" | "our") {
            // First person inside a quote or reported clause is the speaker ("'I will
            // shut the electricity off,' Ford said").
            // (Only named speakers: no pronoun resolution here, which could loop.)
            let say = |v: usize| {
                self.patterns
                    .verb(&self.lemma(v).to_ascii_lowercase())
                    .iter()
                    .any(|p| p.control == Control::Say)
            };
            let named_subject = |v: usize, out: &mut Vec<usize>| {
                for k in self.tree.kids(v) {
                    if base(self.rel(k)) == "nsubj" {
                        for &a in self.covering(k) {
                            let a = a as usize;
                            if self.actors[a].usable && !self.actors[a].weak {
                                Self::push_unique(out, a);
                            }
                        }
                    }
                }
            };
            let mut x = t;
            for _ in 0..12 {
                let Some(h) = self.tree.head(x) else { break };
                if matches!(base(self.rel(x)), "ccomp" | "parataxis") && say(h) {
                    named_subject(h, out);
                    return;
                }
                x = h;
            }
            // The quote is the main clause and "X said" hangs on it as parataxis (or,
            // misparsed, as a conjunct after it).
            if let Some(k) = self.tree.kids(x).find(|&k| {
                (self.rel(k) == "parataxis" || (self.rel(k) == "conj" && k > t)) && say(k)
            }) {
                named_subject(k, out);
            }
            return;
        }
        if matches!(lem.as_str(), "you" | "your") {
            return;
        }
        if !matches!(
            lem.as_str(),
            "he" | "she" | "it" | "they" | "his" | "her" | "its" | "their" | "him" | "them"
        ) {
            return;
        }
        // Nearest ancestor whose subject is itself a mention. An object pronoun is not
        // its own clause's subject (that would be "itself"): in "the Thai government
        // said Beijing had assured it", "it" is the government, not Beijing.
        // Likewise a pronoun inside an object phrase ("turned 40 of them over").
        let object = !matches!(base(self.rel(t)), "nsubj" | "csubj")
            && self.rel(t) != "nmod:poss"
            && !matches!(lem.as_str(), "his" | "its" | "their");
        let own_clause = if object {
            let mut x = self.tree.head(t);
            for _ in 0..4 {
                match x {
                    Some(h) if !matches!(self.s.upos(h), Upos::VERB | Upos::AUX) => {
                        x = self.tree.head(h)
                    }
                    _ => break,
                }
            }
            x
        } else {
            None
        };
        // "accused Washington of … and urged it to stop …": the object pronoun of a
        // coordinated verb, which shares the subject, is the first verb's object
        // (extract/complement.rs).
        if let Some(c) = own_clause {
            if self.conjoined_object(c, t, out) {
                return;
            }
        }
        if self.object_owns_reason(t, &lem, out) {
            return;
        }
        let mut v = self.tree.head(t);
        let mut steps = 0;
        while let Some(x) = v {
            steps += 1;
            if steps > 12 {
                break;
            }
            if Some(x) == own_clause {
                v = self.tree.head(x);
                continue;
            }
            for k in self.tree.kids(x) {
                if k != t && base(self.rel(k)) == "nsubj" && !self.tree.dominates(k, t) {
                    let before = out.len();
                    for &a in self.covering(k) {
                        if self.actors[a as usize].usable {
                            Self::push_unique(out, a as usize);
                        }
                    }
                    if out.len() > before {
                        // "Tokyo and Washington … their meeting": a plural pronoun takes
                        // the coordinated subject whole.
                        if matches!(lem.as_str(), "they" | "them" | "their") {
                            for c in self.tree.kids(k) {
                                if self.rel(c) == "conj" {
                                    for &a in self.covering(c) {
                                        if self.actors[a as usize].usable {
                                            Self::push_unique(out, a as usize);
                                        }
                                    }
                                }
                            }
                        }
                        return;
                    }
                }
            }
            v = self.tree.head(x);
        }
        for &a in self.prev_subject {
            Self::push_unique(out, a);
        }
    }

    /// "praised Mozambique for its efforts", "sanctioned Russia over its invasion",
    /// "congratulated Kenya on its election": a possessive "its"/"their" on the noun of
    /// a for/over/on/of phrase of a verb that has an actor object is that object — the
    /// reason given for acting on someone is that one's own. Returns whether it
    /// resolved the pronoun.
    fn object_owns_reason(&self, t: usize, lem: &str, out: &mut Vec<usize>) -> bool {
        if self.rel(t) != "nmod:poss" || !matches!(lem, "its" | "their") {
            return false;
        }
        let Some(n) = self.tree.head(t) else {
            return false;
        };
        if base(self.rel(n)) != "obl"
            || !matches!(
                self.case_of(n),
                Some("for" | "over" | "on" | "of" | "about")
            )
        {
            return false;
        }
        let Some(v) = self.tree.head(n) else {
            return false;
        };
        if !matches!(self.s.upos(v), Upos::VERB) {
            return false;
        }
        let Some(o) = self.kids_rel(v, "obj").next() else {
            return false;
        };
        // "its" is one actor; "their" the coordinated object whole.
        let conjuncts: Vec<usize> = if lem == "their" {
            self.kids_rel(o, "conj").collect()
        } else {
            Vec::new()
        };
        let mut objs = Vec::new();
        for node in std::iter::once(o).chain(conjuncts) {
            for &a in self.covering(node) {
                if self.actors[a as usize].usable && !self.actors[a as usize].weak {
                    Self::push_unique(&mut objs, a as usize);
                }
            }
        }
        let fits = match lem {
            "its" => objs.len() == 1,
            _ => !objs.is_empty(),
        };
        if !fits {
            return false;
        }
        for a in objs {
            Self::push_unique(out, a);
        }
        true
    }

    fn kids_rel<'b>(&'b self, v: usize, rel: &'b str) -> impl Iterator<Item = usize> + 'b {
        self.tree.kids(v).filter(move |&k| self.rel(k) == rel)
    }

    /// Subject of a clause headed by `v`: (source actors, passive?) following control,
    /// coordination, adverbial and adnominal clauses up the tree when the clause has no
    /// subject of its own.
    pub fn subject_of(&self, v: usize, out: &mut Vec<usize>, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let mut passive = false;
        for k in self.tree.kids(v) {
            match self.rel(k) {
                "nsubj" | "csubj" => {
                    let before = out.len();
                    self.actors_of(k, out);
                    if out.len() == before {
                        // "Jenrick, the shadow secretary for Britain's …" (extract/doer.rs).
                        self.appositive_subject(k, out);
                    }
                    self.companions(k, out);
                }
                "nsubj:pass" => passive = true,
                _ => {}
            }
        }
        if passive {
            // A passive clause that also got an active subject is misparsed ("five
            // people … were killed" with "people" as nsubj): only the agent does it.
            if self
                .tree
                .kids(v)
                .any(|k| self.rel(k) == "aux:pass" || self.rel(k) == "nsubj:pass")
                && self
                    .tree
                    .kids(v)
                    .any(|k| base(self.rel(k)) == "nsubj" && self.rel(k) != "nsubj:pass")
            {
                out.clear();
            }
            for k in self.tree.kids(v) {
                let r = self.rel(k);
                if r == "obl:agent" || (base(r) == "obl" && self.case_of(k) == Some("by")) {
                    self.actors_of(k, out);
                }
            }
            // "were killed in an al-Shabab attack": the attack's doer (extract/force.rs).
            if out.is_empty() {
                self.violence_noun_agent(v, out);
            }
            return true;
        }
        if out.is_empty() {
            // "The offensive by Somali forces pushed al-Shabab out …" (extract/force.rs).
            self.violence_subject_owner(v, out);
        }
        if out.is_empty() {
            // "… smaller than before Russia invaded Ukraine", parsed with "Russia" on
            // another head: a finite verb of a subordinate clause has a subject, and
            // the actor right before it is that subject.
            self.stranded_subject(v, out);
        }
        if !out.is_empty() || self.tree.kids(v).any(|k| base(self.rel(k)) == "nsubj") {
            return false;
        }
        let Some(h) = self.tree.head(v) else {
            return false;
        };
        // A relative clause with no subject of its own and no relative pronoun ("the
        // BLA, quickly claimed responsibility" parsed as a reduced relative), or a
        // gerund on a noun ("militants attacking the convoy"): the noun is the doer.
        // So is a past participle with an object on a root noun: the sentence has no
        // main verb, so "Nigerian troops killed 30 fighters" was misread as a reduced
        // relative ("troops [who were] killed"); a passive participle takes no object.
        // The same misreading under a trailing reporting verb ("Nigerian troops killed
        // 20 fighters, the army said", the noun an argument of "said"): the noun's head
        // is a verb after the participle (extract/material.rs).
        let misread_main = self.rel(v) == "acl"
            && (self.rel(h) == "root"
                || material::trailing_head(&self.tree, self.s, h, v)
                || self.lone_participle(v))
            && matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN | Upos::PRON)
            && self.tree.kids(v).any(|k| self.rel(k) == "obj")
            && !self.tree.kids(v).any(|k| base(self.rel(k)) == "aux");
        if self.rel(v) == "acl:relcl"
            || (self.rel(v) == "acl" && self.s.feats_str(v).contains("VerbForm=Ger"))
            || misread_main
        {
            self.actors_of(h, out);
            if !out.is_empty() {
                return false;
            }
        }
        // "prompting Tokyo to summon the ambassador": the causative's object does it
        // (extract/background.rs).
        if let Some(o) = self.causative_object(v) {
            let before = out.len();
            self.actors_of(o, out);
            if out.len() > before {
                return false;
            }
        }
        match base(self.rel(v)) {
            "xcomp" if self.tree.kids(h).any(|k| self.rel(k) == "nsubj:pass") => {
                // Raising or control from a passive ("Britain is expected to meet
                // Japan", "Iran was urged to resume talks"): the passive subject does
                // the embedded act.
                for k in self.kids_rel(h, "nsubj:pass") {
                    self.actors_of(k, out);
                    self.companions(k, out);
                }
                false
            }
            "xcomp" => {
                // Object control ("urged Iran to talk"): the object is the subject.
                if let Some(o) = self.kids_rel(h, "obj").next() {
                    if self
                        .head_control(h)
                        .is_some_and(|c| c == Control::Request || c == Control::Demand)
                    {
                        self.actors_of(o, out);
                        return false;
                    }
                }
                self.subject_of(h, out, depth + 1)
            }
            "advcl" | "conj"
                if out.is_empty() && self.adjunct_under_adverbial(v, h, out, depth) =>
            {
                // "… since the withdrawal started, capturing territory" (extract/doer.rs).
                false
            }
            "conj" => {
                let passive = self.subject_of(h, out, depth + 1);
                if out.is_empty() && !passive {
                    self.reporter_of_conjunct(v, h, out, depth);
                }
                passive
            }
            "advcl" => self.subject_of(h, out, depth + 1),
            "acl" => {
                // "the decision of X to upgrade", "a step to strengthen" (object of a clause).
                let before = out.len();
                for k in self.tree.kids(h) {
                    let r = self.rel(k);
                    if r == "nmod:poss"
                        || (base(r) == "nmod" && matches!(self.case_of(k), Some("of" | "by")))
                    {
                        self.actors_of(k, out);
                    }
                }
                // "Russia became the first country to recognize …" (extract/coop.rs).
                if out.len() == before && self.ranked_predicate_subject(h, out, depth) {
                    return false;
                }
                // "advanced on the town of Sake, capturing …" (extract/doer.rs).
                if out.len() == before && self.adjunct_participle_subject(v, h, out, depth) {
                    return false;
                }
                if out.len() == before && matches!(base(self.rel(h)), "obj" | "nsubj") {
                    if let Some(hh) = self.tree.head(h) {
                        if base(self.rel(h)) == "obj" && !self.judges_others_act(hh) {
                            return self.subject_of(hh, out, depth + 1);
                        }
                    }
                }
                false
            }
            _ => false,
        }
    }

    /// "China's Foreign Ministry said the drills threatened regional stability and
    /// accused Washington of stoking tension": the parser hangs the second verb on the
    /// reported clause ("threatened"), whose subject ("the drills") is no actor, so the
    /// verb would have no doer. When that verb is itself a verbal act (a statement,
    /// appeal, accusation, rejection, threat: roots 01, 02, 10–13) and the reported
    /// clause's subject names no actor, the reporter is the doer — reporters accuse,
    /// drills do not. Acts of other kinds keep the reported clause's subject ("officials
    /// said the storm destroyed homes and killed five people": nobody killed them).
    fn reporter_of_conjunct(&self, v: usize, h: usize, out: &mut Vec<usize>, depth: usize) {
        const VERBAL_ROOTS: &[&str] = &["01", "02", "10", "11", "12", "13"];
        if !matches!(base(self.rel(h)), "ccomp" | "parataxis") {
            return;
        }
        let verbal = self
            .patterns
            .verb(&self.lemma(v).to_ascii_lowercase())
            .iter()
            .any(|p| p.code.len() >= 2 && VERBAL_ROOTS.contains(&&p.code[..2]));
        if !verbal {
            return;
        }
        let Some(say) = self.tree.head(h) else {
            return;
        };
        let is_say = self
            .patterns
            .verb(&self.lemma(say).to_ascii_lowercase())
            .iter()
            .any(|p| p.control == Control::Say);
        if is_say {
            self.subject_of(say, out, depth + 1);
        }
    }

    /// Whether event noun `n` is what someone is thanked, praised or congratulated for:
    /// the "for"/"on" phrase of such a verb.
    fn gratitude_reason(&self, n: usize) -> bool {
        base(self.rel(n)) == "obl"
            && matches!(self.case_of(n), Some("for" | "on"))
            && self.tree.head(n).is_some_and(|v| {
                matches!(
                    self.lemma(v).to_ascii_lowercase().as_str(),
                    "thank"
                        | "praise"
                        | "commend"
                        | "congratulate"
                        | "hail"
                        | "applaud"
                        | "laud"
                        | "credit"
                        | "salute"
                )
            })
    }

    /// Whether verb `v` judges or answers an act rather than doing it: "called the
    /// decision to reimprison Zamora a blatant case of…", "condemned the decision to
    /// expel", "welcomed the move to reopen": whose decision it was is not said, and it
    /// is not the judge's (disapproval and rejection, 11 and 12, or a characterising or
    /// welcoming verb).
    fn judges_others_act(&self, v: usize) -> bool {
        let lemma = self.lemma(v).to_ascii_lowercase();
        matches!(
            lemma.as_str(),
            "call"
                | "describe"
                | "term"
                | "label"
                | "brand"
                | "dub"
                | "welcome"
                | "praise"
                | "hail"
                | "applaud"
                | "endorse"
        ) || self
            .match_verb(v)
            .is_some_and(|p| matches!(p.code.get(..2), Some("11" | "12")))
    }

    /// Whether actor `a` is a companion of the subject ("along with Britain"): it
    /// acts with the subject, not on it.
    fn companion(&self, a: usize) -> bool {
        let ac = &self.actors[a];
        if !ac.in_sentence {
            return false;
        }
        let Some(mut x) = (0..self.s.len()).find(|&i| {
            let sp = self.s.token_span(i);
            sp.start < ac.end && ac.start < sp.end
        }) else {
            return false;
        };
        for _ in 0..4 {
            // "fought alongside Syrian forces" (an oblique since extract/retag.rs
            // re-reads "alongside" as its preposition): allies, not targets.
            let along = matches!(base(self.rel(x)), "nmod" | "obl")
                && self.tree.kids(x).any(|m| {
                    matches!(base(self.rel(m)), "case" | "advmod")
                        && matches!(
                            self.lemma(m).to_ascii_lowercase().as_str(),
                            "along" | "together" | "alongside"
                        )
                });
            if along {
                return true;
            }
            match self.tree.head(x) {
                Some(h)
                    if matches!(
                        base(self.rel(x)),
                        "conj" | "flat" | "compound" | "nmod" | "amod"
                    ) =>
                {
                    x = h
                }
                _ => return false,
            }
        }
        false
    }

    /// Whether clause `v` is the "to"-infinitive of purpose of an official complaint
    /// ("summoned the ambassador to protest …").
    fn purpose_of_complaint(&self, v: usize) -> bool {
        matches!(base(self.rel(v)), "advcl" | "xcomp")
            && self
                .tree
                .kids(v)
                .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to"))
            && self
                .tree
                .head(v)
                .and_then(|h| self.match_verb(h))
                .is_some_and(|p| p.code.starts_with("114"))
    }

    /// Whether a violent act has an ally beside its doer: an oblique marked
    /// "alongside" ("fought alongside Syrian forces").
    fn fought_alongside(&self, t: usize) -> bool {
        self.tree.kids(t).any(|k| {
            base(self.rel(k)) == "obl"
                && self
                    .case_of(k)
                    .is_some_and(|c| c.eq_ignore_ascii_case("alongside"))
        })
    }

    /// Companions of a subject phrase: "the United States, along with Britain and
    /// France, called …", "Kenya, together with Uganda, …" — each does the act.
    fn companions(&self, subj: usize, out: &mut Vec<usize>) {
        for k in self.tree.kids(subj) {
            if base(self.rel(k)) != "nmod"
                || !self
                    .tree
                    .kids(k)
                    .any(|m| self.rel(m) == "case" && lower_eq(self.lemma(m), "with"))
            {
                continue;
            }
            let along = self.tree.kids(k).any(|m| {
                matches!(base(self.rel(m)), "case" | "advmod")
                    && matches!(
                        self.lemma(m).to_ascii_lowercase().as_str(),
                        "along" | "together"
                    )
            });
            if along {
                self.actors_of(k, out);
            }
        }
    }

    /// An event noun modifying a noun that is no event names a kind of person or thing
    /// ("protest leaders", "attack helicopters"), not an event.
    fn kind_modifier(&self, t: usize) -> bool {
        // "prisoners of war", "veterans of the war", "crimes of war": the war names
        // what the people or acts are, not a war fought in this sentence.
        const OF_KIND: &[&str] = &[
            "prisoner",
            "prisoners",
            "veteran",
            "veterans",
            "pow",
            "pows",
        ];
        if base(self.rel(t)) == "nmod"
            && self.s.upos(t) == Upos::NOUN
            && self.case_of(t).is_some_and(|c| lower_eq(c, "of"))
            && self.tree.head(t).is_some_and(|h| {
                OF_KIND.contains(&self.lemma(h).to_ascii_lowercase().as_str())
                    || OF_KIND.contains(&self.s.form(self.text, h).to_ascii_lowercase().as_str())
            })
        {
            return true;
        }
        self.rel(t) == "compound"
            && self.s.upos(t) == Upos::NOUN
            && self
                .tree
                .head(t)
                .is_some_and(|h| self.match_noun(h).is_none() && self.match_verb(h).is_none())
    }

    /// Whether the clause of `v` is the content of an accusation, denial or criticism,
    /// or the reason given for a punishment — "accusing it of providing support",
    /// "denying it was planning to repatriate them", "condemned Thailand for sending
    /// them back", "sanctioned for undermining democracy" — reported as claimed or as
    /// background, not as an event of the sentence (docs/gold-guidelines.md codes only
    /// the accusation).
    fn unasserted(&self, v: usize) -> bool {
        // Denied, alleged or requested content in the other shapes (extract/complement.rs).
        // A purpose infinitive ("travelled to Doha to discuss …", extract/parties.rs).
        // What someone is barred from doing ("barring them from trading with China",
        // "blocked trucks from entering Gaza") is prevented, not done.
        if self.barred_from(v)
            || self.reported_content(v)
            || self.inside_condition(v)
            || self.purpose_clause(v)
            || self.open_or_abstract(v)
            // "Moscow is unlikely to attack …", "accused [the Taliban of sheltering …]"
            // (extract/background.rs).
            || self.forecast(v)
            || self.accused_of(v)
        {
            return true;
        }
        // What is threatened, refused or called off (extract/verbal.rs).
        if self.undone_object(v) || self.demanded_content(v) {
            return true;
        }
        // Conflict judged unlikely or only possible (extract/conflict.rs).
        if self.judged_possible(v) {
            return true;
        }
        let mut x = v;
        for _ in 0..7 {
            let r = base(self.rel(x));
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            match r {
                "xcomp" | "conj" => {
                    x = h;
                    continue;
                }
                // A nominal event inside the content ("accused the Taliban of plotting
                // the attack") climbs through its noun phrase like a clause does.
                "ccomp" | "advcl" | "acl" | "obj" | "obl" | "nmod" => {}
                _ => return false,
            }
            let marker = |words: &[&str]| {
                self.tree.kids(x).any(|k| {
                    matches!(self.rel(k), "mark" | "case")
                        && words.contains(&self.lemma(k).to_ascii_lowercase().as_str())
                })
            };
            let marked = marker(&["of", "for"]);
            // The reason for a punishment is given with "for" ("sanctioned for
            // undermining"); "the suspension of aid" names what is punished.
            let marked_for = marker(&["for"]);
            let hl = self.lemma(h).to_ascii_lowercase();
            let cands = if matches!(self.s.upos(h), Upos::NOUN) {
                self.patterns.noun(&hl)
            } else {
                self.patterns.verb(&hl)
            };
            let accusing = cands.iter().any(|p| p.code.starts_with("11"));
            let denying = cands.iter().any(|p| p.code == "016");
            if self.rel(x) == "acl:relcl" && accusing && matches!(self.s.upos(h), Upos::NOUN) {
                // ", an accusation Pristina rejected": what the writer says of the
                // accusation, not part of it.
                return false;
            }
            let punishing = cands
                .iter()
                .any(|p| p.code.starts_with("16") || p.code.starts_with("17"));
            // What someone is charged with ("charged 13 people with insulting the
            // president") is the prosecutors' claim, like an accusation's content.
            let charged_with = marker(&["with"]) && matches!(hl.as_str(), "charge" | "indict");
            if ((r == "ccomp" || marked) && (accusing || denying))
                || (marked_for && punishing)
                || charged_with
            {
                return true;
            }
            if r == "ccomp" {
                return false;
            }
            x = h;
        }
        false
    }

    /// An event noun that is the subject of a merely possible happening ("a ceasefire
    /// … could take place within days") or what someone hopes for ("he hopes a
    /// ceasefire …") is not reported as an event.
    fn merely_hoped(&self, trigger: usize) -> bool {
        if !matches!(self.s.upos(trigger), Upos::NOUN | Upos::PROPN) {
            return false;
        }
        // "in response to any new British sanctions", "a possible attack": no act in
        // particular (session 13).
        if self.tree.kids(trigger).any(|k| {
            let l = self.lemma(k).to_ascii_lowercase();
            (self.rel(k) == "det" && l == "any")
                || (self.rel(k) == "amod" && matches!(l.as_str(), "possible" | "potential"))
        }) {
            return true;
        }
        self.tree.head(trigger).is_some_and(|h| {
            let r = base(self.rel(trigger));
            (r == "nsubj"
                && self.tree.kids(h).any(|k| {
                    self.rel(k) == "aux"
                        && matches!(
                            self.lemma(k).to_ascii_lowercase().as_str(),
                            "could" | "might" | "may" | "would" | "can"
                        )
                }))
                || (matches!(r, "obj" | "obl")
                    && matches!(self.lemma(h).to_ascii_lowercase().as_str(), "hope" | "wish"))
        })
    }

    /// Whether event word `t` names a thing someone refused or did not take part in:
    /// "refused to join arms control talks with the United States", "would not
    /// attend any meeting hosted by ECOWAS" (the participle on such a thing too). The
    /// refusal is the event; the talks and the hosting are not acts of the sentence.
    fn refused_thing(&self, t: usize) -> bool {
        let noun = if matches!(self.s.upos(t), Upos::NOUN | Upos::PROPN) {
            t
        } else if self.rel(t) == "acl"
            && matches!(self.s.xpos(t), "VBN" | "VBG")
            && !self.tree.kids(t).any(|k| base(self.rel(k)) == "nsubj")
        {
            match self.tree.head(t) {
                Some(n) if matches!(self.s.upos(n), Upos::NOUN | Upos::PROPN) => {
                    if self.merely_hoped(n) {
                        return true;
                    }
                    n
                }
                _ => return false,
            }
        } else {
            return false;
        };
        if !matches!(base(self.rel(noun)), "obj" | "obl") {
            return false;
        }
        let Some(h) = self
            .tree
            .head(noun)
            .filter(|&h| self.s.upos(h) == Upos::VERB)
        else {
            return false;
        };
        if self.negated(h) {
            return true;
        }
        // Up the chain of controlled verbs ("refused to join arms control talks", with
        // "control" read as a verb).
        let mut x = h;
        for _ in 0..3 {
            if base(self.rel(x)) != "xcomp" {
                return false;
            }
            let Some(g) = self.tree.head(x) else {
                return false;
            };
            if self.head_control(g) == Some(Control::Refuse) || self.negated(g) {
                return true;
            }
            x = g;
        }
        false
    }

    /// Whether event word `t` is what a verb of cutting relations (a 16 pattern:
    /// suspend, freeze, halt …) stops: its object or controlled complement (asked only
    /// of acts of cooperation; "tightened the embargo" is an embargo still).
    fn cut_off(&self, t: usize) -> bool {
        matches!(base(self.rel(t)), "xcomp" | "obj")
            && self.tree.head(t).is_some_and(|h| {
                self.s.upos(h) == Upos::VERB
                    && self.match_verb(h).is_some_and(|q| q.code.starts_with("16"))
            })
    }

    /// "pleaded guilty" admits the charge: only "pleaded not guilty" (or innocent) is a
    /// denial (016), and the dictionary line cannot see the "not" on the adjective.
    fn pleaded_guilty(&self, t: usize, p: &Pattern) -> bool {
        p.lemma == "plead"
            && p.code == "016"
            && self.tree.kids(t).any(|k| {
                lower_eq(self.lemma(k), "guilty")
                    && !self.tree.kids(k).any(|m| {
                        matches!(self.lemma(m).to_ascii_lowercase().as_str(), "not" | "n't")
                    })
            })
            && !self.negated(t)
    }

    /// The verb carrying "must" for the clause of `v` (itself, or a verb it depends on
    /// through control, coordination or an adverbial clause: "must stop killing",
    /// "must be united in addressing and condemning").
    fn must_node(&self, v: usize) -> Option<usize> {
        let mut x = v;
        for _ in 0..5 {
            if self
                .tree
                .kids(x)
                .any(|k| self.rel(k) == "aux" && lower_eq(self.lemma(k), "must"))
            {
                return Some(x);
            }
            match self.tree.head(x) {
                Some(h) if matches!(base(self.rel(x)), "xcomp" | "conj" | "advcl") => x = h,
                _ => return None,
            }
        }
        None
    }

    /// An appeal or demand verb that states what is asked for ("demanded reforms",
    /// "called for tighter controls", "urged owners to …") but not who must act in a
    /// "that" clause the tree could not resolve, nor a request for comment.
    fn domestic_appeal(&self, v: usize) -> bool {
        // "called on both sides …" with no pair known (extract/groups.rs).
        if self.unfilled_pair_object(v) {
            return false;
        }
        let mut asked = false;
        for k in self.tree.kids(v) {
            match base(self.rel(k)) {
                "ccomp" => return false,
                "obj" | "obl" | "xcomp" => {
                    if self.lemma(k).eq_ignore_ascii_case("comment") {
                        return false;
                    }
                    asked = true;
                }
                _ => {}
            }
        }
        asked
    }

    /// Whether the clause of `t` is not reported speech of someone else.
    fn speakerless(&self, t: usize) -> bool {
        self.attribution(t).is_none()
    }

    /// A verb of reluctance, whose negation affirms what it governs ("will not hesitate
    /// to respond").
    fn reluctance(&self, h: usize) -> bool {
        self.lemma(h).eq_ignore_ascii_case("hesitate")
    }

    /// The "if"/"unless" clause attached to the clause of `v` or to a verb governing it
    /// through control.
    fn condition_of(&self, v: usize) -> Option<usize> {
        let mut x = v;
        for _ in 0..4 {
            if let Some(c) = self.tree.kids(x).find(|&k| {
                base(self.rel(k)) == "advcl"
                    && self.tree.kids(k).any(|m| {
                        self.rel(m) == "mark"
                            && matches!(
                                self.lemma(m).to_ascii_lowercase().as_str(),
                                "if" | "unless"
                            )
                    })
            }) {
                return Some(c);
            }
            match self.tree.head(x) {
                Some(h) if base(self.rel(x)) == "xcomp" => x = h,
                _ => return None,
            }
        }
        None
    }

    /// Whether `x` heads an "if"/"unless" adverbial clause.
    fn condition_clause(&self, x: usize) -> bool {
        // (A complement clause with "if" is a condition misparsed or an indirect
        // question — "warned that it would retaliate if the United States raised
        // tariffs", "asked if Iran would attend" —: no event either.)
        matches!(base(self.rel(x)), "advcl" | "ccomp")
            && self.tree.kids(x).any(|k| {
                self.rel(k) == "mark"
                    && matches!(self.lemma(k).to_ascii_lowercase().as_str(), "if" | "unless")
            })
    }

    /// Whether the clause of `v` is the condition of another ("… could take place
    /// within days if the Kremlin agrees", "if the United States escalates, …"): a
    /// hypothetical, not an event (docs/gold-guidelines.md; the threat made in the
    /// main clause is coded).
    fn conditional(&self, v: usize) -> bool {
        let mut x = v;
        for _ in 0..4 {
            if self.condition_clause(x) {
                return true;
            }
            match self.tree.head(x) {
                Some(h) if matches!(base(self.rel(x)), "xcomp" | "conj") => x = h,
                _ => return false,
            }
        }
        false
    }

    /// Whether the clause of `v` (or a verb governing it through control) states a
    /// habit rather than an event: "the group frequently conducts bombings", "the
    /// Taliban routinely deny providing sanctuary". The gold set does not code
    /// habitual and generic statements (docs/gold-guidelines.md).
    fn habitual(&self, v: usize) -> bool {
        const HABIT: &[&str] = &[
            "frequently",
            "routinely",
            "regularly",
            "often",
            "usually",
            "typically",
            "habitually",
            "generally",
            "commonly",
            "customarily",
        ];
        let mut x = v;
        for _ in 0..4 {
            if self.tree.kids(x).any(|k| {
                base(self.rel(k)) == "advmod"
                    && HABIT.contains(&self.lemma(k).to_ascii_lowercase().as_str())
            }) {
                return true;
            }
            match self.tree.head(x) {
                Some(h) if matches!(base(self.rel(x)), "xcomp") => x = h,
                _ => return false,
            }
        }
        false
    }

    /// Whether the tree gives the clause of `v` an active subject phrase (its own, or
    /// one shared through control, coordination or an adverbial clause), actor or not.
    fn has_subject_phrase(&self, v: usize, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        if self
            .tree
            .kids(v)
            .any(|k| matches!(self.rel(k), "nsubj" | "csubj"))
        {
            return true;
        }
        if self.tree.kids(v).any(|k| self.rel(k) == "nsubj:pass") {
            return false;
        }
        let Some(h) = self.tree.head(v) else {
            return false;
        };
        match base(self.rel(v)) {
            "xcomp" | "conj" | "advcl" => self.has_subject_phrase(h, depth + 1),
            "acl" => matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN | Upos::PRON),
            _ => false,
        }
    }

    fn head_control(&self, h: usize) -> Option<Control> {
        let lem = self.lemma(h);
        self.patterns
            .verb(lem)
            .iter()
            .map(|p| p.control)
            .find(|c| *c != Control::None)
    }

    /// Whether `noun` or one of its modifiers matches a lemma list.
    fn noun_matches(&self, noun: usize, words: &[String]) -> bool {
        if words.iter().any(|w| w == crate::patterns::POLITY) && self.names_polity(noun) {
            return true;
        }
        let hit = |i: usize| words.iter().any(|w| lower_eq(w, self.lemma(i)));
        if hit(noun) {
            return true;
        }
        if self.reversing_head(noun) {
            // "announced the easing of sanctions" does not announce sanctions (reversal.rs).
            return false;
        }
        // "hosts tens of thousands of Nicaraguan exiles": through a quantity's "of".
        if matches!(
            self.lemma(noun).to_ascii_lowercase().as_str(),
            "ten"
                | "tens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "dozen"
                | "dozens"
                | "number"
                | "score"
                | "scores"
        ) {
            if let Some(k) = self.tree.kids(noun).find(|&k| {
                base(self.rel(k)) == "nmod" && self.case_of(k).is_some_and(|c| lower_eq(c, "of"))
            }) {
                return self.noun_matches(k, words);
            }
        }
        for k in self.tree.kids(noun) {
            if matches!(base(self.rel(k)), "compound" | "amod" | "conj" | "nmod") && hit(k) {
                return true;
            }
            if self.rel(k) == "conj"
                && self
                    .tree
                    .kids(k)
                    .any(|kk| matches!(base(self.rel(kk)), "compound" | "amod") && hit(kk))
            {
                return true;
            }
            // A title two words before the name it heads ("Russian Ambassador Oleg
            // Ozerov": the title hangs on the first name).
            if matches!(base(self.rel(k)), "compound" | "flat")
                && self.s.upos(noun) == Upos::PROPN
                && self
                    .tree
                    .kids(k)
                    .any(|kk| matches!(base(self.rel(kk)), "compound" | "flat") && hit(kk))
            {
                return true;
            }
        }
        false
    }

    /// Whether the noun itself or a compound/adjective on it has one of the lemmas.
    /// Whether a noun names a state, a government or an organisation (the dictionary's
    /// `obj=@polity`): an actor covers it that is no people, armed group or mere
    /// agent word.
    fn names_polity(&self, noun: usize) -> bool {
        self.covering(noun).iter().any(|&a| {
            let a = &self.actors[a as usize];
            a.usable && !a.civilian && !a.armed_group && !a.weak
        })
    }

    fn noun_matches_closely(&self, noun: usize, words: &[String]) -> bool {
        let hit = |i: usize| words.iter().any(|w| lower_eq(w, self.lemma(i)));
        hit(noun)
            || self
                .tree
                .kids(noun)
                .any(|k| matches!(base(self.rel(k)), "compound" | "amod") && hit(k))
    }

    /// The complements a verb pattern's `obj=` may be checked against.
    fn verb_complements(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        // In a relative clause the relativised noun is the object ("a charge X rejected").
        // So is the noun a past participle with an agent modifies ("forces backed by X").
        let head = self
            .tree
            .head(v)
            .filter(|_| self.rel(v) == "acl:relcl")
            .or_else(|| self.patient_of_participle(v));
        // "ordered French forces to leave" with "to leave" read as an adverbial
        // clause: after an object, an infinitive is its complement as in the xcomp
        // reading.
        let has_obj = self.tree.kids(v).any(|k| self.rel(k) == "obj");
        head.into_iter().chain(self.tree.kids(v).filter(move |&k| {
            matches!(self.rel(k), "obj" | "nsubj:pass" | "xcomp" | "iobj")
                || base(self.rel(k)) == "obl"
                || (has_obj
                    && self.rel(k) == "advcl"
                    && self
                        .tree
                        .kids(k)
                        .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to")))
        }))
    }

    /// Pick the pattern for a verb token.
    pub fn match_verb(&self, v: usize) -> Option<&'a Pattern> {
        // "called the Saudi crown prince": telephoning (extract/consult.rs).
        // "Aid from the UAE arrived in Port Sudan": aid, not a visit (extract/coop.rs).
        if let Some(p) = self
            .phone_call_verb(v)
            .or_else(|| self.welcome_visitor(v))
            .or_else(|| self.arrival_of_aid(v))
        {
            return Some(p);
        }
        let cands = self.patterns.verb(&self.s.lemma(v).to_ascii_lowercase());
        cands
            .iter()
            .filter(|p| {
                if let Some(prt) = &p.particle {
                    // The parser often attaches a particle as an adverb ("sent 109 men
                    // back to China": `advmod`).
                    if !self.tree.kids(v).any(|k| {
                        matches!(self.rel(k), "compound:prt" | "advmod")
                            && lower_eq(self.lemma(k), prt)
                    }) {
                        return false;
                    }
                }
                if let Some(w) = &p.with {
                    // A date is no complement: "called X on Wednesday" is no "call on".
                    // Where the preposition also introduces the target ("travel to",
                    // "send envoys to"), it is a place or party, not an infinitive's
                    // "to" ("could send envoys to check up on them").
                    let nominal = p.target_preps.iter().any(|t| lower_eq(t, w));
                    if !self.tree.kids(v).any(|k| {
                        let rel = base(self.rel(k));
                        (rel == "obl" || (!nominal && matches!(rel, "advcl" | "xcomp")))
                            && self.case_of(k).is_some_and(|c| lower_eq(c, w))
                            && !self.dates.iter().any(|&(t, _)| t == k)
                    }) && !self.under_on_object(v, w)
                    {
                        return false;
                    }
                }
                // A blocker's object words name the thing itself: "met opposition
                // leaders" (people, an actor) is no "met opposition" (session 17).
                let blocker_hits = |k: usize| {
                    !p.code.is_empty()
                        || p.object.iter().any(|w| lower_eq(w, self.lemma(k)))
                        || !self
                            .covering(k)
                            .iter()
                            .any(|&a| self.actors[a as usize].usable)
                };
                if !p.object.is_empty()
                    && !self
                        .verb_complements(v)
                        .any(|k| self.noun_matches(k, &p.object) && blocker_hits(k))
                {
                    return false;
                }
                // "hit Hezbollah targets" is no "hit its target" (extract/force.rs).
                if p.code.is_empty() && self.military_object(v, p) {
                    return false;
                }
                p.control != Control::Light
            })
            .fold(None, |best: Option<(&'a Pattern, (usize, bool))>, p| {
                // Most specific first; among equals, one whose object is the head itself
                // ("trade facilitation and economic ties": trade, not ties); then file order.
                let close = !p.object.is_empty()
                    && self
                        .verb_complements(v)
                        .any(|k| self.noun_matches_closely(k, &p.object));
                let key = (p.specificity(), close);
                match best {
                    Some((_, bk)) if bk >= key => best,
                    _ => Some((p, key)),
                }
            })
            .map(|(p, _)| p)
    }

    /// Pick the pattern for a noun token.
    pub fn match_noun(&self, n: usize) -> Option<&'a Pattern> {
        if self.inside_proper_name(n) {
            return None;
        }
        // "received a call from X", "held a call with X" (extract/consult.rs).
        if let Some(p) = self.phone_call_noun(n) {
            return Some(p);
        }
        let cands = self.patterns.noun(&self.s.lemma(n).to_ascii_lowercase());
        cands.iter().find(|p| {
            // `with=` on a noun: a complement of the noun with this preposition
            // ("an agreement among X, Y and Z").
            if p.with.as_ref().is_some_and(|w| {
                !self.tree.kids(n).any(|k| {
                    base(self.rel(k)) == "nmod" && self.case_of(k).is_some_and(|c| lower_eq(c, w))
                })
            }) {
                return false;
            }
            if p.object.is_empty() {
                return true;
            }
            let head_hit = self.tree.head(n).is_some_and(|h| {
                matches!(base(self.rel(n)), "compound" | "amod")
                    && p.object.iter().any(|w| lower_eq(w, self.lemma(h)))
            });
            head_hit
                || self
                    .tree
                    .kids(n)
                    .any(|k| p.object.iter().any(|w| lower_eq(w, self.lemma(k))))
        })
    }

    /// A capitalised word in the middle of a title-case name — "Rapid **Support**
    /// Forces", "the African Union **Support** and Stabilization Mission", "the Gaza
    /// **Peace** Summit" — is part of the name, no event noun (session 17).
    fn inside_proper_name(&self, n: usize) -> bool {
        let cap = |k: usize| {
            self.s
                .form(self.text, k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let len = self.s.len();
        if n == 0 || n + 1 >= len || !cap(n) || !cap(n - 1) || self.s.xpos(n - 1) == "." {
            return false;
        }
        cap(n + 1)
            || (n + 2 < len
                && matches!(self.form_lc(n + 1).as_str(), "and" | "of" | "for")
                && cap(n + 2))
    }

    const DEFAULT_PREPS: &'static [&'static str] = &[
        "with", "to", "against", "on", "toward", "towards", "into", "at", "for", "from", "of",
    ];

    /// Targets of a trigger: object, indirect object, then prepositional complements.
    /// Actors in `skip` (the sources) are no targets: when the object only leads back to
    /// the doer ("Thailand turned 40 of them over to China", "them" read as Thailand),
    /// the prepositional complement is read instead.
    fn targets_of(
        &self,
        t: usize,
        p: &Pattern,
        passive: bool,
        skip: &[usize],
        out: &mut Vec<usize>,
        loc: &mut Option<usize>,
    ) {
        if passive {
            for k in self.kids_rel(t, "nsubj:pass") {
                self.actors_of(k, out);
            }
        }
        if out.is_empty() && p.pos == TriggerPos::Verb && !p.no_object_target {
            for k in self.tree.kids(t) {
                // "…, according to diplomats" read as an object: the report's source.
                let cited = self.case_of(k).is_some_and(cites);
                if matches!(self.rel(k), "obj" | "iobj") && !cited {
                    let before = out.len();
                    self.actors_of(k, out);
                    // "exchanged prisoners in Istanbul": a place the object is in is
                    // where it happened, not a party.
                    let mut placed = Vec::new();
                    for m in self.tree.kids(k) {
                        let case = self.case_of(m).map(|c| c.to_ascii_lowercase());
                        if base(self.rel(m)) == "nmod"
                            && matches!(case.as_deref(), Some("in" | "at"))
                        {
                            self.actors_of(m, &mut placed);
                        }
                    }
                    // Nor, in an exchange between coordinated doers, are the doers'
                    // own people given that place's country ("Russia and Ukraine
                    // exchanged prisoners in Istanbul", the prisoners read as Turkish).
                    let mutual = p.symmetric && skip.len() > 1;
                    let mut i = before;
                    while i < out.len() {
                        let a = out[i];
                        if (placed.contains(&a) && self.actors[a].place)
                            || (mutual
                                && !self.actors[a].place
                                && placed
                                    .iter()
                                    .any(|&pl| self.actors[pl].key == self.actors[a].key))
                        {
                            out.remove(i);
                        } else {
                            i += 1;
                        }
                    }
                    // "closed its embassy in Kabul", "reopened the consulate in
                    // Herat": the relation is with the host, where the post stands.
                    let post = matches!(
                        self.lemma(k).to_ascii_lowercase().as_str(),
                        "embassy" | "consulate" | "mission" | "legation"
                    );
                    if post && matches!(p.code.get(..1), Some("0" | "1")) && !placed.is_empty() {
                        out.truncate(before);
                        out.extend(placed.iter().copied());
                        continue;
                    }
                    if let Some(&pl) = placed.iter().find(|&&a| self.actors[a].place) {
                        loc.get_or_insert(pl);
                    }
                }
            }
        }
        out.retain(|a| !skip.contains(a));
        // An object that is only an inferred agent word of the doer's own country
        // ("deported 173 people to Turkey", "people" inferred Thai) yields to a
        // prepositional target; it is the target only when there is none.
        // So does a pronoun resolved to the doer's own country by the previous text
        // ("Thailand turned 40 of them over to China", "them" resolved as Thai).
        // Violence against "its leader" / "their commanders" done by the pronoun's own
        // referent is unlikely: "… the war, in which Israel killed its longtime leader"
        // (the group's). Such a phrase yields like an inferred one.
        let violent = matches!(p.code.get(..2), Some("18" | "19" | "20"));
        let own_weak = |a: usize| {
            (self.actors[a].weak
                || !self.actors[a].in_sentence
                || self.pronoun_actor(a)
                || (violent && self.pronoun_possessed(a)))
                && skip
                    .iter()
                    .any(|&s| self.actors[s].key == self.actors[a].key)
        };
        let fallback = if !out.is_empty() && out.iter().all(|&a| own_weak(a)) {
            std::mem::take(out)
        } else {
            Vec::new()
        };
        let preps: Vec<&str> = if p.target_preps.is_empty() {
            Self::DEFAULT_PREPS.to_vec()
        } else {
            p.target_preps.iter().map(String::as_str).collect()
        };
        // Prepositional complements of the trigger, then of its object.
        let scan = |node: usize, out: &mut Vec<usize>, loc: &mut Option<usize>| {
            for k in self.tree.kids(node) {
                if !matches!(base(self.rel(k)), "obl" | "nmod") || self.rel(k) == "nmod:poss" {
                    continue;
                }
                let case = self.case_of(k).map(|c| c.to_ascii_lowercase());
                let case = case.as_deref().unwrap_or("");
                if matches!(case, "in" | "at") && !preps.contains(&case) {
                    if loc.is_none() {
                        let mut tmp = Vec::new();
                        self.actors_of(k, &mut tmp);
                        *loc = tmp.into_iter().find(|&a| self.actors[a].place);
                    }
                    continue;
                }
                if (out.is_empty() && preps.contains(&case))
                    || (case == "between" && preps.contains(&"between"))
                {
                    if p.pos == TriggerPos::Noun && case == "of" && !preps.contains(&"of") {
                        continue;
                    }
                    self.actors_of(k, out);
                }
            }
        };
        scan(t, out, loc);
        if out.is_empty() && p.pos == TriggerPos::Verb {
            if let Some(o) = self.kids_rel(t, "obj").next() {
                scan(o, out, loc);
                // "launched hundreds of missiles and drones at Israel": through a
                // quantity's "of".
                if out.is_empty() {
                    for k in self.tree.kids(o) {
                        if base(self.rel(k)) == "nmod"
                            && self.case_of(k).is_some_and(|c| lower_eq(c, "of"))
                        {
                            scan(k, out, loc);
                        }
                    }
                }
                // "closed its border crossing with Mozambique" with "crossing" read as
                // a participle on "border": its complements are the object's.
                if out.is_empty() {
                    for k in self.kids_rel(o, "acl") {
                        let subjectless = !self.tree.kids(k).any(|c| base(self.rel(c)) == "nsubj");
                        if subjectless && self.s.feats_str(k).contains("VerbForm=Ger") && k == o + 1
                        {
                            scan(k, out, loc);
                        }
                    }
                }
            }
        }
        // "dispatched its own ships and aircraft to monitor them": what is sent is the
        // doer's own; whom it is sent against is the object of its purpose.
        if out.is_empty()
            && p.pos == TriggerPos::Verb
            && p.no_object_target
            && p.code.starts_with("15")
        {
            for k in self.tree.kids(t) {
                if matches!(base(self.rel(k)), "xcomp" | "advcl")
                    && self
                        .tree
                        .kids(k)
                        .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to"))
                {
                    for o in self.kids_rel(k, "obj") {
                        self.actors_of(o, out);
                    }
                }
            }
            out.retain(|a| !skip.contains(a));
        }
        if out.is_empty() && p.pos == TriggerPos::Verb && !p.no_object_target {
            // "as Tehran rejected its offer": a possessive pronoun in the object that
            // would lead back to the doer names the counterpart instead — the subject
            // of a governing clause, else the previous sentence's subject. Only when
            // the clause names no target of its own: in "Pakistan closed its border
            // crossings with Afghanistan" the crossings are Pakistan's and the party
            // is Afghanistan, whoever the previous sentence was about.
            for o in self.kids_rel(t, "obj") {
                // "fired a missile off its east coast": where a launch goes off from is
                // the doer's own coast ("bombed its territory" is not).
                if matches!(
                    self.lemma(t).to_ascii_lowercase().as_str(),
                    "fire" | "launch" | "test"
                ) && matches!(
                    self.lemma(o).to_ascii_lowercase().as_str(),
                    "coast" | "shore" | "coastline"
                ) {
                    continue;
                }
                // "suspended its operations in Saada", "withdrew its staff": what a
                // doer runs or employs is its own, not another's.
                if matches!(
                    self.lemma(o).to_ascii_lowercase().as_str(),
                    "operation"
                        | "operations"
                        | "activity"
                        | "activities"
                        | "staff"
                        | "work"
                        | "personnel"
                        | "employee"
                        | "programme"
                        | "program"
                        | "service"
                        | "services"
                        | "presence"
                        | "mission"
                        | "office"
                        | "offices"
                ) {
                    continue;
                }
                for k in self.tree.kids(o) {
                    if self.rel(k) == "nmod:poss" && self.s.upos(k) == Upos::PRON {
                        self.pronoun_other(k, skip, out);
                    }
                }
            }
        }
        if out.is_empty() {
            *out = fallback;
        }
    }

    /// Actors named in an "according to" phrase ([`cites`]): the source of the report,
    /// never a party of the act reported ("has offered to mediate, according to
    /// diplomats in Lome").
    fn cited_actors(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for k in 0..self.s.len() {
            if self.case_of(k).is_some_and(cites) {
                for i in 0..self.s.len() {
                    if !self.tree.dominates(k, i) {
                        continue;
                    }
                    // Not what a clause inside it says ("according to the agency,
                    // which said the two sides agreed …").
                    let mut x = i;
                    let mut clause = false;
                    while x != k {
                        if matches!(
                            base(self.rel(x)),
                            "acl" | "ccomp" | "advcl" | "parataxis" | "xcomp"
                        ) {
                            clause = true;
                            break;
                        }
                        match self.tree.head(x) {
                            Some(h) => x = h,
                            None => break,
                        }
                    }
                    if !clause {
                        out.extend(self.covering(i).iter().map(|&a| a as usize));
                    }
                }
            }
        }
        out
    }

    fn negated(&self, v: usize) -> bool {
        self.tree.kids(v).any(|k| {
            let l = self.lemma(k).to_ascii_lowercase();
            (matches!(base(self.rel(k)), "advmod" | "det" | "neg")
                && matches!(l.as_str(), "not" | "never" | "n't" | "no"))
                || self.s.feats_str(k).contains("Polarity=Neg")
                // "nearly shot down an American drone", "almost collided": what
                // nearly happened did not (session 17).
                || (self.rel(k) == "advmod"
                    && k < v
                    && self.s.upos(v) == Upos::VERB
                    && matches!(l.as_str(), "nearly" | "almost"))
        })
    }

    fn modality(&self, v: usize) -> Modality {
        // "is to visit", "is going to supply" (extract/complement.rs).
        if self.periphrastic_future(v) {
            return Modality::Intent;
        }
        for k in self.tree.kids(v) {
            if self.rel(k) == "aux" {
                match self.lemma(k).to_ascii_lowercase().as_str() {
                    "will" | "shall" => return Modality::Intent,
                    // "said it would send troops": the reported "will" (extract/complement.rs).
                    "would" if self.future_in_past(v) => return Modality::Intent,
                    "would" | "could" | "may" | "might" | "should" | "can" | "must" => {
                        return Modality::Hypothetical
                    }
                    _ => {}
                }
            }
            if self.rel(k) == "mark" && lower_eq(self.lemma(k), "if") {
                return Modality::Hypothetical;
            }
        }
        if self.rel(v) == "advcl"
            && self
                .tree
                .kids(v)
                .any(|k| self.rel(k) == "mark" && lower_eq(self.lemma(k), "if"))
        {
            return Modality::Hypothetical;
        }
        // "would find and kill": a bare verb coordinated with a modal one, with no
        // auxiliary or subject of its own, shares its modal (session 13).
        if self.rel(v) == "conj"
            && self.s.xpos(v) == "VB"
            && !self
                .tree
                .kids(v)
                .any(|k| base(self.rel(k)) == "aux" || base(self.rel(k)) == "nsubj")
        {
            if let Some(h) = self
                .tree
                .head(v)
                .filter(|&h| h < v && self.s.upos(h) == Upos::VERB)
            {
                return self.modality(h);
            }
        }
        // "will travel to Moscow for a summit with Putin": what a planned trip is for is
        // planned too.
        if matches!(self.s.upos(v), Upos::NOUN)
            && base(self.rel(v)) == "obl"
            && self.case_of(v).is_some_and(|c| lower_eq(c, "for"))
        {
            if let Some(h) = self.tree.head(v) {
                if self.s.upos(h) == Upos::VERB && self.modality(h) == Modality::Intent {
                    return Modality::Intent;
                }
            }
        }
        Modality::Actual
    }

    /// The date expression in the clause of `v` (its subtree, not descending into
    /// embedded clauses that have their own events).
    fn date_of(&self, nodes: &[usize]) -> Option<FuzzyDate> {
        let mut best: Option<(usize, FuzzyDate)> = None;
        for &(tok, d) in &self.dates {
            for &n in nodes {
                if self.tree.dominates(n, tok) {
                    // Depth from n: shallower wins.
                    let mut depth = 0;
                    let mut x = tok;
                    while x != n {
                        depth += 1;
                        x = self.tree.head(x).unwrap_or(n);
                    }
                    if best.is_none_or(|(bd, _)| depth < bd) {
                        best = Some((depth, d));
                    }
                }
            }
        }
        best.map(|b| b.1)
    }

    /// Who says so: the subject of a saying verb governing the clause (via ccomp or
    /// parataxis), or "according to X".
    fn attribution(&self, v: usize) -> Option<usize> {
        for k in self.tree.kids(v) {
            if base(self.rel(k)) == "obl"
                && self.case_of(k).is_some_and(|c| lower_eq(c, "according"))
            {
                let mut o = Vec::new();
                self.actors_of(k, &mut o);
                if let Some(&a) = o.first() {
                    return Some(a);
                }
            }
        }
        let mut x = v;
        for _ in 0..8 {
            let rel = base(self.rel(x));
            let h = self.tree.head(x)?;
            let h_say = self
                .patterns
                .verb(&self.lemma(h).to_ascii_lowercase())
                .iter()
                .any(|p| p.control == Control::Say);
            if matches!(rel, "ccomp" | "parataxis") && h_say {
                let mut o = Vec::new();
                self.subject_of(h, &mut o, 0);
                return o.first().copied();
            }
            // "said on Thursday that …" with the clause hung on the day (verbal.rs).
            if let Some(say) = self.said_on_day(x) {
                let mut o = Vec::new();
                self.subject_of(say, &mut o, 0);
                return o.first().copied();
            }
            if h_say && rel == "parataxis" {
                return None;
            }
            // Main clause with a parenthetical "X said" (parataxis child of the event).
            x = h;
        }
        None
    }

    fn parataxis_speaker(&self, v: usize) -> Option<usize> {
        for k in self.tree.kids(v) {
            if self.rel(k) == "parataxis"
                && self
                    .patterns
                    .verb(&self.lemma(k).to_ascii_lowercase())
                    .iter()
                    .any(|p| p.control == Control::Say)
            {
                let mut o = Vec::new();
                self.subject_of(k, &mut o, 0);
                return o.first().copied();
            }
        }
        None
    }

    /// Code the sentence. `subject_out` receives the main clause subject's actors (for
    /// pronouns in the next sentence).
    pub fn code(&self, subject_out: &mut Vec<usize>) -> Vec<Found> {
        if !self.has_tree() {
            return self.code_linear(subject_out);
        }
        let n = self.s.len();
        let mut found: Vec<Found> = Vec::new();
        let mut consumed = vec![false; n];
        if let Some(r) = self.s.root() {
            self.subject_of(r, subject_out, 0);
        }
        // Verbs first (so light verbs consume their nouns), then nouns.
        for v in 0..n {
            // A noun in a clausal relation is a mis-tagged verb ("which Kabul denies").
            let verbal = matches!(self.s.upos(v), Upos::VERB | Upos::AUX | Upos::X);
            let clausal_noun = self.s.upos(v) == Upos::NOUN
                && matches!(self.rel(v), "root" | "acl:relcl" | "ccomp" | "advcl")
                && self
                    .patterns
                    .noun(&self.lemma(v).to_ascii_lowercase())
                    .is_empty();
            if !verbal && !clausal_noun {
                continue;
            }
            // Light verb + event noun object.
            let lem = self.s.lemma(v).to_ascii_lowercase();
            let is_light = self
                .patterns
                .verb(&lem)
                .iter()
                .any(|p| p.control == Control::Light);
            if is_light {
                for o in self.tree.kids(v) {
                    if matches!(self.rel(o), "obj" | "nsubj:pass") && self.s.upos(o) != Upos::PROPN
                    {
                        if let Some(p) = self.match_noun(o) {
                            consumed[o] = true;
                            self.emit(v, o, p, &mut found, true);
                        }
                    }
                }
            }
            let Some(p) = self.match_verb(v) else {
                continue;
            };
            // "agreed to stop attacking each other": the act is what stops
            // (extract/groups.rs).
            if self.stopped_act(v) {
                self.decided.borrow_mut().push(v);
                continue;
            }
            if p.control != Control::None && p.control != Control::Say {
                // Does it govern an embedded event? Then that one is coded (transformed).
                let embedded = self.tree.kids(v).any(|k| {
                    self.controlled(k) && (self.match_verb(k).is_some() || self.light_with_event(k))
                });
                if embedded {
                    continue;
                }
            }
            // "promised to help Pakistan rebuild": helping someone (extract/consult.rs).
            let p = match self.helping(v) {
                Some(h) if p.code.is_empty() => h,
                _ => p,
            };
            if p.code.is_empty() {
                // A blocker that names its object ("cut prices", "hosted a dinner") has
                // decided this verb: the word-order reading must not code it again with
                // a less specific pattern.
                if !p.object.is_empty() || p.particle.is_some() {
                    self.decided.borrow_mut().push(v);
                }
                continue;
            }
            self.emit(v, v, p, &mut found, false);
        }
        for (t, &used) in consumed.iter().enumerate() {
            if used || !matches!(self.s.upos(t), Upos::NOUN | Upos::PROPN | Upos::X) {
                continue;
            }
            let Some(p) = self.match_noun(t) else {
                continue;
            };
            if p.code.is_empty() {
                continue;
            }
            if self.kind_modifier(t) {
                continue;
            }
            // Under a head that ends or cuts it ("the lifting of sanctions"): reversal.rs.
            let recoded;
            let recoded_from = p;
            let p = match self.reversal(t, &p.code) {
                reversal::Reversal::None => p,
                reversal::Reversal::Drop => {
                    self.decided.borrow_mut().push(t);
                    continue;
                }
                reversal::Reversal::Recode(code) => {
                    recoded = Pattern {
                        code: code.to_string(),
                        ..p.clone()
                    };
                    &recoded
                }
            };
            // "thanked Japan for its support", "praised Kenya for its role in the
            // talks": the act thanked or praised for is the reason of the gratitude,
            // background the sentence does not report (docs/gold-guidelines.md).
            if self.gratitude_reason(t) {
                self.decided.borrow_mut().push(t);
                continue;
            }
            // "pledged $1 billion in aid for Kyiv" (extract/consult.rs).
            if self.pledged_content(t, &p.code, &found) {
                self.decided.borrow_mut().push(t);
                continue;
            }
            // Event noun that is the object of a verb event already coded ("imposed sanctions").
            if self
                .tree
                .head(t)
                .is_some_and(|h| self.rel(t) == "obj" && found.iter().any(|f| f.trigger == h))
                && !self.names_own_parties(t)
            {
                // Nor does the word-order reading take the verb's subject for its doer
                // ("Turkey welcomed the agreement …": Turkey made no agreement) — unless a
                // possessor or a name on the noun names its own doer ("condemned
                // al-Shabab's attack", "the Israeli strike on …").
                if !self.names_own_doer(t) {
                    self.decided.borrow_mut().push(t);
                }
                continue;
            }
            // An event noun that is the subject of a verb of the same kind already
            // coded is that act ("Indian missiles struck nine sites"): not a second
            // event, nor read by word order.
            if self.rel(t) == "nsubj"
                && self.tree.head(t).is_some_and(|h| {
                    found
                        .iter()
                        .any(|f| f.trigger == h && f.code.get(..2) == p.code.get(..2))
                })
                && !self.names_own_parties(t)
            {
                self.decided.borrow_mut().push(t);
                continue;
            }
            // "is scheduled to travel to Kabul for talks": the purpose of a planned
            // visit is planned with it; the visit's intent (036) already says so for
            // the parties it names ("… for a summit with both leaders" still names
            // others).
            let planned_for: Vec<(usize, String)> = match self.tree.head(t) {
                Some(h)
                    if self.rel(t) == "obl"
                        && self.case_of(t).is_some_and(|c| lower_eq(c, "for")) =>
                {
                    found
                        .iter()
                        .filter(|f| f.trigger == h && f.modality != Modality::Actual)
                        .filter_map(|f| f.target.map(|g| (f.source, self.actors[g].key.clone())))
                        .collect()
                }
                _ => Vec::new(),
            };
            let before = found.len();
            self.emit(t, t, p, &mut found, false);
            if !planned_for.is_empty() {
                let mut i = before;
                while i < found.len() {
                    let f = &found[i];
                    let covered = |a: usize, b: usize| {
                        planned_for.iter().any(|(src, key)| {
                            self.actors[*src].key == self.actors[a].key
                                && *key == self.actors[b].key
                        })
                    };
                    let dup = f
                        .target
                        .is_some_and(|g| covered(f.source, g) || covered(g, f.source));
                    if dup {
                        found.remove(i);
                    } else {
                        i += 1;
                    }
                }
            }
            if !std::ptr::eq(p, recoded_from) {
                // The word-order reading must not code the unreversed noun, nor read the
                // verb over the reversing head as acting on it ("announced the easing of
                // sanctions" does not announce sanctions).
                let over = self.tree.head(t).and_then(|h| self.tree.head(h));
                self.decided
                    .borrow_mut()
                    .extend([Some(t), over].into_iter().flatten());
            }
        }
        // Where the tree gave a trigger no participants (a misparse), read it by word
        // order — but not a verb whose clause has an (active) subject the tree found
        // that is simply no actor ("Europe can't afford to defend Ukraine", "critics
        // said"): the nearest actor to its left is then someone else.
        let mut scratch = Vec::new();
        let linear = self.code_linear_raw(&mut scratch);
        let tree_triggers: Vec<usize> = found.iter().map(|g| g.trigger).collect();
        let cited = if linear.is_empty() {
            Vec::new()
        } else {
            self.cited_actors()
        };
        for f in linear {
            if tree_triggers.contains(&f.trigger)
                || self.decided.borrow().contains(&f.trigger)
                || consumed[f.trigger]
                || self.unasserted(f.trigger)
                || self.habitual(f.trigger)
                || self.conditional(f.trigger)
                || self.merely_hoped(f.trigger)
                || self.refused_thing(f.trigger)
                || self.kind_modifier(f.trigger)
                || self.agentless_passive(f.trigger)
                || self.controller(f.trigger).is_some_and(|h| {
                    tree_triggers.contains(&h) || self.decided.borrow().contains(&h)
                })
                || self.noun_controller(f.trigger).is_some()
                // "Kenya condemned attacks on civilians" (extract/verbal.rs).
                || self.judged_object(f.trigger)
                // "North Korea fired a missile, South Korea's military said": the
                // speaker of a trailing attribution is no party of the act.
                || f.target.is_some_and(|t| self.speaker_mention(t))
                // Nor is the source of a report ("according to diplomats").
                || f.target.is_some_and(|t| cited.contains(&t))
            {
                continue;
            }
            let mut f = f;
            f.negated = f.negated || self.implicitly_negated(f.trigger);
            if self.s.upos(f.trigger) == Upos::VERB && self.has_subject_phrase(f.trigger, 0) {
                let mut tmp = Vec::new();
                self.subject_of(f.trigger, &mut tmp, 0);
                if tmp.is_empty() {
                    continue;
                }
            }
            // "Abiy thanked Kenya and urged Ruto to help": the word-order reading takes
            // the nearest actor before the verb (Kenya, the object of the first verb);
            // when the tree names the governing verb's doer and it is someone else,
            // the tree is right.
            if self.s.upos(f.trigger) == Upos::VERB {
                let key = |a: usize| self.actors[a].key.as_str();
                let tree_doer = std::iter::once(f.trigger)
                    .chain(self.controller(f.trigger))
                    .find_map(|v| {
                        let mut tmp = Vec::new();
                        self.subject_of(v, &mut tmp, 0);
                        tmp.retain(|&a| self.actors[a].usable);
                        (!tmp.is_empty()).then_some(tmp)
                    });
                if let Some(doers) = tree_doer {
                    if !doers.iter().any(|&a| key(a) == key(f.source)) {
                        let d = doers[0];
                        // A participle's tree "doer" is often what it describes
                        // ("a leader … killed in an operation"): no reading then.
                        if f.target.is_some_and(|t| key(t) == key(d))
                            || self.s.xpos(f.trigger) == "VBN"
                        {
                            continue;
                        }
                        f.source = d;
                    }
                }
            }
            found.push(f);
        }
        // The defier of coercion is its passive subject (extract/complement.rs).
        for f in found.iter_mut() {
            if f.code == "124" && self.defies_coercion(f.trigger) {
                if let Some(t) = f.target {
                    f.target = Some(f.source);
                    f.source = t;
                }
            }
        }
        // Evaluations: "X called Y's act arbitrary", "X said Y is defying …" (evaluation.rs).
        self.code_evaluations(&mut found);
        // "has been supportive of", "remains opposed to" (extract/predicates.rs).
        self.code_predicates(&mut found);
        self.code_jointly(&mut found);
        // "talks mediated by Turkey" (extract/mediation.rs).
        self.code_mediated(&mut found);
        // Demands read as made at home whose addressee is named (extract/verbal.rs).
        self.readdress_demands(&mut found);
        // Those left addressed to their own maker abroad (extract/domestic.rs).
        self.drop_appeals_abroad(&mut found);
        self.criticised_owner(&mut found);
        self.reduction_party(&mut found);
        self.drop_self_threats(&mut found);
        self.must_demands(&mut found);
        // "vowed that Israel would face severe punishment" (extract/verbal.rs).
        self.doom_threats(&mut found);
        self.vowed_threats(&mut found);
        // "ordered Guyana to halt oil exploration" (extract/conflict.rs).
        self.orders_to_act(&mut found);
        // "condemned the detention of Canadian citizens in India" (extract/conflict.rs).
        self.criticism_abroad(&mut found);
        self.fill_denials(&mut found);
        // "… China opposed the U.S. sanctions": no second event (extract/reaction.rs).
        self.drop_rementions(&mut found);
        // "attacked a village, killing 40 people": one act (extract/force.rs).
        self.drop_elaborations(&mut found);
        // "… The strikes killed 31 civilians": the act again (extract/followup.rs).
        self.code_followups(&mut found);
        // "…, as did Russia, Turkey and Iran" (extract/verbal.rs).
        self.as_did_sources(&mut found);
        // Protests by the public, prevented protests, reasons for arrests
        // (extract/home.rs).
        self.home_adjust(&mut found);
        let found = self.dedupe(found);
        if EXPLAIN.with(|e| e.borrow().is_some()) {
            self.explain(&found);
        }
        found
    }

    /// Diagnostics: why `t` gave no event, when explanations are on.
    fn note(&self, t: usize, why: &'static str) {
        if EXPLAIN.with(|e| e.borrow().is_some()) {
            let start = self.s.tokens[t].start;
            NOTES.with(|n| n.borrow_mut().push((start, why)));
        }
    }

    /// Records, for every token, how far it got as a trigger (see [`explain_triggers`]).
    fn explain(&self, found: &[Found]) {
        let mut out = Vec::new();
        for t in 0..self.s.len() {
            let start = self.s.tokens[t].start;
            let p = match self.s.upos(t) {
                Upos::VERB | Upos::AUX | Upos::X => {
                    self.match_verb(t).or_else(|| self.match_noun(t))
                }
                _ => self.match_noun(t).or_else(|| self.match_verb(t)),
            };
            let why = if found.iter().any(|f| f.trigger == t) {
                "event"
            } else if p.is_none() {
                if self
                    .patterns
                    .verb(&self.lemma(t).to_ascii_lowercase())
                    .is_empty()
                    && self
                        .patterns
                        .noun(&self.lemma(t).to_ascii_lowercase())
                        .is_empty()
                {
                    "unknown word"
                } else {
                    "known word, no pattern matched"
                }
            } else if p.is_some_and(|p| p.code.is_empty()) {
                "blocking pattern"
            } else if self.unasserted(t) {
                "unasserted"
            } else if self.habitual(t) {
                "habitual"
            } else if self.conditional(t) {
                "conditional"
            } else if self.merely_hoped(t) {
                "merely hoped"
            } else if self.agentless_passive(t) {
                "agentless passive"
            } else if self.decided.borrow().contains(&t) {
                "decided by another rule"
            } else if let Some(w) = NOTES.with(|n| {
                // A drop point's own note says more than the guesses below.
                n.borrow()
                    .iter()
                    .rev()
                    .find(|(b, _)| *b == start)
                    .map(|(_, w)| *w)
            }) {
                w
            } else if self
                .controller(t)
                .is_some_and(|h| found.iter().any(|f| f.trigger == h))
            {
                "controller coded"
            } else if self
                .tree
                .kids(t)
                .any(|k| found.iter().any(|f| f.trigger == k))
            {
                "embedded event coded"
            } else {
                "pattern matched, no event (roles or filters)"
            };
            out.push((start, why));
        }
        EXPLAIN.with(|e| {
            if let Some(v) = e.borrow_mut().as_mut() {
                v.push(out);
            }
        });
        NOTES.with(|n| n.borrow_mut().clear());
    }

    /// Whether target `t`, of the same key as doer `s`, is a party of its own in a
    /// violent act with coordinated doers of other keys: armed foes at home (rebels,
    /// insurgents, gangs, an armed group), fought by the home forces and their allies.
    fn own_party_target(&self, code: &str, s: usize, t: usize, sources: &[usize]) -> bool {
        if !matches!(&code[..2], "18" | "19" | "20") || sources.contains(&t) {
            return false;
        }
        let others = sources
            .iter()
            .any(|&o| self.actors[o].key != self.actors[s].key);
        let (ta, sa) = (&self.actors[t], &self.actors[s]);
        others && ta.mention != sa.mention && ta.armed_group
    }

    /// Whether doer `s` and target `t` of one key stand in an event of coordinated
    /// doers and one target all of that key, `t` a party of its own (not a doer): then
    /// the event is domestic, as with one doer.
    fn one_state_parties(&self, s: usize, t: usize, sources: &[usize], targets: &[usize]) -> bool {
        let key = &self.actors[s].key;
        sources.len() > 1
            && targets.len() == 1
            && !sources.contains(&t)
            && self.actors[t].mention != self.actors[s].mention
            && sources
                .iter()
                .chain(targets)
                .all(|&a| self.actors[a].key == *key)
    }

    /// The subject of a finite verb of a subordinate clause ("before Russia invaded
    /// Ukraine", "after Iran fired missiles") that the parser left without one, having
    /// hung the actor right before the verb on another head: that actor. Only a past
    /// or present finite form with a subordinating word or a clausal relation (a
    /// clause of its own), and only a name or noun directly before it (adverbs
    /// skipped) that names an actor.
    fn stranded_subject(&self, v: usize, out: &mut Vec<usize>) {
        if !matches!(self.s.xpos(v), "VBD" | "VBZ" | "VBP")
            || self
                .tree
                .kids(v)
                .any(|k| base(self.rel(k)) == "nsubj" || self.rel(k) == "expl")
        {
            return;
        }
        let clause = matches!(base(self.rel(v)), "advcl" | "ccomp")
            || self.tree.kids(v).any(|k| self.rel(k) == "mark");
        if !clause {
            return;
        }
        let mut i = v;
        while i > 0 && self.s.upos(i - 1) == Upos::ADV {
            i -= 1;
        }
        if i == 0 {
            return;
        }
        let n = i - 1;
        if !matches!(self.s.upos(n), Upos::PROPN | Upos::NOUN)
            || self.tree.head(n) == Some(v)
            || self.tree.dominates(v, n)
        {
            return;
        }
        self.actors_of(n, out);
    }

    /// Whether actor `a` is the subject of a verb of saying in this sentence (its
    /// speaker).
    fn speaker_mention(&self, a: usize) -> bool {
        const SAYING: &[&str] = &[
            "say", "tell", "add", "report", "announce", "confirm", "claim", "state", "write",
            "note",
        ];
        let ac = &self.actors[a];
        ac.in_sentence
            && (0..self.s.len()).any(|k| {
                let sp = self.s.token_span(k);
                sp.start < ac.end
                    && ac.start < sp.end
                    && base(self.rel(k)) == "nsubj"
                    && self.tree.head(k).is_some_and(|h| {
                        SAYING.contains(&self.lemma(h).to_ascii_lowercase().as_str())
                    })
            })
    }

    /// Whether `v` is a "from V-ing" complement of a verb of preventing (see
    /// `unasserted`).
    fn barred_from(&self, v: usize) -> bool {
        const PREVENTING: &[&str] = &[
            "bar",
            "ban",
            "prevent",
            "block",
            "stop",
            "prohibit",
            "forbid",
            "keep",
            "restrict",
            "deter",
            "discourage",
            "exclude",
            "suspend",
            "refrain",
        ];
        self.s.upos(v) == Upos::VERB
            && self
                .tree
                .kids(v)
                .any(|k| matches!(self.rel(k), "mark" | "case") && lower_eq(self.lemma(k), "from"))
            && self
                .tree
                .head(v)
                .is_some_and(|h| PREVENTING.contains(&self.lemma(h).to_ascii_lowercase().as_str()))
    }

    fn light_with_event(&self, v: usize) -> bool {
        let lem = self.s.lemma(v).to_ascii_lowercase();
        self.patterns
            .verb(&lem)
            .iter()
            .any(|p| p.control == Control::Light)
            && self
                .tree
                .kids(v)
                .any(|o| self.rel(o) == "obj" && self.match_noun(o).is_some())
    }

    /// Code one trigger. `clause` is the verb heading the event's clause (the trigger
    /// itself, or the light verb of a nominal event); `trigger` is the event word.
    fn emit(
        &self,
        clause: usize,
        trigger: usize,
        p: &Pattern,
        found: &mut Vec<Found>,
        light: bool,
    ) {
        let onto = crate::ontology::Ontology::get();
        let Some(entry) = onto.lookup(&p.code) else {
            return;
        };
        if self.unasserted(clause) || self.habitual(clause) {
            return;
        }
        if self.conditional(clause) {
            return;
        }
        // "released two journalists detained in Kandahar" (extract/coop.rs).
        if self.captivity_of_released(trigger, p) {
            return;
        }
        if p.pos == TriggerPos::Noun && !light && self.merely_hoped(trigger) {
            return;
        }
        if !light && self.refused_thing(trigger) {
            self.decided.borrow_mut().push(trigger);
            return;
        }
        if matches!(p.code.get(..2), Some("04" | "05" | "06" | "07" | "08"))
            && self.cut_off(trigger)
        {
            // "suspended lending to Syria", "had frozen lending": what is cut is not
            // done; the cut is the event (16).
            self.decided.borrow_mut().push(trigger);
            return;
        }
        if self.pleaded_guilty(trigger, p) {
            self.decided.borrow_mut().push(trigger);
            return;
        }
        // "a trader who asked that his surname not be used" (extract/complement.rs).
        if self.anonymity_request(clause) {
            self.decided.borrow_mut().push(trigger);
            return;
        }
        let mut code: &'static str = entry.code;
        let mut root: &'static str = entry.root;
        let mut sources = Vec::new();
        let mut targets = Vec::new();
        let mut location = None;
        let mut modality = self.modality(clause);
        let mut negated = self.negated(clause) || (trigger != clause && self.negated(trigger));
        let mut confidence = 0.8f32;
        let nominal = p.pos == TriggerPos::Noun;
        let mut participants: Vec<usize> = Vec::new();

        // "'They must stop killing civilians,' X said": what the speaker says someone
        // must do is the speaker's demand on them (CAMEO 10; docs/gold-guidelines.md
        // codes "must" as 100), not an event of theirs.
        // "China should release the detained businessman, Japan's spokesman said":
        // what someone should do is an appeal (02; extract/predicates.rs).
        let must = self
            .must_node(clause)
            .map(|m| (m, Control::Demand))
            .or_else(|| self.should_node(clause).map(|m| (m, Control::Request)));
        if let Some((m, ask)) = must {
            let speaker = self
                .attribution(m)
                .or_else(|| self.parataxis_speaker(m))
                .or_else(|| self.trailing_speaker(m));
            if let Some(sp) = speaker {
                let mut targets = Vec::new();
                self.subject_of(m, &mut targets, 0);
                targets.retain(|&a| a != sp);
                if ask == Control::Request {
                    // "we should deepen ties": not an appeal to one's own state (an
                    // inferred agent at home still is: "police should …", verbal.rs).
                    let own = &self.actors[sp].key;
                    targets.retain(|&a| &self.actors[a].key != own || self.actors[a].weak);
                }
                if !targets.is_empty() {
                    let code = transform(ask, entry.code).unwrap_or(entry.code);
                    self.finish(
                        Draft {
                            pattern: p,
                            root: if ask == Control::Demand { "10" } else { "02" },
                            code,
                            sources: vec![sp],
                            targets,
                            participants: Vec::new(),
                            location: None,
                            negated: false,
                            modality: Modality::Request,
                            speaker: None,
                            date: self.date_of(&[m]),
                            confidence: 0.6,
                            trigger,
                            clause,
                            pair_sources: false,
                        },
                        found,
                    );
                }
                return;
            }
        }

        // Control: the clause is an xcomp of a control verb, or the "that" clause of a
        // demand or appeal ("demanded that Ottawa drop its tariffs": the one who must
        // act is the target).
        let mut clause_top = clause;
        let that_clause = self.rel(clause) == "ccomp"
            && self.tree.head(clause).is_some_and(|h| {
                self.head_control(h)
                    .is_some_and(|c| matches!(c, Control::Request | Control::Demand))
            });
        // "warned that Washington would impose sanctions on Colombia if …": a coercive
        // act a warning says will come is the warning's threat (13), as "threatened to
        // impose" is (session 16).
        let threat_clause = self.rel(clause) == "ccomp"
            && matches!(&code[..2], "15" | "16" | "17" | "18" | "19" | "20")
            && matches!(
                self.modality(clause),
                Modality::Intent | Modality::Hypothetical
            )
            && self
                .tree
                .head(clause)
                .is_some_and(|h| self.head_control(h) == Some(Control::Threaten));
        // The controller: the head of an xcomp or of a "to"-infinitive parsed as advcl,
        // through transparent raising verbs ("vowed to continue supplying"; complement.rs).
        let controller = if that_clause || threat_clause {
            self.tree.head(clause)
        } else {
            self.controller(clause)
        };
        {
            if let Some(h) = controller {
                // "told Russia to stop …" is a command, a demand (extract/complement.rs).
                if let Some(c) = self.head_control(h).map(|c| self.commanding(h, c)) {
                    if let Some(new) = transform(c, code) {
                        code = new;
                    }
                    // "vowed to retaliate against X", "is ready to launch an operation
                    // in X": a pledged act of force is a threat, as with "will"
                    // (extract/complement.rs).
                    if let Some(new) = self.pledged_force(h, c, code) {
                        code = new;
                    }
                    if c == Control::Intent
                        && matches!(&code[..2], "04" | "05" | "06" | "07" | "08")
                    {
                        // "is expected to meet", "plans to visit": a planned act of
                        // cooperation is intent (036), as with "will".
                        if let Some(new) = transform(Control::Agree, code) {
                            code = new;
                        }
                    }
                    modality = match c {
                        Control::Agree | Control::Intent => Modality::Intent,
                        Control::Request | Control::Demand => Modality::Request,
                        _ => self.modality(h),
                    };
                    if c == Control::Raise {
                        // "said it would continue to provide …": the modality of the
                        // raising verb recodes the act as it would its own.
                        match modal_recode(code, modality) {
                            Some(new) => code = new,
                            None => return,
                        }
                    }
                    // "will not hesitate to X" announces X: negation on a verb of
                    // reluctance affirms the act.
                    negated = negated || (self.negated(h) && !self.reluctance(h));
                    clause_top = h;
                    if matches!(c, Control::Request | Control::Demand) && self.unmade_appeal(h) {
                        // "may ask the U.S. to redeploy …" (extract/complement.rs); the
                        // word-order reading must not take it up either.
                        self.decided.borrow_mut().extend([trigger, clause, h]);
                        return;
                    }
                    // "warned Ukraine to stop its attacks": who warns, and the one
                    // warned, as for an appeal (extract/complement.rs).
                    if matches!(c, Control::Request | Control::Demand) || self.warned(h, c) {
                        // Source: who urges; target: who is urged.
                        self.subject_of(h, &mut sources, 0);
                        if that_clause {
                            self.subject_of(clause, &mut targets, 0);
                        }
                        for k in self.tree.kids(h) {
                            // "called on X", "appealed to X", "pleaded with X".
                            if matches!(self.rel(k), "obj" | "iobj")
                                || (base(self.rel(k)) == "obl"
                                    && matches!(
                                        self.case_of(k),
                                        Some("on" | "upon" | "to" | "with")
                                    ))
                            {
                                self.actors_of(k, &mut targets);
                            }
                        }
                    }
                }
            }
        }

        // "Israel's refusal to allow aid", "China's threat to invade Taiwan": a noun
        // that controls its infinitive (extract/complement.rs).
        if controller.is_none() && !that_clause {
            if let Some((h, c)) = self.noun_controller(clause) {
                if let Some(new) = transform(c, code) {
                    code = new;
                }
                if let Some(new) = self.pledged_force(h, c, code) {
                    code = new;
                }
                modality = match c {
                    Control::Agree | Control::Intent => Modality::Intent,
                    Control::Request | Control::Demand => Modality::Request,
                    _ => Modality::Actual,
                };
                clause_top = h;
                self.noun_owners(h, &mut sources);
                if sources.is_empty() {
                    return;
                }
                self.targets_of(trigger, p, false, &sources, &mut targets, &mut location);
                if targets.is_empty() && clause != trigger {
                    // A light verb's complement ("proposal to hold talks with Ukraine").
                    let lp = Pattern {
                        pos: TriggerPos::Verb,
                        ..p.clone()
                    };
                    self.targets_of(clause, &lp, false, &sources, &mut targets, &mut location);
                }
                let skeys: Vec<&str> = sources
                    .iter()
                    .map(|&a| self.actors[a].key.as_str())
                    .collect();
                targets.retain(|&t| !skeys.contains(&self.actors[t].key.as_str()));
            }
        }
        // "can't afford to defend", "did not try to attack": negation on a governing
        // verb of an xcomp chain negates the event — except on a verb of reluctance,
        // where it affirms ("will not hesitate to shut the electricity off").
        {
            let mut x = clause;
            for _ in 0..4 {
                if base(self.rel(x)) != "xcomp" {
                    break;
                }
                let Some(h) = self.tree.head(x) else { break };
                if self.reluctance(h) {
                    // The act is meant; the modality of the governing "will" carries
                    // over.
                    if self.negated(h) && modality == Modality::Actual {
                        modality = self.modality(h);
                    }
                    break;
                }
                negated = negated || self.negated(h);
                x = h;
            }
        }
        if clause_top == clause
            && self
                .head_control(clause)
                .is_some_and(|c| matches!(c, Control::Request | Control::Demand))
            && self.unmade_appeal(clause)
        {
            self.decided.borrow_mut().extend([trigger, clause]);
            return;
        }
        if clause_top == clause
            && modality == Modality::Actual
            && !matches!(root, "01" | "04" | "11")
            && self
                .head_control(clause)
                .is_some_and(|c| matches!(c, Control::Request | Control::Demand))
        {
            // The appeal or demand word itself coded ("urged the release of …"); not
            // a statement or a judgement made with the same word ("called the move
            // unfounded", "called the decision a blatant provocation"), nor a phone
            // call ("called his counterpart on Saturday").
            modality = Modality::Request;
        }
        // "failed to reach", "stopped short of", "has no plans to" deny the event;
        // "said it would not attend" is a refusal (extract/complement.rs).
        negated = negated || self.implicitly_negated(clause);
        let refusal = clause_top == clause && self.announced_refusal(clause, entry.root);
        if refusal {
            if let Some(c) = transform(Control::Refuse, entry.code) {
                code = c;
                root = "12";
                negated = false;
                modality = Modality::Actual;
            }
        }
        // "would not be intimidated by China": defiance of the would-be coercer
        // (extract/complement.rs).
        let defiance = clause_top == clause && !refusal && negated && self.defies_coercion(clause);
        if defiance {
            code = "124";
            root = "12";
            negated = false;
            modality = Modality::Actual;
        }
        // "said it would send Barrot to Beirut to meet Aoun": the purpose of a planned
        // act is planned too.
        if clause_top == clause
            && modality == Modality::Actual
            && controller.is_none()
            && base(self.rel(clause)) == "advcl"
            && self
                .tree
                .kids(clause)
                .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to"))
            && !self.tree.kids(clause).any(|m| base(self.rel(m)) == "nsubj")
            && self
                .tree
                .head(clause)
                .is_some_and(|h| self.modality(h) == Modality::Intent)
        {
            modality = Modality::Intent;
        }
        if clause_top == clause && !refusal && !defiance {
            match modal_recode(code, modality) {
                Some(c) => code = c,
                None => {
                    self.note(trigger, "not coded in this modality");
                    return;
                }
            }
        }
        // "received aid from X", "came under attack from X": the giver is the source,
        // the receiver the target; no giver named, no event (extract/roles.rs).
        let received = if nominal && !light {
            self.receiving_verb(trigger, entry.root)
        } else {
            None
        };
        if let Some(v) = received {
            self.decided.borrow_mut().push(trigger);
            self.received_roles(trigger, v, &mut sources, &mut targets);
            negated = negated || self.negated(v);
            if modality == Modality::Actual && self.modality(v) != Modality::Actual {
                modality = self.modality(v);
                match modal_recode(code, modality) {
                    Some(c) => code = c,
                    None => return,
                }
            }
            if sources.is_empty() {
                return;
            }
            confidence = 0.7;
        } else if nominal && !light {
            // "France imposed U.N. sanctions on them", "began reimposing United Nations
            // sanctions": the noun is the object of a verb that codes the same act, so
            // the verb's event is the one the sentence reports; "U.N." names the
            // sanctions regime, not a second doer. Not when the noun names parties of
            // its own ("welcomed the agreement between Armenia and Azerbaijan").
            let own_parties = self.tree.kids(trigger).any(|k| {
                self.rel(k) == "nmod:poss"
                    || (base(self.rel(k)) == "nmod"
                        && self.case_of(k).is_some_and(|c| {
                            ["between", "among", "by", "with"]
                                .iter()
                                .any(|w| lower_eq(c, w))
                        }))
            });
            if !own_parties
                && self.rel(trigger) == "obj"
                && self.tree.head(trigger).is_some_and(|h| {
                    // A verb that gets its doer only through a conjunct ("…, including
                    // reimposing U.N. sanctions" hung on another clause) may get the
                    // wrong one: the noun's own reading stays.
                    self.s.upos(h) == Upos::VERB
                        && base(self.rel(h)) != "conj"
                        && self.match_verb(h).is_some_and(|vp| {
                            // The verb's pattern names its object ("impose
                            // sanctions"): the noun completes the verb's act rather
                            // than being a topic of it ("highlights the
                            // criminalization strategies").
                            !vp.object.is_empty() && vp.code.get(..2) == Some(entry.root)
                        })
                })
            {
                return;
            }
            // Source: possessor, compound/adjective, "by"; target: prepositional complement.
            for k in self.tree.kids(trigger) {
                let r = self.rel(k);
                if r == "nmod:poss" || matches!(base(r), "compound" | "amod") {
                    let mut tmp = Vec::new();
                    self.actors_of(k, &mut tmp);
                    if r == "nmod:poss" && tmp.is_empty() {
                        // "my visit … with a Pakistan delegation": the company of a motion event.
                        continue;
                    }
                    for a in tmp {
                        Self::push_unique(&mut sources, a);
                    }
                } else if base(r) == "nmod" && self.case_of(k).is_some_and(|c| lower_eq(c, "by")) {
                    self.actors_of(k, &mut sources);
                } else if base(r) == "nmod"
                    && matches!(entry.root, "01" | "02" | "05" | "10" | "11" | "12" | "13")
                    && self.case_of(k).is_some_and(|c| lower_eq(c, "from"))
                {
                    // "opposition from China's mission", "pressure from Washington": who
                    // says or does it (not for motion: "withdrawal from Afghanistan").
                    self.actors_of(k, &mut sources);
                } else if base(r) == "nmod"
                    && self
                        .case_of(k)
                        .is_some_and(|c| lower_eq(c, "between") || lower_eq(c, "among"))
                {
                    self.actors_of(k, &mut participants);
                } else if base(r) == "acl"
                    && matches!(
                        self.lemma(k).to_ascii_lowercase().as_str(),
                        "involve" | "include" | "bring"
                    )
                {
                    for o in self.kids_rel(k, "obj") {
                        self.actors_of(o, &mut participants);
                    }
                }
            }
            if sources.is_empty() && participants.is_empty() {
                // "a trilateral meeting of China, Japan and South Korea" (extract/coop.rs).
                self.meeting_of_parties(trigger, p, entry.root, &mut participants);
            }
            // "visit … with a delegation of X" for a motion event with an unresolved possessor.
            if sources.is_empty() && entry.root == "04" {
                for k in self.tree.kids(trigger) {
                    if base(self.rel(k)) == "nmod"
                        && self.case_of(k).is_some_and(|c| lower_eq(c, "with"))
                        && p.target_preps.iter().all(|x| x != "with")
                    {
                        self.actors_of(k, &mut sources);
                    }
                }
            }
            if sources.is_empty() && participants.is_empty() {
                // "an operation conducted by X against Y" (extract/roles.rs).
                self.nominal_author(trigger, entry.root, &mut sources, &mut targets);
            }
            if sources.is_empty() && participants.is_empty() {
                // "Sudan's army and the RSF have been at war" (extract/force.rs).
                self.copular_sides(trigger, p, entry.root, &mut sources, &mut participants);
            }
            if sources.is_empty() && participants.is_empty() {
                // "India is at odds with Canada", "at a news conference with X"
                // (extract/predicates.rs). Targets are read first for the latter.
                let mut t = Vec::new();
                let mut l = None;
                self.targets_of(trigger, p, false, &sources, &mut t, &mut l);
                self.predicate_noun_sides(
                    trigger,
                    p,
                    entry.root,
                    &t,
                    &mut sources,
                    &mut participants,
                );
            }
            if sources.is_empty() && participants.is_empty() {
                // "carried out a series of airstrikes against X": climb "of"-chains to
                // the verb whose object the event is and take its subject.
                let mut n = trigger;
                for _ in 0..3 {
                    let Some(h) = self.tree.head(n) else { break };
                    let r = base(self.rel(n));
                    if r == "nmod" && self.case_of(n).is_some_and(|c| lower_eq(c, "of")) {
                        n = h;
                        continue;
                    }
                    // Not when the verb is itself an event of another kind: who
                    // condemns an attack did not make it.
                    if r == "obj"
                        && matches!(self.s.upos(h), Upos::VERB)
                        && self.match_verb(h).is_none_or(|vp| vp.code.is_empty())
                        && self.protest_of_subject(entry.root, h)
                    {
                        self.subject_of(h, &mut sources, 0);
                        for k in self.tree.kids(h) {
                            if base(self.rel(k)) == "obl"
                                && self
                                    .case_of(k)
                                    .is_some_and(|c| matches!(c, "against" | "on" | "with" | "to"))
                            {
                                self.actors_of(k, &mut targets);
                            }
                        }
                    }
                    break;
                }
            }
            self.targets_of(trigger, p, false, &sources, &mut targets, &mut location);
            targets.retain(|t| !sources.contains(t));
            let mut ready = Vec::new();
            if participants.is_empty()
                && self.readiness(trigger, &mut ready).is_some()
                // The clause's subject may already be the doer ("it remained open to
                // negotiations", the noun hung on the copular verb).
                && sources.iter().all(|s| ready.contains(s))
            {
                if sources.is_empty() {
                    sources = ready;
                }
                // "ready for talks with X": intent (extract/consult.rs).
                if let Some(c) = transform(Control::Agree, code) {
                    code = c;
                    root = crate::ontology::Ontology::get()
                        .lookup(c)
                        .map_or(root, |e| e.root);
                    modality = Modality::Intent;
                }
            }
            if sources.is_empty() && participants.is_empty() {
                // "is on a visit to Moscow", "was in Nairobi for talks" (extract/consult.rs).
                self.consult_doer(trigger, entry.root, &mut sources, &mut targets);
            }
            if sources.is_empty() && participants.is_empty() && !targets.is_empty() {
                // "after a meeting with X, he said" (extract/roles.rs).
                self.meeting_in_passing(trigger, entry.root, &targets, &mut sources);
            }
            if sources.is_empty() && participants.is_empty() && !targets.is_empty() {
                // "closed the border following clashes with Afghan forces"
                // (extract/background.rs).
                self.clash_in_passing(trigger, p, &targets, &mut sources);
            }
            if sources.is_empty() {
                // "soldiers were killed in clashes with militants" (extract/doer.rs).
                self.fallen_in_fight(trigger, p, &mut targets, &mut participants, &mut sources);
            }
            if sources.is_empty() && participants.is_empty() && targets.is_empty() {
                // "Xi told Biden in a phone call that …" (extract/consult.rs).
                self.told_in_passing(trigger, entry.root, &mut sources, &mut targets);
            }
            confidence = 0.7;
        } else if sources.is_empty()
            && targets.is_empty()
            && clause == trigger
            && self.charge_denied(clause, found, &mut sources, &mut targets)
        {
            // ", a charge New Delhi quickly rejected" (extract/roles.rs).
            code = "016";
            root = "01";
        } else if sources.is_empty()
            && targets.is_empty()
            && clause == trigger
            && self.agent_participle(clause)
            && self.participle_roles(clause, &mut sources, &mut targets)
        {
            // "Somali forces backed by Kenyan soldiers" (extract/roles.rs).
            self.decided.borrow_mut().push(trigger);
        } else if sources.is_empty() && targets.is_empty() {
            let passive = self.subject_of(clause, &mut sources, 0);
            if light && passive && sources.is_empty() {
                // "talks among X, Y and Z were held" (extract/consult.rs).
                self.passive_light_parties(trigger, entry.root, &mut sources, &mut participants);
            } else if light {
                // "hosted talks between X and Y" (extract/consult.rs).
                self.listed_parties(trigger, entry.root, &mut participants);
            }
            if light {
                // Targets on the noun ("sanctions on Iran") or on the light verb ("talks with").
                self.targets_of(trigger, p, false, &sources, &mut targets, &mut location);
                if targets.is_empty() {
                    let lp = Pattern {
                        pos: TriggerPos::Verb,
                        target_preps: p.target_preps.clone(),
                        ..p.clone()
                    };
                    let mut l2 = None;
                    self.targets_of(clause, &lp, passive, &sources, &mut targets, &mut l2);
                    location = location.or(l2);
                }
            } else {
                self.targets_of(trigger, p, passive, &sources, &mut targets, &mut location);
            }
        }
        // "Greece and Panama also supported the call": the appeal they join, with its
        // addressee (extract/roles.rs).
        if let Some((c, t)) = self.endorsed_appeal(clause, trigger, found) {
            code = c;
            root = crate::ontology::Ontology::get()
                .lookup(c)
                .map_or(root, |e| e.root);
            targets = vec![t];
        }
        // (Also the one a demand or appeal is about: "demanded that Iran stop …".)
        if targets.is_empty()
            && (root == "11" || (matches!(root, "02" | "10") && self.that_clause_of(clause)))
            && !nominal
        {
            // "Pakistan alleged that India funded them": the accused (extract/roles.rs).
            self.accused_in_clause(clause, &sources, &mut targets);
        }
        // "an investigation into the killing of X by Y" targets Y (extract/coop.rs).
        self.investigated_doer(trigger, root, &mut targets);
        if root == "11" && self.drop_victims(clause, code, &mut targets) && targets.is_empty() {
            // "condemned the attack on Chinese engineers": only the victims were named;
            // who is criticised is not said, and the word-order reading must not guess
            // the victims either.
            self.decided.borrow_mut().push(trigger);
            return;
        }
        if location.is_none() {
            // "in Beijing" anywhere on the clause.
            let mut tmp = Vec::new();
            let lp = Pattern {
                target_preps: vec!["__none__".into()],
                pos: TriggerPos::Verb,
                ..p.clone()
            };
            self.targets_of(clause_top, &lp, false, &[], &mut tmp, &mut location);
        }
        if location.is_none() {
            // "met with X … in Beijing" where the parse hangs the place on a participant.
            location = (0..self.s.len())
                .filter(|&k| self.tree.dominates(clause_top, k) && k != clause_top)
                .filter(|&k| {
                    self.case_of(k)
                        .is_some_and(|c| lower_eq(c, "in") || lower_eq(c, "at"))
                })
                .find_map(|k| {
                    let mut tmp = Vec::new();
                    self.actors_of(k, &mut tmp);
                    tmp.into_iter().find(|&a| {
                        self.actors[a].place && !sources.contains(&a) && !targets.contains(&a)
                    })
                });
        }
        // Subject-less clause in a relative clause: "countries which continue to …" handled by
        // pronoun resolution; nothing else to do here.
        if sources.is_empty() && !participants.is_empty() {
            // "talks between X and Y": every ordered pair.
        } else if sources.is_empty() {
            self.note(trigger, "no source found");
            return;
        }
        // The event word is not its own target ("a military operation" read as a
        // mention of the military); a threatened act of force in a place is aimed at
        // it (extract/complement.rs).
        self.threat_targets(trigger, code, entry.root, &sources, location, &mut targets);
        // "fired a ballistic missile into the sea": a launch at no one is a display of
        // force (150), as missile tests are (extract/complement.rs).
        if targets.is_empty() && participants.is_empty() && self.launch_into_sea(clause, code) {
            code = "150";
            root = "15";
        }
        let speaker = self
            .attribution(clause_top)
            .or_else(|| self.parataxis_speaker(clause_top));
        let date = {
            let mut nodes = vec![trigger];
            if clause != trigger {
                nodes.push(clause);
            }
            self.date_of(&nodes)
                .or_else(|| {
                    // Misattached dates: the first expression right after the trigger.
                    self.dates
                        .iter()
                        .filter(|(tok, _)| *tok > trigger && *tok <= trigger + 6)
                        .map(|&(_, d)| d)
                        .next()
                })
                .or_else(|| self.publication_date_for(modality))
        };
        self.finish(
            Draft {
                pattern: p,
                root,
                code,
                sources,
                targets,
                participants,
                location,
                negated,
                modality,
                speaker,
                date,
                confidence,
                trigger,
                clause,
                pair_sources: !nominal,
            },
            found,
        );
    }

    /// Turn sources and targets into events: pairs for coordination and symmetric
    /// events, a counterpart found elsewhere in the sentence for diplomatic acts, 044 for
    /// meetings in a third country.
    /// The date of an event the sentence does not date: the publication day for what
    /// is reported as having happened, nothing for intentions, requests and hypotheses.
    fn publication_date_for(&self, modality: Modality) -> Option<FuzzyDate> {
        self.published.filter(|p| {
            p.precision == attache_core::DatePrecision::Day && modality == Modality::Actual
        })
    }

    /// Whether date `d` lies after the publication date, at the coarser of the two
    /// precisions ("next month" in a story of May is June).
    fn after_publication(&self, d: FuzzyDate) -> bool {
        use attache_core::DatePrecision as P;
        let Some(p) = self.published else {
            return false;
        };
        let rank = |x: P| match x {
            P::Day => 2,
            P::Month => 1,
            _ => 0,
        };
        let depth = rank(d.precision).min(rank(p.precision));
        let key = |x: FuzzyDate| match depth {
            2 => (x.year, x.month, x.day),
            1 => (x.year, x.month, 0),
            _ => (x.year, 0, 0),
        };
        key(d) > key(p)
    }

    fn finish(&self, d: Draft<'_>, found: &mut Vec<Found>) {
        let note = |t: usize, why: &'static str| self.note(t, why);
        let Draft {
            pattern: p,
            root,
            code,
            sources,
            targets,
            participants,
            location,
            negated,
            modality,
            speaker,
            date,
            mut confidence,
            trigger,
            clause,
            pair_sources,
        } = d;
        // "struck Iran-backed Houthi rebels": a hyphenated participle's doer is the
        // word before the hyphen, and what it describes its target — never the
        // clause's subject.
        let (sources, targets) = if trigger >= 2
            && self.s.xpos(trigger - 1) == "HYPH"
            && self.s.xpos(trigger) == "VBN"
        {
            let doers = self.group_at(trigger - 2);
            let mut what = Vec::new();
            if let Some(h) = self.tree.head(trigger).filter(|&h| h > trigger) {
                self.actors_of(h, &mut what);
            }
            if doers.is_empty() {
                return;
            }
            // "a U.S.- and French-brokered ceasefire with Hezbollah": the thing
            // names no actor; the parties found for it stay.
            if what.is_empty() {
                (doers, targets)
            } else {
                (doers, what)
            }
        } else {
            (sources, targets)
        };
        let mut targets = targets;
        // "when Ishiba meets Li Qiang next month": an act in the present tense dated
        // after the publication is planned, not done.
        let (code, modality) = match date {
            Some(dt)
                if modality == Modality::Actual
                    && !negated
                    && self.after_publication(dt)
                    && (matches!(self.s.xpos(trigger), "VBZ" | "VBP")
                        || self.s.upos(trigger) == Upos::NOUN) =>
            {
                match modal_recode(code, Modality::Intent) {
                    Some(c) => (c, Modality::Intent),
                    None => (code, modality),
                }
            }
            _ => (code, modality),
        };
        // Pulling out of a place is a military withdrawal (087), leaving an
        // organisation or a treaty a cut in relations (16; extract/force.rs).
        let (code, root) = force::withdrawal_from_place(self.actors, p, code, root, &targets);
        // Seizing or capturing a named town or country is taking territory (19).
        let (code, root) = self.seized_place(p, code, root, clause, &targets);
        // "Seoul summoned Russia's ambassador to protest Moscow's military partnership
        // with Pyongyang": a state or organisation protesting is complaining officially
        // (114), not demonstrating (14), which is done by people and parties.
        let (code, root) = if root == "14"
            && p.lemma == "protest"
            && !sources.is_empty()
            && sources.iter().all(|&a| {
                let a = &self.actors[a];
                !a.civilian && !a.outside_power && !a.armed_group && !a.weak
            })
            && !targets.is_empty()
            && targets.iter().all(|&t| {
                sources
                    .iter()
                    .all(|&a| self.actors[a].key != self.actors[t].key)
            }) {
            ("114", "11")
        } else {
            (code, root)
        };
        // People travelling ("another wave of Somalis arrived in Kenya", "refugees
        // returned to Syria") is migration, not a visit (042), which CAMEO keeps for
        // those who act for a state or an organisation.
        if code == "042" && sources.iter().all(|&s| self.actors[s].civilian) {
            return;
        }
        // Negated events are kept, flagged (`negated: true`): CAMEO codes what
        // happened, so consumers (the scorer, the ledger) skip them; refusals that CAMEO
        // codes as such (12x) come through the control verbs, not through negation.
        let spec = p.specificity();
        // "Kenya condemned the attack": the doer of a violence named before (verbal.rs).
        // "Russia condemned the move" (extract/reaction.rs; applied below): `Some` of
        // no doers when the act referred to is ambiguous (then nothing is guessed).
        let reaction = self.reaction_targets(code, trigger, &sources, &targets, found);
        if targets.is_empty()
            && matches!(root, "18" | "19" | "20")
            && self.fought_alongside(trigger)
        {
            // "Hezbollah fought alongside Syrian forces": the one other side named is an
            // ally, and who the enemy was the sentence does not say.
            self.decided.borrow_mut().push(trigger);
            return;
        }
        let violent_doer = if targets.is_empty() && root == "11" && reaction.is_none() {
            self.unnamed_violence_doer(trigger, found)
        } else {
            None
        };
        // Everyone the trigger involves, for `others`.
        let mut everyone: Vec<usize> = Vec::new();
        for &a in sources.iter().chain(&targets).chain(&participants) {
            if !everyone.contains(&a) {
                everyone.push(a);
            }
        }
        let mut coordinated = Vec::new();
        if targets.is_empty() {
            self.coordinated_targets(root, code, clause, &sources, found, &mut coordinated);
        }
        let mut push = |s: usize, t: Option<usize>, conf: f32, code: &'static str| {
            // Assets frozen abroad are a sanction, protesters storming riot
            // (extract/conflict.rs).
            let code = t.map_or(code, |t| self.conflict_code(code, trigger, s, t));
            if let Some(t) = t {
                if self.actors[s].key == self.actors[t].key
                    && s != t
                    && self.actors[s].mention == self.actors[t].mention
                {
                    return;
                }
            }
            let sk = &self.actors[s].key;
            let tk = t.map(|t| self.actors[t].key.as_str());
            let mut others: Vec<usize> = Vec::new();
            for &a in &everyone {
                let k = self.actors[a].key.as_str();
                if k != sk && Some(k) != tk && !others.iter().any(|&o| self.actors[o].key == k) {
                    others.push(a);
                }
            }
            found.push(Found {
                code,
                source: s,
                target: t,
                trigger,
                negated,
                modality,
                attributed_to: speaker.filter(|&a| a != s),
                location,
                date,
                confidence: conf,
                specificity: spec,
                others,
            });
        };
        // Third-location meetings.
        let third = |s: usize, t: usize| -> bool {
            location.is_some_and(|l| {
                let lk = &self.actors[l].key;
                *lk != self.actors[s].key && *lk != self.actors[t].key
            })
        };
        let consult_code = |s: usize, t: usize, code: &'static str| -> &'static str {
            if code == "040" && third(s, t) {
                "044"
            } else {
                code
            }
        };
        if sources.is_empty() {
            for &a in &participants {
                for &b in &participants {
                    if self.actors[a].key != self.actors[b].key {
                        push(a, Some(b), confidence - 0.1, consult_code(a, b, code));
                    }
                }
            }
            // Fighting between two sides of one country is one domestic event
            // (extract/force.rs).
            if let Some((a, b)) = force::domestic_sides(self.actors, root, &participants) {
                push(a, Some(b), confidence - 0.1, code);
            }
            note(trigger, "no source found");
            return;
        }
        if Self::parties_meet(code) {
            // "hosted talks between X and Y": X and Y meet too (extract/consult.rs).
            for &a in &participants {
                for &b in &participants {
                    if self.actors[a].key != self.actors[b].key && !sources.contains(&a) {
                        push(a, Some(b), confidence - 0.1, consult_code(a, b, code));
                    }
                }
            }
        }
        // A source that is also a target (coordination across roles) is dropped from
        // targets, and so is an inferred agent word of the source's own country.
        targets.retain(|t| !sources.contains(t));
        // A force posture moves the doer's own forces; they are not its target.
        material::drop_own_forces(self.actors, root, &sources, &mut targets);
        // "deployed troops to its border with China" (extract/conflict.rs).
        self.posture_across_border(root, trigger, &sources, &mut targets);
        // "launched its military campaign in Gaza": the noun's owner is the doer.
        self.drop_noun_owner(root, trigger, &sources, &mut targets);
        // Violence abroad against people inferred to be the doer's own.
        let place = location.filter(|&l| self.single_place(l));
        material::violence_abroad(self.actors, root, &sources, &mut targets, place);
        // "launched drones toward Israel": force aimed at a place of another country,
        // not at the doer's own weapons (extract/place.rs).
        if !self.aim_at_landing(
            root,
            trigger,
            clause,
            &sources,
            &mut targets,
            speaker,
            modality,
            &mut confidence,
        ) {
            return;
        }
        // An agent word whose country was only inferred ("civilians", "the hostages")
        // and is the source's own is a domestic target ("Kenyan authorities banned
        // civilians from traveling" → KEN→KEN): kept when it is the only one, dropped
        // when the trigger has another target ("deported 173 people to Turkey").
        let own_weak = |t: usize| {
            self.actors[t].weak
                && sources
                    .iter()
                    .any(|&s| self.actors[s].key == self.actors[t].key)
        };
        if targets.iter().any(|&t| !own_weak(t)) {
            targets.retain(|&t| !own_weak(t));
        }
        // Diplomatic cooperation (05) is between two parties: a doer's own envoy
        // ("China accepted an ambassador appointed by the Taliban administration": the
        // ambassador is the Taliban's) is no partner, and with no other target there is
        // no event of the doer's. (Other own people are: "apologized to Hun Sen".)
        let own_envoy = |t: usize| {
            own_weak(t)
                && self
                    .text
                    .get(self.actors[t].start..self.actors[t].end)
                    .is_some_and(|m| {
                        let m = m.to_ascii_lowercase();
                        ["ambassador", "envoy", "diplomat", "consul", "charg"]
                            .iter()
                            .any(|w| m.contains(w))
                    })
        };
        if code.starts_with("05")
            && !p.symmetric
            && !targets.is_empty()
            && targets.iter().all(|&t| own_envoy(t))
        {
            return;
        }
        // "Russia and Ukraine exchanged 300 prisoners": in a mutual act of coordinated
        // doers, people inferred to be one side's are what is exchanged, not a party.
        if p.symmetric
            && sources
                .iter()
                .any(|&a| self.actors[a].key != self.actors[sources[0]].key)
            && targets.iter().all(|&t| {
                self.actors[t].weak
                    // Armed men are a party: "Haitian police and Kenyan officers fought
                    // the gunmen" is no fight between the police and the officers.
                    && !self.actors[t].armed_group
                    && sources
                        .iter()
                        .any(|&s| self.actors[s].key == self.actors[t].key)
            })
        {
            targets.clear();
        }
        // "Kyrgyzstan and Uzbekistan settled their border dispute": in a mutual act of
        // coordinated doers, "their" on what they act on is theirs, whatever the
        // previous sentence's subject was (session 10).
        if p.symmetric
            && sources
                .iter()
                .any(|&a| self.actors[a].key != self.actors[sources[0]].key)
        {
            let theirs = self
                .tree
                .kids(trigger)
                .filter(|&o| self.rel(o) == "obj")
                .chain([trigger])
                .any(|o| {
                    self.tree.kids(o).any(|k| {
                        self.rel(k) == "nmod:poss"
                            && self.s.form(self.text, k).eq_ignore_ascii_case("their")
                    })
                });
            if theirs {
                targets.retain(|&t| self.actors[t].in_sentence && !self.their_possessive(t));
            }
        }
        // Reported speech: "the Thai government said China had asked for the return of
        // its nationals" — an appeal, offer, demand, rejection or threat with no stated
        // addressee (or only the doer's own people) is addressed to the reporter.
        if let Some(sp) = speaker {
            let key = |a: usize| self.actors[a].key.as_str();
            let own_only = targets
                .iter()
                .all(|&t| sources.iter().any(|&s| key(s) == key(t)));
            if matches!(root, "02" | "03" | "10" | "12" | "13")
                && !p.no_target
                && own_only
                && self.actors[sp].in_sentence
                && sources.iter().all(|&s| key(s) != key(sp))
            {
                targets = vec![sp];
                confidence -= 0.2;
            }
        }
        // "Russia condemned the move": the doer of the act named before, not the
        // act's victim nor nobody (extract/reaction.rs).
        if let Some(d) = reaction.filter(|d| !d.is_empty()) {
            targets = d;
            confidence -= 0.3;
        }
        // "Pakistan and Afghanistan agreed to reopen the Torkham crossing": mutual
        // between the doers, not aimed at one doer's place (extract/parties.rs).
        let agreed = self.agreed_between(&sources, &targets, trigger, clause);
        if agreed {
            targets.clear();
        }
        let distinct_sources = sources
            .iter()
            .any(|&a| self.actors[a].key != self.actors[sources[0]].key);
        // "… at each other's military bases": the bases are the doers' own
        // (extract/groups.rs).
        if distinct_sources && self.mutual_by_phrase(trigger, clause) {
            self.drop_own_inferred(&sources, &mut targets);
        }
        // "Rwandan and Mozambican troops fought Islamic State-linked insurgents": a
        // fight with an object is against it, whoever it is, not between the doers.
        // Not when the object is the fighting itself ("exchanged fire", "fought two
        // wars").
        let fought_object = matches!(root, "18" | "19" | "20")
            && self.s.upos(trigger) == Upos::VERB
            && self.kids_rel(trigger, "obj").any(|o| {
                !matches!(
                    self.lemma(o).to_ascii_lowercase().as_str(),
                    "fire"
                        | "gunfire"
                        | "war"
                        | "battle"
                        | "clash"
                        | "skirmish"
                        | "fight"
                        | "round"
                        | "blow"
                        | "shot"
                        | "strike"
                        | "attack"
                        | "salvo"
                        | "barrage"
                )
            });
        if targets.is_empty()
            && distinct_sources
            && !sources.iter().any(|&a| self.companion(a))
            && ((p.symmetric && !fought_object)
                || agreed
                // "India and Pakistan accused each other" (extract/verbal.rs).
                || self.each_other(trigger, clause)
                // "… at each other's bases", "each side blamed the other"
                // (extract/groups.rs).
                || self.mutual_by_phrase(trigger, clause)
                || (pair_sources
                    // Co-mediators ("mediated by Qatar, Egypt and the United
                    // States") mediate between others, not with each other.
                    && code != "045"
                    // "X and Y cut ties", "… suspended talks": mutual by the object
                    // as much as restoring them (session 6, extract/verbal.rs).
                    && (root.as_bytes()[0] == b'0' || root == "16")
                    && self.reciprocal(trigger, clause)
                    // "X and Y welcomed the talks" (extract/parties.rs).
                    && !self.one_sided_evaluation(code, trigger, clause)))
        {
            // "Both sides agreed", "X and Y met", "X and Y restored ties": each with the
            // other(s). Only for events that are mutual by nature (symmetric patterns)
            // or by their object ("ties", "an agreement", "together"); coordinated doers
            // of a one-sided act ("X, Y and Z offered to resettle them") are not each
            // other's targets.
            for &a in &sources {
                for &b in &sources {
                    if self.actors[a].key != self.actors[b].key {
                        push(a, Some(b), confidence, consult_code(a, b, code));
                    }
                }
            }
            return;
        }
        if targets.is_empty() && code.starts_with("13") {
            // "If the United States escalates, I will shut the electricity off": a
            // threat made conditional on someone's act is aimed at them.
            if let Some(c) = self.condition_of(clause) {
                let mut tmp = Vec::new();
                self.subject_of(c, &mut tmp, 0);
                tmp.retain(|a| !sources.contains(a));
                targets.extend(tmp);
            }
        }
        if targets.is_empty() && root == "14" {
            // Protesters outside an embassy, a consulate or a high commission protest
            // against the state it represents ("rallied outside the Pakistani embassy",
            // "outside the Indian High Commission in Dhaka").
            let skeys: Vec<&str> = sources
                .iter()
                .map(|&s| self.actors[s].key.as_str())
                .collect();
            for k in self.tree.kids(clause) {
                if base(self.rel(k)) == "obl"
                    && self.case_of(k).is_some_and(|c| {
                        ["outside", "at", "near", "before", "front"]
                            .iter()
                            .any(|x| lower_eq(c, x))
                    })
                    && matches!(
                        self.lemma(k).to_ascii_lowercase().as_str(),
                        // "commission": a Commonwealth state's high commission
                        "embassy" | "consulate" | "mission" | "legation" | "commission"
                    )
                {
                    let mut tmp = Vec::new();
                    self.actors_of(k, &mut tmp);
                    targets.extend(
                        tmp.into_iter()
                            .filter(|&a| !skeys.contains(&self.actors[a].key.as_str())),
                    );
                }
            }
        }
        if targets.is_empty() && root == "14" && self.purpose_of_complaint(clause) {
            // "summoned Russia's ambassador to protest the attack": the summons is
            // the official protest (114), and no one demonstrated.
            self.decided.borrow_mut().push(trigger);
            return;
        }
        if targets.is_empty() && root == "14" {
            // A protest with no stated addressee is domestic: it is aimed at the
            // protesters' own authorities (docs/gold-guidelines.md: domestic events
            // carry the same key on both sides; "Sudanese began protesting" → SDN→SDN).
            for &s in &sources {
                let t = (self.actors[s].key.len() == 3).then_some(s);
                push(s, t, confidence, code);
            }
            return;
        }
        if targets.is_empty() && p.symmetric && matches!(root, "03" | "04") {
            // "spoke by phone with X": the partner hung one level down
            // (extract/consult.rs).
            self.stray_partner(trigger, clause, &sources, &mut targets);
        }
        if targets.is_empty() && matches!(root, "11" | "12") {
            // "condemned the tariffs that Washington announced", "Despite Beijing's
            // objections, X visited Taiwan" (extract/background.rs).
            self.background_target(trigger, clause, p, &sources, &mut targets);
        }
        // "accused Russia of X and vowed to respond": the second act's addressee is the
        // first's (extract/shared_target.rs).
        if targets.is_empty() && !p.no_target && !coordinated.is_empty() {
            targets = coordinated;
            confidence -= 0.2;
        }
        if targets.is_empty() && participants.is_empty() && self.launch_into_sea(clause, code) {
            // "fired a ballistic missile into the sea", "test-fired a missile" read
            // word by word: a display of force (150), as in `emit`.
            for &s in &sources {
                push(s, None, confidence, "150");
            }
            return;
        }
        if targets.is_empty() {
            // (Violence has a victim: a bombing of a market or a bus names no actor,
            // and the place rule below gives the country it happens in — no null
            // target, which the gold keeps for claims, comments and mobilisations.)
            if (p.no_target && !matches!(root, "18" | "19" | "20")) || matches!(root, "14" | "15") {
                for &s in &sources {
                    push(s, None, confidence, code);
                }
                return;
            }
            if p.symmetric && matches!(root, "03" | "04") {
                // Decided here: the word-order reading must not pair the one side with
                // whoever stands next to the noun.
                self.decided.borrow_mut().push(trigger);
                // "spoke to reporters" is no meeting (extract/consult.rs).
                if p.pos == TriggerPos::Noun || self.needs_partner(trigger) {
                    return;
                }
                // One stated side of a meeting or talks ("G7 ministers discussed China's
                // role", "ministers gathered in Quebec"): the topic or the place is no
                // participant, so the event has no target. (A clash with an unnamed
                // side is left out: who fought whom is the point of it, and so is a
                // one-sided mention of talks by noun — "the G7 talks in Quebec follow…" —
                // which news uses as background far more often than as the event; no
                // counterpart is guessed for it either.)
                for &s in &sources {
                    push(s, None, confidence, code);
                }
                return;
            }
            // The counterpart of a diplomatic act is often named elsewhere in the
            // sentence ("… its relationship with Afghanistan by upgrading its mission").
            if (pair_sources || sources.len() == 1)
                && matches!(root, "03" | "04" | "05" | "06" | "16")
            {
                let skeys: Vec<&str> = sources
                    .iter()
                    .map(|&s| self.actors[s].key.as_str())
                    .collect();
                let cited = self.cited_actors();
                if let Some(o) = (0..self.actors.len()).find(|&a| {
                    let ac = &self.actors[a];
                    ac.usable
                        && ac.in_sentence
                        && !cited.contains(&a)
                        && !skeys.contains(&ac.key.as_str())
                        // The place of a meeting or a signing ("signed a declaration
                        // in Doha") is a venue, not a party; the place of a mission
                        // ("its mission in Kabul") is the counterpart.
                        && (Some(a) != location
                            || !(root == "04" || code.starts_with("057") || sources.len() > 1))
                        && ac.key.len() == 3
                }) {
                    targets.push(o);
                    // "Iran, which borders both countries, offered to mediate": both
                    // states of a pair phrase (extract/groups.rs).
                    if p.pos == TriggerPos::Verb {
                        targets.extend(self.pair_mates(o, &skeys));
                    }
                    confidence -= 0.3;
                }
            }
            if targets.is_empty() && !matches!(root, "01") {
                // The tree gave the trigger no target (long news sentences are often
                // misparsed): the nearest actor after it in the same clause, with a
                // lower confidence.
                let skeys: Vec<&str> = sources
                    .iter()
                    .map(|&s| self.actors[s].key.as_str())
                    .collect();
                if let Some(o) = self.right_actor(trigger, clause, &skeys, location) {
                    targets.push(o);
                    confidence -= 0.3;
                }
            }
            if let Some(g) = targets
                .is_empty()
                .then(|| self.armed_counterpart(root, trigger, &sources))
                .flatten()
            {
                // "an operation by Somalia's NISA, which resulted in the deaths of 16
                // al-Shabab militants": the one armed group named (extract/home.rs).
                for &s in &sources {
                    push(s, Some(g), confidence - 0.2, code);
                }
                return;
            }
            if targets.is_empty()
                && (matches!(root, "18" | "19")
                    || (material::restriction_at_home(code) && location.is_some())
                    || force::arrest_at_home(self.actors, code, &sources, location))
                && (p.pos == TriggerPos::Verb || self.light_noun_at(trigger, clause, location))
            {
                // Violence whose object is a place or thing, not an actor ("militants
                // stormed a hotel in Mogadishu", "took over a train"): its target is
                // the country it happens in — the stated location, else, for an armed
                // group or an agent word tied to one country, that country (domestic,
                // docs/gold-guidelines.md: unnamed attackers inside one country). Verbs
                // only: violence nouns are mostly background ("the threat of attacks").
                let home = location.filter(|&l| self.single_place(l)).or_else(|| {
                    sources.iter().copied().find(|&s| {
                        let a = &self.actors[s];
                        !a.place && a.key.len() == 3 && (a.armed_group || a.weak)
                    })
                });
                if let Some(h) = home {
                    // Soldiers, police or a base hit: fighting forces, 190 (force.rs).
                    let forces = self.forces_hit(clause) || self.forces_carried(clause);
                    for &s in &sources {
                        let c = if forces {
                            code
                        } else {
                            violence_code(code, &self.actors[s], None)
                        };
                        push(s, Some(h), confidence - 0.2, c);
                    }
                    return;
                }
            }
            if let (true, Some(t)) = (targets.is_empty(), violent_doer) {
                for &s in &sources {
                    push(s, Some(t), confidence - 0.3, code);
                }
                return;
            }
            if let Some(c) = targets
                .is_empty()
                .then(|| self.restricts_own_public(code, trigger, clause, &sources, location))
                .flatten()
            {
                // "imposed a ban on public gatherings", "banned all rallies": those
                // subject to it are the doer's own people (extract/domestic.rs).
                for &s in &sources {
                    push(s, Some(s), confidence - 0.3, c);
                }
                return;
            }
            if targets.is_empty() && p.pos == TriggerPos::Verb && self.people_detained(code, clause)
            {
                // "Chinese authorities jailed 14 Uyghur academics": people the lexicon
                // gives no country, held by a state's own agents (extract/force.rs).
                for &s in &sources {
                    if self.actors[s].key.len() == 3 && !self.actors[s].armed_group {
                        push(s, Some(s), confidence - 0.3, code);
                    }
                }
                return;
            }
            if targets.is_empty()
                && p.pos == TriggerPos::Verb
                && matches!(root, "11" | "12")
                && modality == Modality::Actual
                && self.speakerless(trigger)
            {
                // "The opposition rejected the results": the opposition's rejection
                // or accusation with no addressee is aimed at home (extract/domestic.rs).
                let own: Vec<usize> = sources
                    .iter()
                    .copied()
                    .filter(|&s| self.opposition_at_home(s))
                    .collect();
                if !own.is_empty() {
                    for s in own {
                        push(s, Some(s), confidence - 0.3, code);
                    }
                    return;
                }
            }
            // "Belarus sentenced Ales Bialiatski", "the school refused to enroll her",
            // "lifted the curfew": done to the doer's own public (extract/home.rs).
            let (home, c) = self.home_doers(code, trigger, clause, &sources, location, modality);
            if !home.is_empty() {
                for s in home {
                    push(s, Some(s), confidence - 0.3, c);
                }
                return;
            }
            if targets.is_empty() {
                // Pending: a denial whose target is the accuser (filled later), else dropped.
                if root == "01" && code == "016" {
                    for &s in &sources {
                        push(s, None, confidence - 0.2, code);
                    }
                }
                // An appeal or demand with no addressee and nowhere else named ("they
                // demanded reforms", "officials called for tighter controls") is made
                // at home: domestic, as the gold set codes it, like protests.
                if matches!(&code[..2], "02" | "10")
                    && p.pos == TriggerPos::Verb
                    && matches!(self.s.upos(trigger), Upos::VERB)
                    && modality != Modality::Hypothetical
                    && modality != Modality::Intent
                    && self.domestic_appeal(trigger)
                    && self.speakerless(trigger)
                {
                    for &s in &sources {
                        let home =
                            location.is_none_or(|l| self.actors[l].key == self.actors[s].key);
                        if self.actors[s].key.len() == 3 && home {
                            push(s, Some(s), confidence - 0.3, code);
                        }
                    }
                }
                note(trigger, "source found, no target");
                return;
            }
        }
        for &s in &sources {
            for &t in &targets {
                // A doer and a target of one key are a domestic event only when the
                // target is a party of its own ("Nigerian and Chadian troops killed
                // Boko Haram fighters" is also NGA→NGA), not when it merely shares the
                // key of several parties (a doer's own organs).
                if self.actors[s].key == self.actors[t].key
                    && sources.len() + targets.len() > 2
                    && !self.own_party_target(code, s, t, &sources)
                    // "Hamas and Islamic Jihad condemned the Palestinian Authority":
                    // doers and target all of one state, the target not a doer.
                    && !self.one_state_parties(s, t, &sources, &targets)
                {
                    continue;
                }
                // "Trump flew to Alaska": travel at home (extract/consult.rs).
                if self.no_visit(code, trigger, s, t) {
                    continue;
                }
                let code = violence_code(code, &self.actors[s], Some(&self.actors[t]));
                push(s, Some(t), confidence, consult_code(s, t, code));
                // A planned meeting named by a noun ("is expected to have a meeting
                // with X") is planned by both sides.
                let planned_meeting = code == "036"
                    && p.pos == TriggerPos::Noun
                    && p.code.starts_with("04")
                    // "offered to hold talks with X" (extract/parties.rs).
                    && !self.one_sided_plan(trigger)
                    // "China will convene a meeting with Iran" (extract/consult.rs).
                    && !self.convened_plan(trigger);
                if p.symmetric
                    && (code.starts_with("04")
                        || code == "057"
                        || code.starts_with("19")
                        // "X is at odds / disagreed / clashed with Y": a quarrel is
                        // mutual (docs/gold-guidelines.md, "publicly disagreed").
                        || code.starts_with("11")
                        // "held joint naval exercises with the United States": both
                        // forces drill together.
                        || code == "062"
                        || planned_meeting)
                {
                    push(t, Some(s), confidence, consult_code(t, s, code));
                } else if code == "042" {
                    // A visit is also hosted: host → visitor 043.
                    push(t, Some(s), confidence, "043");
                } else if code == "043" {
                    // And a host is visited ("Xi received Putin"): visitor → host 042.
                    push(t, Some(s), confidence, "042");
                }
            }
        }
    }

    /// Criticism of an act of violence ("condemned the attack on Chinese engineers",
    /// "condemns any violence against civilians", "Russia's invasion of Ukraine")
    /// criticises those who did it, not those it was done to: the actors under the
    /// violence noun's target preposition (the noun pattern's `tgt=`, else on, against,
    /// of, into) are removed from `targets`. Returns whether any was.
    /// An accusation keeps the "on" of its object: "blamed the attacks on militants"
    /// names the accused.
    fn drop_victims(&self, clause: usize, code: &str, targets: &mut Vec<usize>) -> bool {
        let mut victims = Vec::new();
        for n in 0..self.s.len() {
            if n == clause || !self.tree.dominates(clause, n) || self.s.upos(n) != Upos::NOUN {
                continue;
            }
            if code.starts_with("112") && self.tree.head(n) == Some(clause) && self.rel(n) == "obj"
            {
                continue;
            }
            // Violence nouns of the dictionary, and the general words for harm done
            // to someone that the dictionary leaves out as events of their own.
            let preps: &[String] = match self.match_noun(n) {
                Some(p) if matches!(p.code.get(..2), Some("18" | "19" | "20")) => &p.target_preps,
                _ if matches!(
                    self.lemma(n).to_ascii_lowercase().as_str(),
                    "violence" | "aggression" | "crime" | "abuse" | "atrocity" | "brutality"
                ) =>
                {
                    &[]
                }
                _ => continue,
            };
            for k in self.tree.kids(n) {
                if base(self.rel(k)) != "nmod" {
                    continue;
                }
                let Some(c) = self.case_of(k) else { continue };
                let victim_prep = if preps.is_empty() {
                    ["on", "against", "of", "into"]
                        .iter()
                        .any(|x| lower_eq(c, x))
                } else {
                    preps.iter().any(|x| lower_eq(c, x))
                };
                if victim_prep && !lower_eq(c, "in") {
                    self.actors_of(k, &mut victims);
                }
            }
        }
        let before = targets.len();
        targets.retain(|t| !victims.contains(t));
        targets.len() < before
    }

    /// Whether place actor `l` is not one of a list of places ("across Iraq, Syria
    /// and Jordan"): only a single place says which country an event happened in.
    fn single_place(&self, l: usize) -> bool {
        let a = &self.actors[l];
        !self.actors.iter().any(|b| {
            if !b.place || b.key == a.key {
                return false;
            }
            let (x, y) = if b.start >= a.end {
                (a.end, b.start)
            } else if a.start >= b.end {
                (b.end, a.start)
            } else {
                return false;
            };
            self.text.get(x..y).is_some_and(|gap| {
                let g = gap.trim();
                matches!(g, "," | "and" | "or" | ", and" | ", or" | "&")
            })
        })
    }

    /// The first usable actor after token `t` within its clause (under `clause` in the
    /// tree, no clause boundary word in between, at most 12 tokens on), not one of
    /// `skip` and not a place introduced by "in"/"at".
    fn right_actor(
        &self,
        t: usize,
        clause: usize,
        skip: &[&str],
        location: Option<usize>,
    ) -> Option<usize> {
        let n = self.s.len();
        // A clause of its own below the trigger's ("condemned the attack and urged
        // Somalia to …": Somalia belongs to "urged").
        let other_clause = |i: usize| {
            let mut x = i;
            for _ in 0..n {
                if x == clause || x == t {
                    return false;
                }
                if matches!(self.s.upos(x), Upos::VERB | Upos::AUX)
                    && matches!(
                        self.rel(x),
                        "conj" | "parataxis" | "advcl" | "ccomp" | "acl:relcl" | "csubj"
                    )
                {
                    return true;
                }
                match self.tree.head(x) {
                    Some(h) => x = h,
                    None => return false,
                }
            }
            false
        };
        for i in t + 1..n.min(t + 13) {
            if !self.tree.dominates(clause, i) {
                continue;
            }
            if other_clause(i) {
                // (Also barring the word-order reading here lost more on dev than it
                // saved: it recovers domestic targets of misparsed clauses.)
                return None;
            }
            let f = self.s.form(self.text, i);
            if matches!(f, ";" | ":" | "." | "—" | "–")
                || matches!(
                    f.to_ascii_lowercase().as_str(),
                    "who" | "which" | "that" | "but" | "while" | "said" | "says" | "according"
                )
            {
                return None;
            }
            for &a in self.covering(i) {
                let a = a as usize;
                let ac = &self.actors[a];
                if !ac.usable
                    || skip.contains(&ac.key.as_str())
                    || Some(a) == location
                    || self.companion(a)
                {
                    continue;
                }
                let prep = (0..i)
                    .rev()
                    .find(|&k| !matches!(self.s.upos(k), Upos::DET | Upos::ADJ | Upos::NUM))
                    .map(|k| self.lemma(k).to_ascii_lowercase());
                // A place where it happened is no target: after a locative
                // preposition, or a conjunct of such a place ("in Iraq and Syria").
                let mut first = i;
                for _ in 0..6 {
                    match self.tree.head(first) {
                        Some(h) if self.rel(first) == "conj" => first = h,
                        _ => break,
                    }
                }
                let tree_prep = self.case_of(first).map(|c| c.to_ascii_lowercase());
                if ac.place
                    && (prep.as_deref().is_some_and(locative)
                        || tree_prep.as_deref().is_some_and(locative))
                {
                    continue;
                }
                return Some(a);
            }
        }
        None
    }

    /// Whether a cooperative act is mutual by its object or an adverb: "restored ties",
    /// "signed an agreement", "expand trade", "work together", "bilateral cooperation".
    fn reciprocal(&self, trigger: usize, clause: usize) -> bool {
        const MUTUAL: &[&str] = &[
            "tie",
            "relation",
            "relationship",
            "cooperation",
            "partnership",
            "agreement",
            "deal",
            "accord",
            "treaty",
            "pact",
            "memorandum",
            "trade",
            "talk",
            "dialogue",
            "negotiation",
            "contact",
            "exchange",
            "alliance",
        ];
        const ADV: &[&str] = &["together", "jointly", "mutually", "bilaterally"];
        let word = |i: usize| MUTUAL.contains(&self.lemma(i).to_ascii_lowercase().as_str());
        // The noun, a compound on it or a conjunct ("trade facilitation and economic
        // ties"), or a "bilateral/mutual/joint" modifier.
        let mutual = |i: usize| {
            word(i)
                || self.tree.kids(i).any(|k| {
                    (matches!(base(self.rel(k)), "compound" | "conj") && word(k))
                        || (matches!(base(self.rel(k)), "amod" | "compound")
                            && matches!(
                                self.lemma(k).to_ascii_lowercase().as_str(),
                                "bilateral" | "mutual" | "joint" | "reciprocal"
                            ))
                })
        };
        let mut nodes = vec![trigger];
        if clause != trigger {
            nodes.push(clause);
        }
        for &v in &nodes {
            if mutual(v) && v != clause {
                return true;
            }
            for k in self.tree.kids(v) {
                let r = self.rel(k);
                if matches!(r, "obj" | "nsubj:pass") && mutual(k) {
                    return true;
                }
                if base(r) == "obl" && mutual(k) {
                    return true;
                }
                if base(r) == "advmod" && ADV.contains(&self.lemma(k).to_ascii_lowercase().as_str())
                {
                    return true;
                }
                // "each other", "one another"
                if matches!(r, "obj" | "obl")
                    && matches!(
                        self.lemma(k).to_ascii_lowercase().as_str(),
                        "other" | "another"
                    )
                {
                    return true;
                }
            }
        }
        false
    }

    /// "… allegations which Kabul denies": a denial without a target is addressed to
    /// whoever made the accusation in the same sentence.
    fn fill_denials(&self, found: &mut Vec<Found>) {
        let accusers: Vec<usize> = found
            .iter()
            .filter(|f| f.code.starts_with("11"))
            .map(|f| f.source)
            .collect();
        let mut extra = Vec::new();
        found.retain(|f| {
            if f.code == "016" && f.target.is_none() {
                // "Moscow denied deliberately targeting Poland" (extract/reaction.rs).
                if let Some(t) = self.denied_act_target(f.trigger, f.source) {
                    let mut g = f.clone();
                    g.target = Some(t);
                    extra.push(g);
                    return false;
                }
                let before = extra.len();
                for &a in &accusers {
                    if self.actors[a].key != self.actors[f.source].key {
                        let mut g = f.clone();
                        g.target = Some(a);
                        extra.push(g);
                    }
                }
                // A denial of a thing said ("rejected the accusations", "denied
                // involvement"), not of a clause ("denied that its program is military").
                let of_thing = self.s.upos(f.trigger) == Upos::NOUN
                    || self.tree.kids(f.trigger).any(|k| self.rel(k) == "obj")
                    // "The Kremlin denied interfering" (extract/reaction.rs).
                    || self.denies_own_act(f.trigger);
                if extra.len() == before && of_thing {
                    // No accuser in the sentence: the denial answers the accusation
                    // reported just before ("Pakistan accused X of … . X rejected the
                    // accusations"), else it stands without a target, as the gold set
                    // codes it (`SRC>-`: "Iran denied that …").
                    for &a in self.prev_accusers {
                        if self.actors[a].mention != self.actors[f.source].mention {
                            let mut g = f.clone();
                            g.target = Some(a);
                            g.confidence -= 0.1;
                            extra.push(g);
                        }
                    }
                    if extra.len() == before {
                        // "Pakistan denied any role in the attack": its victims
                        // (extract/reaction.rs).
                        for t in self.denied_part_victims(f.trigger, f.source) {
                            let mut g = f.clone();
                            g.target = Some(t);
                            g.confidence -= 0.2;
                            extra.push(g);
                        }
                    }
                }
                extra.len() == before
            } else {
                true
            }
        });
        found.extend(extra);
    }
}

impl SentenceCoder<'_> {
    /// Whether the sentence carries a real dependency analysis (some subject or object
    /// relation). A parser that is missing or gave up yields flat `dep` trees.
    pub fn has_tree(&self) -> bool {
        (0..self.s.len()).any(|i| {
            let r = self.rel(i);
            r.starts_with("nsubj") || r == "obj" || r.starts_with("obl") || r.starts_with("nmod")
        })
    }

    /// The actor group at token `i` (all usable mentions covering it), if any.
    fn group_at(&self, i: usize) -> Vec<usize> {
        self.covering(i)
            .iter()
            .map(|&a| a as usize)
            .filter(|&a| self.actors[a].usable)
            .collect()
    }

    fn form_lc(&self, i: usize) -> String {
        self.s.form(self.text, i).to_lowercase()
    }

    /// Actor groups in token order, each with its first token and the word before it.
    fn linear_groups(&self) -> Vec<(usize, usize, Vec<usize>)> {
        let mut out: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut i = 0;
        while i < self.s.len() {
            let g = self.group_at(i);
            if g.is_empty() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.s.len() && self.group_at(j) == g {
                j += 1;
            }
            out.push((i, j, g));
            i = j;
        }
        out
    }

    /// A PETRARCH-like reading by word order, for sentences without a usable tree:
    /// source = the nearest actor(s) before the trigger, target = the first actor(s)
    /// after it that is not a place ("in Beijing"), coordination by "and"/",".
    pub fn code_linear_raw(&self, subject_out: &mut Vec<usize>) -> Vec<Found> {
        let n = self.s.len();
        let groups = self.linear_groups();
        if let Some(g) = groups.first() {
            subject_out.extend(g.2.iter().copied());
        }
        let mut found = Vec::new();
        let onto = crate::ontology::Ontology::get();
        let window = |i: usize, k: usize| (i + 1)..(i + 1 + k).min(n);
        let mut i = 0;
        while i < n {
            let lem = self.lemma(i).to_ascii_lowercase();
            let upos = self.s.upos(i);
            let clausal_noun = upos == Upos::NOUN
                && matches!(self.rel(i), "acl:relcl" | "ccomp" | "advcl")
                && self.patterns.noun(&lem).is_empty();
            let cands: &[Pattern] = match upos {
                _ if self.inside_proper_name(i) => &[],
                Upos::VERB => self.patterns.verb(&lem),
                Upos::NOUN if clausal_noun => self.patterns.verb(&lem),
                Upos::NOUN => self.patterns.noun(&lem),
                // "Indian and Pakistani troops exchanged fire …" with no verb tagged:
                // the past form read as an adjective is the main verb (force.rs).
                Upos::ADJ => force::verbless_past(self, i)
                    .map(|v| self.patterns.verb(v))
                    .unwrap_or(&[]),
                _ => &[],
            };
            let pick = cands.iter().find(|p| {
                if p.code.is_empty() || p.control == Control::Light || p.control == Control::Say {
                    return false;
                }
                if let Some(prt) = &p.particle {
                    if !window(i, 2).any(|k| lower_eq(self.lemma(k), prt)) {
                        return false;
                    }
                }
                if let Some(w) = &p.with {
                    // "called his counterpart on Saturday" is no "call on": the
                    // preposition of a date does not count.
                    let of_date = |k: usize| {
                        self.tree
                            .head(k)
                            .is_some_and(|h| self.dates.iter().any(|&(t, _)| t == h))
                    };
                    // A preposition that introduces the target is no infinitive's "to".
                    let nominal = p.target_preps.iter().any(|t| lower_eq(t, w));
                    if !window(i, 4).any(|k| {
                        lower_eq(self.lemma(k), w)
                            && !of_date(k)
                            && (!nominal || self.s.upos(k) == Upos::ADP)
                    }) {
                        return false;
                    }
                }
                if !p.object.is_empty() {
                    let near = |k: usize| p.object.iter().any(|w| lower_eq(w, self.lemma(k)));
                    let hit = if p.pos == TriggerPos::Noun {
                        (i > 0 && near(i - 1)) || (i + 1 < n && near(i + 1))
                    } else {
                        window(i, 5).any(near)
                    };
                    if !hit {
                        return false;
                    }
                }
                true
            });
            let Some(p) = pick else {
                i += 1;
                continue;
            };
            // A control verb followed by "to VERB": the embedded verb is the event.
            if self.head_control(i).is_some()
                && (i + 2 < n)
                && self.form_lc(i + 1) == "to"
                && self.s.upos(i + 2) == Upos::VERB
            {
                i += 1;
                continue;
            }
            let Some(entry) = onto.lookup(&p.code) else {
                i += 1;
                continue;
            };
            let mut code = entry.code;
            let mut modality = Modality::Actual;
            // "agreed to meet", "urged … to release".
            if i >= 2 && self.form_lc(i - 1) == "to" {
                for k in (i.saturating_sub(5)..i - 1).rev() {
                    if let Some(c) = self.head_control(k) {
                        if let Some(new) = transform(c, code) {
                            code = new;
                        }
                        modality = match c {
                            Control::Agree | Control::Intent => Modality::Intent,
                            Control::Request | Control::Demand => Modality::Request,
                            _ => Modality::Actual,
                        };
                        break;
                    }
                }
            }
            for k in i.saturating_sub(3)..i {
                if matches!(self.lemma(k).to_ascii_lowercase().as_str(), "will") {
                    modality = Modality::Intent;
                }
                if matches!(
                    self.lemma(k).to_ascii_lowercase().as_str(),
                    "would" | "could" | "may" | "might" | "should"
                ) {
                    modality = Modality::Hypothetical;
                }
            }
            if modality == Modality::Actual && self.periphrastic_future(i) {
                modality = Modality::Intent;
            }
            if code == entry.code {
                match modal_recode(code, modality) {
                    Some(c) => code = c,
                    None => {
                        i += 1;
                        continue;
                    }
                }
            }
            let negated = (i.saturating_sub(3)..i)
                .any(|k| matches!(self.form_lc(k).as_str(), "not" | "n't" | "never"));
            let passive = upos == Upos::VERB
                && i > 0
                && matches!(
                    self.lemma(i - 1).to_ascii_lowercase().as_str(),
                    "be" | "been" | "was" | "were" | "is" | "are"
                )
                && self.s.form(self.text, i).ends_with("ed");
            // Groups before and after the trigger, within the clause.
            let stop = |k: usize| {
                matches!(
                    self.form_lc(k).as_str(),
                    ";" | "." | ":" | "—" | "who" | "which" | "that" | "while" | "but"
                )
            };
            let prep_before = |start: usize| -> String {
                let mut k = start;
                while k > 0 {
                    k -= 1;
                    let f = self.form_lc(k);
                    if matches!(self.s.upos(k), Upos::DET | Upos::ADJ | Upos::NUM) || f == "the" {
                        continue;
                    }
                    return if self.s.upos(k) == Upos::ADP {
                        f
                    } else {
                        String::new()
                    };
                }
                String::new()
            };
            let mut sources: Vec<usize> = Vec::new();
            let mut targets: Vec<usize> = Vec::new();
            let mut location = None;
            let mut participants = Vec::new();
            let mut by_agent = false;
            let mut agent_end: Option<usize> = None;
            // Left: nearest group (plus groups joined to it by "and" / ",").
            let left: Vec<&(usize, usize, Vec<usize>)> = groups
                .iter()
                .filter(|g| g.1 <= i && g.1 + 8 >= i && !(g.1..i).any(stop))
                .collect();
            if let Some(last) = left.last() {
                let pb = prep_before(last.0);
                if pb.is_empty() || pb == "of" {
                    sources.extend(last.2.iter().copied());
                    let mut cur = last.0;
                    for g in left.iter().rev().skip(1) {
                        let between: Vec<String> = (g.1..cur).map(|k| self.form_lc(k)).collect();
                        if between
                            .iter()
                            .all(|w| matches!(w.as_str(), "and" | "," | "the" | "or"))
                            && !between.is_empty()
                        {
                            sources.extend(g.2.iter().copied());
                            cur = g.0;
                        } else {
                            break;
                        }
                    }
                }
            }
            // Right: first group not introduced by in/at (that one is the place).
            let right: Vec<&(usize, usize, Vec<usize>)> = groups
                .iter()
                .filter(|g| g.0 > i && g.0 <= i + 12 && !(i + 1..g.0).any(stop))
                .collect();
            let mut last_end = None;
            // End of the last place group: places listed after it ("in Iraq and
            // Syria", "across Iraq, Syria, Turkey") are places too.
            let mut place_end: Option<usize> = None;
            for g in right {
                // The subject of a later coordinated or governing clause ("…, and
                // leaders from Brazil also criticized Quito", "…, South Korea's
                // military said") or of "what X called" is no target; a clause under
                // the trigger keeps its subject ("dismissed a case Sudan brought
                // against the UAE").
                if (g.0..g.1.min(self.s.len())).any(|k| {
                    base(self.rel(k)) == "nsubj"
                        && self.tree.head(k).is_some_and(|h| {
                            h >= g.1
                                && (matches!(base(self.rel(h)), "conj" | "parataxis" | "root")
                                    || self.tree.head(h).is_some_and(|w| self.form_lc(w) == "what"))
                        })
                }) {
                    continue;
                }
                let pb = prep_before(g.0);
                let listed = place_end.is_some_and(|e| {
                    (e..g.0).all(|k| matches!(self.form_lc(k).as_str(), "and" | "," | "the" | "or"))
                });
                if (locative(&pb) && !p.target_preps.contains(&pb)) || listed {
                    if location.is_none() {
                        location = g.2.iter().copied().find(|&a| self.actors[a].place);
                    }
                    place_end = Some(g.1);
                    continue;
                }
                place_end = None;
                // "fought alongside Syrian forces": allies, not targets.
                if pb == "alongside" {
                    continue;
                }
                if (pb == "of" && p.pos == TriggerPos::Verb)
                    || (pb.is_empty() && p.no_object_target)
                {
                    continue;
                }
                if pb == "by" && passive {
                    // "condemned by the U.N. human rights office and by the European
                    // Union": a second agent is a co-doer, not the first one's target.
                    if agent_end.is_some() {
                        // "… and by the European Union": "and" (or a comma) before "by".
                        let mut k = g.0;
                        while k > 0 && matches!(self.s.upos(k - 1), Upos::DET | Upos::ADJ) {
                            k -= 1;
                        }
                        if k >= 2 && matches!(self.form_lc(k - 2).as_str(), "and" | "," | "or") {
                            sources.extend(g.2.iter().copied());
                            agent_end = Some(g.1);
                            continue;
                        }
                    }
                    let src = std::mem::take(&mut sources);
                    sources.extend(g.2.iter().copied());
                    targets.extend(src);
                    agent_end = Some(g.1);
                    continue;
                }
                // "mediated by Qatar, Egypt and the United States": the agents listed
                // after the first are doers too, not targets.
                if let Some(e) = agent_end {
                    if (e..g.0)
                        .all(|k| matches!(self.form_lc(k).as_str(), "and" | "," | "the" | "or"))
                    {
                        sources.extend(g.2.iter().copied());
                        agent_end = Some(g.1);
                        continue;
                    }
                    agent_end = None;
                }
                // "talks between X and Y"; also a symmetric trigger the tagger read as
                // a verb ("Fighting broke out between …", "Clashes erupted between …").
                if (p.pos == TriggerPos::Noun || p.symmetric) && pb == "between" {
                    participants.extend(g.2.iter().copied());
                    last_end = Some(g.1);
                    continue;
                }
                // "a raid by Somali forces", "the offensive by the army": the agent of
                // an event noun is its doer, not its target (extract/force.rs).
                if p.pos == TriggerPos::Noun
                    && pb == "by"
                    && targets.is_empty()
                    && force::agent_right_after(self, i, g.0)
                {
                    sources = g.2.clone();
                    by_agent = true;
                    last_end = Some(g.1);
                    continue;
                }
                match last_end {
                    None if targets.is_empty() => {
                        targets.extend(g.2.iter().copied());
                        last_end = Some(g.1);
                    }
                    Some(e) => {
                        let between: Vec<String> = (e..g.0).map(|k| self.form_lc(k)).collect();
                        if between
                            .iter()
                            .all(|w| matches!(w.as_str(), "and" | "," | "the" | "or"))
                        {
                            if participants.is_empty() {
                                targets.extend(g.2.iter().copied());
                            } else {
                                participants.extend(g.2.iter().copied());
                            }
                            last_end = Some(g.1);
                        }
                    }
                    _ => {}
                }
            }
            if p.pos == TriggerPos::Noun {
                // Nominal events: "X's visit to Y"; a source further left is a guess.
                let poss = i > 0
                    && left.last().is_some_and(|g| {
                        g.1 + 1 >= i || (g.1 + 2 >= i && self.form_lc(g.1) == "'s")
                    });
                if !poss && !by_agent && participants.is_empty() {
                    sources.clear();
                }
                if !participants.is_empty() && sources.is_empty() {
                    // participants only
                } else if sources.is_empty() {
                    i += 1;
                    continue;
                }
            }
            if passive && targets.is_empty() {
                std::mem::swap(&mut sources, &mut targets);
            }
            let date = {
                let mut best: Option<(usize, FuzzyDate)> = None;
                for &(tok, d) in &self.dates {
                    let dist = tok.abs_diff(i);
                    if dist <= 10 && best.is_none_or(|(bd, _)| dist < bd) {
                        best = Some((dist, d));
                    }
                }
                best.map(|b| b.1)
                    .or_else(|| self.publication_date_for(modality))
            };
            self.finish(
                Draft {
                    pattern: p,
                    root: entry.root,
                    code,
                    sources,
                    targets,
                    participants,
                    location,
                    negated,
                    modality,
                    speaker: None,
                    date,
                    confidence: 0.5,
                    trigger: i,
                    clause: i,
                    pair_sources: p.pos == TriggerPos::Verb,
                },
                &mut found,
            );
            i += 1;
        }
        found
    }

    /// [`Self::code_linear_raw`] with denials filled and duplicates removed.
    pub fn code_linear(&self, subject_out: &mut Vec<usize>) -> Vec<Found> {
        let mut found = self.code_linear_raw(subject_out);
        self.fill_denials(&mut found);
        self.dedupe(found)
    }
}

/// Prepositions that introduce where something happens, not to whom: a place after
/// them is the location ("operations across Iraq, Syria and Turkey").
fn locative(prep: &str) -> bool {
    matches!(
        prep,
        "in" | "at" | "across" | "throughout" | "inside" | "within"
    )
}

/// The participants and attributes of one trigger, before pairing.
struct Draft<'p> {
    pattern: &'p Pattern,
    root: &'static str,
    code: &'static str,
    sources: Vec<usize>,
    targets: Vec<usize>,
    participants: Vec<usize>,
    location: Option<usize>,
    negated: bool,
    modality: Modality,
    speaker: Option<usize>,
    date: Option<FuzzyDate>,
    confidence: f32,
    trigger: usize,
    /// The verb heading the event's clause (the trigger, or the light verb).
    clause: usize,
    /// Coordinated sources of a cooperative act without a target act on each other
    /// ("Iran and Egypt restored relations"); not for "recognition by X, Y and Z".
    pair_sources: bool,
}

impl SentenceCoder<'_> {
    /// Keep one event per (source key, target key, root, negated): the most specific
    /// pattern, then the longest code, then the first.
    fn dedupe(&self, found: Vec<Found>) -> Vec<Found> {
        let key = |a: Option<usize>| a.map(|a| self.actors[a].key.as_str());
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(g) = out.iter_mut().find(|g| {
                key(Some(g.source)) == key(Some(f.source))
                    && key(g.target) == key(f.target)
                    && g.code[..2] == f.code[..2]
                    && g.negated == f.negated
                    // Two coordinated acts with different codes are two events
                    // ("suspended cooperation with Paris and ordered French troops to
                    // leave"; extract/verbal.rs).
                    && !(g.code != f.code && self.separate_acts(g.trigger, f.trigger))
            }) {
                if (f.specificity, f.code.len()) > (g.specificity, g.code.len()) {
                    *g = f;
                }
                continue;
            }
            out.push(f);
        }
        out
    }
}

/// Events stated with "will" (intent) or "would/could/may" (hypothetical) on their own
/// verb: CAMEO codes planned cooperation as intent (03: "will meet" → 036) and a stated
/// future coercive act as a threat (13) — except a decided measure (a cut in relations,
/// an administrative restriction or expulsion: "said it would expel the attachés"),
/// which the gold guidelines code as the measure; a merely possible conflict act is
/// not coded (`None`).
pub fn modal_recode(code: &'static str, m: Modality) -> Option<&'static str> {
    if m == Modality::Actual || m == Modality::Request {
        return Some(code);
    }
    match &code[..2] {
        "04" | "05" | "06" | "07" | "08" => transform(Control::Agree, code).or(Some(code)),
        // A decided measure announced for the future — a cut in relations or an
        // administrative restriction or expulsion ("said it would expel the attachés",
        // "will close its border") — is the measure (docs/gold-guidelines.md); announced
        // coercion ("will be crushed", "will keep up pressure") and force are threats.
        "16" if m == Modality::Intent => Some(code),
        "17" if m == Modality::Intent && (code.starts_with("172") || code.starts_with("174")) => {
            Some(code)
        }
        "17" | "18" | "19" | "20" if m == Modality::Intent => transform(Control::Threaten, code),
        // An announced deployment or show of force ("will send troops to", "said it
        // would deploy warships") is itself a force posture (CAMEO 15).
        "15" if m == Modality::Intent => Some(code),
        "01" | "02" | "03" | "10" | "11" | "12" | "13" => Some(code),
        _ => None,
    }
}

/// Recode an embedded event under a control verb (CAMEO 2.0 codebook: "agree to X" is
/// intent to X (03), "urge to X" an appeal (02), "demand X" (10), "refuse X" (12),
/// "threaten X" (13)). `None` keeps the code.
pub fn transform(c: Control, code: &'static str) -> Option<&'static str> {
    let root = &code[..2];
    let r = match c {
        Control::Agree => match code {
            "045" => "039",
            "046" => "036",
            "057" => "032",
            "060" => "031",
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            "082" => "0352",
            "085" => "0354",
            "083" | "0831" | "0832" | "0833" | "0834" => "034",
            _ if code.starts_with("081") => "0351",
            _ if code.starts_with("084") => "0353",
            _ if code.starts_with("086") => "0355",
            _ if code.starts_with("087") => "0356",
            _ => match root {
                "04" => "036",
                "05" => "032",
                "06" => "031",
                "07" => "033",
                "08" => "035",
                _ => return None,
            },
        },
        Control::Request => match code {
            "045" => "028",
            "061" => "0211",
            "062" => "0212",
            "063" => "0213",
            "064" => "0214",
            "071" => "0231",
            "072" => "0232",
            "073" => "0233",
            "074" => "0234",
            "082" => "0252",
            "085" => "0254",
            "037" => "027",
            _ if code.starts_with("081") => "0251",
            _ if code.starts_with("083") => "024",
            _ if code.starts_with("084") => "0253",
            _ if code.starts_with("086") => "0255",
            _ if code.starts_with("087") => "0256",
            _ => match root {
                "04" => "026",
                "05" => "022",
                "06" => "021",
                "07" => "023",
                "08" => "025",
                _ => "020",
            },
        },
        Control::Demand => match code {
            "045" => "105",
            "061" => "1011",
            "062" => "1012",
            "063" => "1013",
            "064" => "1014",
            "071" => "1031",
            "072" => "1032",
            "073" => "1033",
            "074" => "1034",
            "085" => "1054",
            "0871" => "107",
            _ if code.starts_with("081") => "1051",
            _ if code.starts_with("082") => "1052",
            _ if code.starts_with("083") => "104",
            _ if code.starts_with("084") => "1053",
            _ if code.starts_with("086") => "1055",
            _ if code.starts_with("087") => "1056",
            _ => match root {
                "04" => "108",
                "05" => "102",
                "06" => "101",
                "07" => "103",
                _ => "100",
            },
        },
        Control::Refuse => match code {
            "045" => "126",
            "037" => "127",
            "061" => "1211",
            "062" => "1212",
            "071" => "1221",
            "072" => "1222",
            "073" => "1223",
            "074" => "1224",
            "082" => "1242",
            "085" => "1244",
            _ if code.starts_with("081") => "1241",
            _ if code.starts_with("083") => "123",
            _ if code.starts_with("084") => "1243",
            _ if code.starts_with("086") => "1245",
            _ if code.starts_with("087") => "1246",
            _ => match root {
                "04" => "125",
                "06" => "121",
                "07" => "122",
                "08" => "124",
                _ => "120",
            },
        },
        Control::Threaten => match code {
            "161" => "1313",
            "162" | "1621" | "1622" | "1623" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" | "1661" | "1662" | "1663" => "136",
            "172" => "132",
            "1721" => "1321",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            "175" => "137",
            "191" => "1381",
            "192" => "1382",
            _ if code.starts_with("204") => "1385",
            _ => match root {
                "14" => "133",
                "16" => "131",
                "17" => "130",
                "18" => "1383",
                "19" => "1384",
                "20" => "138",
                _ => "130",
            },
        },
        _ => return None,
    };
    crate::ontology::Ontology::get().lookup(r).map(|e| e.code)
}

/// CAMEO separates military force (19: armed forces, or insurgents against forces)
/// from unconventional mass violence (18: armed groups against civilians and places,
/// docs/gold-guidelines.md). The dictionary codes the verb ("killed" 190); the
/// participants decide: a non-state armed source acting on civilians or on no actor
/// at all (a hotel, a train) turns a generic 190 into 180. More specific codes
/// (195 airstrikes, 193 small arms) are kept.
fn violence_code(code: &'static str, source: &Actor, target: Option<&Actor>) -> &'static str {
    if code == "190" && source.armed_group && target.is_none_or(|t| t.civilian) {
        "180"
    } else {
        code
    }
}
