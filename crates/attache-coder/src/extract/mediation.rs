//! A mediator named by a passive participle on the mediated thing.
//!
//! Why a module of its own: wire reports name the mediator of talks, a deal or a
//! prisoner swap after the fact, in a participle hung on the thing mediated — "Russia
//! and Ukraine exchanged prisoners in a swap mediated by the United Arab Emirates",
//! "Ethiopia and Somalia agreed to restore ties following talks mediated by Turkish
//! President Recep Tayyip Erdogan", "Sudan's army and the RSF resumed talks brokered by
//! Saudi Arabia and the United States". The gold sets code the mediation (045) from the
//! mediator to each party. The dictionary's "mediate" pattern finds its parties only
//! as its object or in a "between" phrase, so the participle had no target ("no source
//! found", "source found, no target"), or the word order took the clause's subject as
//! its target and the mediator as the target of the clause's own act ("exchanged" →
//! RUS>ARE, UKR>ARE).
//!
//! The parties are those of the mediated thing: a "between" phrase on it, else the
//! doers of the clause it belongs to (its verb's subject, through control: "agreed to
//! restore ties following talks …") and that verb's "with" partner. A mediator is no
//! target of the mediated act, so events of that clause aimed at a mediator are
//! dropped. Only the passive participle with a "by" agent counts; the active verb
//! ("Erdogan mediated talks between …") is the dictionary's.

use super::{base, lower_eq, Found, SentenceCoder};
use attache_text::Upos;

/// Verbs whose passive participle names the mediator of the noun it modifies.
const MEDIATING: &[&str] = &["mediate", "broker", "facilitate", "sponsor", "co-sponsor"];

impl SentenceCoder<'_> {
    /// The clause a noun belongs to: the nearest verb above it through objects,
    /// obliques and noun modifiers ("restore ties following talks mediated by …" is
    /// parsed as a chain of nouns under "restore").
    fn clause_above(&self, thing: usize) -> Option<usize> {
        let mut x = thing;
        for _ in 0..3 {
            if !matches!(base(self.rel(x)), "obj" | "obl" | "nmod") {
                return None;
            }
            let h = self.tree.head(x)?;
            if self.s.upos(h) == Upos::VERB {
                return Some(h);
            }
            if !matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN) {
                return None;
            }
            x = h;
        }
        None
    }

    /// Code "X mediated by Y" (see the module docs) and drop the clause's events aimed
    /// at the mediator.
    pub(super) fn code_mediated(&self, found: &mut Vec<Found>) {
        for m in 0..self.s.len() {
            if self.s.upos(m) != Upos::VERB
                || self.s.xpos(m) != "VBN"
                || !MEDIATING.iter().any(|w| lower_eq(self.lemma(m), w))
            {
                continue;
            }
            let Some(thing) = self.tree.head(m) else {
                continue;
            };
            if base(self.rel(m)) != "acl" || !matches!(self.s.upos(thing), Upos::NOUN | Upos::PROPN)
            {
                continue;
            }
            let mut mediators = Vec::new();
            for k in self.tree.kids(m) {
                if base(self.rel(k)) == "obl" && self.case_of(k) == Some("by") {
                    self.actors_of(k, &mut mediators);
                }
            }
            if mediators.is_empty() {
                continue;
            }
            let key = |a: usize| self.actors[a].key.as_str();
            // The parties: "talks between X and Y …", else the clause's doers and
            // their partner ("signed a deal with Y brokered by …").
            let mut parties = Vec::new();
            for k in self.tree.kids(thing) {
                if base(self.rel(k)) == "nmod" && self.case_of(k) == Some("between") {
                    self.actors_of(k, &mut parties);
                }
            }
            let clause = self.clause_above(thing);
            if parties.is_empty() {
                let Some(v) = clause else { continue };
                if self.unasserted(v) || self.conditional(v) || self.habitual(v) {
                    continue;
                }
                self.subject_of(v, &mut parties, 0);
                for k in self.tree.kids(v).chain(self.tree.kids(thing)) {
                    if matches!(base(self.rel(k)), "obl" | "nmod")
                        && self.case_of(k) == Some("with")
                    {
                        self.actors_of(k, &mut parties);
                    }
                }
            }
            parties.retain(|&p| mediators.iter().all(|&a| key(a) != key(p)));
            if parties.is_empty() {
                continue;
            }
            let mediator = |a: usize| mediators.iter().any(|&b| key(a) == key(b));
            // The mediated act is the parties' with each other: one of them acting on
            // a mediator acts on the other parties ("exchanged prisoners in a swap
            // mediated by the UAE"); a mediator in the thing's own reading ("talks
            // brokered by Saudi Arabia" read as Saudi talks) is mediating.
            let of_clause = |t: usize| t == thing || clause == Some(t);
            let mut added = Vec::new();
            found.retain_mut(|f| {
                if !of_clause(f.trigger) {
                    return true;
                }
                let Some(t) = f.target else { return true };
                if mediator(f.source) {
                    return false;
                }
                if !mediator(t) {
                    return true;
                }
                let others: Vec<usize> = parties
                    .iter()
                    .copied()
                    .filter(|&p| key(p) != key(f.source))
                    .collect();
                for &o in others.iter().skip(1) {
                    let mut g = f.clone();
                    g.target = Some(o);
                    added.push(g);
                }
                match others.first() {
                    Some(&o) => {
                        f.target = Some(o);
                        true
                    }
                    None => false,
                }
            });
            found.extend(added);
            for &a in &mediators {
                for &p in &parties {
                    let done = found.iter().any(|f| {
                        key(f.source) == key(a)
                            && f.target.is_some_and(|t| key(t) == key(p))
                            && f.code == "045"
                    });
                    if done {
                        continue;
                    }
                    if let Some(f) = self.eval_found("045", a, p, m, 0.6) {
                        found.push(f);
                    }
                }
            }
            // The participle's own reading by the dictionary ("mediated" with the
            // clause's subject as its doer) is replaced.
            found.retain(|f| f.trigger != m || mediators.iter().any(|&a| key(a) == key(f.source)));
        }
    }
}
