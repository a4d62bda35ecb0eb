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
//!
//! The same probes showed a few more domestic readings, kept here because they decide
//! who is on either side of acts at home: a state's military operation with no target
//! aims at the one armed group the sentence names (`armed_counterpart`); forces carried
//! in an attacked vehicle make the attack fighting (`forces_carried`); and, once all
//! events of a sentence are found (`home_adjust`), protests by the public are
//! demonstrations, prevented protests and the reasons for arrests are no events,
//! blocked access to platforms is a restriction, pleas and denials of criminal charges
//! answer the prosecuting state, and "called X a victory for Y" is no appeal. Each was
//! measured on the dev half of the gold set and on event-less probes
//! (docs/coder.md, "Session 9: domestic and targetless events").

use super::{base, lower_eq, Found, SentenceCoder};
use attache_core::Modality;
use attache_text::Upos;

/// Words for people acted on at home (beside those of `force::people_detained`).
const PEOPLE: &[&str] = &[
    "academic",
    "activist",
    "artist",
    "athlete",
    "blogger",
    "bishop",
    "boy",
    "businessman",
    "candidate",
    "child",
    "children",
    "citizen",
    "cleric",
    "comedian",
    "critic",
    "daughter",
    "defendant",
    "demonstrator",
    "depositor",
    "detainee",
    "dissident",
    "doctor",
    "editor",
    "family",
    "farmer",
    "father",
    "founder",
    "girl",
    "governor",
    "imam",
    "inmate",
    "journalist",
    "laureate",
    "lawmaker",
    "lawyer",
    "leader",
    "man",
    "mayor",
    "member",
    "men",
    "minister",
    "monk",
    "mother",
    "musician",
    "novelist",
    "nun",
    "official",
    "opponent",
    "pastor",
    "people",
    "person",
    "poet",
    "politician",
    "priest",
    "prisoner",
    "protester",
    "publisher",
    "rapper",
    "reporter",
    "resident",
    "scholar",
    "singer",
    "son",
    "student",
    "suspect",
    "supporter",
    "teacher",
    "villager",
    "voter",
    "wife",
    "woman",
    "women",
    "worker",
    "writer",
    "youth",
];

/// Things of a country's public life that its authorities restrict, ease, uphold or
/// refuse to change.
const PUBLIC_THINGS: &[&str] = &[
    "access",
    "account",
    "activity",
    "app",
    "assembly",
    "association",
    "bail",
    "bill",
    "body",
    "broadcast",
    "broadcaster",
    "channel",
    "charity",
    "church",
    "curfew",
    "demand",
    "election",
    "emergency",
    "gathering",
    "internet",
    "law",
    "licence",
    "license",
    "lockdown",
    "march",
    "measure",
    "media",
    "movement",
    "newspaper",
    "ngo",
    "organization",
    "organisation",
    "outlet",
    "party",
    "petition",
    "platform",
    "protest",
    "rally",
    "referendum",
    "registration",
    "request",
    "restriction",
    "rule",
    "saving",
    "service",
    "site",
    "station",
    "status",
    "union",
    "vigil",
    "website",
    // places put under a curfew or lockdown at home ("placed the city under lockdown")
    "capital",
    "city",
    "district",
    "province",
    "region",
    "town",
    "village",
    // institutions closed or suspended ("ordered the closure of all beauty salons")
    "business",
    "mosque",
    "office",
    "salon",
    "school",
    "shop",
    "university",
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
        code: &'static str,
        trigger: usize,
        clause: usize,
        sources: &[usize],
        location: Option<usize>,
        modality: Modality,
    ) -> (Vec<usize>, &'static str) {
        // A licence, status or registration revoked or suspended with no state named
        // (160 in the dictionary, for visas and licences of another state's people) is
        // an administrative sanction at home.
        let code = if code == "160" && self.revoked_standing(trigger) {
            "172"
        } else {
            code
        };
        if !home_code(code) || modality != Modality::Actual {
            return (Vec::new(), code);
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
            return (Vec::new(), code);
        };
        let key = self.actors[first].key.as_str();
        if doers.iter().any(|&s| self.actors[s].key != key)
            || self.home.is_some_and(|h| h != key)
            || location.is_some_and(|l| self.actors[l].key != key)
        {
            return (Vec::new(), code);
        }
        // Nothing abroad in the sentence: another state, organisation or group named
        // is a likelier party than the doer's own public.
        if self
            .actors
            .iter()
            .any(|a| a.in_sentence && a.usable && a.key != key)
            || !self.home_patient(trigger, clause, key)
        {
            return (Vec::new(), code);
        }
        (doers, code)
    }

    /// Whether verb `v` revokes or suspends a standing: "revoked the legal status of
    /// 1,500 NGOs", "suspended the licence of a TV channel".
    fn revoked_standing(&self, v: usize) -> bool {
        matches!(
            self.lemma(v).to_ascii_lowercase().as_str(),
            "revoke" | "suspend" | "cancel" | "withdraw" | "strip"
        ) && self.tree.kids(v).any(|o| {
            self.rel(o) == "obj"
                && matches!(
                    self.lemma(o).to_ascii_lowercase().as_str(),
                    "status" | "licence" | "license" | "registration" | "accreditation" | "permit"
                )
        })
    }

    /// Whether the trigger (or its clause) acts on people or things of public life that
    /// no actor covers (module doc).
    fn home_patient(&self, trigger: usize, clause: usize, key: &str) -> bool {
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
        patients.iter().any(|&p| self.home_word(p, key))
    }

    /// Whether token `p` names people or a thing of public life that no usable actor
    /// of another country than `key` covers; the doer's own people ("the opposition",
    /// "Hungarian students") are its public too.
    fn home_word(&self, p: usize, key: &str) -> bool {
        let mut own = false;
        let mut foreign = false;
        for t in std::iter::once(p).chain(self.tree.kids(p).filter(|&m| self.rel(m) != "conj")) {
            for &a in self.covering(t) {
                let a = &self.actors[a as usize];
                if a.usable && a.key == key {
                    // A place of the doer's own country ("salons in Afghanistan") says
                    // where, not who.
                    own = own || !a.place;
                } else if a.usable {
                    foreign = true;
                }
            }
        }
        // "foreign journalists", "foreign-funded groups": not the doer's own public.
        if foreign
            || self.tree.kids(p).any(|m| {
                matches!(self.rel(m), "amod" | "compound")
                    && self.lemma(m).to_ascii_lowercase().starts_with("foreign")
            })
        {
            return false;
        }
        if own {
            return true;
        }
        // "the internet shutdown", "the media blackout": what is shut down.
        if self.s.upos(p) == Upos::NOUN
            && self.tree.kids(p).any(|m| {
                self.rel(m) == "compound" && self.s.upos(m) == Upos::NOUN && self.listed_word(m)
            })
        {
            return true;
        }
        self.listed_word(p)
    }

    /// Whether token `p` is a personal pronoun, a name, or a people or public-thing
    /// word of the lists.
    fn listed_word(&self, p: usize) -> bool {
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

/// Words of an actor that is the public, not an authority: its protest is a
/// demonstration (141), not a state's formal complaint (114).
const PUBLIC_DOERS: &[&str] = &[
    "people",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "student",
    "students",
    "worker",
    "workers",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "teacher",
    "teachers",
    "farmer",
    "farmers",
    "union",
    "unions",
    "supporter",
    "supporters",
    "activist",
    "activists",
    "resident",
    "residents",
    "crowd",
    "crowds",
    "youth",
    "youths",
    "villager",
    "villagers",
    "citizen",
    "citizens",
    "opposition",
    "trader",
    "traders",
    "driver",
    "drivers",
    "lawyers",
    "women",
    "men",
    "mothers",
    "families",
    "thousands",
    "hundreds",
    "dozens",
];

/// Verbs that keep an act from happening: a protest they govern is not held.
const PREVENTING: &[&str] = &[
    "allow", "permit", "let", "prevent", "stop", "ban", "bar", "forbid", "prohibit", "block",
    "refuse", "deny",
];

/// Prepositions that give the reason for an arrest or a sentence: "detained on charges
/// of spying", "jailed over allegations of fraud", "arrested for insulting".
const REASON_PREPS: &[&str] = &["on", "over", "for", "under"];

impl SentenceCoder<'_> {
    /// Whether actor `a` is the public (protesters, students, workers, people …) by
    /// the words of its mention or its sector.
    fn public_doer(&self, a: usize) -> bool {
        let ac = &self.actors[a];
        ac.civilian
            || (!ac.place
                && !ac.armed_group
                && self.text.get(ac.start..ac.end).is_some_and(|t| {
                    t.split(|c: char| !c.is_alphanumeric())
                        .any(|w| PUBLIC_DOERS.iter().any(|o| o.eq_ignore_ascii_case(w)))
                }))
    }

    /// Readings of domestic events settled once all events of the sentence are found
    /// (module doc; called once from `code`):
    /// * a protest (114) by the public is a demonstration (141): "thousands of people
    ///   protested against the arrest of the mayor", "doctors walked out to protest a
    ///   plan" — states and officials lodge protests, crowds demonstrate;
    /// * a protest noun governed by a verb that keeps it from happening ("refused to
    ///   allow the opposition to hold a rally", "banned them from staging protests") is
    ///   no protest of anyone's;
    /// * an accusation noun that gives the reason for an arrest, a charge or a sentence
    ///   coded in the sentence ("detained a journalist on charges of spreading false
    ///   information") is the arrest's reason, not an accusation of its own;
    /// * blocking access to a platform, a website or the internet (read as a road
    ///   blocked, 144) by an authority is a restriction on its public (172);
    /// * "call" with a direct object that is neither an actor nor an event names it
    ///   ("what they called a new victory for Sudan"): no appeal (02).
    pub(super) fn home_adjust(&self, found: &mut Vec<Found>) {
        let coercions: Vec<usize> = found
            .iter()
            .filter(|f| f.code.starts_with("17") || f.code == "116")
            .map(|f| f.trigger)
            .collect();
        found.retain(|f| {
            if f.code.starts_with("14") && self.prevented(f.trigger) {
                return false;
            }
            if f.code.starts_with("02") && self.naming_call(f.trigger) {
                return false;
            }
            if f.code.starts_with("11") && f.code != "116" && self.reason_of(f.trigger, &coercions)
            {
                return false;
            }
            true
        });
        for f in found.iter_mut() {
            if f.code == "016" && f.target.is_none() {
                // "Khan has denied the corruption charges", "pleaded not guilty": the
                // defendant answers the state that charges him (gold guidelines: 016
                // towards the prosecuting state) — the story's home country, or the
                // defendant's own when nothing else is named.
                f.target = self.prosecuting_state(f.trigger, f.source, f.location);
            }
            if f.code.starts_with("114") && self.public_doer(f.source) {
                f.code = "141";
            } else if f.code.starts_with("144")
                && !self.public_doer(f.source)
                && self.blocked_access(f.trigger)
            {
                f.code = "172";
            }
        }
        // A plea whose prosecuting state is not known answers no one.
        found.retain(|f| {
            !(f.code == "016"
                && f.target.is_none()
                && self
                    .lemma(f.trigger)
                    .to_ascii_lowercase()
                    .starts_with("plead"))
        });
    }

    /// Whether the object of verb `v` carries the "under" or "to" complement `w` that
    /// belongs to the verb: "placed [the city under a lockdown]", "put [him under house
    /// arrest]", "added [six companies to its blacklist]" — the parser hangs the state
    /// a thing is put under, or the place it is put, on the thing. Only these two, and
    /// only for a pattern that requires one (`with=`): other prepositions on an object
    /// are mostly its own.
    pub(super) fn under_on_object(&self, v: usize, w: &str) -> bool {
        (lower_eq(w, "under") || lower_eq(w, "to"))
            && self.tree.kids(v).any(|o| {
                self.rel(o) == "obj"
                    && self.tree.kids(o).any(|m| {
                        base(self.rel(m)) == "nmod"
                            && self.case_of(m).is_some_and(|c| lower_eq(c, w))
                    })
            })
    }

    /// Whether "call" `v` names or schedules something rather than appealing: it has a
    /// direct object that no actor covers and that is no event noun ("celebrated what
    /// they called a new victory for Sudan", "called the ruling a win for democracy"),
    /// so its "for" phrase belongs to that object, not to an appeal ("called for talks"
    /// has no object; "called on X" names the addressee with "on"; "called a meeting of
    /// the council" asks for an event).
    fn naming_call(&self, v: usize) -> bool {
        lower_eq(self.lemma(v), "call")
            && self.s.upos(v) == Upos::VERB
            && self.tree.kids(v).any(|o| {
                self.rel(o) == "obj"
                    && !self
                        .covering(o)
                        .iter()
                        .any(|&a| self.actors[a as usize].usable)
                    // "called a meeting of the council" asks for one (an event noun).
                    && self.match_noun(o).is_none()
            })
    }

    /// Whether a protest word `t` is governed, within three heads, by a verb that keeps
    /// it from happening (`PREVENTING`).
    fn prevented(&self, t: usize) -> bool {
        let mut x = t;
        for _ in 0..3 {
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            if !matches!(
                base(self.rel(x)),
                "obj" | "xcomp" | "advcl" | "obl" | "ccomp"
            ) {
                return false;
            }
            if self.s.upos(h) == Upos::VERB && PREVENTING.iter().any(|w| lower_eq(w, self.lemma(h)))
            {
                return true;
            }
            x = h;
        }
        false
    }

    /// Whether accusation noun `t` is the reason for, or the charge of, a coercion
    /// among `coercions` (triggers): "detained [a journalist] on charges of …" (the
    /// parser hangs the reason on the person), "jailed over allegations of fraud",
    /// "filed charges against X" (the charge is the act coded).
    fn reason_of(&self, t: usize, coercions: &[usize]) -> bool {
        if self.s.upos(t) != Upos::NOUN {
            return false;
        }
        let Some(h) = self.tree.head(t) else {
            return false;
        };
        let reason = matches!(base(self.rel(t)), "obl" | "nmod")
            && self
                .case_of(t)
                .is_some_and(|c| REASON_PREPS.iter().any(|w| lower_eq(c, w)));
        if coercions.contains(&h) {
            return reason || self.rel(t) == "obj";
        }
        reason
            && matches!(self.rel(h), "obj" | "nsubj:pass")
            && self.tree.head(h).is_some_and(|v| coercions.contains(&v))
    }

    /// The state that prosecutes the author of denial `t` by `source` when it answers
    /// criminal charges ("denied the corruption charges against him", "pleaded not
    /// guilty to all counts"): the state of the court's stated place ("in a federal
    /// court in New York"), else an actor of the story's home country when the story
    /// has one and the sentence names no other state, else the source itself when
    /// nothing else is named.
    fn prosecuting_state(&self, t: usize, source: usize, location: Option<usize>) -> Option<usize> {
        const CHARGES: &[&str] = &[
            "charge",
            "count",
            "indictment",
            "guilty",
            "innocent",
            "innocence",
        ];
        let key = self.actors[source].key.as_str();
        let answers_charges = self.tree.kids(t).any(|k| {
            matches!(base(self.rel(k)), "obj" | "obl" | "xcomp")
                && CHARGES.iter().any(|w| lower_eq(w, self.lemma(k)))
        });
        if key.len() != 3 || self.actors[source].armed_group || !answers_charges {
            return None;
        }
        if let Some(l) = location.filter(|&l| self.actors[l].key.len() == 3) {
            return Some(l);
        }
        let others = |k: &str| {
            self.actors
                .iter()
                .any(|a| a.in_sentence && a.usable && a.key != key && a.key != k)
        };
        match self.home {
            Some(h) if h != key => {
                if others(h) {
                    return None;
                }
                self.actors.iter().position(|a| a.usable && a.key == h)
            }
            _ => (!others(key)).then_some(source),
        }
    }

    /// The armed group a state's military operation is aimed at when the sentence
    /// names no target but exactly one armed group and no other party: "an operation
    /// conducted by Somalia's intelligence agency, which resulted in the deaths of 16
    /// al-Shabab militants", "Pakistani forces launched an offensive in North
    /// Waziristan, where the TTP has bases". Whom else a state's forces fight in such a
    /// sentence is not said, and the group's key is often the state's own (SOM→SOM),
    /// which the place rule would give as well — but not for transnational groups
    /// (ISIS, AQ). Only for fighting (19) by doers that are no armed group.
    pub(super) fn armed_counterpart(
        &self,
        root: &str,
        trigger: usize,
        sources: &[usize],
    ) -> Option<usize> {
        // A violence noun counts only with an agent of its own ("an operation
        // conducted by NISA", "an offensive launched by forces in Puntland"): bare
        // ones are mostly background ("America's longest war", "reduce hostilities").
        let own_agent = self.s.upos(trigger) == Upos::VERB
            || self.tree.kids(trigger).any(|k| {
                (base(self.rel(k)) == "acl" && self.s.upos(k) == Upos::VERB)
                    || (base(self.rel(k)) == "nmod"
                        && self.case_of(k).is_some_and(|c| lower_eq(c, "by")))
            });
        if root != "19"
            || !own_agent
            || sources.is_empty()
            || sources
                .iter()
                .any(|&s| self.actors[s].armed_group || self.actors[s].key.is_empty())
        {
            return None;
        }
        let skeys: Vec<&str> = sources
            .iter()
            .map(|&s| self.actors[s].key.as_str())
            .collect();
        let mut group: Option<usize> = None;
        for (i, a) in self.actors.iter().enumerate() {
            if !a.in_sentence || !a.usable || sources.contains(&i) {
                continue;
            }
            if a.armed_group {
                match group {
                    Some(g) if self.actors[g].key != a.key => return None,
                    Some(_) => {}
                    None => group = Some(i),
                }
            } else if !skeys.contains(&a.key.as_str()) && !a.place {
                // Another state's forces or officials: the operation may be theirs or
                // aimed at them.
                return None;
            }
        }
        group
    }

    /// Whether the object of violence `v` is a vehicle or post carrying or holding
    /// forces ("ambushed a bus transporting paramilitary troops", "attacked a convoy
    /// carrying soldiers"): fighting forces (190), not violence on civilians.
    pub(super) fn forces_carried(&self, v: usize) -> bool {
        const FORCES: &[&str] = &[
            "soldier",
            "troop",
            "force",
            "police",
            "policeman",
            "officer",
            "personnel",
            "guard",
            "serviceman",
            "paramilitary",
        ];
        const CARRY: &[&str] = &["carry", "transport", "ferry", "escort", "house"];
        self.tree.kids(v).any(|o| {
            self.rel(o) == "obj"
                && self.tree.kids(o).any(|c| {
                    base(self.rel(c)) == "acl"
                        && CARRY.iter().any(|w| lower_eq(w, self.lemma(c)))
                        && self.tree.kids(c).any(|f| {
                            self.rel(f) == "obj" && {
                                let l = self.lemma(f).to_ascii_lowercase();
                                let w = l.strip_suffix('s').unwrap_or(&l);
                                FORCES.contains(&l.as_str()) || FORCES.contains(&w)
                            }
                        })
                })
        })
    }

    /// Whether verb `v` blocks access to a platform, a site or the internet: its object
    /// is access (to something no state actor covers) or such a thing itself.
    fn blocked_access(&self, v: usize) -> bool {
        const ONLINE: &[&str] = &[
            "access", "website", "site", "platform", "app", "internet", "account", "channel",
        ];
        self.tree.kids(v).any(|o| {
            self.rel(o) == "obj"
                && ONLINE.iter().any(|w| lower_eq(w, self.lemma(o)))
                && !self.tree.kids(o).any(|m| {
                    self.covering(m)
                        .iter()
                        .any(|&a| self.actors[a as usize].usable)
                })
        })
    }
}
