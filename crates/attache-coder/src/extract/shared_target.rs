//! The addressee of a verbal act shared by coordinated verbs.
//!
//! Why a module of its own: wire reports chain a speaker's acts in one clause —
//! "Germany accused Russia of spreading disinformation and vowed to respond", "China
//! accused Manila of provocations and warned that Beijing would respond firmly",
//! "Italy criticized the raid and demanded the release of the workers". The second
//! act names no addressee of its own, yet it is aimed at the same party as the first;
//! the gold set codes both (112 and 130; 111 and 10). Without this the second act had
//! a doer and no target and was dropped ("source found, no target" in
//! `examples/explain.rs`).
//!
//! Kept narrow for precision: only a chain of hostile acts — the second a demand (10),
//! disapproval (11), rejection (12) or threat (13), the first one of those or a cut or
//! coercion (16, 17) — and condolences (018) after a condemnation (11), which go to the
//! side the condemned attack was aimed at ("condemned the Islamabad attack and offered
//! condolences"). Cooperative chains are left alone: "hosted Germany's chancellor
//! and promised to boost defense spending", "signed a deal with Uganda and urged
//! investors to return" — a pledge or appeal after a friendly act is as often aimed at
//! home. Only when the verbs are coordinated on the tree (one is the other's `conj`, or
//! both are conjuncts of a third) and share a doer; only a first act that is itself
//! actual or requested, not negated, and aimed at someone other than the doer.

use super::{Found, SentenceCoder};
use attache_core::Modality;

impl SentenceCoder<'_> {
    /// Targets, for an act at `clause` by `sources` that found none, taken from an act
    /// already coded on a verb coordinated with it. Returns whether any was added.
    pub(super) fn coordinated_targets(
        &self,
        root: &str,
        code: &str,
        clause: usize,
        sources: &[usize],
        found: &[Found],
        targets: &mut Vec<usize>,
    ) -> bool {
        // Sympathy after a condemnation goes to the same side: "condemned the
        // Islamabad attack and offered condolences" (session 10).
        let sympathy = code == "018";
        if !matches!(root, "10" | "11" | "12" | "13") && !sympathy {
            return false;
        }
        let mut mates: Vec<usize> = Vec::new();
        if self.rel(clause) == "conj" {
            if let Some(h) = self.tree.head(clause) {
                mates.push(h);
                mates.extend(
                    self.tree
                        .kids(h)
                        .filter(|&k| k != clause && self.rel(k) == "conj"),
                );
            }
        }
        mates.extend(self.tree.kids(clause).filter(|&k| self.rel(k) == "conj"));
        if mates.is_empty() {
            return false;
        }
        let skeys: Vec<&str> = sources
            .iter()
            .map(|&s| self.actors[s].key.as_str())
            .collect();
        let before = targets.len();
        for f in found {
            // The mate's own act, or an act embedded under it ("urged X to return …").
            let on_mate = mates.contains(&f.trigger)
                || self
                    .tree
                    .head(f.trigger)
                    .is_some_and(|h| mates.contains(&h));
            if !on_mate
                || !matches!(&f.code[..2], "10" | "11" | "12" | "13" | "16" | "17")
                || (sympathy && !f.code.starts_with("11"))
                || f.negated
                || !matches!(f.modality, Modality::Actual | Modality::Request)
            {
                continue;
            }
            if !skeys.contains(&self.actors[f.source].key.as_str()) {
                continue;
            }
            let Some(t) = f.target else { continue };
            if skeys.contains(&self.actors[t].key.as_str()) || targets.contains(&t) {
                continue;
            }
            targets.push(t);
        }
        targets.len() > before
    }
}
