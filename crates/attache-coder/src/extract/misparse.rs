//! Coordinated names that the parser read as one compound noun phrase.
//!
//! Why a module of its own: in "accused the United States and South Korea of …" the
//! parser often hangs "States" and "South" both as `compound` on "Korea", with the
//! "and" inside the chain, so the object looks like one name. The resolver still finds
//! two mentions ("the United States", "South Korea"), but the extractor only reads the
//! one covering the head word, and the event loses its first target. A coordinating
//! conjunction between a name and its compound head is what gives the misreading away:
//! a real compound ("the U.S. embassy", "Russia-Ukraine talks") has none. The rule is
//! about the tree's shape, not about particular names, so it repairs every coordination
//! of the kind, whichever states or organisations it names.
//!
//! The same holds for a list of names the parser broke up (session 16): in "deported
//! eight men from Cuba, Laos, Mexico and Vietnam" it hangs "Laos" on the verb and
//! "Mexico" and "Vietnam" on "Laos", so the phrase "from Cuba" names one state. The
//! words after the name say it is a list: commas between names and a final "and" or
//! "or" before the last one.

use super::*;

impl SentenceCoder<'_> {
    /// Adds to `out` the actors named by compounds of `t` that stand before a
    /// coordinating conjunction inside `t`'s phrase ("the United States **and** South
    /// Korea", read as compounds of "Korea"), and the names after a coordinator read as
    /// `flat` parts of `t`. `cov` are the mentions covering `t` itself.
    pub(super) fn names_coordinated_as_compounds(
        &self,
        t: usize,
        cov: &[u32],
        out: &mut Vec<usize>,
    ) {
        // A coordinator between two words of the phrase.
        let and_between = |lo: usize, hi: usize| {
            (lo + 1..hi).any(|j| {
                self.s.upos(j) == Upos::CCONJ
                    && matches!(self.lemma(j).to_ascii_lowercase().as_str(), "and" | "or")
            })
        };
        for k in self.tree.kids(t) {
            let misread = match base(self.rel(k)) {
                "compound" => k < t && and_between(k, t),
                // "Prime Minister Ishiba and Chinese President Xi" with "Xi" a `flat`
                // part of "Ishiba": a name after a coordinator inside the phrase.
                "flat" => k > t && and_between(t, k),
                _ => false,
            };
            if !misread {
                continue;
            }
            for &a in self.covering(k) {
                if !cov.contains(&a) && self.actors[a as usize].usable {
                    Self::push_unique(out, a as usize);
                }
            }
        }
    }

    /// Adds to `out` the names that continue a list after the name at `t` when the
    /// parse did not coordinate them with it: ", B, C and D" right after the mention,
    /// each an actor of the same kind (a place or not), the last after "and"/"or",
    /// none of them the subject of a clause of its own ("visited Pakistan, and India
    /// condemned the visit" is no list). Only when `t` has no conjuncts on the tree.
    pub(super) fn names_listed_after(&self, t: usize, cov: &[u32], out: &mut Vec<usize>) {
        let Some(&first) = cov.first() else { return };
        // "eight men from Cuba, Laos and Mexico": people the resolver gave the country
        // of the first place named after them come from all the places listed.
        for k in self.tree.kids(t) {
            if base(self.rel(k)) != "nmod" || !matches!(self.case_of(k), Some("from" | "of")) {
                continue;
            }
            let kc = self.covering(k);
            if let Some(&pl) = kc.first() {
                let pa = &self.actors[pl as usize];
                if pa.place
                    && !self.actors[first as usize].place
                    && pa.key == self.actors[first as usize].key
                {
                    let mut more = Vec::new();
                    self.actors_rec(k, &mut more, 1, true);
                    for a in more {
                        if self.actors[a].place {
                            Self::push_unique(out, a);
                        }
                    }
                }
            }
        }
        if self.tree.kids(t).any(|k| self.rel(k) == "conj") {
            return;
        }
        let place = self.actors[first as usize].place;
        let n = self.s.len();
        let mut j = t + 1;
        while j < n && self.covering(j).contains(&first) {
            j += 1;
        }
        let mut found = Vec::new();
        let mut closed = false;
        for _ in 0..12 {
            let mut saw_comma = false;
            let mut saw_cc = false;
            if j < n && self.lemma(j) == "," {
                saw_comma = true;
                j += 1;
            }
            if j < n && matches!(self.lemma(j).to_ascii_lowercase().as_str(), "and" | "or") {
                saw_cc = true;
                j += 1;
            }
            // The first separator of a list is a comma.
            if !saw_comma && (found.is_empty() || !saw_cc) {
                break;
            }
            if j < n && self.lemma(j).eq_ignore_ascii_case("the") {
                j += 1;
            }
            let Some(&a) = self.covering(j).first() else {
                break;
            };
            let ac = &self.actors[a as usize];
            if !ac.usable || ac.place != place || self.rel(j).starts_with("nsubj") {
                break;
            }
            let start = j;
            while j < n && self.covering(j).contains(&a) {
                if self.rel(j).starts_with("nsubj") {
                    return;
                }
                j += 1;
            }
            if j == start {
                break;
            }
            found.push(a as usize);
            if saw_cc {
                closed = true;
                break;
            }
        }
        if closed {
            for a in found {
                Self::push_unique(out, a);
            }
        }
    }
}
