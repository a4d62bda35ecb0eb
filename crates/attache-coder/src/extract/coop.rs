//! Cooperative events (CAMEO 01–09) in wire constructions the general rules miss.
//!
//! Why a module of its own: session 8 probed the coder with sentences of our own for
//! every 3- and 4-digit code of the cooperative roots, in the wordings VOA, Reuters and
//! AP use (several verbs and nouns per code, active and passive, nominal forms, actor
//! forms from country names to capitals and named leaders) and with event-less
//! variants. Most misses were dictionary gaps, fixed as synonym classes in
//! `data/patterns` (block "session 8 (coop)"). The ones below are constructions: the
//! doer or the partner sits where the extractor's general rules (subject → source,
//! object or preposition → target) do not look, or the verb's sense depends on what
//! its subject is. Each is called from one place in `extract.rs`; examples are in
//! `src/tests.rs` (section "session 8, coop") and `data/patterns/examples.tsv`.
//!
//! * **"The first country to recognize".** "Russia became the first country to
//!   recognize the Taliban government", "Japan was the latest nation to lift the ban":
//!   an infinitive on a predicate noun ("country", "state", "leader") that is ranked
//!   (first, last, latest, only, second …) has the clause's subject as its doer. The
//!   rank is required: it is what makes the predicate a description of the subject's
//!   own act ("a country to watch" is not).
//!
//! * **Aid that arrives.** "Aid from the UAE arrived in Port Sudan", "A Chinese medical
//!   team arrived in Myanmar to help earthquake victims": arriving is a visit (042)
//!   when officials arrive, but aid, supplies, convoys, weapons or rescue and medical
//!   teams arriving are the sender's aid (070 / 072 / 073) to the place's state. The
//!   dictionary keeps the aid readings of `arrive` and `land` as lines after the visit
//!   lines (never chosen by specificity); `arrival_of_aid` chooses them by the subject.
//!
//! * **A meeting of X, Y and Z.** "A trilateral meeting of China, Japan and South
//!   Korea took place in Seoul", "a summit of the leaders of Russia and China": an
//!   "of" complement naming two or more parties of a symmetric consultation noun lists
//!   its participants, like "between/among". One party alone is the organisation's or
//!   state's own meeting ("a meeting of NATO defense ministers") and is left alone.
//!
//! * **Captivity named on the released.** "The Taliban released two Pakistani
//!   journalists detained in Kandahar", "Hamas freed hostages abducted in 2023": a past
//!   participle of arresting or abducting (17x, 18x) with no agent, on the people a
//!   release (08) frees, describes how they came to be held; its doer is not stated,
//!   and the gold does not code agentless acts, so it is not guessed from the place.
//!
//! * **Who is investigated.** "Turkey opened an investigation into the killing of a
//!   Turkish-American activist by Israeli forces": an investigation (09) of an act
//!   targets the act's doer (its "by" agent or possessor), not the victims named in it.

use super::*;

/// Ranks that make a predicate noun describe its subject's own act ("the first
/// country to recognize").
pub(super) const RANKS: &[&str] = &[
    "first", "last", "latest", "only", "second", "third", "fourth", "fifth", "next", "newest",
    "sole",
];

/// Subject nouns whose arrival is aid, humanitarian unless said otherwise (073).
const RELIEF_SUBJECTS: &[&str] = &[
    "aid",
    "assistance",
    "relief",
    "supply",
    "supplies",
    "shipment",
    "consignment",
    "convoy",
    "donation",
    "cargo",
    "food",
    "medicine",
    "rescuer",
    "medic",
    "firefighter",
];

/// Subject nouns whose arrival is military aid (072).
const ARMS_SUBJECTS: &[&str] = &[
    "weapon",
    "arm",
    "ammunition",
    "munition",
    "missile",
    "tank",
    "howitzer",
    "interceptor",
    "jet",
    "drone",
    "artillery",
];

/// Words that make a "team" an aid team ("a Chinese medical team", "rescue teams").
const AID_TEAMS: &[&str] = &[
    "medical",
    "rescue",
    "relief",
    "humanitarian",
    "search",
    "aid",
    "emergency",
];

impl<'a> SentenceCoder<'a> {
    /// The doer of an infinitive on a ranked predicate noun ("Russia became the first
    /// country to recognize …", "Japan is the latest nation to lift …"): the subject
    /// of the clause the noun is predicated in (module docs). `h` is the noun the
    /// infinitive hangs on. Returns whether it found one.
    pub(super) fn ranked_predicate_subject(
        &self,
        h: usize,
        out: &mut Vec<usize>,
        depth: usize,
    ) -> bool {
        let ranked = self
            .tree
            .kids(h)
            .any(|k| matches!(base(self.rel(k)), "amod" | "advmod") && self.ranking_word(k));
        if !ranked || !matches!(self.s.upos(h), Upos::NOUN) {
            return false;
        }
        let before = out.len();
        if self.tree.kids(h).any(|k| self.rel(k) == "cop") {
            // "Russia was the first country to …": the noun is the predicate itself.
            for k in self.kids_rel(h, "nsubj") {
                self.actors_of(k, out);
            }
        } else if base(self.rel(h)) == "xcomp" {
            // "Russia became the first country to …".
            if let Some(v) = self.tree.head(h) {
                self.subject_of(v, out, depth + 1);
            }
        }
        out.len() > before
    }

    /// The aid reading of "arrive"/"land" when what arrives is aid, weapons or an aid
    /// team (module docs): the dictionary's 07x line of the verb, else `None`.
    pub(super) fn arrival_of_aid(&self, v: usize) -> Option<&'a Pattern> {
        let lem = self.lemma(v).to_ascii_lowercase();
        if !matches!(lem.as_str(), "arrive" | "land") || !matches!(self.s.upos(v), Upos::VERB) {
            return None;
        }
        let subj = self.kids_rel(v, "nsubj").next()?;
        let sl = self.lemma(subj).to_ascii_lowercase();
        let modified_by = |words: &[&str]| {
            self.tree.kids(subj).any(|k| {
                matches!(base(self.rel(k)), "amod" | "compound")
                    && words.iter().any(|w| lower_eq(w, self.lemma(k)))
            })
        };
        let code = if ARMS_SUBJECTS.contains(&sl.as_str()) {
            "072"
        } else if RELIEF_SUBJECTS.contains(&sl.as_str())
            || (matches!(sl.as_str(), "team" | "doctor" | "worker" | "expert")
                && modified_by(AID_TEAMS))
        {
            "073"
        } else {
            return None;
        };
        self.patterns.verb(&lem).iter().find(|p| p.code == code)
    }

    /// The parties listed by "of" on a symmetric consultation noun ("a trilateral
    /// meeting of China, Japan and South Korea"), when they are two or more states or
    /// organisations (module docs).
    pub(super) fn meeting_of_parties(
        &self,
        noun: usize,
        p: &Pattern,
        root: &str,
        participants: &mut Vec<usize>,
    ) {
        if root != "04" || !p.symmetric {
            return;
        }
        for k in self.tree.kids(noun) {
            if base(self.rel(k)) != "nmod" || !self.case_of(k).is_some_and(|c| lower_eq(c, "of")) {
                continue;
            }
            let mut tmp = Vec::new();
            self.actors_of(k, &mut tmp);
            tmp.retain(|&a| self.actors[a].usable && !self.actors[a].civilian);
            let mut keys: Vec<&str> = tmp.iter().map(|&a| self.actors[a].key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            if keys.len() >= 2 {
                participants.extend(tmp);
            }
        }
    }

    /// Whether `trigger` is an agentless participle of captivity (17x, 18x) on the
    /// object of a release (08) — "released two journalists detained in Kandahar"
    /// (module docs).
    pub(super) fn captivity_of_released(&self, trigger: usize, p: &Pattern) -> bool {
        if !(p.code.starts_with("17") || p.code.starts_with("18"))
            || p.pos != TriggerPos::Verb
            || self.rel(trigger) != "acl"
            || !self.s.feats_str(trigger).contains("VerbForm=Part")
        {
            return false;
        }
        let agent = self.tree.kids(trigger).any(|k| {
            let r = self.rel(k);
            base(r) == "nsubj"
                || r == "obl:agent"
                || (base(r) == "obl" && self.case_of(k).is_some_and(|c| lower_eq(c, "by")))
        });
        if agent {
            return false;
        }
        let Some(noun) = self.tree.head(trigger) else {
            return false;
        };
        if !matches!(self.rel(noun), "obj" | "nsubj:pass") {
            return false;
        }
        self.tree
            .head(noun)
            .and_then(|v| self.match_verb(v))
            .is_some_and(|vp| vp.code.starts_with("08"))
    }

    /// The doer of the act an investigation (09) is into (module docs): "an
    /// investigation into the killing of X by Israeli forces" targets Israel. Replaces
    /// `targets` when the investigated act names its doer by "by" or a possessor.
    pub(super) fn investigated_doer(&self, trigger: usize, root: &str, targets: &mut Vec<usize>) {
        if root != "09" {
            return;
        }
        let about = |k: usize| {
            matches!(base(self.rel(k)), "nmod" | "obl")
                && self
                    .case_of(k)
                    .is_some_and(|c| ["into", "of", "over"].iter().any(|x| lower_eq(c, x)))
        };
        let inquiry = |k: usize| {
            ["investigation", "probe", "inquiry", "enquiry"]
                .iter()
                .any(|w| lower_eq(w, self.lemma(k)))
        };
        // The act investigated: "into/of/over" on the trigger or on its inquiry noun
        // ("opened an investigation into …"), or the object of "investigate".
        let mut acts: Vec<usize> = Vec::new();
        for k in self.tree.kids(trigger) {
            if about(k) {
                acts.push(k);
            } else if self.rel(k) == "obj" {
                if inquiry(k) {
                    acts.extend(self.tree.kids(k).filter(|&kk| about(kk)));
                } else {
                    acts.push(k);
                }
            }
        }
        // "opened an investigation into …" with "into" hung on the verb, read from the noun.
        if inquiry(trigger) && self.rel(trigger) == "obj" {
            if let Some(h) = self.tree.head(trigger) {
                acts.extend(self.tree.kids(h).filter(|&k| about(k)));
            }
        }
        for act in acts {
            // Its doer: a "by" agent or a possessor — on the act, or on the victim the
            // parser hung the agent on ("the killing of an activist by Israeli forces").
            let mut doers = Vec::new();
            let inner = self
                .tree
                .kids(act)
                .filter(|&k| base(self.rel(k)) == "nmod" && self.case_of(k) == Some("of"));
            for holder in std::iter::once(act).chain(inner) {
                for k in self.tree.kids(holder) {
                    let r = self.rel(k);
                    let by =
                        base(r) == "nmod" && self.case_of(k).is_some_and(|c| lower_eq(c, "by"));
                    let poss = holder == act && r == "nmod:poss" && self.s.upos(k) != Upos::PRON;
                    if by || poss {
                        self.actors_of(k, &mut doers);
                    }
                }
            }
            doers.retain(|&a| self.actors[a].usable);
            if !doers.is_empty() {
                *targets = doers;
                return;
            }
        }
    }
}
