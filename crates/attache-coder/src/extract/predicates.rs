//! Events stated by predicates that are not verbs: adjectives after a copula or a
//! copular verb ("Egypt has been supportive of Qatar's mediation", "Ukraine is grateful
//! to Germany", "Beijing has been hostile to Taiwan's president", "Moscow remains
//! opposed to Ukraine's membership"), and nouns used as predicates or in passing
//! ("India is at odds with Canada", "speaking at a news conference with X").
//!
//! Why a module of its own: the dictionary keys events on verbs and nouns, and the tree
//! reading treats only verbs as clause heads. News states much of its disapproval,
//! support and gratitude as a copular predicate, where the adjective heads the clause
//! and the verb is "be", "remain", "stay" or "become". The attitude adjectives of the
//! evaluative lexicon (concerned, critical, opposed …) were read only under "be"
//! (extract/evaluation.rs); under "remain/stay/become/grow/seem/appear" the adjective
//! is an `xcomp` with no subject of its own, and nothing was coded. A small closed
//! table here adds the predicates whose ordinary sense is an act between two parties
//! (support and gratitude are 051, hostility 110) — closed because most predicate
//! adjectives ("critical infrastructure", "the situation is critical", "the board was
//! supportive of the merger") name no relation between states: both parties must be
//! actors, the adjective must be predicative (a copula, or the complement of a copular
//! verb), and negated, hedged, conditional and habitual clauses do not fire.
//!
//! Nominal predicates take their doer from the subject of the copula ("X and Y are at
//! odds" — both ways when the noun's pattern is symmetric), and a meeting noun in an
//! adverbial phrase ("at a news conference with X", "during talks with X") is held by
//! the subject of the clause it modifies; before, such nouns had no source.

use super::{base, lower_eq, Found, SentenceCoder};
use crate::patterns::Pattern;
use attache_text::Upos;

/// Verbs that link a subject to a predicate adjective or noun as "be" does.
const COPULAR: &[&str] = &[
    "remain", "stay", "become", "grow", "seem", "appear", "prove", "turn", "continue",
];

/// Predicate adjectives that are an act between two parties: lemma, CAMEO code, and the
/// prepositions that introduce the other party.
const PREDICATES: &[(&str, &str, &[&str])] = &[
    ("supportive", "051", &["of"]),
    ("grateful", "051", &["to", "for"]),
    ("thankful", "051", &["to", "for"]),
    ("appreciative", "051", &["of"]),
    ("hostile", "110", &["to", "toward", "towards"]),
];

/// Prepositions that introduce what an attitude is about (as extract/evaluation.rs).
const ABOUT: &[&str] = &["about", "over", "by", "at", "with", "of", "to", "regarding"];

impl SentenceCoder<'_> {
    /// The verb that links `w` to its subject when `w` is a predicate without a copula
    /// of its own: "remains [opposed]", "has become [hostile]".
    pub(super) fn copular_head(&self, w: usize) -> Option<usize> {
        if base(self.rel(w)) != "xcomp" {
            return None;
        }
        let h = self.tree.head(w)?;
        let l = self.lemma(h);
        (matches!(self.s.upos(h), Upos::VERB | Upos::AUX) && COPULAR.iter().any(|c| lower_eq(l, c)))
            .then_some(h)
    }

    /// Whether the clause of `v` asserts nothing (negated, hedged, conditional,
    /// habitual, or under a verb that does not assert it).
    fn predicate_unasserted(&self, v: usize) -> bool {
        self.negated(v)
            || self.conditional(v)
            || self.habitual(v)
            || self.unasserted(v)
            || self.modality(v) == attache_core::Modality::Hypothetical
    }

    /// Add the events of adjectival predicates (module doc) to `found`.
    pub(super) fn code_predicates(&self, found: &mut Vec<Found>) {
        let ev = super::evaluation::Evaluative::get();
        let mut add: Vec<Found> = Vec::new();
        for w in 0..self.s.len() {
            let upos = self.s.upos(w);
            if !matches!(upos, Upos::ADJ | Upos::VERB) {
                continue;
            }
            let lemma = self.lemma(w).to_ascii_lowercase();
            let own = PREDICATES.iter().find(|(l, _, _)| *l == lemma);
            // Attitude participles ("opposed", "concerned") are found by their form
            // when tagged as verbs; the table's adjectives are never verbs, whatever the
            // tagger says.
            let feel = own.is_none()
                && (ev.is(&lemma, super::evaluation::Kind::Feel)
                    || ev.is(
                        &self.s.form(self.text, w).to_ascii_lowercase(),
                        super::evaluation::Kind::Feel,
                    ));
            if own.is_none() && !feel {
                continue;
            }
            let has_cop = self
                .tree
                .kids(w)
                .any(|k| matches!(self.rel(k), "cop" | "aux:pass"));
            let link = self.copular_head(w);
            // The attitude words under "be" are extract/evaluation.rs's.
            if feel && (link.is_none() || has_cop) {
                continue;
            }
            if !has_cop && link.is_none() {
                continue;
            }
            let clause = link.unwrap_or(w);
            if self.predicate_unasserted(w) || self.predicate_unasserted(clause) {
                continue;
            }
            let mut src = Vec::new();
            self.subject_of(clause, &mut src, 0);
            let (code, preps): (&str, &[&str]) = match own {
                Some((_, c, p)) => (c, p),
                None => ("110", ABOUT),
            };
            let mut tgt = Vec::new();
            for k in self.tree.kids(w) {
                if base(self.rel(k)) == "obl"
                    && self
                        .case_of(k)
                        .is_some_and(|c| preps.iter().any(|p| lower_eq(c, p)))
                {
                    self.owners(k, &mut tgt);
                }
            }
            for &s in &src {
                for &t in &tgt {
                    if self.actors[s].key == self.actors[t].key {
                        continue;
                    }
                    if let Some(f) = self.eval_found(code, s, t, w, 0.6) {
                        add.push(f);
                    }
                }
            }
        }
        add.retain(|f| {
            !found
                .iter()
                .any(|g| g.source == f.source && g.target == f.target && g.code[..2] == f.code[..2])
        });
        found.extend(add);
    }

    /// The sides of a nominal predicate or of a meeting named in passing (module doc):
    /// "X and Y are at odds" (participants when the pattern is symmetric), "X is at odds
    /// with Y", "X remained at odds with Y"; "speaking at a news conference with Y, X
    /// said", "X made the remarks at a news conference with Y" (root 04, with a named
    /// other side).
    pub(super) fn predicate_noun_sides(
        &self,
        trigger: usize,
        p: &Pattern,
        root: &str,
        targets: &[usize],
        sources: &mut Vec<usize>,
        participants: &mut Vec<usize>,
    ) {
        if matches!(root, "18" | "19" | "20") {
            return;
        }
        let has_cop = self.tree.kids(trigger).any(|k| self.rel(k) == "cop");
        // "remained at odds": the noun hangs on the copular verb as an oblique.
        let link = self.tree.head(trigger).filter(|&h| {
            matches!(base(self.rel(trigger)), "obl" | "xcomp")
                && COPULAR.iter().any(|c| lower_eq(self.lemma(h), c))
        });
        if has_cop || link.is_some() {
            let clause = link.unwrap_or(trigger);
            if self.predicate_unasserted(clause) {
                return;
            }
            let mut subj = Vec::new();
            self.subject_of(clause, &mut subj, 0);
            if p.symmetric && targets.is_empty() && subj.len() >= 2 {
                participants.extend(subj);
            } else {
                sources.extend(subj);
            }
            return;
        }
        // A meeting in an adverbial phrase of a clause, with its other side named (not
        // only inferred: "a meeting with business leaders" in Nairobi is no relation).
        if root != "04"
            || !targets.iter().any(|&t| !self.actors[t].weak)
            || base(self.rel(trigger)) != "obl"
        {
            return;
        }
        let Some(v) = self.tree.head(trigger) else {
            return;
        };
        if !self.case_of(trigger).is_some_and(|c| {
            ["at", "during", "in", "after"]
                .iter()
                .any(|x| lower_eq(c, x))
        }) || !matches!(self.s.upos(v), Upos::VERB)
        {
            return;
        }
        let mut subj = Vec::new();
        self.subject_of(v, &mut subj, 0);
        // Named holders only: an inferred "the minister" in Nairobi may be anyone's.
        subj.retain(|&a| !targets.contains(&a) && !self.actors[a].weak);
        sources.extend(subj);
    }

    /// The speaker of a main clause followed by "…, X said", which the parser hangs on
    /// the clause as parataxis, a conjunct or an adverbial clause ("China should use
    /// its influence, Baerbock said"): the subject of that saying verb.
    pub(super) fn trailing_speaker(&self, v: usize) -> Option<usize> {
        let say = self.tree.kids(v).find(|&k| {
            k > v
                && matches!(self.rel(k), "parataxis" | "conj" | "advcl")
                && self
                    .patterns
                    .verb(&self.lemma(k).to_ascii_lowercase())
                    .iter()
                    .any(|p| p.control == crate::patterns::Control::Say)
                && self.tree.kids(k).any(|c| self.rel(c) == "nsubj")
                && !self.tree.kids(k).any(|c| self.rel(c) == "mark")
        })?;
        let mut o = Vec::new();
        self.subject_of(say, &mut o, 0);
        o.first().copied()
    }

    /// "X and Y jointly patrolled the sea", "jointly conducted naval exercises":
    /// military activity done together is military cooperation (062) between the
    /// coordinated doers, both ways — as "joint exercises" is in the dictionary. Other
    /// joint work ("jointly developed a vaccine", "jointly published a study") is no
    /// relation the gold set codes.
    pub(super) fn code_jointly(&self, found: &mut Vec<Found>) {
        const MILITARY: &[&str] = &["patrol", "exercise", "drill", "maneuver", "manoeuvre"];
        for v in 0..self.s.len() {
            if self.s.upos(v) != Upos::VERB
                || !self
                    .tree
                    .kids(v)
                    .any(|k| self.rel(k) == "advmod" && lower_eq(self.lemma(k), "jointly"))
                || self.predicate_unasserted(v)
            {
                continue;
            }
            let l = self.lemma(v).to_ascii_lowercase();
            let military = MILITARY.contains(&l.as_str())
                || self.tree.kids(v).any(|k| {
                    self.rel(k) == "obj"
                        && MILITARY
                            .iter()
                            .any(|m| self.lemma(k).to_ascii_lowercase().trim_end_matches('s') == *m)
                });
            if !military {
                continue;
            }
            let mut subj = Vec::new();
            self.subject_of(v, &mut subj, 0);
            for &a in &subj {
                for &b in &subj {
                    if self.actors[a].key == self.actors[b].key {
                        continue;
                    }
                    if found
                        .iter()
                        .any(|f| f.source == a && f.target == Some(b) && f.code.starts_with("06"))
                    {
                        continue;
                    }
                    if let Some(f) = self.eval_found("062", a, b, v, 0.6) {
                        found.push(f);
                    }
                }
            }
        }
    }

    /// The clause whose auxiliary "should" governs `v` (as `must_node` for "must"), when
    /// it states what another should do in someone's words — not a prediction ("prices
    /// should fall"): the caller needs a speaker and a subject that is an actor.
    pub(super) fn should_node(&self, v: usize) -> Option<usize> {
        let mut x = v;
        for _ in 0..5 {
            if self
                .tree
                .kids(x)
                .any(|k| self.rel(k) == "aux" && lower_eq(self.lemma(k), "should"))
            {
                return Some(x);
            }
            match self.tree.head(x) {
                Some(h) if matches!(base(self.rel(x)), "xcomp" | "conj") => x = h,
                _ => return None,
            }
        }
        None
    }
}
