//! Reciprocal acts written with "each other's …" or "each side … the other" (session 7,
//! groups).
//!
//! Why: `each_other` (verbal.rs) pairs coordinated doers when "each other" is the
//! object of the act ("India and Pakistan accused each other"). News writes the same
//! mutual act two more ways the tree hangs differently:
//!
//! * "launched drones and missiles at **each other's** military bases", "shelled each
//!   other's positions": "each other" is the possessor of the object, one level down;
//! * "**each side** blamed **the other** for the clashes", "fighting which each side
//!   blamed on the other": the subject is "each <noun>" (the resolver gives it the
//!   story's pair, resolve/groups.rs) and the object or oblique is "the other" alone.
//!
//! Both mean the doers act on each other, so the extractor codes one event per ordered
//! pair of distinct doers (never X→X); with a single doer nothing is paired.
//!
//! The same stories report truces as "agreed to **stop attacking** each other", "the
//! two sides ceased firing at each other": the gerund under stop/cease/halt/quit is the
//! act that ends, not one that happens, so it is not coded (the stopping is: 0871, or
//! the agreement to it, 03), just as reversal.rs drops "an end to the war".

use super::{base, SentenceCoder};

impl SentenceCoder<'_> {
    fn lemma_is(&self, i: usize, words: &[&str]) -> bool {
        let l = self.lemma(i).to_ascii_lowercase();
        words.contains(&l.as_str())
    }

    /// "each other" / "one another" hung on `k` (either way round).
    fn each_other_at(&self, k: usize) -> bool {
        self.lemma_is(k, &["other", "another"])
            && self
                .tree
                .kids(k)
                .any(|d| self.lemma_is(d, &["each", "one"]))
            || self.lemma_is(k, &["each", "one"])
                && self
                    .tree
                    .kids(k)
                    .any(|d| self.lemma_is(d, &["other", "another"]))
    }

    /// Whether the act at `trigger` (in `clause`) is done by its doers to each other in
    /// one of the two constructions of the module doc.
    pub(super) fn mutual_by_phrase(&self, trigger: usize, clause: usize) -> bool {
        [trigger, clause].iter().any(|&v| {
            let objects: Vec<usize> = self
                .tree
                .kids(v)
                .filter(|&k| matches!(base(self.rel(k)), "obj" | "obl" | "iobj"))
                .collect();
            // "at each other's bases"
            let possessed = objects.iter().any(|&o| {
                self.tree
                    .kids(o)
                    .any(|d| base(self.rel(d)) == "nmod" && self.each_other_at(d))
            });
            if possessed || self.each_others_under(v) {
                return true;
            }
            // "each side … the other"
            let each_subject = self.tree.kids(v).any(|k| {
                base(self.rel(k)) == "nsubj"
                    && self
                        .tree
                        .kids(k)
                        .any(|d| base(self.rel(d)) == "det" && self.lemma_is(d, &["each"]))
            });
            each_subject
                && objects.iter().any(|&o| {
                    self.lemma_is(o, &["other"])
                        && self.tree.kids(o).any(|d| self.lemma_is(d, &["the"]))
                })
        })
    }

    /// The other state of the pair phrase actor `o` belongs to ("both countries" is two
    /// actors with one span), not of the doers' keys; nothing for a set of three or more
    /// ("the trio"), where a guessed counterpart would be multiplied.
    pub(super) fn pair_mates(&self, o: usize, skeys: &[&str]) -> Vec<usize> {
        let (s, e) = (self.actors[o].start, self.actors[o].end);
        let same_span = |a: usize| self.actors[a].start == s && self.actors[a].end == e;
        if (0..self.actors.len()).filter(|&a| same_span(a)).count() != 2 {
            return Vec::new();
        }
        (0..self.actors.len())
            .filter(|&a| {
                let ac = &self.actors[a];
                a != o
                    && ac.start == s
                    && ac.end == e
                    && ac.usable
                    && ac.key != self.actors[o].key
                    && !skeys.contains(&ac.key.as_str())
            })
            .collect()
    }

    /// Drops targets whose country was only inferred and is one of the doers' own
    /// ("each other's military bases" → the bases of either side), so that the act is
    /// paired between the doers.
    pub(super) fn drop_own_inferred(&self, sources: &[usize], targets: &mut Vec<usize>) {
        targets.retain(|&t| {
            let ac = &self.actors[t];
            !(ac.weak && sources.iter().any(|&s| self.actors[s].key == ac.key))
        });
    }

    /// "each other's" / "one another's" written out in the words, hung (however the
    /// parser took it: "each" a determiner of the noun, "other" an adjective) at most
    /// four steps below `v`.
    fn each_others_under(&self, v: usize) -> bool {
        (1..self.s.len().saturating_sub(1)).any(|i| {
            self.lemma_is(i, &["other", "another"])
                && self.lemma_is(i - 1, &["each", "one"])
                && matches!(self.lemma(i + 1), "'s" | "'" | "\u{2019}s")
                && {
                    let mut x = i;
                    let mut hit = false;
                    for _ in 0..4 {
                        match self.tree.head(x) {
                            Some(h) if h == v => {
                                hit = true;
                                break;
                            }
                            Some(h) => x = h,
                            None => break,
                        }
                    }
                    hit
                }
        })
    }

    /// "called on both sides to remain calm" in a story that has named no pair: the
    /// addressee is stated (a pair phrase the resolver could not fill), so the appeal
    /// is not one made at home; it is left with no target rather than read as domestic.
    pub(super) fn unfilled_pair_object(&self, v: usize) -> bool {
        self.tree.kids(v).any(|k| {
            matches!(base(self.rel(k)), "obj" | "obl" | "iobj")
                && self.lemma_is(
                    k,
                    &[
                        "side",
                        "country",
                        "party",
                        "leader",
                        "government",
                        "nation",
                        "neighbour",
                        "neighbor",
                        "two",
                        "man",
                        "state",
                        "rival",
                    ],
                )
                && !self.covering(k).is_empty()
                && self
                    .covering(k)
                    .iter()
                    .all(|&a| !self.actors[a as usize].usable)
        })
    }

    /// A verb that is the gerund complement of stop/cease/halt/quit ("stop attacking",
    /// "ceased firing"): reported as ending, so no event of its own.
    pub(super) fn stopped_act(&self, v: usize) -> bool {
        base(self.rel(v)) == "xcomp"
            && self.form_lc(v).ends_with("ing")
            && self
                .tree
                .head(v)
                .is_some_and(|h| self.lemma_is(h, &["stop", "cease", "halt", "quit"]))
    }
}
