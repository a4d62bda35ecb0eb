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

use super::*;

impl SentenceCoder<'_> {
    /// Adds to `out` the actors named by compounds of `t` that stand before a
    /// coordinating conjunction inside `t`'s phrase ("the United States **and** South
    /// Korea", read as compounds of "Korea"). `cov` are the mentions covering `t` itself.
    pub(super) fn names_coordinated_as_compounds(
        &self,
        t: usize,
        cov: &[u32],
        out: &mut Vec<usize>,
    ) {
        let conj_between = |k: usize| {
            (k + 1..t).any(|j| {
                self.s.upos(j) == Upos::CCONJ
                    && matches!(self.lemma(j).to_ascii_lowercase().as_str(), "and" | "or")
            })
        };
        for k in self.tree.kids(t) {
            if k >= t || base(self.rel(k)) != "compound" || !conj_between(k) {
                continue;
            }
            for &a in self.covering(k) {
                if !cov.contains(&a) && self.actors[a as usize].usable {
                    Self::push_unique(out, a as usize);
                }
            }
        }
    }
}
