//! Acts a state does at home to people and things the lexicon gives no country:
//! "Belarus sentenced Nobel laureate Ales Bialiatski to 10 years", "the school refused
//! to enroll her", "authorities lifted the curfew", "Nicaragua revoked the legal status
//! of 1,500 NGOs", "the government has refused to relax strict rules".
//!
//! Why: 40 % of the gold events are domestic (the same key on both sides,
//! docs/gold-guidelines.md: courts sentencing a journalist GTM→GTM, a ban or its
//! easing has another party, those subject to it), and the extractor's core rule needs
//! an actor as target. The people a state's courts try, its police hold, its schools
//! refuse, and the rules, curfews, parties and media it restricts or frees are named by
//! words and names the lexicon cannot key ("a rapper", "her daughter", "the curfew",
//! "Wikipedia"); the event was found with a doer and dropped ("source found, no
//! target"). Earlier sessions covered narrow cases (bans on gatherings,
//! extract/domestic.rs; arrests of people words, extract/force.rs) and found the
//! blanket reading — every targetless arrest, ban or easing at home — too loose.
//!
//! So the reading here is still narrow, and needs all of:
//! * an act of the kinds that are done to one's own public: coercion (17, not
//!   violence), sentencing and convicting (116), easing and releasing (081–084), and
//!   refusing to yield or to reform (120, 123x, 124x);
//! * a patient that says who or what is acted on and that no actor covers: a word for
//!   people ("a rapper", "prisoners", "her daughter"), a personal name or a pronoun
//!   the resolver could not key, or a thing of public life (curfew, restrictions,
//!   rules, a party, a newspaper, the internet, a licence, bail, a request) — read on
//!   the trigger, its "of" complement ("the legal status of NGOs"), and for a refusal on
//!   the act refused ("refused to enroll her");
//! * a doer with a country that is no person and (except for releases, which captors
//!   make) no armed group;
//! * nothing abroad: no stated place and no other actor of the sentence with another
//!   key, and the story's home country (`article_home`), when known, is the doer's.
//!
//! Then the event is the doer's country on both sides, at a lower confidence. Trade,
//! import and travel bans and freezes of contact are not in the lists: they are aimed
//! at other states as often as at home.

use super::{base, lower_eq, SentenceCoder};
use attache_core::Modality;
use attache_text::Upos;

/// Words for people acted on at home (beside those of `force::people_detained`).
const PEOPLE: &[&str] = &[
    "academic", "activist", "artist", "athlete", "blogger", "bishop", "boy", "businessman",
    "candidate", "child", "children", "citizen", "cleric", "comedian", "critic", "daughter",
    "defendant", "demonstrator", "depositor", "detainee", "dissident", "doctor", "editor",
    "family", "farmer", "father", "founder", "girl", "governor", "imam", "inmate", "journalist",
    "laureate", "lawmaker", "lawyer", "leader", "man", "mayor", "member", "men", "minister",
    "monk", "mother", "musician", "novelist", "nun", "official", "opponent", "pastor",
    "people", "person", "poet", "politician", "priest", "prisoner", "protester", "publisher",
    "rapper", "reporter", "resident", "scholar", "singer", "son", "student", "suspect",
    "supporter", "teacher", "villager", "voter", "wife", "woman", "women", "worker", "writer",
    "youth",
];

/// Things of a country's public life that its authorities restrict, ease, uphold or
/// refuse to change.
const PUBLIC_THINGS: &[&str] = &[
    "access", "account", "activity", "app", "assembly", "association", "bail", "bill", "body",
    "broadcast", "broadcaster", "channel", "charity", "church", "curfew", "demand", "election",
    "emergency", "gathering", "internet", "law", "licence", "license", "lockdown", "march",
    "measure", "media", "movement", "newspaper", "ngo", "organization", "organisation",
    "outlet", "party", "petition", "platform", "protest", "rally", "referendum", "registration",
    "request", "restriction", "rule", "saving", "service", "site", "station", "status",
    "union", "vigil", "website",
];

/// Personal pronouns whose antecedent, when the resolver found none, is a private
/// person ("refused to enroll her", "they refused to enroll them").
const PERSONAL: &[&str] = &["he", "she", "him", "her", "they", "them"];

/// Whether a code is one of the acts a state does to its own public (module doc).
fn home_code(code: &str) -> bool {
    (code.starts_with("17") && !code.starts_with("171"))
        || code == "116"
        || matches!(code.get(..3), Some("081" | "082" | "083" | "084"))
        || code == "120"
        || matches!(code.get(..3), Some("123" | "124"))
}

impl SentenceCoder<'_> {
    /// The sources of `found`-to-be event `trigger` (code `code`, clause `clause`) that
    /// act on their own public when the sentence names no target (module doc); empty
    /// when the reading does not apply.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn home_doers(
        &self,
        code: &str,
        trigger: usize,
        clause: usize,
        sources: &[usize],
        location: Option<usize>,
        modality: Modality,
    ) -> Vec<usize> {
        if !home_code(code) || modality != Modality::Actual {
            return Vec::new();
        }
        let release = code.starts_with("084");
        let doers: Vec<usize> = sources
            .iter()
            .copied()
            .filter(|&s| {
                let a = &self.actors[s];
                a.key.len() == 3 && !a.civilian && (release || !a.armed_group)
            })
            .collect();
        let Some(&first) = doers.first() else {
            return Vec::new();
        };
        let key = self.actors[first].key.as_str();
        if doers.iter().any(|&s| self.actors[s].key != key) {
            return Vec::new();
        }
        if self.home.is_some_and(|h| h != key) {
            return Vec::new();
        }
        if location.is_some_and(|l| self.actors[l].key != key) {
            return Vec::new();
        }
        // Nothing abroad in the sentence: another state, organisation or group named
        // is a likelier party than the doer's own public.
        if self
            .actors
            .iter()
            .any(|a| a.in_sentence && a.usable && a.key != key)
        {
            return Vec::new();
        }
        if !self.home_patient(trigger, clause) {
            return Vec::new();
        }
        doers
    }

    /// Whether the trigger (or its clause) acts on people or things of public life that
    /// no actor covers (module doc).
    fn home_patient(&self, trigger: usize, clause: usize) -> bool {
        let mut heads = vec![trigger];
        if clause != trigger {
            heads.push(clause);
        }
        // A refusal's act: "refused to enroll her", "refused to relax the rules".
        let refused: Vec<usize> = heads
            .iter()
            .flat_map(|&h| self.tree.kids(h))
            .filter(|&k| base(self.rel(k)) == "xcomp" && self.s.upos(k) == Upos::VERB)
            .collect();
        heads.extend(refused);
        let mut patients: Vec<usize> = Vec::new();
        for &h in &heads {
            for k in self.tree.kids(h) {
                let rel = self.rel(k);
                let prep = self.case_of(k);
                let takes = matches!(rel, "obj" | "nsubj:pass" | "iobj")
                    || (matches!(base(rel), "obl" | "nmod")
                        && prep.is_some_and(|c| {
                            ["on", "against", "to", "of"].iter().any(|w| lower_eq(c, w))
                        }));
                if !takes {
                    continue;
                }
                let k = self.counted_people(k);
                patients.push(k);
                // "the legal status of NGOs", "the activities of all parties",
                // "a request for bail".
                for m in self.tree.kids(k) {
                    if matches!(base(self.rel(m)), "nmod" | "conj")
                        && (self.rel(m) == "conj"
                            || self.case_of(m).is_some_and(|c| {
                                ["of", "on", "for"].iter().any(|w| lower_eq(c, w))
                            }))
                    {
                        patients.push(m);
                    }
                }
            }
        }
        patients.iter().any(|&p| self.home_word(p))
    }

    /// Whether token `p` names people or a thing of public life that no usable actor
    /// covers.
    fn home_word(&self, p: usize) -> bool {
        let covered = |t: usize| {
            self.covering(t)
                .iter()
                .any(|&a| self.actors[a as usize].usable)
        };
        if covered(p) || self.tree.kids(p).any(|m| self.rel(m) != "conj" && covered(m)) {
            return false;
        }
        let lemma = self.lemma(p).to_ascii_lowercase();
        let word = lemma.strip_suffix('s').unwrap_or(&lemma);
        match self.s.upos(p) {
            Upos::PRON => PERSONAL.contains(&lemma.as_str()),
            // A personal name or a platform ("Ales Bialiatski", "Wikipedia").
            Upos::PROPN => true,
            Upos::NOUN => {
                PEOPLE.contains(&lemma.as_str())
                    || PEOPLE.contains(&word)
                    || PUBLIC_THINGS.contains(&lemma.as_str())
                    || PUBLIC_THINGS.contains(&word)
                    || lemma == "activities"
            }
            _ => false,
        }
    }
}
