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

use super::{base, SentenceCoder};

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

    /// Freezing the assets of another state's people is a sanction, not a seizure
    /// (module doc).
    pub(super) fn freeze_code(
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
        } else {
            code
        }
    }
}
