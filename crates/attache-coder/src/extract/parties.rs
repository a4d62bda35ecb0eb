//! Which parties a clause pairs, and who "it" is in a reported promise or threat.
//!
//! Why a module of its own: the extractor decides the parties of an event from the
//! tree (subject → source, object → target) and then pairs them. A few general
//! constructions of news English pair the wrong parties, and each is read here, called
//! from one place in `extract.rs`, with sentences of our own in `src/tests.rs`
//! (section "session 5, parties") and `data/patterns/examples.tsv` (block "roles2"):
//!
//! * **Coordinated doers of an evaluation are not each other's targets.** "U.S. and
//!   Chinese officials welcomed the talks", "India and Pakistan praised the
//!   agreement": the object names something mutual (talks, an agreement, ties), but
//!   welcoming, praising, supporting or criticising it is one-sided — each side
//!   evaluates the thing, not the other side. The extractor pairs coordinated doers
//!   with each other when the act is mutual by its object (`reciprocal`: "restored
//!   ties", "signed an agreement"); for the verbal evaluations of CAMEO 01, 02 and
//!   051–056 that reading needs a sign that the thing is their own: "their ties",
//!   "bilateral relations", "each other", "together".
//!
//! * **"it" in a reported promise or threat is the one who makes it.** "Pakistan
//!   warned the Taliban that it would strike militant hideouts", "Iran told France that
//!   it will retaliate": the subject pronoun of a "that" clause with will/would under a
//!   verb of warning, threatening, telling or assuring refers, in the great majority of
//!   news sentences, to the speaker (who announces what they will do), not to the one
//!   addressed — although the addressee is the nearest name. The article-level
//!   resolver picks the nearest compatible name; the coder overrides that choice in
//!   this construction only (not with must/should, which address the hearer: "told
//!   France that it must leave").
//!
//! * **What a pair agreed to is mutual.** "Pakistan and Afghanistan agreed to reopen
//!   the Torkham crossing": the tree gives the border post (Pakistan's) as the target,
//!   which paired the doers in one direction only; under a symmetric controlling verb
//!   each doer acts towards the other(s).
//!
//! * **An offer of talks is one side's intent.** "Iran offered to hold talks with the
//!   EU" is Iran's intent to meet (036); the EU did nothing. A meeting noun under an
//!   offering or proposing verb is not coded as planned by both sides.
//!
//! * **Purpose infinitives are not acts.** "travelled to Doha to discuss a
//!   ceasefire", "sent an envoy to try to facilitate a deal": only the visit or the
//!   sending happened; the purpose is what the doer means to achieve.

use super::{base, SentenceCoder};
use attache_text::Upos;

/// Verbs of telling, warning, threatening and assuring that take an addressee and a
/// "that" clause.
const TELLING: &[&str] = &[
    "warn", "threaten", "tell", "assure", "inform", "notify", "caution", "promise", "vow",
    "pledge", "signal", "reassure", "remind",
];

impl SentenceCoder<'_> {
    /// The speaker of a reported promise or threat that a subject pronoun at `t`
    /// stands for (see the module docs): the subject's actors of the verb of telling,
    /// or `None` when the construction does not apply.
    pub(super) fn promiser_for_pronoun(
        &self,
        t: usize,
        cov: &[u32],
        depth: usize,
    ) -> Option<Vec<usize>> {
        if self.s.upos(t) != Upos::PRON
            || !matches!(
                self.lemma(t).to_ascii_lowercase().as_str(),
                "it" | "they" | "he" | "she"
            )
            || base(self.rel(t)) != "nsubj"
        {
            return None;
        }
        let c = self.tree.head(t)?;
        if self.rel(c) != "ccomp" {
            return None;
        }
        let h = self.tree.head(c)?;
        if !TELLING.contains(&self.lemma(h).to_ascii_lowercase().as_str()) {
            return None;
        }
        let future = self.tree.kids(c).any(|k| {
            base(self.rel(k)) == "aux"
                && matches!(
                    self.lemma(k).to_ascii_lowercase().as_str(),
                    "will" | "would" | "shall" | "'ll"
                )
        });
        if !future {
            return None;
        }
        // The addressee (object) and the speaker (subject) of the telling verb.
        let mut addressee = Vec::new();
        let mut speaker = Vec::new();
        for k in self.tree.kids(h) {
            match base(self.rel(k)) {
                "obj" | "iobj" => self.actors_rec(k, &mut addressee, depth + 1, true),
                "nsubj" => self.actors_rec(k, &mut speaker, depth + 1, true),
                _ => {}
            }
        }
        let key = |a: usize| self.actors[a].key.as_str();
        let resolved_to_addressee = cov.iter().any(|&a| {
            let a = a as usize;
            self.actors[a].usable && addressee.iter().any(|&b| key(b) == key(a))
        });
        speaker.retain(|&a| self.actors[a].usable);
        let distinct = speaker
            .iter()
            .all(|&s| addressee.iter().all(|&b| key(b) != key(s)));
        (resolved_to_addressee && !speaker.is_empty() && distinct).then_some(speaker)
    }

    /// Whether coordinated doers of `code` at `trigger` must not be paired with each
    /// other by the mutual-object reading (see the module docs): a verbal evaluation
    /// whose object is not marked as their own.
    pub(super) fn one_sided_evaluation(&self, code: &str, trigger: usize, clause: usize) -> bool {
        let evaluative = code.starts_with("01")
            || code.starts_with("02")
            || (code.starts_with("05") && !matches!(code, "050" | "057"));
        if !evaluative {
            return false;
        }
        let own = |n: usize| {
            self.tree.kids(n).any(|k| {
                let l = self.lemma(k).to_ascii_lowercase();
                (self.rel(k) == "nmod:poss" && matches!(l.as_str(), "their" | "its"))
                    || (matches!(base(self.rel(k)), "amod" | "compound")
                        && matches!(l.as_str(), "bilateral" | "mutual" | "joint" | "reciprocal"))
            })
        };
        let mut nodes = vec![trigger];
        if clause != trigger {
            nodes.push(clause);
        }
        for &v in &nodes {
            if own(v) {
                return false;
            }
            for k in self.tree.kids(v) {
                let l = self.lemma(k).to_ascii_lowercase();
                if matches!(
                    l.as_str(),
                    "other" | "another" | "together" | "jointly" | "mutually"
                ) {
                    return false;
                }
                if matches!(base(self.rel(k)), "obj" | "obl" | "nsubj") && own(k) {
                    return false;
                }
            }
        }
        true
    }
}

/// Verbs of offering and proposing: what they offer is intended by their subject alone.
/// (Not hope, want or plan: "Australia hopes to resume trade talks with China" is
/// coded as planned by both in the examples of the first session-5 helpers.)
const ONE_SIDED: &[&str] = &["offer", "propose", "suggest", "volunteer", "seek"];

impl SentenceCoder<'_> {
    /// Whether a planned meeting named by a noun at `trigger` is planned by one side
    /// only: "Iran offered to hold talks with the EU", "Chad proposed a meeting with
    /// Niger" — the offerer intends to meet; the other party has done nothing, so the
    /// meeting is not coded as planned by both (as "is expected to hold a meeting with
    /// X" is).
    pub(super) fn one_sided_plan(&self, trigger: usize) -> bool {
        let mut x = trigger;
        for _ in 0..4 {
            if ONE_SIDED.contains(&self.lemma(x).to_ascii_lowercase().as_str()) {
                return true;
            }
            let Some(h) = self.tree.head(x) else { break };
            x = h;
        }
        false
    }
}

impl SentenceCoder<'_> {
    /// Whether an act that coordinated doers agreed to is mutual between them:
    /// "Pakistan and Afghanistan agreed to reopen the Torkham crossing", "the two
    /// sides agreed to ease visa rules". The controlling verb is symmetric (agree; its
    /// dictionary line says `sym`), the doers are of two or more keys, and whatever
    /// the tree gave as a target is one of the doers' own (a border post, a city of
    /// theirs): then each doer acts towards the other(s), not towards the place of one
    /// of them, which would code the pair in one direction only.
    pub(super) fn agreed_between(
        &self,
        sources: &[usize],
        targets: &[usize],
        trigger: usize,
        clause: usize,
    ) -> bool {
        let key = |a: usize| self.actors[a].key.as_str();
        let Some(&first) = sources.first() else {
            return false;
        };
        if sources.iter().all(|&s| key(s) == key(first))
            || !targets
                .iter()
                .all(|&t| sources.iter().any(|&s| key(s) == key(t)))
        {
            return false;
        }
        let Some(c) = self.controller(clause).or_else(|| self.controller(trigger)) else {
            return false;
        };
        self.patterns
            .verb(&self.lemma(c).to_ascii_lowercase())
            .iter()
            .any(|p| p.symmetric)
    }
}

impl SentenceCoder<'_> {
    /// Whether `v` is (inside) a purpose infinitive: "sent an envoy to Cairo to try to
    /// facilitate a deal", "travelled to Doha to discuss a ceasefire", "deployed
    /// troops in order to protect the border". The word order puts the purpose after
    /// an act, but the purpose is what the doer means to achieve, not something the
    /// sentence reports as done: only the act it hangs on (the sending, the visit) is
    /// an event. A "to"-infinitive attached as an adverbial clause, with no subject of
    /// its own, that is not the controlled complement of a control verb ("called on X
    /// to release …", read in extract/complement.rs); the climb goes through raising
    /// and other complements ("to try to facilitate").
    /// A protest is the exception: gathering, marching or holding a sit-in "to
    /// protest" is protesting ("held a sit-in to protest the restrictions").
    pub(super) fn purpose_clause(&self, v: usize) -> bool {
        if self
            .patterns
            .verb(&self.lemma(v).to_ascii_lowercase())
            .iter()
            .any(|p| p.code.starts_with("14"))
        {
            return false;
        }
        let mut x = v;
        for _ in 0..4 {
            if base(self.rel(x)) != "xcomp" {
                break;
            }
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            x = h;
        }
        if self.rel(x) != "advcl" || self.controlled(x) {
            return false;
        }
        let Some(h) = self.tree.head(x) else {
            return false;
        };
        if !matches!(self.s.upos(h), Upos::VERB) {
            return false;
        }
        // "took steps to strengthen ties", "moved to impose sanctions": taking a step
        // or moving to do something is doing it (a light construction, not a purpose).
        let hl = self.lemma(h).to_ascii_lowercase();
        // Nor is a body's vote ("parliament voted to impeach the president"): voting
        // to do it is doing it.
        if hl == "move"
            || hl == "vote"
            || (hl == "take"
                && self.tree.kids(h).any(|k| {
                    self.rel(k) == "obj"
                        && matches!(
                            self.lemma(k).to_ascii_lowercase().as_str(),
                            "step"
                                | "steps"
                                | "measure"
                                | "measures"
                                | "action"
                                | "move"
                                | "initiative"
                        )
                }))
        {
            return false;
        }
        // "became the first country to recognize the Taliban government", "was the
        // second state to expel its diplomats": an ordinal before the infinitive ranks
        // the act among others that happened — it is reported as done.
        if (h + 1..x).any(|i| self.ranking_word(i)) {
            return false;
        }
        let to = self
            .tree
            .kids(x)
            .any(|m| m < x && self.rel(m) == "mark" && self.lemma(m).eq_ignore_ascii_case("to"));
        let own_subject = self
            .tree
            .kids(x)
            .any(|m| matches!(base(self.rel(m)), "nsubj" | "csubj" | "expl"));
        to && !own_subject
    }

    /// "first", "last", "latest", "only"…: a word that ranks an act among others that
    /// happened ("the first country to recognize", "the latest state to expel").
    /// The word's form, not its lemma: "latest" is lemmatised "late".
    pub(super) fn ranking_word(&self, i: usize) -> bool {
        let form = self.s.form(self.text, i).to_ascii_lowercase();
        super::coop::RANKS.contains(&form.as_str())
    }
}
