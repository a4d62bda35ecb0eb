//! Conflict wordings of roots 10–20 that the core rules leave without a party
//! (session 8).
//!
//! Why a module of its own: wire copy about force postures names whom the troops face
//! by the border they are sent to — "India deployed additional troops to its border
//! with China", "Russia massed troops near Ukraine's border", "Belarus moved troops
//! to its border with Ukraine". The core rules read the border phrase through its
//! possessor ("its" → the doer itself, dropped as a self-target) and never reach the
//! state on the other side, so the posture came out with no target although the
//! sentence names it; "to the border with China" (no possessive) was already coded.
//! The rule is keyed on the construction — a posture (root 15) with no target whose
//! complement is a border, frontier or boundary phrase naming another state by "with",
//! a possessive or an adjective — not on particular states. Violence near a border is
//! left alone: "Pakistani troops killed militants near the Afghan border" is
//! domestic (docs/gold-guidelines.md), and a border is where the doer's own troops
//! are, not whom they fight (extract/place.rs).
//!
//! Assets frozen by a state are property seized (1711) when they belong to its own
//! people ("authorities froze the newspaper's assets", a domestic act the gold codes
//! 17) and a sanction (163, PETRARCH's FREEZE … ASSET) when they belong to another
//! state's people or government ("Canada froze the assets of ten Venezuelan
//! officials"). The dictionary cannot tell the two apart; the participants can.

use super::{base, lower_eq, Found, SentenceCoder};
use attache_core::Modality;
use attache_text::Upos;

/// Heads of a phrase that names a line between two states.
const LINES: &[&str] = &["border", "frontier", "boundary"];

impl SentenceCoder<'_> {
    /// A force posture with no target aimed at the state across the border its
    /// complement names (module doc). `sources` and `targets` index `self.actors`.
    pub(super) fn posture_across_border(
        &self,
        root: &str,
        trigger: usize,
        sources: &[usize],
        targets: &mut Vec<usize>,
    ) {
        if root != "15" || sources.is_empty() || !targets.is_empty() {
            return;
        }
        let own = |a: usize| {
            sources
                .iter()
                .any(|&s| self.actors[s].key == self.actors[a].key)
        };
        let mut found: Vec<usize> = Vec::new();
        for b in 0..self.s.len() {
            if b == trigger
                || !LINES.contains(&self.lemma(b).to_ascii_lowercase().as_str())
                || !self.complement_of(trigger, b)
            {
                continue;
            }
            for k in self.tree.kids(b) {
                let r = self.rel(k);
                let names_side = r == "nmod:poss"
                    || matches!(base(r), "amod" | "compound")
                    || (base(r) == "nmod" && matches!(self.case_of(k), Some("with" | "between")));
                if !names_side {
                    continue;
                }
                let mut inner = Vec::new();
                self.actors_of(k, &mut inner);
                for a in inner {
                    let ac = &self.actors[a];
                    if ac.usable && ac.key.len() == 3 && !own(a) && !found.contains(&a) {
                        found.push(a);
                    }
                }
            }
        }
        *targets = found;
    }

    /// Whether `b` hangs under `v` through objects, obliques and nominal modifiers
    /// only (not into another clause).
    fn complement_of(&self, v: usize, b: usize) -> bool {
        let mut i = b;
        for _ in 0..4 {
            if !matches!(base(self.rel(i)), "obl" | "obj" | "nmod" | "advmod") {
                return false;
            }
            match self.tree.head(i) {
                Some(h) if h == v => return true,
                Some(h) => i = h,
                None => return false,
            }
        }
        false
    }

    /// The code of a conflict act once its participants are known (module doc):
    /// freezing the assets of another state's people is a sanction, not a seizure;
    /// protesters storming or clashing riot (145), they do not fight (190).
    pub(super) fn conflict_code(
        &self,
        code: &'static str,
        trigger: usize,
        s: usize,
        t: usize,
    ) -> &'static str {
        let lemma = self.lemma(trigger).to_ascii_lowercase();
        let (sk, tk) = (&self.actors[s].key, &self.actors[t].key);
        if code == "1711"
            && matches!(lemma.as_str(), "freeze" | "froze")
            && !sk.is_empty()
            && !tk.is_empty()
            && sk != tk
        {
            "163"
        } else if code.starts_with("19")
            && matches!(
                lemma.as_str(),
                "storm" | "clash" | "attack" | "fight" | "battle"
            )
            && self.protesters_do(trigger)
        {
            "145"
        } else if code.starts_with("19") && self.bomb_does(trigger) {
            "183"
        } else {
            code
        }
    }

    /// Whether the subject of `v` is a crowd of protesters ("Protesters stormed the
    /// parliament", "Thousands of demonstrators clashed with police", "Supporters of
    /// the opposition leader clashed with police").
    fn protesters_do(&self, v: usize) -> bool {
        self.tree.kids(v).any(|k| {
            if !matches!(self.rel(k), "nsubj") {
                return false;
            }
            let crowd =
                |i: usize| PROTESTERS.contains(&self.lemma(i).to_ascii_lowercase().as_str());
            crowd(k)
                || self.tree.kids(k).any(|m| {
                    base(self.rel(m)) == "nmod"
                        && self.case_of(m).is_some_and(|c| lower_eq(c, "of"))
                        && crowd(m)
                })
        })
    }

    /// Whether the subject of `v` is a bomb or an explosive device ("A roadside bomb
    /// planted by the Taliban killed two policemen"): a bombing (183, gold
    /// guidelines: car bombs and roadside devices), not fighting.
    fn bomb_does(&self, v: usize) -> bool {
        self.tree.kids(v).any(|k| {
            base(self.rel(k)) == "nsubj"
                && BOMBS.contains(&self.lemma(k).to_ascii_lowercase().as_str())
        })
    }

    /// "Venezuela ordered Guyana to halt oil exploration", "China told the
    /// Philippines to remove its ship": an order or instruction to another state to do
    /// something is a demand (100) on it, also when what is ordered is no event of
    /// the dictionary (the core rules recode only ordered events). Added when nothing
    /// was coded for the verb or its clause; the one ordered must be another state's
    /// named actor, so orders to one's own troops or officials are left alone.
    pub(super) fn orders_to_act(&self, found: &mut Vec<Found>) {
        for h in 0..self.s.len() {
            if self.s.upos(h) != Upos::VERB
                || !ORDERING.contains(&self.lemma(h).to_ascii_lowercase().as_str())
                || self.negated(h)
                || self.conditional(h)
            {
                continue;
            }
            let Some(x) = self.tree.kids(h).find(|&k| {
                self.rel(k) == "xcomp"
                    && self.s.upos(k) == Upos::VERB
                    && self
                        .tree
                        .kids(k)
                        .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to"))
            }) else {
                continue;
            };
            if found
                .iter()
                .any(|f| f.trigger == h || self.tree.dominates(x, f.trigger))
            {
                continue;
            }
            let mut subj = Vec::new();
            self.subject_of(h, &mut subj, 0);
            let Some(&s0) = subj.first() else {
                continue;
            };
            let sk = self.actors[s0].key.clone();
            if sk.is_empty() {
                continue;
            }
            for k in self.tree.kids(h) {
                if self.rel(k) != "obj" || self.s.upos(k) != Upos::PROPN {
                    continue;
                }
                let mut tgt = Vec::new();
                self.actors_of(k, &mut tgt);
                for t in tgt {
                    let a = &self.actors[t];
                    if !a.usable || a.weak || a.civilian || a.key.is_empty() || a.key == sk {
                        continue;
                    }
                    found.push(Found {
                        code: "100",
                        source: s0,
                        target: Some(t),
                        trigger: h,
                        negated: false,
                        modality: Modality::Request,
                        attributed_to: None,
                        location: None,
                        date: self.date_of(&[h]),
                        confidence: 0.6,
                        specificity: 0,
                        others: Vec::new(),
                    });
                }
            }
        }
    }

    /// "Canada condemned the detention of two Canadian citizens in India": criticism
    /// of an act done to one's own people abroad is aimed at the state where it was
    /// done, not at one's own people (the core rules take the patient as the target,
    /// a domestic event). Applied when the target is of the critic's own key and is
    /// named inside the criticised noun phrase, and that phrase places the act "in" a
    /// place of another state.
    pub(super) fn criticism_abroad(&self, found: &mut [Found]) {
        for f in found.iter_mut() {
            let Some(t) = f.target else {
                continue;
            };
            if !f.code.starts_with("11") || self.actors[t].key != self.actors[f.source].key {
                continue;
            }
            let sk = self.actors[f.source].key.clone();
            let Some(o) = self
                .tree
                .kids(f.trigger)
                .find(|&k| self.rel(k) == "obj" && matches!(self.s.upos(k), Upos::NOUN))
            else {
                continue;
            };
            let inside = |a: usize| {
                (0..self.s.len()).any(|i| {
                    self.tree.dominates(o, i) && self.covering(i).iter().any(|&c| c as usize == a)
                })
            };
            if !inside(t) {
                continue;
            }
            // In the noun phrase, or hung on the verb by the parser ("condemned the
            // detention of a Japanese executive in Beijing").
            let place = (0..self.s.len()).find_map(|i| {
                let in_phrase =
                    self.tree.dominates(o, i) && matches!(base(self.rel(i)), "nmod" | "obl");
                let on_verb = self.tree.head(i) == Some(f.trigger) && base(self.rel(i)) == "obl";
                if !(in_phrase || on_verb) || !self.case_of(i).is_some_and(|c| lower_eq(c, "in")) {
                    return None;
                }
                let mut v = Vec::new();
                self.actors_of(i, &mut v);
                v.into_iter().find(|&a| {
                    let ac = &self.actors[a];
                    ac.usable && ac.key.len() == 3 && ac.key != sk
                })
            });
            if let Some(p) = place {
                f.target = Some(p);
                f.confidence -= 0.1;
            }
        }
    }

    /// A conflict event judged unlikely, or only possible or imminent, is not
    /// reported as having happened: "Analysts say a Chinese invasion of Taiwan is
    /// unlikely", "China is unlikely to invade Taiwan", "an attack is imminent". The
    /// trigger is the subject of such an adjective or its infinitive complement.
    /// Negative judgements hold for any event; "likely / possible" only for conflict
    /// (roots 10–20), since "is likely to visit" reads as a plan the gold codes (036).
    pub(super) fn judged_possible(&self, v: usize) -> bool {
        let Some(mut h) = self.tree.head(v) else {
            return false;
        };
        let r = base(self.rel(v));
        if r == "obj" {
            // "say a Chinese invasion of Taiwan is unlikely" parsed with the noun as the
            // object of "say" and the adjective as a subjectless clause beside it.
            let judged = self.tree.kids(h).find(|&k| {
                k > v
                    && self.rel(k) == "ccomp"
                    && self.tree.kids(k).any(|c| self.rel(c) == "cop")
                    && !self.tree.kids(k).any(|c| base(self.rel(c)) == "nsubj")
            });
            match judged {
                Some(k) => h = k,
                None => return false,
            }
        } else if !matches!(r, "nsubj" | "xcomp") {
            return false;
        }
        let hl = self.lemma(h).to_ascii_lowercase();
        if UNLIKELY.contains(&hl.as_str()) {
            return true;
        }
        if !POSSIBLE.contains(&hl.as_str()) {
            return false;
        }
        let lem = self.lemma(v).to_ascii_lowercase();
        let cands = if matches!(self.s.upos(v), Upos::NOUN | Upos::PROPN) {
            self.patterns.noun(&lem)
        } else {
            self.patterns.verb(&lem)
        };
        !cands.is_empty()
            && cands
                .iter()
                .filter(|p| !p.code.is_empty())
                .all(|p| p.code.as_bytes()[0] != b'0')
    }
}

/// Heads of a subject that is a crowd of protesters.
const PROTESTERS: &[&str] = &[
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "rioter",
    "rioters",
    "crowd",
    "mob",
    "supporter",
    "supporters",
    "marcher",
    "marchers",
];

/// Subjects that are bombs: a killing by them is a bombing.
const BOMBS: &[&str] = &[
    "bomb",
    "bombs",
    "device",
    "devices",
    "explosive",
    "explosives",
    "ied",
    "ieds",
    "landmine",
    "mine",
    "grenade",
];

/// Verbs of ordering another to act.
const ORDERING: &[&str] = &["order", "tell", "instruct", "direct", "command"];

/// Judgements that an event will not happen.
const UNLIKELY: &[&str] = &["unlikely", "improbable", "impossible"];

/// Judgements that an event may happen (not that it did).
const POSSIBLE: &[&str] = &["likely", "possible", "probable", "imminent"];
