//! Finding the doer of an event whose trigger matched a pattern but whose own clause
//! names no subject the tree reaches (session 9, "no source found").
//!
//! Why a module of its own: the tree rules in `subject_of` and the nominal readings
//! follow the paths a well-parsed clause offers (subject, control, coordination,
//! adverbial clauses). Wire copy hides the doer behind constructions the statistical
//! parser attaches elsewhere, and each has a shape that can be recognised without
//! naming any actor:
//!
//! * a participial adjunct after a comma ("M23 rebels advanced on the town of Sake,
//!   capturing several hills") that the parser hung on the nearest noun as `acl`
//!   instead of on the main verb: when that noun names no actor, the adjunct's subject
//!   is the main clause's, as English grammar has it for sentence-final participles;
//! * an event noun whose doer is named through a participle ("an operation carried out
//!   by Puntland forces killed …", "strikes conducted by Indian warplanes hit …"): the
//!   agent of the participle owns the noun.
//!
//! Each rule only reaches an actor the sentence names in the position the construction
//! gives; agentless clauses ("were killed", "the attack killed five") stay doer-less.

use super::*;

impl SentenceCoder<'_> {
    /// Whether `v` is a sentence-final participial adjunct: a present participle or
    /// gerund right after a comma ("…, killing", "…, forcing").
    fn comma_participle(&self, v: usize) -> bool {
        v > 0
            && self.s.form(self.text, v - 1) == ","
            && self.s.upos(v) == Upos::VERB
            && (self.s.feats_str(v).contains("VerbForm=Ger")
                || (self.s.feats_str(v).contains("VerbForm=Part")
                    && self.s.feats_str(v).contains("Tense=Pres")))
    }

    /// The subject of the main clause for a comma participle `v` the parser hung as
    /// `acl` on a noun `h` that names no actor ("advanced on the town of Sake,
    /// capturing …"): climb from `h` through the nominal relations that attach it to a
    /// verb (`obl`, `obj`, `nmod`, `conj` of such), and take that verb's subject.
    /// True when a doer was found.
    pub(super) fn adjunct_participle_subject(
        &self,
        v: usize,
        h: usize,
        out: &mut Vec<usize>,
        depth: usize,
    ) -> bool {
        if self.rel(v) != "acl" || !self.comma_participle(v) {
            return false;
        }
        let mut n = h;
        for _ in 0..4 {
            if !matches!(self.s.upos(n), Upos::NOUN | Upos::PROPN | Upos::NUM) {
                return false;
            }
            let Some(up) = self.tree.head(n) else {
                return false;
            };
            match base(self.rel(n)) {
                "obl" | "obj" | "nmod" | "conj" | "appos" => {}
                _ => return false,
            }
            if self.s.upos(up) == Upos::VERB || self.rel(up) == "root" {
                let before = out.len();
                let passive = self.subject_of(up, out, depth + 1);
                if passive {
                    // A passive main clause's subject suffered the act; only its
                    // agent (already in `out` when named) does the adjunct.
                    let agent = self.tree.kids(up).any(|k| self.is_agent(k));
                    if !agent {
                        out.truncate(before);
                    }
                }
                return out.len() > before;
            }
            n = up;
        }
        false
    }

    /// Agents of a participle on the event noun `n` ("an operation carried out by
    /// Puntland forces", "strikes conducted by Indian warplanes", "the offensive
    /// launched by the army"): a past participle attached to the noun as `acl` with a
    /// "by" phrase. True when one was found.
    pub(super) fn participle_author(&self, n: usize, out: &mut Vec<usize>) -> bool {
        let before = out.len();
        for c in self.tree.kids(n) {
            let feats = self.s.feats_str(c);
            if self.rel(c) != "acl"
                || self.s.upos(c) != Upos::VERB
                || !feats.contains("VerbForm=Part")
                || feats.contains("Tense=Pres")
            {
                continue;
            }
            for k in self.tree.kids(c) {
                if self.is_agent(k) {
                    self.actors_of(k, out);
                }
            }
        }
        out.len() > before
    }
}

/// Relations a repaired word may take over from the one whose place it takes.
fn static_rel(rel: &str) -> Option<&'static str> {
    Some(match rel {
        "root" => "root",
        "obj" => "obj",
        "nsubj" => "nsubj",
        "ccomp" => "ccomp",
        "advcl" => "advcl",
        "conj" => "conj",
        "parataxis" => "parataxis",
        "xcomp" => "xcomp",
        _ => return None,
    })
}

impl SentenceCoder<'_> {
    /// Whether `i` is tagged as a past form: a past participle or a past tense
    /// (the tagger's choice between the two is what these repairs undo).
    fn past_form(&self, i: usize) -> bool {
        self.s.upos(i) == Upos::VERB && self.s.feats_str(i).contains("Tense=Past")
    }

    /// Whether a usable actor covers token `i`.
    fn names_actor(&self, i: usize) -> bool {
        if self
            .covering(i)
            .iter()
            .any(|&a| self.actors[a as usize].usable)
        {
            return true;
        }
        // "Israeli jets": the actor is named inside the noun's phrase.
        let mut tmp = Vec::new();
        self.actors_of(i, &mut tmp);
        !tmp.is_empty()
    }

    /// Finite past verbs the tagger read as participles or adjectives, which leave the
    /// event word without a subject (module docs). Each repair moves a few heads:
    ///
    /// 1. "Israeli warplanes **struck** targets across Gaza" with "struck" an adjective
    ///    of "targets": a dictionary verb in past form attached as `amod` to the noun
    ///    right after it, with a noun naming an actor right before it, is the verb of
    ///    that noun (its subject) and takes the noun after it as object — an actor noun
    ///    directly before a prenominal participle has no other reading.
    /// 2. "An operation **carried out** by Puntland forces **killed** 15 militants" with
    ///    "killed" a participle on "forces" and "carried" the main verb: a past form
    ///    with an object on the "by" agent of a participle whose subject is an event
    ///    noun is the main verb, the event noun its subject, the participle a reduced
    ///    relative on it.
    /// 3. "Relations **collapsed** after Russia **invaded** Ukraine" with "collapsed" a
    ///    participle on "Relations" and "Russia" the object of "after": the noun
    ///    phrase of "after/before/since/until" right before a verb with an object is
    ///    that verb's subject, and the participle the main verb.
    pub(super) fn repair_misread_verbs(&mut self) {
        let n = self.s.len();
        let mut moved: Vec<(usize, Option<usize>)> = Vec::new();
        let mut fix: Vec<(usize, &'static str)> = Vec::new();
        let has_verb_pattern =
            |c: &Self, i: usize| !c.patterns.verb(&c.lemma(i).to_ascii_lowercase()).is_empty();
        for v in 1..n {
            if !self.past_form(v) {
                continue;
            }
            let rel = self.rel(v);
            // 1. Prenominal "participle" between an actor noun and its object.
            if rel == "amod" {
                let Some(h) = self.tree.head(v) else { continue };
                let m = v - 1;
                if h <= v
                    || !matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN)
                    || !matches!(self.s.upos(m), Upos::NOUN | Upos::PROPN)
                    || self.tree.head(m) == Some(h)
                    || !self.names_actor(m)
                    || !has_verb_pattern(self, v)
                    || !(v + 1..h).all(|k| {
                        self.tree.head(k) == Some(h)
                            && matches!(
                                base(self.rel(k)),
                                "det" | "amod" | "compound" | "nummod" | "nmod"
                            )
                    })
                {
                    continue;
                }
                let g = self.tree.head(m);
                let Some(mrel) = static_rel(base(self.rel(m))) else {
                    continue;
                };
                // "After the ceasefire collapsed, Israeli warplanes struck …": the noun
                // was read as the object of the fronted clause's verb; the repaired
                // verb is the main clause and the fronted one its adverbial.
                // (The noun may hang lower in that clause: "Before the truce took
                // effect, Israeli jets struck …" with "jets" a conjunct of "effect".)
                let mut clause = g;
                while let Some(x) = clause {
                    if matches!(self.s.upos(x), Upos::VERB | Upos::AUX) {
                        break;
                    }
                    clause = self.tree.head(x);
                }
                let fronted = clause.filter(|&g| {
                    g < m
                        && self.rel(g) == "root"
                        && (g..m).any(|k| self.s.form(self.text, k) == ",")
                        && self.tree.kids(g).any(|k| self.rel(k) == "mark")
                });
                if let Some(g) = fronted {
                    moved.push((v, None));
                    fix.push((v, "root"));
                    moved.push((g, Some(v)));
                    fix.push((g, "advcl"));
                    // The fronted clause's punctuation and the sentence's final stop.
                    for k in self.tree.kids(g).collect::<Vec<_>>() {
                        if k > m && self.rel(k) == "punct" {
                            moved.push((k, Some(v)));
                        }
                    }
                } else {
                    moved.push((v, g));
                    fix.push((v, mrel));
                }
                moved.push((m, Some(v)));
                fix.push((m, "nsubj"));
                moved.push((h, Some(v)));
                fix.push((h, "obj"));
                continue;
            }
        }
        // 0. "… since the withdrawal began, inflicting heavy losses": a participle set
        //    off by a comma is an adjunct, never the complement (`xcomp`) of the verb
        //    before it ("began inflicting"), whose subject it would then take.
        for v in 1..n {
            if self.rel(v) == "xcomp" && self.comma_participle(v) {
                fix.push((v, "advcl"));
            }
        }
        // 1b. "M23 rebels advanced on the town": a past form read as an adjective
        //     after the noun that is the sentence's root, with a complement of its
        //     own, is the main verb and the noun its subject.
        for v in 1..n {
            let m = v - 1;
            if self.rel(v) != "amod"
                || self.tree.head(v) != Some(m)
                || self.rel(m) != "root"
                || !matches!(self.s.upos(m), Upos::NOUN | Upos::PROPN)
                || !self.names_actor(m)
                || !(self.past_form(v)
                    || (self.s.upos(v) == Upos::ADJ && self.s.form(self.text, v).ends_with("ed")))
                || !self
                    .tree
                    .kids(v)
                    .any(|k| matches!(base(self.rel(k)), "obl" | "obj"))
                || moved.iter().any(|&(t, _)| t == v || t == m)
            {
                continue;
            }
            moved.push((v, None));
            fix.push((v, "root"));
            moved.push((m, Some(v)));
            fix.push((m, "nsubj"));
            for x in self.tree.kids(m).collect::<Vec<_>>() {
                if x > v && self.rel(x) == "punct" {
                    moved.push((x, Some(v)));
                }
            }
        }
        // 1c. "Qatar and Egypt, the main mediators, called on both sides to …": after an
        //     appositive set off by commas the tagger reads the verb as a participle
        //     (`acl`) on the appositive or on the root noun, leaving a sentence with no
        //     finite verb. A past-form dictionary verb right after a comma, with no
        //     "by" agent (a reduced passive, "X, arrested by police, …", keeps its
        //     reading) and a complement of its own, is then the main verb, and the root
        //     noun — which must name an actor — its subject (session 9, lead).
        if let Some(r) = self.s.root() {
            let finite = (0..n).any(|i| self.s.feats_str(i).contains("VerbForm=Fin"));
            let candidate = (r + 1..n).find(|&v| {
                self.past_form(v)
                    && self.rel(v) == "acl"
                    && self.s.form(self.text, v - 1) == ","
                    && has_verb_pattern(self, v)
                    && self.tree.head(v).is_some_and(|h| {
                        h == r
                            || (self.tree.head(h) == Some(r)
                                && matches!(base(self.rel(h)), "conj" | "appos"))
                    })
                    && self
                        .tree
                        .kids(v)
                        .any(|k| matches!(base(self.rel(k)), "obl" | "obj" | "xcomp" | "ccomp"))
                    && !self.tree.kids(v).any(|k| {
                        self.case_of(k)
                            .is_some_and(|c| c.eq_ignore_ascii_case("by"))
                    })
            });
            if let Some(v) = candidate.filter(|_| {
                !finite
                    && matches!(self.s.upos(r), Upos::NOUN | Upos::PROPN)
                    && self.names_actor(r)
                    && !moved.iter().any(|&(t, _)| t == r)
            }) {
                moved.push((v, None));
                fix.push((v, "root"));
                moved.push((r, Some(v)));
                fix.push((r, "nsubj"));
                for x in self.tree.kids(r).collect::<Vec<_>>() {
                    if x > v && self.rel(x) == "punct" {
                        moved.push((x, Some(v)));
                    }
                }
            }
        }
        // 2. A verb with an object after the agent of a reduced relative, hung on the
        //    agent or on the participle the parser made the main verb.
        for v in 1..n {
            let rel = base(self.rel(v));
            if self.s.upos(v) != Upos::VERB
                || !matches!(rel, "acl" | "advcl" | "xcomp")
                || !self.tree.kids(v).any(|k| self.rel(k) == "obj")
                || self
                    .tree
                    .kids(v)
                    .any(|x| matches!(base(self.rel(x)), "aux" | "mark" | "nsubj"))
                || moved.iter().any(|&(t, _)| t == v)
            {
                continue;
            }
            let Some(h) = self.tree.head(v) else { continue };
            let p = if rel == "acl" {
                match self.tree.head(h) {
                    Some(p) => p,
                    None => continue,
                }
            } else {
                h
            };
            let is_agent = |k: usize| {
                self.rel(k) == "obl:agent"
                    || (base(self.rel(k)) == "obl"
                        && self.case_of(k).is_some_and(|c| lower_eq(c, "by")))
            };
            let Some(k) = self.tree.kids(p).find(|&k| k < v && is_agent(k)) else {
                continue;
            };
            if (rel == "acl" && h != k)
                || !self.past_form(p)
                || !(k..v).all(|x| self.tree.dominates(k, x))
                || self
                    .tree
                    .kids(p)
                    .any(|x| matches!(base(self.rel(x)), "obj" | "aux"))
            {
                continue;
            }
            let Some(sbj) = self.tree.kids(p).find(|&x| self.rel(x) == "nsubj" && x < p) else {
                continue;
            };
            let event_noun = self.s.upos(sbj) == Upos::NOUN
                && self
                    .patterns
                    .noun(&self.lemma(sbj).to_ascii_lowercase())
                    .iter()
                    .any(|pt| !pt.code.is_empty());
            let Some(prel) = static_rel(base(self.rel(p))) else {
                continue;
            };
            if !event_noun || self.names_actor(sbj) {
                continue;
            }
            moved.push((v, self.tree.head(p)));
            fix.push((v, prel));
            moved.push((sbj, Some(v)));
            fix.push((sbj, "nsubj"));
            moved.push((p, Some(sbj)));
            fix.push((p, "acl"));
            for x in self.tree.kids(p).collect::<Vec<_>>() {
                if x > v && self.rel(x) == "punct" {
                    moved.push((x, Some(v)));
                }
            }
        }
        // 3. "Relations collapsed after Russia invaded Ukraine".
        for v in 1..n {
            if self.s.upos(v) != Upos::VERB
                || !self.tree.kids(v).any(|k| self.rel(k) == "obj")
                || self.tree.kids(v).any(|k| base(self.rel(k)) == "mark")
                || moved.iter().any(|&(t, _)| t == v)
            {
                continue;
            }
            // The phrase of "after/before/…" that ends right before the verb.
            let k = v - 1;
            if base(self.rel(k)) != "obl"
                || !matches!(self.s.upos(k), Upos::NOUN | Upos::PROPN | Upos::PRON)
                || self.tree.dominates(k, v)
                || !self.case_of(k).is_some_and(|c| {
                    ["after", "before", "since", "until"]
                        .iter()
                        .any(|w| lower_eq(c, w))
                })
            {
                continue;
            }
            let Some(case) = self.tree.kids(k).find(|&c| self.rel(c) == "case" && c < k) else {
                continue;
            };
            let kh = self.tree.head(k);
            let subj = self
                .tree
                .kids(v)
                .find(|&x| self.rel(x) == "nsubj" && x < case);
            if kh == Some(v) {
                if subj.is_some() {
                    continue;
                }
            } else if subj.is_none() && self.tree.kids(v).all(|x| base(self.rel(x)) != "nsubj") {
                // "… than before Russia invaded Ukraine" with the phrase hung elsewhere:
                // the verb becomes an adverbial clause of the clause the phrase stood
                // in (its nearest verb), unless it already is below it.
                let mut g = kh;
                while let Some(x) = g {
                    if matches!(self.s.upos(x), Upos::VERB | Upos::AUX) {
                        break;
                    }
                    g = self.tree.head(x);
                }
                let Some(g) = g else { continue };
                if self.tree.dominates(v, g) {
                    continue;
                }
                if !self.tree.dominates(g, v) {
                    moved.push((v, Some(g)));
                    fix.push((v, "advcl"));
                }
            } else {
                // "Relations collapsed after …": the phrase hangs on a participle on the
                // verb's subject, which is the main verb.
                let Some(sb) = subj else { continue };
                let Some(c) = kh.filter(|&c| {
                    self.rel(c) == "acl"
                        && self.tree.head(c) == Some(sb)
                        && c > sb
                        && c < case
                        && self.past_form(c)
                }) else {
                    continue;
                };
                if self
                    .tree
                    .kids(c)
                    .any(|x| base(self.rel(x)) == "obj" || self.is_agent(x))
                {
                    continue;
                }
                let Some(vrel) = static_rel(self.rel(v)) else {
                    continue;
                };
                moved.push((c, self.tree.head(v)));
                fix.push((c, vrel));
                moved.push((sb, Some(c)));
                fix.push((sb, "nsubj"));
                moved.push((v, Some(c)));
                fix.push((v, "advcl"));
            }
            moved.push((k, Some(v)));
            fix.push((k, "nsubj"));
            moved.push((case, Some(v)));
            fix.push((case, "mark"));
        }
        if moved.is_empty() {
            if !fix.is_empty() {
                fix.reverse();
                fix.append(&mut self.rel_fix);
                self.rel_fix = fix;
            }
            return;
        }
        let heads: Vec<Option<usize>> = (0..n)
            .map(|i| {
                moved
                    .iter()
                    .rev()
                    .find(|&&(t, _)| t == i)
                    .map_or_else(|| self.tree.head(i), |&(_, h)| h)
            })
            .collect();
        // A repair that would make a cycle is dropped whole.
        let acyclic = (0..n).all(|i| {
            let mut x = i;
            for _ in 0..=n {
                match heads[x] {
                    Some(h) => x = h,
                    None => return true,
                }
            }
            false
        });
        if !acyclic {
            return;
        }
        self.tree = Tree::from_heads(heads);
        fix.reverse();
        fix.append(&mut self.rel_fix);
        self.rel_fix = fix;
    }
}

impl SentenceCoder<'_> {
    /// The main clause's subject for a comma participle `v` hung on an adverbial clause
    /// whose own subject is no actor ("The Taliban have intensified attacks since the
    /// troop withdrawal started, inflicting casualties and capturing territory"): the
    /// withdrawal captured nothing. Only for a subordinated clause (one with a mark);
    /// true when a doer was found.
    pub(super) fn adjunct_under_adverbial(
        &self,
        v: usize,
        h: usize,
        out: &mut Vec<usize>,
        depth: usize,
    ) -> bool {
        let conj_of_adjunct = base(self.rel(v)) == "conj"
            && self.tree.head(v).is_some_and(|c| self.comma_participle(c));
        if !(self.comma_participle(v) || conj_of_adjunct) {
            return false;
        }
        // (The conjunct of a participle hangs on the first participle, which hangs on
        // the adverbial clause.)
        let h = if conj_of_adjunct {
            match self.tree.head(h) {
                Some(x) if base(self.rel(h)) == "advcl" => x,
                _ => return false,
            }
        } else {
            h
        };
        // An adverbial clause ("since the withdrawal began", "after …"), or a clause the
        // parser set beside the main one ("… since the rainy season ended, killing").
        let subordinate =
            base(self.rel(h)) == "advcl" && self.tree.kids(h).any(|k| self.rel(k) == "mark");
        if !subordinate && base(self.rel(h)) != "parataxis" {
            return false;
        }
        // The adverbial clause's own subject, when it is an actor, does it.
        let mut own = Vec::new();
        self.subject_of(h, &mut own, depth + 1);
        if !own.is_empty() {
            return false;
        }
        let Some(main) = self.tree.head(h) else {
            return false;
        };
        if self.s.upos(main) != Upos::VERB {
            return false;
        }
        let before = out.len();
        let passive = self.subject_of(main, out, depth + 1);
        if passive && !self.tree.kids(main).any(|k| self.is_agent(k)) {
            out.truncate(before);
        }
        out.len() > before
    }

    /// The title in apposition to a subject that names no actor ("Robert Jenrick, the
    /// shadow justice secretary for Britain's Conservative party, described …",
    /// "Abdi, a spokesman for the Somali army, said …"): the title says whom the
    /// person acts for.
    pub(super) fn appositive_subject(&self, subj: usize, out: &mut Vec<usize>) {
        for a in self.tree.kids(subj) {
            if self.rel(a) == "appos" && a > subj {
                let before = out.len();
                self.actors_of(a, out);
                // "the shadow secretary for Britain's Conservative party".
                if out.len() == before {
                    for k in self.tree.kids(a) {
                        if base(self.rel(k)) == "nmod"
                            && self.case_of(k).is_some_and(|c| {
                                ["for", "of", "at", "in"].iter().any(|w| lower_eq(c, w))
                            })
                        {
                            self.actors_of(k, out);
                        }
                    }
                }
            }
        }
    }

    /// Those who fell in a fight with someone ("Five soldiers were killed in clashes
    /// with militants", "two policemen died in a gunbattle with the gang"): they
    /// fought that side, so they are the doers of the mutual fight. Only for the
    /// symmetric fighting nouns (clash, battle, fighting) with a named other side,
    /// standing as the place or time of a verb of dying or being hurt.
    pub(super) fn fallen_in_fight(
        &self,
        n: usize,
        p: &Pattern,
        targets: &mut Vec<usize>,
        participants: &mut Vec<usize>,
        sources: &mut Vec<usize>,
    ) {
        // The other side: the "with" complement, read as a target or (symmetric
        // patterns) a participant; one side only ("clashes between X and Y" name both).
        if !p.symmetric
            || !p.code.starts_with("19")
            || base(self.rel(n)) != "obl"
            || targets.len() + participants.len() == 0
            || !self
                .case_of(n)
                .is_some_and(|c| ["in", "during"].iter().any(|w| lower_eq(c, w)))
            || !self.tree.kids(n).any(|k| {
                base(self.rel(k)) == "nmod" && self.case_of(k).is_some_and(|c| lower_eq(c, "with"))
            })
        {
            return;
        }
        let Some(v) = self.tree.head(n) else {
            return;
        };
        if !matches!(self.s.upos(v), Upos::VERB | Upos::ADJ)
            || !matches!(
                self.lemma(v).to_ascii_lowercase().as_str(),
                "kill" | "die" | "wound" | "injure" | "hurt" | "perish" | "wounded" | "injured"
            )
        {
            return;
        }
        let mut tmp = Vec::new();
        for k in self.tree.kids(v) {
            if matches!(self.rel(k), "nsubj:pass" | "nsubj") {
                self.actors_of(k, &mut tmp);
            }
        }
        tmp.retain(|a| {
            !targets.contains(a) && !participants.contains(a) && !self.actors[*a].civilian
        });
        if tmp.is_empty() {
            return;
        }
        sources.extend(tmp);
        targets.append(participants);
    }
}

/// Event nouns a state's forces use for their own actions ("the operation", "the
/// offensive"), unlike "attack" or "strike", which reports use for the other side's.
const OWN_OPERATIONS: &[&str] = &[
    "operation",
    "offensive",
    "raid",
    "crackdown",
    "sweep",
    "campaign",
];

/// Institutions that report their own operations: forces, their commands and
/// ministries, intelligence agencies.
const OPERATORS: &[&str] = &[
    "army",
    "military",
    "police",
    "force",
    "forces",
    "troops",
    "command",
    "ministry",
    "agency",
    "service",
    "spokesman",
    "spokesperson",
    "commander",
];

impl SentenceCoder<'_> {
    /// The reporter of an operation as its doer: "According to the Somali army, the
    /// operation killed 30 al-Shabab fighters", "Nigeria's military said the offensive
    /// destroyed several camps". Forces, their commands and intelligence agencies
    /// announce their own operations; the noun (operation, offensive, raid, crackdown)
    /// is the word for one's own action, and it must carry no owner of its own. Not for
    /// "attack" or "strike", which a report uses as often for the enemy's act.
    pub(super) fn reported_operation_doer(&self, v: usize, n: usize, out: &mut Vec<usize>) {
        let noun = self.lemma(n).to_ascii_lowercase();
        if !OWN_OPERATIONS.contains(&noun.as_str())
            || !self
                .tree
                .kids(n)
                .any(|k| self.rel(k) == "det" && lower_eq(self.lemma(k), "the"))
        {
            return;
        }
        let operator = |k: usize| OPERATORS.contains(&self.lemma(k).to_ascii_lowercase().as_str());
        // "According to X, …" on the verb.
        for k in self.tree.kids(v) {
            if base(self.rel(k)) == "obl"
                && self
                    .case_of(k)
                    .is_some_and(|c| lower_eq(c, "according") || lower_eq(c, "accord"))
                && operator(k)
            {
                self.actors_of(k, out);
                return;
            }
        }
        // "X said (that) the operation …".
        if base(self.rel(v)) != "ccomp" {
            return;
        }
        let Some(say) = self.tree.head(v) else {
            return;
        };
        if !self
            .patterns
            .verb(&self.lemma(say).to_ascii_lowercase())
            .iter()
            .any(|p| p.control == Control::Say)
        {
            return;
        }
        for k in self.tree.kids(say) {
            if self.rel(k) == "nsubj" && operator(k) {
                self.actors_of(k, out);
            }
        }
    }
}
