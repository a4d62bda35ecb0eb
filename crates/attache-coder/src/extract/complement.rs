//! What an embedded clause asserts: modality, and whether its event happened at all.
//!
//! Why a module of its own: the extractor finds an event word and codes it, but in news
//! a large share of event words stand in clauses that do not report the event as
//! having happened — they are what someone denies, alleges, asks for or promises. The
//! general reading is the same for all of them: climb from the event's clause to the
//! clause that governs it and ask what that governing word does to its content. The
//! cases, each written as sentences of our own in `src/tests.rs` (section "session 5,
//! clause semantics") and `data/patterns/examples.tsv` (block "session 5"):
//!
//! * **Denied content**: "North Korea denied supplying weapons to Russia", "Tehran has
//!   denied seeking nuclear weapons", "Rwanda rejected claims that its troops were
//!   fighting in Congo", "the Kremlin dismissed reports that its forces had attacked a
//!   hospital" — only the denial is an event (016); what is denied did not happen as
//!   far as the sentence says (docs/gold-guidelines.md codes the denial alone). The
//!   "that" clause of a denial verb was already left out (`unasserted`); the gerund
//!   (`xcomp`) of a denial verb and the content clause of a claim or report noun that
//!   is denied were not.
//! * **Alleged content**: "Sudan accused the UAE of arming the RSF" — the parser often
//!   hangs the "of …ing" clause on the accused noun instead of the verb; it is still
//!   the content of the accusation, and so is the content clause of an allegation noun
//!   ("the allegation that X had funded …").
//! * **Requested content beyond the request itself**: "Washington pressed Beijing to
//!   stop supplying Moscow" — the request codes its own complement ("stop", 02), and
//!   what lies deeper (the supplying) is no act of anybody's yet.
//! * **Infinitives the parser attached as adverbial clauses**: "Kenya called on
//!   Somalia to release the journalists" is often parsed with "to release" as an
//!   `advcl` of "called" rather than its `xcomp`; under a control verb (request,
//!   demand, agree, intent, refuse, threaten) a subject-less "to"-infinitive is its
//!   controlled complement all the same, so it is recoded (0253, modality request) and
//!   not coded as Kenya's release of the journalists.
//! * **Raising verbs are transparent**: "vowed to continue supplying weapons",
//!   "urged Iran to resume talks" — continue, begin, resume, try, help … pass the
//!   control of the verb above them to the event below them.
//! * **"would" after a past saying verb** is the future seen from the past (reported
//!   "will"): "France said it would send troops to Mali", "Israel warned that it would
//!   strike Iran" state an intention (CAMEO 03 for cooperation, 13 for coercion, as
//!   "will" does), not a mere possibility. Only in the complement clause of a verb of
//!   saying, announcing, warning or promising. So are "is to visit", "is going to
//!   supply"; and a raising verb under "will" recodes what it raises ("will continue to
//!   exert pressure on Iran" is a threat).
//! * **Acts that did not happen**: "failed to reach", "refrained from", "stopped short
//!   of", "has no plans to", "without meeting", "instead of", "neither X nor Y", and an
//!   event noun whose verb of taking place is negated ("the talks have not resumed"),
//!   "has yet to release"
//!   are flagged negated, like "did not meet".
//! * **Announced refusals**: "said it would not sign" (cooperation, 03–08) is a refusal
//!   (12), as the gold codes "will not succumb" (124).
//! * **Pledged force**: a coercive act under vow, promise, ready, prepared ("ready to
//!   launch an operation in northern Syria") is a threat (13), aimed at the place of the
//!   force when no one is named; the event word is not its own target.
//! * **Conditions, possibilities, hedges and topics**: anything inside an if/unless
//!   clause; an appeal that is only possible or planned ("may ask", "would ask"); a
//!   hedged passive ("is believed to have supplied"); a report under investigation; the
//!   topic of a discussion ("discuss upgrading ties", "hinting at lifting sanctions");
//!   the reason given for praise or thanks — none of them is an act of the sentence.
//! * **Nouns and verbs that control**: a noun of refusing, threatening, pledging,
//!   offering or appealing controls its infinitive ("Israel's refusal to allow aid");
//!   "told X to V" is a demand and "warned X to V" is aimed at X; a demand or appeal with
//!   a "that" clause is aimed at the clause's subject.
//! * **No doer named**: agentless passives and participles used as adjectives ("the
//!   abducted schoolgirls") are not re-read by word order; nor is an event noun under
//!   an event verb already coded ("Turkey welcomed the agreement between Armenia and
//!   Azerbaijan": Turkey made no agreement), unless the noun names its own parties or
//!   doer; nor a controlled complement whose controller was coded.
//! * **Shows of force**: a missile fired into the sea at no one is 150, like a test.
//!
//! Each reading is a function here; extract.rs calls it where the tree reading decides
//! (`emit`, `modality`, `unasserted`) and, where the word-order reading could code the
//! same word again, in its filter too.

use super::*;

/// Verbs of saying, announcing, warning and promising whose "that" clause backshifts
/// "will" to "would" in the past ("said it would", "warned that it would"). The
/// dictionary's `ctl=say` verbs count too.
const REPORTING: &[&str] = &[
    "say",
    "tell",
    "announce",
    "warn",
    "vow",
    "pledge",
    "promise",
    "declare",
    "state",
    "insist",
    "indicate",
    "signal",
    "confirm",
    "add",
    "reiterate",
    "stress",
    "threaten",
    "assure",
    "write",
    "report",
    "predict",
    "expect",
    "believe",
    "think",
    "decide",
];

/// Nouns whose content clause ("claims that …", "reports that …") is what is claimed
/// or reported, not an event the sentence asserts — when the noun is itself an
/// accusation (`ALLEGING`) or the object of a denial.
const CLAIMING: &[&str] = &[
    "claim",
    "report",
    "allegation",
    "accusation",
    "charge",
    "suggestion",
    "assertion",
    "insinuation",
    "rumor",
    "rumour",
    "speculation",
    "statement",
    "story",
    "account",
    "assessment",
];

/// Of `CLAIMING`, the nouns that are themselves accusations: their content is alleged
/// whoever holds it ("the allegation that Iran supplied the drones").
const ALLEGING: &[&str] = &["allegation", "accusation", "charge", "insinuation"];

/// Verbs whose object claim or report is being checked, not endorsed ("investigating
/// reports that troops had killed civilians").
const CHECKING: &[&str] = &[
    "investigate",
    "probe",
    "examine",
    "verify",
    "check",
    "review",
    "study",
    "assess",
    "evaluate",
];

/// Verbs of belief and report whose passive raises a hedged clause ("Iran is believed
/// to have supplied …", "he is said to have ordered …", "is suspected of …").
const HEDGING: &[&str] = &[
    "believe",
    "think",
    "suspect",
    "allege",
    "rumor",
    "rumour",
    "say",
    "report",
    "claim",
    "presume",
    "fear",
    "understand",
    "accuse",
];

impl SentenceCoder<'_> {
    /// Whether `k` is the infinitive its head controls: an `xcomp`, or a subject-less
    /// "to"-infinitive that the parser attached as `advcl` to a control verb ("called
    /// on Somalia to release …").
    pub(super) fn controlled(&self, k: usize) -> bool {
        match base(self.rel(k)) {
            "xcomp" => true,
            "advcl" => {
                let Some(h) = self.tree.head(k) else {
                    return false;
                };
                let to = self
                    .tree
                    .kids(k)
                    .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to") && m < k);
                let own_subject = self
                    .tree
                    .kids(k)
                    .any(|m| matches!(base(self.rel(m)), "nsubj" | "csubj"));
                // The sense the verb has here must be the controlling one ("called on X
                // to …", not "called a meeting … to discuss").
                to && !own_subject
                    && self.match_verb(h).map(|p| p.control).is_some_and(|c| {
                        matches!(
                            c,
                            Control::Request
                                | Control::Demand
                                | Control::Agree
                                | Control::Intent
                                | Control::Refuse
                                | Control::Threaten
                        )
                    })
            }
            _ => false,
        }
    }

    /// A raising verb with no sense of its own (continue, begin, resume, try, help):
    /// its generic dictionary line is a `ctl=raise` line without an object.
    fn transparent(&self, h: usize) -> bool {
        self.patterns
            .verb(&self.lemma(h).to_ascii_lowercase())
            .iter()
            .any(|p| {
                p.control == Control::Raise
                    && p.code.is_empty()
                    && p.object.is_empty()
                    && p.particle.is_none()
            })
    }

    /// The verb that controls the clause of `v`: its head when `v` is a controlled
    /// infinitive, looking through transparent raising verbs ("vowed to continue
    /// supplying" → vowed). `None` when `v` is not controlled.
    pub(super) fn controller(&self, v: usize) -> Option<usize> {
        let mut x = v;
        // "urged the EU to designate the Guards … and impose sanctions on Iran": a bare
        // conjunct with nothing of its own is controlled with its first conjunct.
        if base(self.rel(x)) == "conj"
            && self.s.xpos(x) == "VB"
            && !self
                .tree
                .kids(x)
                .any(|k| matches!(base(self.rel(k)), "nsubj" | "aux" | "mark"))
        {
            if let Some(h) = self.tree.head(x).filter(|&h| h < x && self.controlled(h)) {
                x = h;
            }
        }
        for _ in 0..4 {
            if !self.controlled(x) {
                return None;
            }
            let h = self.tree.head(x)?;
            if self.transparent(h) && self.controlled(h) {
                x = h;
                continue;
            }
            return Some(h);
        }
        None
    }

    fn verb_codes(&self, h: usize) -> &[crate::patterns::Pattern] {
        let l = self.lemma(h).to_ascii_lowercase();
        if matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN) {
            self.patterns.noun(&l)
        } else {
            self.patterns.verb(&l)
        }
    }

    /// A verb of denial: one with a generic 016 line ("deny"), or, given the noun it
    /// governs, a 016 line for that object ("reject/dismiss claims"; not "call", whose
    /// 016 line needs "baseless").
    fn denial_word(&self, h: usize, object: Option<&str>) -> bool {
        !matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN)
            && self.verb_codes(h).iter().any(|p| {
                p.code == "016"
                    && p.particle.is_none()
                    && (p.object.is_empty()
                        || object.is_some_and(|o| p.object.iter().any(|w| w == o)))
            })
    }

    /// A verb of accusing or criticising by its generic dictionary line (accuse, blame,
    /// condemn; not "call", whose 11 lines need a pejorative object).
    fn accusing_word(&self, h: usize) -> bool {
        self.verb_codes(h).iter().any(|p| {
            p.code.starts_with("11")
                && p.control == Control::None
                && p.object.is_empty()
                && p.particle.is_none()
                && p.with.is_none()
        })
    }

    /// Whether the clause of `v` is the content of a denial, an accusation or a
    /// request deeper than its own complement (module doc): what is denied, alleged or
    /// asked for is not reported as having happened.
    pub(super) fn reported_content(&self, v: usize) -> bool {
        // The first controlling verb above `v` recodes it (transform); a request,
        // demand, denial or accusation above that one makes it mere content.
        let mut x = v;
        // An event noun stands for the verb whose argument it is ("denied providing
        // military aid": the aid is provided).
        let mut nouns = 0;
        for _ in 0..3 {
            if !matches!(self.s.upos(x), Upos::NOUN | Upos::PROPN) {
                break;
            }
            match (self.tree.head(x), base(self.rel(x))) {
                (Some(h), "obj" | "obl" | "nmod" | "nsubj:pass" | "conj") => {
                    x = h;
                    nouns += 1;
                }
                _ => break,
            }
        }
        if x != v && matches!(self.s.upos(x), Upos::NOUN | Upos::PROPN) {
            return false;
        }
        // An event noun inside what is asked for ("asked Washington for help in the
        // fight against the cartels"); the thing asked for itself is the request's own
        // object, coded by the dictionary ("called for the release of …").
        if nouns >= 2 && self.requesting(x) {
            return true;
        }
        if self.praise_reason(x) || self.topic_of_talk(x) {
            return true;
        }
        let mut controllers = 0;
        for _ in 0..8 {
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            let r = base(self.rel(x));
            if r == "conj" {
                x = h;
                continue;
            }
            if self.controlled(x) {
                if self.transparent(h) {
                    x = h;
                    continue;
                }
                // "denied supplying weapons", "accused of arming" read as xcomp.
                if self.denial_word(h, None) || self.accusing_word(h) {
                    return true;
                }
                // "Iran is believed to have supplied …", "is said to have …": hedged.
                if self.hedging_passive(h) {
                    return true;
                }
                if controllers >= 1
                    && self
                        .head_control(h)
                        .map(|c| self.commanding(h, c))
                        .is_some_and(|c| matches!(c, Control::Request | Control::Demand))
                {
                    return true;
                }
                controllers += 1;
                x = h;
                continue;
            }
            // The content clause of a noun (the tagger sometimes reads "reports" in
            // "rejected reports that …" as a verb: an object is a noun here).
            let nounish =
                matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN) || base(self.rel(h)) == "obj";
            // A relative clause on the noun ("allegations which Togo denies") says
            // something about it, not what it claims.
            // (A "relative clause" introduced by the conjunction "that" — "a report that
            // it had sent missiles", parsed as acl:relcl with "that" as its mark — is a
            // content clause all the same.)
            let content_that = self
                .tree
                .kids(x)
                .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "that"));
            if matches!(r, "acl" | "ccomp" | "advcl")
                && nounish
                && (self.rel(x) != "acl:relcl" || content_that)
            {
                let noun = self.lemma(h).to_ascii_lowercase();
                let noun = noun.trim_end_matches('s');
                // "of" marks the clause, or stands right before it where the parser
                // hung it elsewhere ("of sending warships" with "of" on "warships").
                let of_marked = self.tree.kids(x).any(|m| {
                    matches!(self.rel(m), "mark" | "case") && lower_eq(self.lemma(m), "of")
                }) || (x > 0 && lower_eq(self.lemma(x - 1), "of"));
                let governor = self.tree.head(h);
                // "rejected claims that …", "the allegation that …", "investigating
                // reports that …".
                if r != "advcl"
                    && CLAIMING.contains(&noun)
                    && (ALLEGING.contains(&noun)
                        || governor.is_some_and(|g| {
                            base(self.rel(h)) == "obj"
                                && (self.denial_word(g, Some(noun))
                                    || CHECKING
                                        .contains(&self.lemma(g).to_ascii_lowercase().as_str()))
                        }))
                {
                    return true;
                }
                // "accused the UAE of arming the RSF" with the clause on the accused.
                if of_marked
                    && governor.is_some_and(|g| {
                        base(self.rel(h)) == "obj"
                            && (self.accusing_word(g) || self.denial_word(g, None))
                    })
                {
                    return true;
                }
                // "asked X for help in fighting the cartels": a clause on what a
                // request asks for.
                let mut n = h;
                for _ in 0..3 {
                    match (self.tree.head(n), base(self.rel(n))) {
                        (Some(g), "obj" | "obl" | "nmod" | "conj")
                            if matches!(self.s.upos(n), Upos::NOUN | Upos::PROPN) =>
                        {
                            n = g
                        }
                        _ => break,
                    }
                }
                return n != h && self.requesting(n);
            }
            return false;
        }
        false
    }

    /// A verb used in its sense of requesting or demanding ("asked … for", "called on").
    fn requesting(&self, v: usize) -> bool {
        !matches!(self.s.upos(v), Upos::NOUN | Upos::PROPN)
            && self
                .match_verb(v)
                .is_some_and(|p| matches!(p.control, Control::Request | Control::Demand))
    }

    /// "would" in the complement clause of a past verb of saying, announcing, warning
    /// or promising is the reported "will" ("France said it would send troops"): an
    /// intention, not a possibility.
    pub(super) fn future_in_past(&self, v: usize) -> bool {
        let mut x = v;
        for _ in 0..3 {
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            match base(self.rel(x)) {
                "conj" => {
                    x = h;
                    continue;
                }
                "ccomp" => {}
                _ => return false,
            }
            let l = self.lemma(h).to_ascii_lowercase();
            let reporting = REPORTING.contains(&l.as_str())
                || self
                    .patterns
                    .verb(&l)
                    .iter()
                    .any(|p| p.control == Control::Say);
            // Past by the tagger's features, else by the inflected form ("said",
            // "warned"; not "says", "warning").
            let form = self.s.form(self.text, h).to_ascii_lowercase();
            let untagged = self.s.feats_str(h) == "_" && self.s.xpos(h) == "_";
            let past = self.s.feats_str(h).contains("Tense=Past")
                || matches!(self.s.xpos(h), "VBD" | "VBN")
                || (untagged && form != l && !form.ends_with('s') && !form.ends_with("ing"))
                || self.tree.kids(h).any(|k| {
                    self.rel(k) == "aux"
                        && matches!(self.lemma(k).to_ascii_lowercase().as_str(), "have" | "be")
                });
            return reporting && past;
        }
        false
    }
}

impl SentenceCoder<'_> {
    /// An event noun that names its own parties ("the agreement between Armenia and
    /// Azerbaijan") is an event of theirs even as the object of another event ("Turkey
    /// welcomed the agreement …": Turkey's welcome, and the parties' agreement).
    pub(super) fn names_own_parties(&self, noun: usize) -> bool {
        self.tree.kids(noun).any(|k| {
            base(self.rel(k)) == "nmod"
                && self
                    .case_of(k)
                    .is_some_and(|c| lower_eq(c, "between") || lower_eq(c, "among"))
        })
    }
}

/// Verbs of taking place: an event noun as their negated subject did not happen ("the
/// talks have not resumed"; not "the pledge has not been met", which was made).
const HAPPENING: &[&str] = &[
    "resume",
    "happen",
    "occur",
    "start",
    "begin",
    "continue",
    "materialize",
    "materialise",
    "proceed",
    "take",
    "go",
    "hold",
    "convene",
    "restart",
    "end",
];

/// Verbs that entail that what they govern did not happen ("failed to reach a deal",
/// "refrained from attacking", "avoided meeting").
/// Session 9: so do the adjectives of reluctance ("Germany was reluctant to send tanks").
const NOT_DONE: &[&str] = &[
    "fail",
    "refrain",
    "avoid",
    "neglect",
    "forgo",
    "forego",
    "omit",
    "reluctant",
    "hesitant",
    "loath",
    "loth",
    "unwilling",
];

/// Nouns of intention that, with "no", deny the intention ("has no plans to send
/// troops", "no intention of meeting").
const INTENTION: &[&str] = &[
    "plan",
    "intention",
    "intent",
    "desire",
    "wish",
    "interest",
    "need",
];

impl SentenceCoder<'_> {
    /// Whether the event of `v` is denied by the verb or noun that governs it rather
    /// than by a "not" of its own: "Moscow failed to reach an agreement", "the
    /// president stopped short of accusing China", "Japan has no plans to send troops".
    /// Such events are flagged negated, like "did not meet".
    pub(super) fn implicitly_negated(&self, v: usize) -> bool {
        // "Iran has yet to release …", "is yet to recognize …": not done so far.
        if self.yet_to(v) {
            return true;
        }
        // "left without meeting Chinese officials", "instead of resuming talks", "rather
        // than negotiate": the act is not done.
        if self.tree.kids(v).any(|m| {
            matches!(self.rel(m), "mark" | "case")
                && matches!(
                    self.lemma(m).to_ascii_lowercase().as_str(),
                    "without" | "instead" | "rather"
                )
        }) {
            return true;
        }
        // "Neither Russia nor Ukraine has signed": no one did.
        if self.tree.kids(v).any(|k| {
            matches!(base(self.rel(k)), "nsubj")
                && self.tree.kids(k).any(|d| {
                    matches!(
                        self.lemma(d).to_ascii_lowercase().as_str(),
                        "neither" | "nor"
                    ) && d < k
                })
        }) {
            return true;
        }
        // An event noun whose own verb is negated: "the talks have not resumed", "the
        // visit did not take place".
        if matches!(self.s.upos(v), Upos::NOUN | Upos::PROPN)
            && matches!(self.rel(v), "nsubj" | "nsubj:pass")
            && self.tree.head(v).is_some_and(|h| {
                self.negated(h) && HAPPENING.contains(&self.lemma(h).to_ascii_lowercase().as_str())
            })
        {
            return true;
        }
        let mut x = v;
        for _ in 0..4 {
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            let r = base(self.rel(x));
            let infinitive_or_gerund = self.controlled(x)
                || (matches!(r, "advcl" | "acl")
                    && self.tree.kids(x).any(|m| {
                        matches!(self.rel(m), "mark" | "case")
                            && matches!(
                                self.lemma(m).to_ascii_lowercase().as_str(),
                                "to" | "of" | "from"
                            )
                    }));
            if !infinitive_or_gerund && r != "conj" {
                return false;
            }
            let l = self.lemma(h).to_ascii_lowercase();
            if NOT_DONE.contains(&l.as_str()) || l == "short" {
                return true;
            }
            if matches!(self.s.upos(h), Upos::NOUN)
                && INTENTION.contains(&l.trim_end_matches('s'))
                && self
                    .tree
                    .kids(h)
                    .any(|k| self.rel(k) == "det" && lower_eq(self.lemma(k), "no"))
            {
                return true;
            }
            x = h;
        }
        false
    }

    /// "Armenia said it would not attend the summit", "we will not sign the deal": a
    /// stated intention not to cooperate is a refusal (CAMEO 12; the gold guidelines
    /// code "will not succumb to pressure" as 124), not a negated event. Only for the
    /// cooperative roots 03–08 — "will not attack" is no refusal — and only when the
    /// clause carries its own "not" and "will", or "would" reported after a past saying
    /// verb.
    pub(super) fn announced_refusal(&self, clause: usize, root: &str) -> bool {
        matches!(root, "03" | "04" | "05" | "06" | "07" | "08")
            && self.negated(clause)
            && self.modality(clause) == Modality::Intent
    }

    /// "The Philippines will not be intimidated by China", "Kyiv would not be coerced":
    /// a stated refusal to give in to coercion (CAMEO 124, refuse to yield, by the
    /// passive subject to the agent; session 10), not a negated act of coercion. Only
    /// for a passive verb of coercion under "will"/"would" and "not".
    pub(super) fn defies_coercion(&self, clause: usize) -> bool {
        const COERCE: &[&str] = &["intimidate", "coerce", "blackmail", "pressure"];
        COERCE.contains(&self.lemma(clause).to_ascii_lowercase().as_str())
            && self.tree.kids(clause).any(|k| self.rel(k) == "aux:pass")
            && self.negated(clause)
            && self.modality(clause) == Modality::Intent
    }
}

impl SentenceCoder<'_> {
    /// A passive clause with no agent ("Iran is accused of supplying drones", "a
    /// convoy was attacked"): its doer is not stated, so the event is not coded
    /// (docs/gold-guidelines.md), and the word-order reading must not take the passive
    /// subject or a name before it for the doer.
    pub(super) fn agentless_passive(&self, v: usize) -> bool {
        matches!(self.s.upos(v), Upos::VERB)
            // (Not an "IS" the tagger read as the passive auxiliary: "eliminated IS
            // deputy caliph …".) A participle used as an adjective ("the abducted
            // schoolgirls", "the detained journalists") is passive too.
            // (Unless the noun is the root: then the "participle" is the main verb the
            // parser missed — "al-Shabab immediately claimed responsibility".)
            // (A "participle" with a subject of its own is a misparsed verb too:
            // "Somali forces killed 20 fighters" with "killed" on "fighters".)
            && ((self.rel(v) == "amod"
                && self.tree.head(v).is_some_and(|n| self.tree.head(n).is_some())
                && !self.tree.kids(v).any(|k| base(self.rel(k)) == "nsubj"))
                || self.tree.kids(v).any(|k| {
                    matches!(self.rel(k), "nsubj:pass" | "aux:pass")
                        && self.covering(k).is_empty()
                }))
            && !self.tree.kids(v).any(|k| {
                self.rel(k) == "obl:agent"
                    || (base(self.rel(k)) == "obl"
                        && self.case_of(k).is_some_and(|c| lower_eq(c, "by")))
            })
    }
}

impl SentenceCoder<'_> {
    /// A coercive act (16–20) under a verb of pledging or readiness ("vowed to
    /// retaliate", "is ready to launch an operation", "promised to punish"): a threat
    /// (CAMEO 13), as the same act stated with "will" is. Only for `ctl=agree` words;
    /// "decided to impose sanctions" (`ctl=intent`) reports the act.
    pub(super) fn pledged_force(
        &self,
        _h: usize,
        c: Control,
        code: &'static str,
    ) -> Option<&'static str> {
        if c == Control::Agree && matches!(&code[..2], "16" | "17" | "18" | "19" | "20") {
            transform(Control::Threaten, code)
        } else {
            None
        }
    }

    /// Whether `v` stands anywhere inside an "if"/"unless" clause ("China vowed to
    /// retaliate if the United States raised tariffs": the raising is hypothetical),
    /// also as an event noun of that clause. The threat made in the main clause is not
    /// inside it.
    pub(super) fn inside_condition(&self, v: usize) -> bool {
        let mut x = v;
        for _ in 0..10 {
            if self.condition_clause(x) {
                return true;
            }
            match self.tree.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }
}

impl SentenceCoder<'_> {
    /// Targets of a threat of force (13 recoded from 18–20): not a mention that covers
    /// the event word itself ("launch a new military operation", where "military" was
    /// read as the country's armed forces); with none left, the single place where the
    /// force would be used ("an operation in northern Syria" → Syria), as violence on a
    /// place takes the country it happens in.
    pub(super) fn threat_targets(
        &self,
        trigger: usize,
        code: &str,
        root: &str,
        sources: &[usize],
        location: Option<usize>,
        targets: &mut Vec<usize>,
    ) {
        if !(code.starts_with("13") && matches!(root, "18" | "19" | "20")) {
            return;
        }
        let covers = |a: usize| self.covering(trigger).iter().any(|&c| c as usize == a);
        targets.retain(|&t| !covers(t));
        if targets.is_empty() {
            if let Some(l) = location.filter(|&l| {
                self.actors[l].key.len() == 3
                    && sources
                        .iter()
                        .all(|&s| self.actors[s].key != self.actors[l].key)
            }) {
                targets.push(l);
            }
        }
    }
}

impl SentenceCoder<'_> {
    /// An appeal or demand that is only possible or planned ("South Korea may have to
    /// ask the U.S. to redeploy nuclear weapons", "he would ask Russia to veto"): CAMEO
    /// has no code for an intended appeal, and the gold guidelines leave such plans out.
    /// The modality is looked up on the appeal verb and the verbs it is coordinated with
    /// or controlled by ("may have to consider … or ask").
    pub(super) fn unmade_appeal(&self, h: usize) -> bool {
        let mut x = h;
        for _ in 0..4 {
            if matches!(self.modality(x), Modality::Hypothetical | Modality::Intent) {
                return true;
            }
            match self.tree.head(x) {
                Some(g) if matches!(base(self.rel(x)), "conj" | "xcomp") => x = g,
                _ => return false,
            }
        }
        false
    }
}

impl SentenceCoder<'_> {
    /// Whether `v` governs a "that" clause ("demanded that Iran stop …", "urged that
    /// the talks resume"): its subject is the one the demand or appeal is about — not
    /// a question ("'What … ?', she asked").
    pub(super) fn that_clause_of(&self, v: usize) -> bool {
        self.tree.kids(v).any(|k| {
            base(self.rel(k)) == "ccomp"
                && self
                    .tree
                    .kids(k)
                    .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "that"))
        })
    }
}

impl SentenceCoder<'_> {
    /// A passive verb of belief or report ("is believed", "is said", "was reported")
    /// over a raised clause: the clause is hedged, not asserted.
    fn hedging_passive(&self, h: usize) -> bool {
        HEDGING.contains(&self.lemma(h).to_ascii_lowercase().as_str())
            && self
                .tree
                .kids(h)
                .any(|k| matches!(self.rel(k), "aux:pass" | "nsubj:pass"))
    }

    /// The reason given for praise or thanks ("praised Pakistan for arresting the
    /// suspects", "thanked Qatar for hosting the talks"): the praise is the event;
    /// the reason is background whose doer is the one praised, not the praiser, and is
    /// not coded (as the reason given for a punishment or a criticism is not).
    pub(super) fn praise_reason(&self, v: usize) -> bool {
        let Some(h) = self.tree.head(v) else {
            return false;
        };
        matches!(base(self.rel(v)), "advcl" | "acl")
            && self
                .tree
                .kids(v)
                .any(|m| matches!(self.rel(m), "mark" | "case") && lower_eq(self.lemma(m), "for"))
            && {
                let g = if matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN) {
                    self.tree.head(h).filter(|_| base(self.rel(h)) == "obj")
                } else {
                    Some(h)
                };
                g.is_some_and(|g| {
                    !matches!(self.s.upos(g), Upos::NOUN | Upos::PROPN)
                        && self.match_verb(g).is_some_and(|p| p.code.starts_with("05"))
                })
            }
    }
}

/// Nouns that control the infinitive they govern, with the control of their verb:
/// "refusal to …" (refuse), "threat to …", "pledge/offer/promise/proposal to …"
/// (agree), "call/appeal/request to …", "demand to …".
const CONTROL_NOUNS: &[(&str, Control)] = &[
    ("refusal", Control::Refuse),
    ("threat", Control::Threaten),
    ("pledge", Control::Agree),
    ("promise", Control::Agree),
    ("offer", Control::Agree),
    ("commitment", Control::Agree),
    ("vow", Control::Agree),
    ("proposal", Control::Agree),
    ("readiness", Control::Agree),
    ("willingness", Control::Agree),
    ("plan", Control::Intent),
    ("intention", Control::Intent),
    ("call", Control::Request),
    ("appeal", Control::Request),
    ("request", Control::Request),
    ("plea", Control::Request),
    ("demand", Control::Demand),
    ("ultimatum", Control::Demand),
];

impl SentenceCoder<'_> {
    /// The noun that controls the clause of `v`: a subject-less "to"-infinitive on a
    /// noun of refusing, threatening, pledging, offering, planning, appealing or
    /// demanding ("Israel's refusal to allow aid into Gaza": the allowing is what is
    /// refused, 12x; "China's threat to invade Taiwan": 13; "Washington's offer to
    /// resume talks": 03). Without this the infinitive was coded as an act done.
    pub(super) fn noun_controller(&self, v: usize) -> Option<(usize, Control)> {
        if self.rel(v) != "acl" {
            return None;
        }
        let h = self.tree.head(v)?;
        if !matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN) {
            return None;
        }
        let to = self
            .tree
            .kids(v)
            .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to") && m < v);
        let own_subject = self
            .tree
            .kids(v)
            .any(|m| matches!(base(self.rel(m)), "nsubj" | "csubj"));
        if !to || own_subject {
            return None;
        }
        let l = self.lemma(h).to_ascii_lowercase();
        let l = l.trim_end_matches('s');
        CONTROL_NOUNS
            .iter()
            .find(|(n, _)| *n == l)
            .map(|&(_, c)| (h, c))
    }

    /// Who owns a noun of intention or speech: its possessor, a name or nationality
    /// word on it, a "by" phrase ("Israel's refusal", "the U.S. offer", "the
    /// refusal by Israel"), or its subject when the noun is a verb the tagger misread
    /// ("Japan plans to provide aid").
    pub(super) fn noun_owners(&self, n: usize, out: &mut Vec<usize>) {
        for k in self.tree.kids(n) {
            let r = self.rel(k);
            // A subject of its own: the verb "plans"/"vows" read as a noun ("Japan
            // plans to provide aid", the tagger's plural noun at the root).
            if r == "nmod:poss"
                || matches!(base(r), "compound" | "amod" | "nsubj")
                || (base(r) == "nmod" && self.case_of(k).is_some_and(|c| lower_eq(c, "by")))
            {
                self.actors_of(k, out);
            }
        }
    }
}

/// Verbs of saying that command when they have an addressee and an infinitive ("told
/// Russia to stop attacking", "instructed the ministry to draft rules").
const COMMANDING: &[&str] = &["tell", "instruct", "direct", "command"];

impl SentenceCoder<'_> {
    /// The control a saying verb exerts over an infinitive: "told X to V" is a demand
    /// (CAMEO 10; the gold codes a governor who "told city council members … to draft
    /// regulations" as 100), not reported speech. Other controls are unchanged.
    pub(super) fn commanding(&self, h: usize, c: Control) -> Control {
        // "Russia ordered Ukraine to withdraw its troops" (extract/verbal.rs).
        if self.orders_another_state(h) {
            return Control::Demand;
        }
        if c == Control::Say
            && COMMANDING.contains(&self.lemma(h).to_ascii_lowercase().as_str())
            && self
                .tree
                .kids(h)
                .any(|k| matches!(self.rel(k), "obj" | "iobj"))
        {
            Control::Demand
        } else {
            c
        }
    }

    /// A warning addressed to someone about what they are to do ("warned Ukraine to
    /// stop its attacks"): the warner is the source and the one warned the target, as
    /// for an appeal — not the one who would stop.
    pub(super) fn warned(&self, h: usize, c: Control) -> bool {
        c == Control::Threaten
            && self.tree.kids(h).any(|k| {
                matches!(self.rel(k), "obj" | "iobj")
                    && self
                        .covering(k)
                        .iter()
                        .any(|&a| self.actors[a as usize].usable)
            })
    }
}

impl SentenceCoder<'_> {
    /// The future said with "be to" ("the president is to visit Russia") or "be going
    /// to" ("Russia is going to supply Iran"): an intention, as with "will".
    pub(super) fn periphrastic_future(&self, v: usize) -> bool {
        let be = |k: usize| matches!(self.rel(k), "cop" | "aux") && lower_eq(self.lemma(k), "be");
        let to = |k: usize| self.rel(k) == "mark" && lower_eq(self.lemma(k), "to") && k < v;
        if self.tree.kids(v).any(be) && self.tree.kids(v).any(to) && !self.yet_to(v) {
            return true;
        }
        base(self.rel(v)) == "xcomp"
            && self.tree.head(v).is_some_and(|h| {
                lower_eq(self.lemma(h), "go")
                    && self.s.form(self.text, h).eq_ignore_ascii_case("going")
                    && self.tree.kids(h).any(be)
            })
    }
}

impl SentenceCoder<'_> {
    /// An event noun with its doer named on it — a possessor, or a name or nationality
    /// word before it ("al-Shabab's attack", "the Israeli strike", "the Russia attack"):
    /// the gold codes such nominal mentions like the verb, so they stay open to the
    /// word-order reading even as the object of another event.
    pub(super) fn names_own_doer(&self, noun: usize) -> bool {
        self.tree.kids(noun).any(|k| {
            (self.rel(k) == "nmod:poss" || matches!(base(self.rel(k)), "amod" | "compound"))
                && k < noun
                && self
                    .covering(k)
                    .iter()
                    .any(|&a| self.actors[a as usize].usable)
        })
    }
}

impl SentenceCoder<'_> {
    /// For an object pronoun `t` of the verb `c` coordinated with an earlier verb (and
    /// so sharing its subject, which the pronoun cannot be): the earlier verb's object
    /// actors ("China accused Washington of … and urged it to stop selling arms" → it
    /// = Washington). Returns whether any was found.
    pub(super) fn conjoined_object(&self, c: usize, t: usize, out: &mut Vec<usize>) -> bool {
        if base(self.rel(c)) != "conj" {
            return false;
        }
        let Some(h) = self.tree.head(c) else {
            return false;
        };
        let before = out.len();
        for k in self.tree.kids(h) {
            if matches!(self.rel(k), "obj" | "iobj") && !self.tree.dominates(k, t) {
                for &a in self.covering(k) {
                    let a = a as usize;
                    if self.actors[a].usable && !out.contains(&a) {
                        out.push(a);
                    }
                }
            }
        }
        out.len() > before
    }
}

impl SentenceCoder<'_> {
    /// A missile, rocket or drone fired or launched into the sea, the water or the ocean,
    /// at no named target: a show of force (CAMEO 150, like a missile test), not an
    /// attack on anyone ("North Korea fired a ballistic missile into the sea").
    pub(super) fn launch_into_sea(&self, v: usize, code: &str) -> bool {
        if !code.starts_with("19") || !matches!(self.s.upos(v), Upos::VERB) {
            return false;
        }
        let missile = self.patterns.class("missile");
        let is_missile = |k: usize| {
            missile.iter().any(|m| {
                let l = self.lemma(k).to_ascii_lowercase();
                l == *m || l.trim_end_matches('s') == m.as_str()
            })
        };
        // "fired a barrage of ballistic missiles into the sea" (session 7, place):
        // the missiles hang under the quantity noun.
        let launched = self.tree.kids(v).any(|k| {
            self.rel(k) == "obj"
                && (is_missile(k)
                    || self.tree.kids(k).any(|m| {
                        self.rel(m) == "nmod"
                            && self.case_of(m).is_some_and(|c| lower_eq(c, "of"))
                            && is_missile(m)
                    }))
        });
        let sea = (0..self.s.len()).any(|k| {
            self.tree.dominates(v, k)
                && matches!(base(self.rel(k)), "obl" | "nmod")
                && ((self.case_of(k).is_some_and(|c| {
                    lower_eq(c, "into") || lower_eq(c, "in") || lower_eq(c, "toward")
                }) && matches!(
                    self.lemma(k).to_ascii_lowercase().as_str(),
                    "sea" | "water" | "waters" | "ocean"
                ))
                    // "fired missiles off its east coast" (session 7, place)
                    || (self.case_of(k).is_some_and(|c| lower_eq(c, "off"))
                        && matches!(
                            self.lemma(k).to_ascii_lowercase().as_str(),
                            "coast" | "coastline" | "peninsula"
                        )))
        });
        // "test-fired a new missile", "test-launched": a test launch, aimed at no one.
        let test =
            v >= 2 && self.s.form(self.text, v - 1) == "-" && lower_eq(self.lemma(v - 2), "test");
        launched && (sea || test)
    }
}

/// Verbs whose gerund or "at/about" clause is the topic of talk or thought, not an act
/// ("to discuss upgrading defense ties", "hinting at lifting the sanctions").
const TOPIC: &[&str] = &[
    "discuss",
    "debate",
    "consider",
    "explore",
    "weigh",
    "mull",
    "contemplate",
    "hint",
    "float",
    "raise",
    "study",
    "examine",
    "talk",
    "speak",
];

impl SentenceCoder<'_> {
    /// Whether `v` is the topic of a verb of discussing or considering: its gerund
    /// ("discuss upgrading ties"), or a clause marked "at", "about" or "of" ("hinting at
    /// lifting the sanctions", "talked about resuming flights").
    pub(super) fn topic_of_talk(&self, v: usize) -> bool {
        let Some(h) = self.tree.head(v) else {
            return false;
        };
        if !TOPIC.contains(&self.lemma(h).to_ascii_lowercase().as_str())
            || matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN)
        {
            return false;
        }
        let gerund = base(self.rel(v)) == "xcomp"
            && self
                .s
                .form(self.text, v)
                .to_ascii_lowercase()
                .ends_with("ing");
        let marked = matches!(base(self.rel(v)), "advcl" | "ccomp" | "acl")
            && self.tree.kids(v).any(|m| {
                matches!(self.rel(m), "mark" | "case")
                    && matches!(
                        self.lemma(m).to_ascii_lowercase().as_str(),
                        "at" | "about" | "of" | "on"
                    )
            });
        gerund || marked
    }
}

impl SentenceCoder<'_> {
    /// "has yet to V", "is yet to V" (with "yet" and "to" on the verb, or on the "have"
    /// or "be" that governs it): the act has not happened so far.
    pub(super) fn yet_to(&self, v: usize) -> bool {
        let has = |x: usize, lemma: &str, rel: &str| {
            self.tree
                .kids(x)
                .any(|k| base(self.rel(k)) == rel && lower_eq(self.lemma(k), lemma))
        };
        if has(v, "yet", "advmod") && has(v, "to", "mark") {
            return true;
        }
        base(self.rel(v)) == "xcomp"
            && self.tree.head(v).is_some_and(|h| {
                matches!(self.lemma(h).to_ascii_lowercase().as_str(), "have" | "be")
                    && has(h, "yet", "advmod")
            })
    }
}

impl SentenceCoder<'_> {
    /// Whether the verb `v` asks not to be named: "who asked not to be named",
    /// "asked not to be identified", "asked that his surname not be used", "requested
    /// anonymity". Sources' conditions, said in passing: no appeal to anyone.
    pub(super) fn anonymity_request(&self, v: usize) -> bool {
        if !matches!(
            self.lemma(v).to_ascii_lowercase().as_str(),
            "ask" | "request"
        ) {
            return false;
        }
        self.tree.kids(v).any(|k| {
            let lem = self.lemma(k).to_ascii_lowercase();
            match base(self.rel(k)) {
                "obj" => matches!(lem.as_str(), "anonymity" | "anonymous"),
                "xcomp" | "ccomp" => {
                    matches!(
                        lem.as_str(),
                        "name" | "identify" | "use" | "quote" | "publish" | "disclose" | "reveal"
                    ) && (self.tree.kids(k).any(|c| self.rel(c) == "aux:pass")
                        || self.s.feats_str(k).contains("Voice=Pass"))
                }
                _ => false,
            }
        })
    }
}
